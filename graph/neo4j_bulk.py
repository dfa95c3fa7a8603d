"""A first load through `neo4j-admin database import full`: validated batches written as CSV
files whose headers come from the schema, imported offline by the server's own jars.

Neo4j's import tool writes the store files directly, without transactions, which is what it
recommends for large first loads. It needs the database stopped and replaces it whole, so it is
only ever run into an empty database (the caller checks), and the constraints and indexes are
created afterwards from the schema (Neo4jStore.ensure_schema).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from graph.records import (
    FINGERPRINT,
    FIRSTSEEN,
    LASTUPDATED,
    LOAD_ID,
    STORE_MANAGED,
    NodeRecord,
    RelationshipRecord,
    fingerprint,
)
from graph.store import StoreError
from ontology.schema import PropertySpec, Schema

# Between the values of a list property: a control character no text of a source holds.
ARRAY_DELIMITER = "\x1f"
# The import tool's type for each Python type a property has (ontology/schema.py PYTHON_TYPES).
CSV_TYPES: dict[type, str] = {
    str: "string",
    int: "long",
    float: "double",
    bool: "boolean",
    dt.date: "date",
    dt.datetime: "datetime",
}
ADMIN_MAIN = "org.neo4j.server.startup.Neo4jAdminCommand"


@dataclass
class ImportFiles:
    """The CSV files of one import, and how many rows each kind holds."""

    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)
    node_count: int = 0
    relationship_count: int = 0


def _column(key: str, spec: PropertySpec | None) -> str:
    kind = CSV_TYPES.get(spec.python_type, "string") if spec else "string"
    return f"{key}:{kind}{'[]' if spec and spec.multi_valued else ''}"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ARRAY_DELIMITER.join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


# What a load of ours stamps on every fact, in this order after the fact's own properties.
STORE_MANAGED_COLUMNS = [
    f"{FINGERPRINT}:string",
    f"{FIRSTSEEN}:datetime",
    f"{LASTUPDATED}:datetime",
    f"{LOAD_ID}:string",
]


def node_header(label: str, schema: Schema) -> tuple[list[str], list[str]]:
    """The header of a label's node file and the property keys in its column order; `id` is
    the import id (one id space: ids are unique in the whole graph) and stored as a property."""
    specs = schema.node_properties(label)
    keys = sorted(k for k in specs if k != "id" and k not in STORE_MANAGED)
    header = ["id:ID", ":LABEL", *(_column(k, specs[k]) for k in keys)]
    return header + STORE_MANAGED_COLUMNS, keys


def relationship_header(rel_type: str, schema: Schema) -> tuple[list[str], list[str]]:
    specs = schema.relationship_properties(rel_type)
    keys = sorted(k for k in specs if k not in STORE_MANAGED)
    header = [":START_ID", ":END_ID", ":TYPE", *(_column(k, specs[k]) for k in keys)]
    return header + STORE_MANAGED_COLUMNS, keys


class ImportWriter:
    """The CSV files of one import, appended to batch by batch (a file per label and per
    relationship type, opened with its header on first use), so memory holds one batch however
    large the load; stamped as a load of ours stamps facts."""

    def __init__(self, schema: Schema, directory: Path, load_id: str) -> None:
        self.schema = schema
        self.directory = directory
        self.stamp = (dt.datetime.now(dt.UTC).isoformat(), load_id)
        self.files = ImportFiles()
        # file -> its handle, csv writer, property keys in column order, and the keys it takes
        self._open: dict[str, tuple[IO[str], Any, list[str], frozenset[str]]] = {}

    def add(self, nodes: Sequence[NodeRecord], relationships: Sequence[RelationshipRecord]) -> None:
        now, load_id = self.stamp
        for record in nodes:
            out, keys, known = self._file("nodes", record.label, node_header)
            _refuse_unknown(record.label, known, record.properties)
            out.writerow(
                [
                    record.id,
                    record.label,
                    *(_cell(record.properties.get(k)) for k in keys),
                    *(fingerprint(record.properties), now, now, load_id),
                ]
            )
        for rel in relationships:
            out, keys, known = self._file("relationships", rel.type, relationship_header)
            _refuse_unknown(rel.type, known, rel.properties)
            out.writerow(
                [
                    rel.start,
                    rel.end,
                    rel.type,
                    *(_cell(rel.properties.get(k)) for k in keys),
                    *(fingerprint(rel.properties), now, now, load_id),
                ]
            )
        self.files.node_count += len(nodes)
        self.files.relationship_count += len(relationships)

    def close(self) -> ImportFiles:
        for handle, *_ in self._open.values():
            handle.close()
        self._open.clear()
        self.files.nodes.sort()
        self.files.relationships.sort()
        return self.files

    def _file(
        self, section: str, name: str, make_header: Any
    ) -> tuple[Any, list[str], frozenset[str]]:
        opened = self._open.get(f"{section}-{name}")
        if opened is None:
            header, keys = make_header(name, self.schema)
            path = self.directory / f"{section}-{name}.csv"
            handle = path.open("w", newline="", encoding="utf-8", buffering=1 << 20)
            writer = csv.writer(handle)
            writer.writerow(header)
            opened = (handle, writer, keys, frozenset({*keys, "id"}))
            self._open[f"{section}-{name}"] = opened
            (self.files.nodes if section == "nodes" else self.files.relationships).append(path)
        return opened[1], opened[2], opened[3]


def write_import_files(
    nodes: Sequence[NodeRecord],
    relationships: Sequence[RelationshipRecord],
    schema: Schema,
    directory: Path,
    load_id: str,
) -> ImportFiles:
    """All records at once (small loads and tests); `ImportWriter` appends batch by batch."""
    writer = ImportWriter(schema, directory, load_id)
    try:
        writer.add(nodes, relationships)
    finally:
        files = writer.close()
    return files


def _refuse_unknown(what: str, known: frozenset[str], properties: dict[str, Any]) -> None:
    """A property the schema does not declare would be dropped by the generated header; the
    loader's validation refuses those, so this only guards against the two drifting apart."""
    if not properties.keys() <= known:
        extra = sorted(set(properties) - known)
        raise StoreError(f"{what} has properties the schema does not declare: {extra}")


