"""`partnergraph serve`: the HTTP API under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    log_level: Annotated[str, typer.Option(help="uvicorn's log level.")] = "info",
) -> None:
    """Serve the HTTP API (OpenAPI reference at /docs); store and API key from the environment."""
    import uvicorn  # only this command needs the server

    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # the app logs each request itself, with its request id
        log_level=log_level,
        # A worker loads the bundled data as it starts; on a busy machine that can outlast
        # uvicorn's 5 s health check, which would then kill and restart it over and over.
        timeout_worker_healthcheck=60,
    )
