"""What the commands share: the consoles, the one-line failure, the options, the store.

The command line imports what a command needs when the command runs (inside its function):
`--help` and `--version` then start in a fraction of a second (bench/cli_start.py), without
the stores, analyses and loaders (tests/unit/test_cli_start.py)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from graph.store import GraphStore
    from queries.gaps import GapOptions

# Rich wraps at 80 columns where it cannot ask a terminal: piped to a file or a CI log, tables
# would lose columns. There no width applies (COLUMNS still does when set).
WIDTH_OFF_TERMINAL = 100_000


def _console(stderr: bool = False) -> Console:
    console = Console(stderr=stderr)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(stderr=stderr, width=WIDTH_OFF_TERMINAL)
    return console


console = _console()
errors = _console(stderr=True)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


class TabularFormat(StrEnum):
    """For results that are rows: also CSV, for a spreadsheet or a report."""

    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="How to print results.")]
TabularFormatOption = Annotated[
    TabularFormat, typer.Option("--format", help="How to print results (csv: a header, then rows).")
]
IllustrativeOption = Annotated[
    bool,
    typer.Option(
        "--include-illustrative/--no-include-illustrative",
        help="Include the illustrative (not sourced) layer of the bundled data.",
    ),
]


def fail(message: str, code: int = 1) -> NoReturn:
    errors.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def store_errors() -> Iterator[None]:
    """A store that cannot be used is a one-line message and exit code 3, never a traceback;
    another load running is exit code 4, a load that failed and was undone exit code 1."""
    from graph.store import LoadRunning, StoreError
    from loaders.batch import LoadUndone

    try:
        yield
    except LoadRunning as error:
        fail(str(error), code=4)
    except LoadUndone as error:
        fail(str(error), code=3 if error.store_failed else 1)
    except StoreError as error:
        fail(str(error), code=3)


def check_out_file(out: Path) -> None:
    """Before any work: --out must name a file whose folders are folders (made if missing)."""
    if out.is_dir():
        fail(f"--out {out}: is a folder; name a file")
    for parent in out.parents:
        if parent.exists() and not parent.is_dir():
            fail(f"--out {out}: {parent} is a file, not a folder")


def check_out_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        fail(f"--out {out}: is a file; name a folder")
    check_out_file(out / "index.html")


@contextmanager
def writing(out: Path) -> Iterator[None]:
    """A file that cannot be written (no space left, no permission) is one line and exit 1."""
    try:
        yield
    except OSError as error:
        fail(f"cannot write {out}: {error.strerror or error}")


def open_configured(include_illustrative: bool = True) -> GraphStore:
    from api.settings import Settings
    from api.store_access import configured_store

    return configured_store(Settings(), include_illustrative)


AsOfOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        help="The day agreements' validity is judged on, and the graph as loaded by its end "
        "(default: today, the graph now).",
    ),
]
HORIZON_DAYS = 180  # the default: what counts as about to expire
HorizonOption = Annotated[
    int,
    typer.Option(min=0, help="Days ahead within which an agreement counts as about to expire."),
]


def gap_options(as_of: dt.datetime | None, horizon_days: int) -> GapOptions:
    from queries.gaps import GapOptions

    day = as_of.date() if as_of else dt.date.today()
    return GapOptions(as_of=day, expiry_horizon_days=horizon_days)


@contextmanager
def analysis_errors() -> Iterator[None]:
    """An unknown cluster, model or market (with the closest ids named), a cluster that is not
    active, and a bad weights file are bad input: exit 1."""
    from queries.ids import InactiveClusterError, UnknownIdError

    with store_errors():
        try:
            yield
        except (UnknownIdError, InactiveClusterError, ValueError) as error:
            fail(str(error), code=1)
