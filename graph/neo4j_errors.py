"""The Neo4j driver's errors as the store's own, each saying why and what to do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.store import StoreAuthError, StoreError, StoreUnavailable


@contextmanager
def store_errors(uri: str, user: str | None, database: str = "neo4j") -> Iterator[None]:
    """Raise StoreAuthError, StoreError or StoreUnavailable for what the driver raises."""
    try:
        yield
    except AuthError as error:
        raise StoreAuthError(
            f"Neo4j at {uri} refused the credentials of user {user!r}: "
            "check NEO4J_USER and NEO4J_PASSWORD"
        ) from error
    except ConstraintError as error:
        # A CREATE met an id that exists: another load wrote it after this one read the
        # store's state. Loading again when that load has finished resolves it.
        raise StoreError(
            f"Neo4j refused a write: {error.message}. Another load may be running; "
            "load again when it has finished"
        ) from error
    except ClientError as error:
        if "DatabaseNotFound" not in (error.code or ""):
            raise
        # A cluster or Aura serves named databases: a misspelt NEO4J_DATABASE is likely.
        raise StoreUnavailable(
            f"Neo4j at {uri} has no database {database!r}: set NEO4J_DATABASE to one it "
            "serves (SHOW DATABASES lists them)"
        ) from error
    except TransientError as error:
        if "DatabaseUnavailable" not in (error.code or ""):
            raise  # a deadlock or the like: the driver's retries have had their say
        raise StoreUnavailable(
            f"Neo4j is not reachable at {uri} (its database is unavailable: stopping or "
            "starting). Start the local server with `deploy/neo4j/neo4j.sh start`, "
            "or set NEO4J_URI."
        ) from error
    except (ServiceUnavailable, SessionExpired, OSError) as error:
        raise StoreUnavailable(
            f"Neo4j is not reachable at {uri} ({error.__class__.__name__}). "
            "Start the local server with `deploy/neo4j/neo4j.sh start`, or set NEO4J_URI."
        ) from error
