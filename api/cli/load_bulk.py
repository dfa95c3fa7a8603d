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
from graph.neo4j_bulk import ImportFiles, run_admin_import, write_import_files
from graph.neo4j_local import LocalServer
from graph.neo4j_store import Neo4jStore
from graph.records import WriteCounts
from graph.store import StoreError
from loaders.batch import SourceBatch
from loaders.pipeline import prepare
from loaders.problems import LoadError
from loaders.sources import Source
from ontology.schema import load_schema


def bulk_load(
    settings: Settings, sources: list[Source]
) -> tuple[WriteCounts, list[SourceBatch], Neo4jStore]:
    """Validate as `load` does, refuse a database that is not empty, import offline with the
    server stopped, start it again and create the constraints and indexes. Returns the counts,
    the batches and the store (open, on the restarted server)."""
    server = LocalServer.from_environment()
    if settings.partnergraph_store != "neo4j":
        fail("--bulk loads into Neo4j: set PARTNERGRAPH_STORE=neo4j")
    if not server.serves(settings.neo4j_uri) or not server.running():
        fail(
            f"--bulk imports offline into the local server deploy/neo4j/neo4j.sh runs "
            f"(bolt port {server.bolt_port}, files in {server.run_dir}), and none serves "
            f"{settings.neo4j_uri}; on Aura or a cluster use `partnergraph load`"
        )
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
    try:
        batches = prepare(sources, store, schema)
    except LoadError:
        store.close()
        raise
    store.close()
    load_id = f"bulk-{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:12]}"
    with tempfile.TemporaryDirectory(prefix="bulk-", dir=_scratch(server)) as tmp:
        files = write_import_files(
            [n for b in batches for n in b.nodes],
            [r for b in batches for r in b.relationships],
            schema,
            Path(tmp),
            load_id,
        )
        _import_with_server_stopped(server, settings.neo4j_database, files, Path(tmp))
    store = Neo4jStore(settings.neo4j_uri, settings.neo4j_auth, settings.neo4j_database)
    store.ensure_schema()
    store.await_indexes()
    store.record_changes(_first_load(load_id, batches))
    return _created(batches), batches, store


def _first_load(load_id: str, batches: list[SourceBatch]) -> ChangeSet:
    """The import's change set, as an ordinary first load records it: every fact created, kept
    as its key (the values are the graph's), so history begins with the bulk load."""
    return ChangeSet(
        load_id,
        dt.datetime.now(dt.UTC),
        sorted({batch.source_id for batch in batches}),
        created_nodes={node.id for batch in batches for node in batch.nodes},
        created_relationships={rel.key for batch in batches for rel in batch.relationships},
    )


def _scratch(server: LocalServer) -> Path:
    """Beside the database (the same disk), not in /tmp, which may be small."""
    scratch = server.run_dir / "import"
    scratch.mkdir(parents=True, exist_ok=True)
    return scratch


def _import_with_server_stopped(
    server: LocalServer, database: str, files: ImportFiles, scratch: Path
) -> None:
    server.stop()
    try:
        run_admin_import(
            server.lib_dir,
            server.run_dir,
            server.conf_dir,
            database,
            files,
            server.run_dir / "logs" / "bulk-import.log",
        )
    except StoreError:
        # A failed import leaves store files the server cannot open; the database was empty
        # (checked above), so removing them gives it back as it was: empty.
        server.remove_database_files(database)
        raise
    finally:
        server.start()  # whatever happened, the server runs again


def _created(batches: list[SourceBatch]) -> WriteCounts:
    counts = WriteCounts()
    for batch in batches:
        counts.created.update(n.label for n in batch.nodes)
        counts.created.update(r.type for r in batch.relationships)
    return counts
