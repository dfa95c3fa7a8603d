"""`partnergraph load --bulk`: a first load into an empty local Neo4j through
`neo4j-admin database import full` (graph/neo4j_bulk.py), for data too large for transactions."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
import uuid
from pathlib import Path

from api.cli.common import fail
from api.settings import Settings
from graph.history import ChangeSet
from graph.neo4j_bulk import ImportFiles, ImportWriter, run_admin_import
from graph.neo4j_local import LocalServer
from graph.neo4j_store import Neo4jStore
from graph.records import WriteCounts
from graph.store import StoreError
from loaders.batch import SourceBatch
from loaders.sources import Source
from loaders.streamed import StreamedValidation
from ontology.schema import load_schema


def bulk_load(
    settings: Settings, sources: list[Source], timings: dict[str, float] | None = None
) -> tuple[WriteCounts, list[SourceBatch], Neo4jStore]:
    """Validate as `load` does, refuse a database that is not empty, import offline with the
    server stopped, start it again and create the constraints and indexes. Returns the counts,
    the batches (their source ids only: the records went to the CSV files) and the store (open,
    on the restarted server). `timings`, if given, gets the seconds of each step."""
    server = LocalServer.from_environment()
    if settings.partnergraph_store != "neo4j":
        fail("--bulk loads into Neo4j: set PARTNERGRAPH_STORE=neo4j")
    if not server.serves(settings.neo4j_uri) or not server.running():
        fail(
            f"--bulk imports offline into the local server deploy/neo4j/neo4j.sh runs "
            f"(bolt port {server.bolt_port}, files in {server.run_dir}), and none serves "
            f"{settings.neo4j_uri}; on Aura or a cluster use `partnergraph load`"
        )
    took = timings if timings is not None else {}
    store = Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database)
    held = store.counts()
    if held.node_total:
        store.close()
        fail(
            f"database {settings.neo4j_database!r} at {settings.neo4j_uri} is not empty "
            f"({held.node_total} nodes, {held.relationship_total} relationships): --bulk only "
            "loads into an empty database; nothing was loaded (use `partnergraph load`)"
        )
    schema = load_schema()
    load_id = f"bulk-{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:12]}"
    check = StreamedValidation(schema)
    # The CSV files are written as the sources are validated, into a scratch folder removed
    # whatever happens: bad input anywhere leaves no file behind and the import never runs.
    with tempfile.TemporaryDirectory(prefix="bulk-", dir=_scratch(server)) as tmp:
        started = time.perf_counter()
        writer = ImportWriter(schema, Path(tmp), load_id)
        try:
            for chunk in check.chunks(sources, store):
                if not check.problems:  # once input is bad, only validate (nothing is imported)
                    writer.add(chunk.nodes, chunk.relationships)
        finally:
            files = writer.close()
            store.close()
        check.finish()  # LoadError: nothing imported, the scratch folder goes
        took["validate_and_csv_s"] = time.perf_counter() - started
        took["csv_mib"] = (
            sum(f.stat().st_size for f in [*files.nodes, *files.relationships]) / 2**20
        )
        _import_with_server_stopped(server, settings.neo4j_database, files, took)
    started = time.perf_counter()
    store = Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database)
    store.ensure_schema()
    store.await_indexes()
    took["schema_s"] = time.perf_counter() - started
    started = time.perf_counter()
    store.record_changes(_first_load(load_id, check))
    took["history_s"] = time.perf_counter() - started
    counts = WriteCounts()
    counts.created.update(check.created)
    return counts, [SourceBatch(source_id) for source_id in check.sources], store


def _first_load(load_id: str, check: StreamedValidation) -> ChangeSet:
    """The import's change set, as an ordinary first load records it: every fact created, kept
    as its key (the values are the graph's), so history begins with the bulk load."""
    return ChangeSet(
        load_id,
        dt.datetime.now(dt.UTC),
        sorted(set(check.sources)),
        created_nodes=set(check.defined),
        created_relationships=check.keys,
    )


def _scratch(server: LocalServer) -> Path:
    """Beside the database (the same disk), not in /tmp, which may be small."""
    scratch = server.run_dir / "import"
    scratch.mkdir(parents=True, exist_ok=True)
    return scratch


def _import_with_server_stopped(
    server: LocalServer, database: str, files: ImportFiles, took: dict[str, float]
) -> None:
    started = time.perf_counter()
    server.stop()
    took["stop_s"] = time.perf_counter() - started
    try:
        started = time.perf_counter()
        run_admin_import(
            server.lib_dir,
            server.run_dir,
            server.conf_dir,
            database,
            files,
            server.run_dir / "logs" / "bulk-import.log",
        )
        took["import_s"] = time.perf_counter() - started
    except StoreError:
        # A failed import leaves store files the server cannot open; the database was empty
        # (checked above), so removing them gives it back as it was: empty.
        server.remove_database_files(database)
        raise
    finally:
        started = time.perf_counter()
        server.start()  # whatever happened, the server runs again
        took["start_s"] = time.perf_counter() - started