def admin_import_command(
    lib_dir: Path, home_dir: Path, conf_dir: Path, database: str, files: ImportFiles, report: Path
) -> list[str]:
    """`neo4j-admin database import full` as the local server's jars run it."""
    java = Path(os.environ["JAVA_HOME"]) / "bin" / "java" if "JAVA_HOME" in os.environ else "java"
    command = [
        str(java),
        f"-Xmx{os.environ.get('NEO4J_IMPORT_HEAP', '1g')}",
        "-cp",
        f"{lib_dir}/*",
        ADMIN_MAIN,
        "database",
        "import",
        "full",
        database,
        "--overwrite-destination=true",
        f"--array-delimiter={ARRAY_DELIMITER}",
        "--multiline-fields=true",
        "--bad-tolerance=0",  # validated rows only: anything the tool refuses is an error
        f"--max-off-heap-memory={os.environ.get('NEO4J_IMPORT_MEMORY', '2G')}",
        f"--report-file={report}",
    ]
    command += [f"--nodes={path}" for path in files.nodes]
    command += [f"--relationships={path}" for path in files.relationships]
    return command


def run_admin_import(
    lib_dir: Path, home_dir: Path, conf_dir: Path, database: str, files: ImportFiles, log: Path
) -> None:
    """Raises StoreError with the tool's last lines if it fails."""
    command = admin_import_command(
        lib_dir, home_dir, conf_dir, database, files, log.with_suffix(".report")
    )
    env = {**os.environ, "NEO4J_HOME": str(home_dir), "NEO4J_CONF": str(conf_dir)}
    with log.open("w") as out:
        done = subprocess.run(command, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        tail = " / ".join(log.read_text(errors="replace").strip().splitlines()[-3:])
        raise StoreError(f"neo4j-admin database import failed (log: {log}): {tail}")
