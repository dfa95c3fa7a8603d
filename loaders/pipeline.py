"""get -> transform -> validate -> load -> cleanup, for every source of one `load`.

All sources of one load are read and validated before anything is written: a problem anywhere
loads nothing, so the store stays exactly as it was. The ontology's own individuals (the four
models and the partner roles) and the reference countries (every ISO 3166-1 country) are always
part of a load: any source may refer to them, and a load of one folder into an empty store
still knows every country.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TypeVar

from graph.records import WriteCounts
from graph.store import GraphStore, Progress
from loaders.batch import SourceBatch, write_batches
from loaders.problems import LoadError, Problem
from loaders.rdf_source import read_rdf
from loaders.reference import read_reference, reference_sources
from loaders.sources import (
    ONTOLOGY_MODELS_SOURCE,
    RDF_FORMATS,
    RawSource,
    Source,
    bundled_sources,
    display,
    read_csv_folder,
    read_document,
)
from loaders.transform import node_from_raw, relationship_from_raw
from loaders.validate import check_contact_numbers, check_records, check_references
from loaders.workbook import read_workbook
from ontology.schema import MODELS_FILE, Schema, load_schema

T = TypeVar("T")


def transform(raw: RawSource, schema: Schema) -> tuple[SourceBatch, list[Problem]]:
    batch = SourceBatch(raw.source.source_id)
    problems = list(raw.problems)
    for origin, row in _taken(raw.nodes):
        node = node_from_raw(row, raw.defaults, batch.source_id, origin, schema, problems)
        if node is not None:
            batch.nodes.append(node)
    for origin, row in _taken(raw.relationships):
        rel = relationship_from_raw(row, raw.defaults, batch.source_id, origin, schema, problems)
        if rel is not None:
            batch.relationships.append(rel)
    if raw.columns:  # a workbook: each problem in a row also names its column
        problems = [_in_column(p, raw.columns) for p in problems]
    return batch, problems


def _taken(rows: list[T]) -> Iterator[T]:
    """Each row in order, dropped from `rows` as it is read: a large source's raw rows are freed
    as their records are made, not held beside all of them."""
    rows.reverse()
    while rows:
        yield rows.pop()


def _in_column(problem: Problem, columns: dict[str, dict[str, str]]) -> Problem:
    column = columns.get(problem.origin, {}).get(problem.field)
    if column is None:
        return problem
    return Problem(f"{problem.origin} {column}", problem.field, problem.value, problem.expected)


def read_batch(
    source: Source, schema: Schema, store: GraphStore | None = None
) -> tuple[SourceBatch, list[Problem]]:
    """get + transform for one source (a workbook names actors, which the store resolves)."""
    if source.kind == "workbook":
        assert store is not None, "a survey workbook's names are resolved against the store"
        return transform(read_workbook(source, store), schema)
    if source.kind == "rdf":
        return transform(
            read_rdf(source.path, source, schema, RDF_FORMATS[source.path.suffix]), schema
        )
    if source.kind == "reference":
        return transform(read_reference(source), schema)
    raw = read_csv_folder(source) if source.kind == "csv" else read_document(source)
    return transform(raw, schema)


def models_source() -> Source:
    return Source(ONTOLOGY_MODELS_SOURCE, MODELS_FILE, "rdf")


def with_the_always_loaded(sources: Sequence[Source]) -> list[Source]:
    """The ontology's individuals and the reference countries (unless given), then `sources`."""
    given = {source.source_id for source in sources}
    always = [s for s in (models_source(), *reference_sources()) if s.source_id not in given]
    return [*always, *sources]


def prepare(sources: Sequence[Source], store: GraphStore, schema: Schema) -> list[SourceBatch]:
    """Read and validate every source; LoadError with every problem found, or the batches."""
    batches, problems = [], []
    read_from: dict[str, str] = {}  # source id -> the file that gave it
    for source in with_the_always_loaded(sources):
        batch, found = read_batch(source, schema, store)
        if batch.source_id in read_from:  # two survey workbooks of one cluster
            found.append(
                Problem(
                    display(source.path),
                    "source",
                    batch.source_id,
                    f"given twice in one load (also by {read_from[batch.source_id]}); load one",
                )
            )
        read_from[batch.source_id] = display(source.path)
        batches.append(batch)
        problems += found + check_records(batch, schema) + check_contact_numbers(batch)
    problems += check_references(batches, store, schema)
    if problems:
        raise LoadError(problems)
    return batches


def load_sources(
    store: GraphStore,
    sources: Sequence[Source],
    progress: Progress | None = None,
    at: dt.datetime | None = None,
) -> WriteCounts:
    """`at`: the load's time in its change set (default now; tests date their loads)."""
    with store.exclusive_load():  # validated against the store as it is when written
        batches = prepare(sources, store, load_schema())
        return write_batches(store, batches, progress, at, release=True)


def load_bundled(store: GraphStore, include_illustrative: bool = True) -> WriteCounts:
    """The bundled Danish data (and the illustrative layer), as the embedded store starts with."""
    return load_sources(store, bundled_sources(include_illustrative))
