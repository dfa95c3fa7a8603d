"""Dependencies of the routes, as Annotated aliases: the store, the settings, the API key.

They are `async` because they never block: FastAPI would run a plain `def` one in a worker
thread, a hop per dependency per request."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader

from api.answers import Answers, answers_for
from api.errors import bad_request
from api.settings import Settings
from graph.store import GraphStore

API_KEY_HEADER = "X-API-Key"
_api_key = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="Required when the server sets PARTNERGRAPH_API_KEY.",
)


async def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_answers(store: StoreDep) -> Answers:
    return answers_for(store)


AnswersDep = Annotated[Answers, Depends(get_answers)]


async def require_api_key(
    settings: SettingsDep, given: Annotated[str | None, Security(_api_key)] = None
) -> None:
    """Only added to the routes when PARTNERGRAPH_API_KEY is set (see api.main)."""
    expected = settings.partnergraph_api_key
    if expected is None:
        return
    # compare_digest: the time taken does not tell how much of a guessed key was right.
    if given is None or not secrets.compare_digest(
        given.encode(), expected.get_secret_value().encode()
    ):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail=f"missing or wrong {API_KEY_HEADER} header (the server requires an API key)",
            headers={"WWW-Authenticate": API_KEY_HEADER},
        )


_query_names: dict[int, frozenset[str]] = {}  # by id(route): routes live as long as the app


async def reject_unknown_query_parameters(request: Request) -> None:
    """A misspelt parameter (`?modle=`) is a 422, not silently ignored."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    known = _query_names.get(id(route))
    if known is None:
        known = _query_names[id(route)] = frozenset(_query_aliases(route.dependant))
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        takes = ", ".join(sorted(known)) or "none"
        raise bad_request("query", unknown[0], f"unknown parameter; this route takes: {takes}")


def _query_aliases(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_aliases(sub)
    return names
