"""Read-only Cypher for analysts' tools, on the Neo4j store."""

from __future__ import annotations

from fastapi import APIRouter

from api.cypher_answers import cypher_rows
from api.deps import SettingsDep, StoreDep
from api.schemas import CypherQuery, CypherRows, Message, ValidationMessage

router = APIRouter(prefix="/cypher", tags=["cypher"])


@router.post(
    "",
    response_model=CypherRows,
    responses={
        403: {"model": Message, "description": "The query writes or administers: refused."},
        408: {"model": Message, "description": "No answer within the timeout."},
        422: {
            "model": ValidationMessage,
            "description": "Neo4j cannot run the query (syntax, parameters, a server failure), "
            "the query is too long or nested too deeply, or a bad body.",
        },
        501: {"model": Message, "description": "The API runs on the memory store."},
        503: {"model": Message, "description": "Too many Cypher queries running; try again."},
    },
)
def run_cypher(body: CypherQuery, store: StoreDep, settings: SettingsDep) -> CypherRows:
    """One read-only Cypher query: a read transaction, cut after the timeout, rows limited.

    A query must begin as a read (MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CALL); writes
    of Cypher 5 and 25 (CREATE, INSERT, MERGE, SET, DELETE, REMOVE, ...), administration and
    information commands (SHOW, USE, GRANT, ...), procedures other than a few read-only ones,
    `CALL { ... } IN TRANSACTIONS` and several statements are refused before it is sent, and
    the read transaction makes the server refuse any write regardless. The answer is cut at
    the row and byte limits (`cut_by` says which). Values belong in `parameters`, as `$name`.
    """
    return cypher_rows(store, body, settings)
