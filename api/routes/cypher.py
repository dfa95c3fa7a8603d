"""Read-only Cypher for analysts' tools, on the Neo4j store."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status
from neo4j.exceptions import ClientError

from api.deps import SettingsDep, StoreDep
from api.schemas import CypherQuery, CypherRows, Message
from graph.neo4j_store import Neo4jStore
from queries.readonly_cypher import CypherRefused, run_read_only

router = APIRouter(prefix="/cypher", tags=["cypher"])
NEO4J_SETUP = (
    "Cypher needs the Neo4j store: start Neo4j (deploy/neo4j/neo4j.sh start), load the data "
    "(PARTNERGRAPH_STORE=neo4j partnergraph load) and restart the API with "
    "PARTNERGRAPH_STORE=neo4j. See the README, 'Using Neo4j instead of the embedded store'."
)


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
    if not isinstance(store, Neo4jStore):
        raise HTTPException(status.HTTP_501_NOT_IMPLEMENTED, detail=NEO4J_SETUP)
    timeout, row_limit = (
        settings.partnergraph_cypher_timeout,
        settings.partnergraph_cypher_row_limit,
    )
    try:
        result = run_read_only(store, body.query, body.parameters, timeout, row_limit)
    except CypherRefused as refused:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=f"refused: {refused}") from None
    except ClientError as error:  # the server's word on the query itself
        raise _client_error(error, timeout) from None
    except (TypeError, ValueError, OverflowError) as error:  # a parameter the driver cannot send
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, detail=f"parameters: {error}"
        ) from None
    return CypherRows(
        columns=result.columns, rows=result.rows, truncated=result.truncated, row_limit=row_limit
    )


def _client_error(error: ClientError, timeout: float) -> HTTPException:
    code = error.code or ""
    if "TransactionTimedOut" in code or code.endswith("Transaction.TransactionTimedOut"):
        return HTTPException(
            status.HTTP_408_REQUEST_TIMEOUT,
            detail=f"the query ran longer than {timeout:g} s and was cut by the server "
            "(PARTNERGRAPH_CYPHER_TIMEOUT)",
        )
    if code.endswith("AccessMode") or ".Security." in code:
        return HTTPException(
            status.HTTP_403_FORBIDDEN, detail=f"refused by Neo4j (read-only): {error.message}"
        )
    return HTTPException(
        status.HTTP_422_UNPROCESSABLE_CONTENT, detail=f"Neo4j cannot run the query: {error.message}"
    )
