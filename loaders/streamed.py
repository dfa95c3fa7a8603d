"""Validation of a load too large to hold, chunk by chunk, for `load --bulk` into an EMPTY store.

The checks of `prepare` (loaders/pipeline.py): per fact on each chunk as it is read, per source
on the few relationships the contact-person rule needs, and across sources on what is kept of
every fact: node ids, relationship keys (the change set needs them anyway), agreement parties
and the references not yet resolved (an end may be defined by a later file or source). Memory
holds one chunk of records, not the load. The store is empty (the caller checked), so nothing
in it can own an id, resolve a reference or be a party.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence

from graph.records import RelationshipRecord
from graph.store import FactKey, GraphStore
from loaders.batch import SourceBatch
from loaders.pipeline import read_batch, transform, with_the_always_loaded
from loaders.problems import LoadError, Problem
from loaders.sources import Source, csv_folder_chunks, display
from loaders.validate import check_contact_numbers, check_records, closest
from ontology.names import Label, Rel
from ontology.schema import Schema

# Rows of a CSV source validated (and written) at a time; the tests make it small.
CHUNK_ROWS = int(os.environ.get("PARTNERGRAPH_BULK_CHUNK_ROWS", 50_000))
CONTACT_TYPES = {Rel.CONTACT_FOR, Rel.HAS_CONTACT}


class StreamedValidation:
    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.problems: list[Problem] = []
        self.defined: dict[str, str] = {}  # node id -> the source that defines it
        self.keys: set[FactKey] = set()  # every relationship's key
        self.created: Counter[str] = Counter()  # label or type -> facts
        self.sources: list[str] = []
        self._read_from: dict[str, str] = {}  # source id -> the file that gave it
        self._twice: set[FactKey] = set()
        self._unresolved: list[tuple[str, str, str]] = []  # origin, field, id
        self._parties: Counter[str] = Counter()
        self._agreements: dict[str, str] = {}  # agreement id -> origin

    def chunks(self, sources: Sequence[Source], store: GraphStore) -> Iterator[SourceBatch]:
        """Each source's records chunk by chunk, checked as they come; problems are collected
        (`problems`), and `finish` adds what needs every source."""
        for source in with_the_always_loaded(sources):
            contacts = SourceBatch(source.source_id)  # what check_contact_numbers reads
            for number, (batch, found) in enumerate(self._read(source, store)):
                if number == 0:
                    self._first_of(batch.source_id, source)
                contacts.source_id = batch.source_id
                self.problems += found + check_records(batch, self.schema)
                self._across(batch)
                contacts.relationships += _contact_facts(batch)
                yield batch
            self.problems += check_contact_numbers(contacts)

    def finish(self) -> None:
        """LoadError with every problem found, once every source has been read."""
        for origin, field, node_id in self._unresolved:
            if node_id not in self.defined:
                self.problems.append(
                    Problem(origin, field, node_id, f"unknown id{closest(node_id, self.defined)}")
                )
        for agreement, origin in self._agreements.items():
            if self._parties[agreement] < 2:
                self.problems.append(
                    Problem(
                        origin,
                        "parties",
                        self._parties[agreement],
                        "an agreement needs at least two PARTY_TO parties",
                    )
                )
        if self.problems:
            raise LoadError(self.problems)

    def _read(
        self, source: Source, store: GraphStore
    ) -> Iterator[tuple[SourceBatch, list[Problem]]]:
        if source.kind == "csv":
            for raw in csv_folder_chunks(source, CHUNK_ROWS):
                yield transform(raw, self.schema)
        else:  # documents, workbooks and Turtle files are small: read whole, as `load` does
            yield read_batch(source, self.schema, store)

    def _first_of(self, source_id: str, source: Source) -> None:
        if source_id in self._read_from:  # two survey workbooks of one cluster
            self.problems.append(
                Problem(
                    display(source.path),
                    "source",
                    source_id,
                    f"given twice in one load (also by {self._read_from[source_id]}); load one",
                )
            )
        else:
            self.sources.append(source_id)
        self._read_from[source_id] = display(source.path)

    def _across(self, batch: SourceBatch) -> None:
        """What `check_references` checks, on one chunk, keeping ids and keys, not records."""
        for node in batch.nodes:
            node_id = sys.intern(node.id)  # one string per id, shared by the keys below
            if node_id in self.defined:
                also = self.defined[node_id]
                self.problems.append(
                    Problem(node.origin, "id", node_id, f"defined twice (also in {also})")
                )
            self.defined[node_id] = batch.source_id
            self.created[node.label] += 1
            if node.label == Label.Agreement:
                self._agreements[node_id] = node.origin
        for rel in batch.relationships:
            key = (sys.intern(rel.start), rel.type, sys.intern(rel.end), rel.key[3])
            if key in self.keys:
                if key not in self._twice:
                    self._twice.add(key)
                    self.problems.append(
                        Problem(
                            rel.origin, "type", rel.type, f"{rel.start} -> {rel.end} stated twice"
                        )
                    )
                continue
            self.keys.add(key)
            self.created[rel.type] += 1
            for field, node_id in (("from", rel.start), ("to", rel.end)):
                if node_id not in self.defined:
                    self._unresolved.append((rel.origin, field, node_id))
            for field in ("role", "model"):  # edge properties whose values are ids
                value = rel.properties.get(field)
                if value is not None and value not in self.defined:
                    self._unresolved.append((rel.origin, field, value))
            if rel.type == Rel.PARTY_TO:
                self._parties[rel.end] += 1


def _contact_facts(batch: SourceBatch) -> list[RelationshipRecord]:
    """What check_contact_numbers reads of a chunk: the contact persons it names, and each
    partnership's number of them alone (a bulk load may state millions of partnerships)."""
    kept = []
    for rel in batch.relationships:
        if rel.type in CONTACT_TYPES:
            kept.append(rel)
        elif rel.type == Rel.PARTNERS_WITH and "contact_persons" in rel.properties:
            number = {"contact_persons": rel.properties["contact_persons"]}
            kept.append(dataclasses.replace(rel, properties=number))
    return kept
