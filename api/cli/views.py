"""`partnergraph view` and `board`: the interactive graph views as offline HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from api.cli.common import (
    HORIZON_DAYS,
    AsOfOption,
    check_out_file,
    check_out_folder,
    console,
    fail,
    gap_options,
    open_configured,
    store_errors,
    writing,
)


def view(
    kind: Annotated[str, typer.Argument(help="ecosystem | cluster | model | market")],
    target: Annotated[str | None, typer.Argument(help="Id for cluster/model/market.")] = None,
    out: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("view.html"),
    lang: Annotated[str, typer.Option(help="Language of the page: da (default) or en.")] = "da",
    as_of: AsOfOption = None,
) -> None:
    """Write one interactive graph view as a self-contained HTML page.

    KIND is ecosystem, cluster ID, model ID or market CC (a country code, or a hotspot:/market:
    id). The page works offline; a cluster's gaps are drawn as dashed missing partners.
    """
    # Imported here: the view stack (pyvis, jinja) is only needed by the view commands.
    from functools import partial

    from api.cli.history import as_of_day
    from api.views.gaps import missing_partners
    from api.views.pages import MissingTarget, ViewKind, view_page
    from queries.ids import UnknownIdError

    try:
        view_kind = ViewKind(kind)
    except ValueError:
        fail(f"unknown view {kind!r}: choose ecosystem, cluster, model or market", code=2)
    if view_kind != ViewKind.ecosystem and not target:  # before the store is loaded
        fail(f"a {view_kind.value} view needs an id (see --help)", code=2)
    check_out_file(out)
    with store_errors():
        store = open_configured()
        try:
            then = as_of_day(store, as_of)  # the graph as loaded by that day, judged on it
            missing = partial(missing_partners, options=gap_options(as_of, HORIZON_DAYS))
            shown = then.store if then else store
            html = view_page(shown, view_kind, target, missing, _language(lang))
        except MissingTarget as error:
            fail(str(error), code=2)
        except UnknownIdError as error:
            fail(str(error))
        finally:
            store.close()
    with writing(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    console.print(
        f"Wrote the {view_kind.value} view to {out} (open it in a browser; works offline).",
        highlight=False,
        soft_wrap=True,
    )


def _language(lang: str) -> str:
    """`da` or `en` (any case), else a usage error (exit 2)."""
    if lang.lower() not in ("da", "en"):
        fail(f"unknown language {lang!r}: choose da or en", code=2)
    return lang.lower()


def board(
    out: Annotated[Path, typer.Option(help="Folder to write.")] = Path("board"),
    lang: Annotated[str, typer.Option(help="Language of the pages: da (default) or en.")] = "da",
    pdf: Annotated[
        Path | None,
        typer.Option(help="Also print the meeting report to this PDF (needs Chromium)."),
    ] = None,
    changes_since: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Add a page (and a chapter of the PDF) of what changed since this day.",
        ),
    ] = None,
    as_of: AsOfOption = None,
) -> None:
    """Write the static, offline board pack: every view plus an index page.

    With --pdf, also the meeting report for a board meeting: the gap summary, the market
    coverage matrix, who offers what, each cluster's gaps and next steps, and the sources.
    """
    from api.board import write_board  # the view stack is only needed here
    from api.board.report import PdfError, write_pdf

    language = _language(lang)
    check_out_folder(out)
    with store_errors(), writing(out):
        store = open_configured()
        try:
            from api.cli.history import as_of_day

            then = as_of_day(store, as_of)  # the graph as loaded by that day, judged on it
            since = changes_since.date() if changes_since else None
            pack = write_board(store, out, lang=language, changes_since=since, as_of=then)
            if pdf is not None:
                try:
                    write_pdf(store, pdf, language, since, then)
                except PdfError as error:
                    fail(str(error), code=1)
        finally:
            store.close()
    if pdf is not None:
        console.print(f"Wrote the meeting report to {pdf}.", highlight=False, soft_wrap=True)
    console.print(
        f"Wrote the board pack: {len(pack.pages)} views and an index to {out}/. "
        f"Open {pack.index.resolve().as_uri()} in a browser (works offline).",
        highlight=False,
        soft_wrap=True,
    )
