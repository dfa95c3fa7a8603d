"""A store that cannot be used says why and what to do, instead of a bare driver exception."""

from collections.abc import Iterator

import pytest

from graph.neo4j_store import Neo4jStore
from graph.store import StoreAuthError, StoreUnavailable
from tests.spare_server import SpareServer


def test_an_unreachable_server_is_reported_with_a_hint() -> None:
    store = Neo4jStore("bolt://127.0.0.1:1")
    with pytest.raises(
        StoreUnavailable, match=r"not reachable at bolt://127\.0\.0\.1:1.*neo4j\.sh start"
    ):
        store.counts()
    problem = store.problem()
    assert problem is not None and "not reachable at bolt://127.0.0.1:1" in problem
    store.close()


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second local server with authentication on (password from the environment)."""
    server = SpareServer(tmp_path_factory.mktemp("neo4j-auth"), 7697, 7484, "test-only-password")
    server.start()
    yield server.uri
    server.stop()


@pytest.mark.neo4j
@pytest.mark.slow
def test_authentication_on_accepts_the_password_and_refuses_a_wrong_one(auth_server: str) -> None:
    with Neo4jStore(auth_server, auth=("neo4j", "test-only-password")) as store:
        assert store.counts().node_total == 0
    with (
        Neo4jStore(auth_server, auth=("neo4j", "wrong")) as store,
        pytest.raises(
            StoreAuthError, match=r"refused the credentials of user 'neo4j'.*NEO4J_PASSWORD"
        ),
    ):
        store.counts()
