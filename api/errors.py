"""Errors as the contract wants them: `{"detail": ...}`, 404 with the closest ids for unknown
ids, 409 for a cluster that is not active, 422 in one shape (`detail` in a line, `problems` one
by one) whether FastAPI or the project found the problem, 503 with a hint when the store cannot
answer, and never a bare 500 or a stack trace."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import DriverError, Neo4jError

from graph.store import StoreError
from queries.ids import InactiveClusterError, UnknownIdError

log = logging.getLogger("partnergraph.api")
RETRY_AFTER_SECONDS = "5"


def bad_request(location: str, name: str, message: str, kind: str = "value_error") -> Exception:
    """A 422 for one problem the project finds in a request (`location`: query, path, body)."""
    return RequestValidationError([{"loc": (location, name), "msg": message, "type": kind}])


def problems_message(errors: Sequence[Any]) -> dict[str, Any]:
    """The 422 body: pydantic's errors as problems (without the input, which may be large),
    and one line that names each place and says what is wrong."""
    problems = [
        {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]} for error in errors
    ]
    line = "; ".join(
        f"{' '.join(str(part) for part in problem['loc'])}: {problem['msg']}"
        for problem in problems
    )
    return {"detail": line or "the request is not valid", "problems": problems}


async def invalid_request(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return JSONResponse(
        problems_message(error.errors()), status_code=status.HTTP_422_UNPROCESSABLE_CONTENT
    )


async def unknown_id(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, UnknownIdError)
    return JSONResponse(
        {"detail": str(error), "closest": error.closest}, status_code=status.HTTP_404_NOT_FOUND
    )


async def inactive_cluster(request: Request, error: Exception) -> JSONResponse:
    """A cluster that is not active gets no recommendations: 409, saying so."""
    assert isinstance(error, InactiveClusterError)
    return JSONResponse(
        {"detail": str(error), "status": error.status}, status_code=status.HTTP_409_CONFLICT
    )


async def store_unavailable(request: Request, error: Exception) -> JSONResponse:
    """StoreError (with its hint) and any driver error the store did not translate."""
    if isinstance(error, StoreError):
        message = str(error)
    else:
        message = f"Neo4j could not answer ({error.__class__.__name__}); try again shortly"
    log.warning("store unavailable: %s", message)
    return JSONResponse(
        {"detail": message},
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        headers={"Retry-After": RETRY_AFTER_SECONDS},
    )


def add_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(UnknownIdError, unknown_id)
    app.add_exception_handler(InactiveClusterError, inactive_cluster)
    for error_type in (StoreError, Neo4jError, DriverError):
        app.add_exception_handler(error_type, store_unavailable)
