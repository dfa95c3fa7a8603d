"""Dependencies point one way (ARCHITECTURE.md): api -> queries -> graph -> ontology, and loaders ->
graph, ontology. Read from the source, so an import inside a function or under TYPE_CHECKING
counts too: a layer that reaches up cannot be reused without the one above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = frozenset(
    {"ontology", "loaders", "graph", "queries", "api", "data", "bench", "tests", "partnergraph"}
)
# What each layer may import of the project (itself included); api, bench, tests and partnergraph
# (the Python users' entry points, beside the command line) may import all.
ALLOWED: dict[str, frozenset[str]] = {
    "ontology": frozenset({"ontology"}),
    "data": frozenset({"data"}),
    "graph": frozenset({"graph", "ontology"}),
    "queries": frozenset({"queries", "graph", "ontology"}),
    # data/ is the bundled datasets: the loaders read their folders.
    "loaders": frozenset({"loaders", "graph", "ontology", "data"}),
}


def imported_packages(path: Path) -> set[str]:
    """The project's top-level packages a module imports (relative imports are its own)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & PROJECT


def reaches_up(layer: str) -> list[str]:
    allowed = ALLOWED[layer]
    return [
        f"{path.relative_to(ROOT)} imports {', '.join(sorted(imported_packages(path) - allowed))}"
        for path in sorted((ROOT / layer).rglob("*.py"))
        if imported_packages(path) - allowed
    ]


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below_it(layer: str) -> None:
    assert (ROOT / layer).is_dir()
    found = reaches_up(layer)
    assert not found, f"{layer}/ may import only {sorted(ALLOWED[layer])}:\n" + "\n".join(found)


def test_the_check_sees_imports_anywhere_in_a_module(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        "import os\nfrom graph.store import GraphStore\n"
        "def later():\n    import api.cli\n    from queries import gaps\n    from . import near\n",
        encoding="utf-8",
    )
    assert imported_packages(module) == {"graph", "api", "queries"}
