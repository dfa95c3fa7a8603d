"""`partnergraph load`: validate sources and load them into the store."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.table import Table

from api.cli.common import (
    FormatOption,
    IllustrativeOption,
    OutputFormat,
    console,
    errors,
    fail,
    store_errors,
)

if TYPE_CHECKING:  # the loaders and stores are imported when the command runs
    from graph.records import GraphCounts, WriteCounts
    from graph.store import GraphStore
    from loaders.batch import SourceBatch
    from loaders.problems import LoadError
    from loaders.sources import Source


def load(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="YAML/JSON/Turtle files or CSV folders (default: bundled data)."),
    ] = None,
    include_illustrative: IllustrativeOption = True,
    output_format: FormatOption = OutputFormat.table,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Say what would be created, changed and removed; write nothing."
        ),
    ] = False,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="First load into an EMPTY local Neo4j through neo4j-admin database import "
            "(stops and restarts the server deploy/neo4j/neo4j.sh runs; not for Aura or a "
            "cluster).",
        ),
    ] = False,
) -> None:
    """Validate sources and load them into the store; loading twice changes nothing.

    Sources may be survey workbooks (.xlsx) returned by clusters (`partnergraph survey-kit`).

    Every problem found is listed with its file, row and field, and then nothing is loaded.
    The memory store keeps nothing between commands: there `load` checks the sources on top of
    the bundled data and reports what the graph would hold.
    """
    from api.settings import Settings
    from api.store_access import empty_or_persistent_store
    from loaders.pipeline import load_bundled
    from loaders.problems import LoadError

    if bulk and dry_run:
        fail("--bulk and --dry-run do not go together: run --dry-run alone first", code=2)
    settings = Settings()
    started = time.perf_counter()
    with store_errors():
        if bulk:
            from api.cli.load_bulk import bulk_load

            try:
                counts, batches, bulk_store = bulk_load(
                    settings, _sources(paths, include_illustrative)
                )
            except LoadError as error:
                _refuse(error)
            graph_counts = bulk_store.counts()
            bulk_store.close()
            _report(bulk_store.kind, counts, batches, graph_counts, started, output_format)
            return
        store = empty_or_persistent_store(settings)
        sources = _sources(paths, include_illustrative)
        if store.kind == "memory" and paths:
            load_bundled(store, include_illustrative)
        if dry_run:
            with store.exclusive_load():
                _print_plan(store, _validated(store, sources), output_format)
            store.close()
            return
        with store.exclusive_load():  # validated against the store as it is when written
            counts, batches = _validate_and_write(store, sources)
            if settings.partnergraph_history_days is not None:
                kept_from = dt.datetime.now(dt.UTC) - dt.timedelta(
                    days=settings.partnergraph_history_days
                )
                store.prune_history(kept_from)
        graph_counts = store.counts()
        store.close()
    _report(store.kind, counts, batches, graph_counts, started, output_format)


def _sources(paths: list[Path] | None, include_illustrative: bool) -> list[Source]:
    from loaders.sources import bundled_sources, discover

    try:
        return discover(paths) if paths else bundled_sources(include_illustrative)
    except (FileNotFoundError, ValueError) as error:
        fail(str(error))


def _refuse(error: LoadError) -> NoReturn:
    for line in error.listing():
        errors.print(line, highlight=False, markup=False, soft_wrap=True)
    fail(f"{len(error.problems)} problem(s) found; nothing was loaded")


def _report(
    store_kind: str,
    counts: WriteCounts,
    batches: list[SourceBatch],
    graph_counts: GraphCounts,
    started: float,
    output_format: OutputFormat,
) -> None:
    seconds = time.perf_counter() - started
    summary = _load_summary(counts)
    if output_format == OutputFormat.json:
        console.print_json(
            json.dumps(
                {
                    "store": store_kind,
                    "sources": [b.source_id for b in batches],
                    "seconds": round(seconds, 3),
                    "by_type": summary,
                    "graph": {
                        "nodes": graph_counts.node_total,
                        "relationships": graph_counts.relationship_total,
                    },
                }
            )
        )
        return
    table = Table(
        title=f"Loaded {len(batches)} source(s) into the {store_kind} store in {seconds:.2f} s"
    )
    for column in ("type", "created", "updated", "unchanged", "removed"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for name, row in summary.items():
        table.add_row(name, *(str(row[c]) for c in ("created", "updated", "unchanged", "removed")))
    console.print(table)
    console.print(
        f"The graph holds {graph_counts.node_total} nodes and "
        f"{graph_counts.relationship_total} relationships."
    )


def _validated(store: GraphStore, sources: list[Source]) -> list[SourceBatch]:
    from loaders.pipeline import prepare
    from loaders.problems import LoadError
    from ontology.schema import load_schema

    try:
        return prepare(sources, store, load_schema())
    except LoadError as error:
        _refuse(error)


def _print_plan(store: GraphStore, batches: list[SourceBatch], output_format: OutputFormat) -> None:
    from loaders.dry_run import planned_changes

    lines = planned_changes(store, batches)
    if output_format == OutputFormat.json:
        console.print_json(json.dumps({"dry_run": True, "changes": lines}))
        return
    for line in lines:
        console.print(f"would {line}", highlight=False, markup=False, soft_wrap=True)
    console.print(
        f"Dry run: {len(lines)} change(s) found; nothing was written."
        if lines
        else "Dry run: the load would change nothing; nothing was written.",
        highlight=False,
    )


def _validate_and_write(
    store: GraphStore, sources: list[Source]
) -> tuple[WriteCounts, list[SourceBatch]]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from loaders.batch import write_batches

    batches = _validated(store, sources)
    total = sum(batch.size for batch in batches)
    with Progress(
        TextColumn("loading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        disable=not sys.stderr.isatty() or total < 10_000,
        transient=True,
    ) as bar:
        task = bar.add_task("load", total=total)
        counts = write_batches(store, batches, lambda n: bar.advance(task, n), release=True)
    return counts, batches


def _load_summary(counts: WriteCounts) -> dict[str, dict[str, int]]:
    names = sorted(
        set(counts.created) | set(counts.updated) | set(counts.unchanged) | set(counts.removed)
    )
    return {
        name: {c: getattr(counts, c)[name] for c in ("created", "updated", "unchanged", "removed")}
        for name in names
    }
