"""Read-only Cypher for analysts' tools, on the Neo4j store."""

from __future__ import annotations

from fastapi import APIRouter

from api.cypher_answers import cypher_rows
from api.deps import SettingsDep, StoreDep
from api.schemas import CypherQuery, CypherRows, Message

router = APIRouter(prefix="/cypher", tags=["cypher"])


@router.post(
    "",
    response_model=CypherRows,
    responses={
        403: {"model": Message, "description": "The query writes or administers: refused."},
        408: {"model": Message, "description": "The query ran past the server-side timeout."},
        422: {"description": "Neo4j cannot run the query (syntax, parameters), or a bad body."},
        501: {"model": Message, "description": "The API runs on the memory store."},
    },
)
def run_cypher(body: CypherQuery, store: StoreDep, settings: SettingsDep) -> CypherRows:
    """One read-only Cypher query: a read transaction, cut after the timeout, rows limited.

    Writes and admin commands are refused before the query is sent (CREATE, MERGE, SET,
    DELETE, REMOVE, DROP, LOAD CSV, procedures other than a few read-only ones,
    `CALL { ... } IN TRANSACTIONS`, several statements), and the read transaction makes the
    server refuse any write regardless. Values belong in `parameters`, used as `$name`.
    """
    return cypher_rows(store, body, settings)
