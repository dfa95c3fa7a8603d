"""docker-compose.yml cannot run here (no Docker engine): its promises are checked by parsing,
and its Neo4j environment by applying the image's documented env-to-setting rule and starting a
real 5.26 server with the settings that result, then loading and serving as its services do."""

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.neo4j_store import Neo4jStore
from tests.helpers import EXE
from tests.integration.api.live_server import serving
from tests.spare_server import SpareServer

ROOT = Path(__file__).resolve().parents[2]
# Variables the image reads itself rather than writing them into neo4j.conf.
IMAGE_VARIABLES = frozenset({"NEO4J_AUTH", "NEO4J_ACCEPT_LICENSE_AGREEMENT", "NEO4J_PLUGINS"})
SPARE_BOLT, SPARE_HTTP = 7757, 7544  # a port pair of its own; the suite's server is not touched


def dotenv(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs if not key.startswith("#")}


def interpolated(value: Any, env: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?error}, as `docker compose` fills them."""

    def fill(match: re.Match[str]) -> str:
        name, op, rest = match.group(1), match.group(2), match.group(3)
        if name in env and env[name] != "":
            return env[name]
        assert op != ":?", f"{name} is required: {rest}"
        return rest or ""

    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", fill, str(value))


def image_settings(environment: dict[str, str]) -> dict[str, str]:
    """The neo4j.conf settings the image writes for a container's environment: every NEO4J_*
    variable but its own, NEO4J_ dropped, `__` read as `_` and `_` as `.`."""
    settings = {}
    for key, value in environment.items():
        if key.startswith("NEO4J_") and key not in IMAGE_VARIABLES:
            name = key.removeprefix("NEO4J_").replace("__", "\0").replace("_", ".")
            settings[name.replace("\0", "_")] = value
    return settings


def service_env(service: dict[str, Any], env: dict[str, str]) -> dict[str, str]:
    """What a service's container gets: its env files, then its environment, interpolated."""
    found: dict[str, str] = {}
    for name in service.get("env_file", []):
        found.update(dotenv(ROOT / (".env.example" if name == ".env" else name)))
    found.update({k: interpolated(v, env) for k, v in service.get("environment", {}).items()})
    return found


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_are_neo4j_5_26_the_loader_and_the_api(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"neo4j", "load", "api"}
    assert services["neo4j"]["image"].startswith("neo4j:5.26")
    assert "community" in services["neo4j"]["image"]
    assert services["api"]["build"] == "."
    assert (ROOT / "Dockerfile").is_file()


def test_the_data_is_loaded_before_the_api_starts(compose: dict[str, Any]) -> None:
    neo4j, load, api = (compose["services"][name] for name in ("neo4j", "load", "api"))
    assert load["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert load["command"] == ["partnergraph", "load"]
    assert api["depends_on"]["load"]["condition"] == "service_completed_successfully"
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
    services = compose["services"]
    for name in ("load", "api"):
        assert services[name]["env_file"] == [".env"]
        assert not any("PASSWORD" in key for key in services[name]["environment"])
    # The server's password comes from .env through NEO4J_AUTH, never spelled here.
    assert "env_file" not in services["neo4j"]
    assert re.fullmatch(
        r"neo4j/\$\{NEO4J_PASSWORD:\?.*\}", services["neo4j"]["environment"]["NEO4J_AUTH"]
    )
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def test_the_image_gets_only_settings_it_knows(compose: dict[str, Any]) -> None:
    env = service_env(compose["services"]["neo4j"], dotenv(ROOT / ".env.example"))
    settings = image_settings(env)
    # Before: NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE from .env became the settings USER,
    # PASSWORD (in clear in neo4j.conf) and DATABASE, which stop the server.
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+", name) for name in settings), settings
    assert not any("password" in name for name in settings)
    assert settings["server.memory.heap.max_size"] == "2g"
    assert env["NEO4J_AUTH"] == "neo4j/" + dotenv(ROOT / ".env.example")["NEO4J_PASSWORD"]


@pytest.fixture(scope="module")
def composed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SpareServer]:
    """A real 5.26 server started with the settings the image would write, and the password it
    would set from NEO4J_AUTH."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    env = service_env(compose["services"]["neo4j"], dotenv(ROOT / ".env.example"))
    folder = tmp_path_factory.mktemp("neo4j-compose")
    settings_file = folder / "settings.conf"
    settings_file.write_text("".join(f"{k}={v}\n" for k, v in image_settings(env).items()))
    user, password = env["NEO4J_AUTH"].split("/", 1)
    assert user == "neo4j"
    server = SpareServer(folder / "run", SPARE_BOLT, SPARE_HTTP, password)
    server.env["NEO4J_SETTINGS_FILE"] = str(settings_file)
    server.start()
    yield server
    server.stop()


@pytest.mark.neo4j
@pytest.mark.slow
def test_compose_up_gives_a_working_api(composed_server: SpareServer, tmp_path: Path) -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services, dot = compose["services"], dotenv(ROOT / ".env.example")
    # The load service, then the api service, each with its environment; Bolt at the spare.
    at_spare = {"NEO4J_URI": composed_server.uri}
    command = services["load"]["command"]
    assert command[0] == "partnergraph"
    loaded = subprocess.run(
        [EXE, *command[1:]],
        env={**os.environ, **service_env(services["load"], dot), **at_spare},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert loaded.returncode == 0, loaded.stderr
    with Neo4jStore(composed_server.uri, auth=("neo4j", dot["NEO4J_PASSWORD"])) as store:
        assert store.counts().node_total > 500
    with serving(service_env(services["api"], dot) | at_spare, tmp_path / "api.log") as client:
        answer = client.get(
            "/recommendations", params={"cluster": "odense-robotics", "model": "market-test"}
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["recommendations"]
