"""docker-compose.yml cannot run here (no Docker engine), so its promises are checked by parsing."""

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_are_neo4j_5_26_and_the_api(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"neo4j", "api"}
    assert services["neo4j"]["image"].startswith("neo4j:5.26")
    assert "community" in services["neo4j"]["image"]
    assert services["api"]["build"] == "."
    assert (ROOT / "Dockerfile").is_file()


def test_api_waits_for_a_healthy_neo4j(compose: dict[str, Any]) -> None:
    neo4j, api = compose["services"]["neo4j"], compose["services"]["api"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert "7474" in " ".join(neo4j["healthcheck"]["test"])
    assert neo4j["volumes"], "Neo4j data must live in a volume"


def test_ports_bind_to_loopback_by_default(compose: dict[str, Any]) -> None:
    published = {name: service.get("ports", []) for name, service in compose["services"].items()}
    assert published["api"], "the API must be reachable from the host"
    assert published["neo4j"], "Neo4j Browser and Bolt must be reachable from the host"
    for name, ports in published.items():
        for port in ports:
            with_defaults = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", port)
            assert with_defaults.split(":")[0] == "127.0.0.1", (
                f"{name} publishes {port} beyond loopback by default"
            )


def test_no_secret_in_the_file(compose: dict[str, Any]) -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    assert not re.search(r"(?i)(password|neo4j_auth)\s*[:=]\s*\S", text)
    for service in compose["services"].values():
        assert service["env_file"] == [".env"]
        env = service.get("environment", {})
        assert not any("PASSWORD" in key or key == "NEO4J_AUTH" for key in env)
    assert ".env" in (ROOT / ".gitignore").read_text().split()
