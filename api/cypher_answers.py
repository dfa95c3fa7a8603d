"""Read-only Cypher for the API: the store's answer, or the HTTP error that says why not."""

from __future__ import annotations

from fastapi import HTTPException, status
from neo4j.exceptions import ClientError, DatabaseError

from api.errors import bad_request
from api.schemas import CypherQuery, CypherRows
from api.settings import Settings
from graph.store import GraphStore
from queries.readonly_cypher import (
    CypherBusy,
    CypherRefused,
    CypherTimedOut,
    CypherTooComplex,
    run_read_only,
)

NEO4J_SETUP = (
    "Cypher needs the Neo4j store: start Neo4j (deploy/neo4j/neo4j.sh start), load the data "
    "(PARTNERGRAPH_STORE=neo4j partnergraph load) and restart the API with "
    "PARTNERGRAPH_STORE=neo4j. See the README, 'Using Neo4j instead of the embedded store'."
)


def cypher_rows(store: GraphStore, body: CypherQuery, settings: Settings) -> CypherRows:
    """The query's rows: 501 on a store without Cypher, 403 for a write, 408 past the timeout
    (the server's, or this side's when the server does not answer), 422 for what Neo4j cannot
    run or a query too long or too deeply nested, 503 when too many queries are running."""
    if not store.traits.runs_cypher:
        raise HTTPException(status.HTTP_501_NOT_IMPLEMENTED, detail=NEO4J_SETUP)
    timeout, row_limit, byte_limit = (
        settings.partnergraph_cypher_timeout,
        settings.partnergraph_cypher_row_limit,
        settings.partnergraph_cypher_byte_limit,
    )
    try:
        result = run_read_only(store, body.query, body.parameters, timeout, row_limit, byte_limit)
    except CypherRefused as refused:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=f"refused: {refused}") from None
    except CypherTooComplex as error:
        raise bad_request("body", "query", str(error), "cypher_too_complex") from None
    except CypherTimedOut as error:
        raise HTTPException(status.HTTP_408_REQUEST_TIMEOUT, detail=str(error)) from None
    except CypherBusy as error:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(error), headers={"Retry-After": "5"}
        ) from None
    except ClientError as error:  # the server's word on the query itself
        raise _client_error(error, timeout) from None
    except DatabaseError as error:  # the server failed on it (a stack overflow, ...)
        failure = f"Neo4j failed on the query: {(error.message or '')[:300]}"
        raise bad_request("body", "query", failure, "cypher_failed") from None
    except (TypeError, ValueError, OverflowError) as error:  # a parameter the driver cannot send
        raise bad_request("body", "parameters", str(error), "cypher_parameter") from None
    return CypherRows(
        columns=result.columns,
        rows=result.rows,
        truncated=result.truncated,
        row_limit=row_limit,
        byte_limit=byte_limit,
        cut_by=result.cut_by,  # type: ignore[arg-type]
    )


def _client_error(error: ClientError, timeout: float) -> Exception:
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
    cannot = f"Neo4j cannot run the query: {error.message}"
    return bad_request("body", "query", cannot, "cypher_rejected")
