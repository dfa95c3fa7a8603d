"""A source loaded from the user's disk is shown by its name in /actors and /export, never by
the absolute path that names the machine's folders."""

from __future__ import annotations

from pathlib import Path

from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import discover
from tests.integration.api.conftest import client_for


def test_actors_and_exports_name_the_source_not_its_path(tmp_path: Path) -> None:
    folder = tmp_path / "private-folder"
    folder.mkdir()
    source = folder / "partners.yaml"
    source.write_text(
        "provenance: {source: a test, confidence: illustrative}\n"
        "nodes:\n  - {id: 'cluster:named-source', name: Named}\n"
        "relationships:\n  - {type: PARTNERS_WITH, from: 'cluster:named-source', "
        "to: 'cluster:odense-robotics', kind: informal}\n",
        encoding="utf-8",
    )
    store = MemoryStore()
    load_bundled(store, True)
    load_sources(store, discover([source]))
    with client_for(store) as client:
        actor = client.get("/actors/cluster:named-source")
        assert actor.status_code == 200
        assert actor.json()["properties"]["source_id"] == "partners.yaml"
        assert str(tmp_path) not in actor.text
        partner = client.get("/actors/cluster:odense-robotics")
        assert str(tmp_path) not in partner.text
        for export_format in ("turtle", "jsonld", "graphml"):
            export = client.get(f"/export?format={export_format}")
            assert export.status_code == 200
            assert "named-source" in export.text
            assert str(tmp_path) not in export.text, export_format
