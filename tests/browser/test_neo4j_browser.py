"""Neo4j Browser, as an analyst opens it: served by the local server at /browser/ (the
neo4j-browser jar deploy/neo4j/pom.xml puts on the class path), it connects over Bolt to the
address the server advertises, runs a named query with its parameter set by `:param`, and
draws the answer as a graph. Screenshot: tests/artifacts/screenshots/neo4j-browser.png."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from neo4j import Driver

from api.settings import Settings
from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_bundled
from queries.named_queries import get_named_query
from tests.view_support import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]
CLUSTER = "cluster:odense-robotics"


@pytest.fixture(scope="module")
def http_url(neo4j_driver: Driver, settings: Settings) -> str:
    """The server's HTTP address, as it reports it (the tests' server may listen anywhere)."""
    records, _, _ = neo4j_driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name = 'server.http.advertised_address' "
        "RETURN value",
        database_=settings.neo4j_database,
    )
    return f"http://{records[0]['value']}"


@pytest.fixture(scope="module")
def bundled(neo4j_driver: Driver, settings: Settings) -> Iterator[None]:
    store = Neo4jStore(
        settings.neo4j_uri, auth=settings.neo4j_auth, database=settings.neo4j_database
    )
    store.clear()
    load_bundled(store)
    store.close()
    yield


def test_the_server_advertises_the_ports_it_listens_on(http_url: str, settings: Settings) -> None:
    # What the Browser and Desktop connect to: this server, not one on the default ports.
    with urllib.request.urlopen(http_url + "/", timeout=10) as answer:
        discovery = json.load(answer)
    bolt = urlsplit(settings.neo4j_uri)
    assert urlsplit(discovery["bolt_direct"]).port == bolt.port
    assert urlsplit(discovery["query"]).port == urlsplit(http_url).port


def test_browser_runs_a_named_query_and_draws_the_graph(
    browser: Any, bundled: None, http_url: str, settings: Settings
) -> None:
    bolt = urlsplit(settings.neo4j_uri)
    auth = settings.neo4j_auth
    method = "BASIC" if auth else "NO_AUTH"
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(
        f"{http_url}/browser/?dbms=bolt://{bolt.hostname}:{bolt.port}&preselectAuthMethod={method}"
    )
    if auth:  # the connect form: user and password, then Connect
        page.fill("input[data-testid='username']", auth[0])
        page.fill("input[data-testid='password']", auth[1])
        page.click("button[data-testid='connect']")
    page.wait_for_selector("text=You have a working connection", timeout=90_000)

    def run(command: str) -> None:
        page.locator(".monaco-editor").first.click()
        page.keyboard.type(command)
        page.keyboard.press("Escape")  # close the completion list, or Enter picks from it
        page.keyboard.press("Enter")

    run(f':param cluster => "{CLUSTER}"')
    page.wait_for_selector(f"text={CLUSTER}", timeout=30_000)
    # The named query as `partnergraph cypher --name cluster_network` runs it, on one line.
    query = " ".join(
        line.strip()
        for line in get_named_query("cluster_network").text.splitlines()
        if line.strip() and not line.strip().startswith("//")
    )
    run(query)
    page.wait_for_selector("svg g.node", timeout=60_000)
    page.wait_for_timeout(2_000)  # the layout settles; the counts are final once drawn
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "neo4j-browser.png"))
    drawn_nodes = page.locator("svg g.node").count()
    drawn_links = page.locator("svg g.relationship").count()
    captions = " ".join(page.locator("svg g.node text").all_text_contents())
    # Odense Robotics and its nine partners (partners_of_cluster lists them); the Browser also
    # draws the partnerships among the partners it shows.
    assert drawn_nodes == 10
    assert drawn_links >= 9
    assert "Odense" in captions
    assert errors == []
