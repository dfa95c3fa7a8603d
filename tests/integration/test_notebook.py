"""docs/analysts.ipynb, executed as an analyst runs it (nbclient, a real kernel) against the real
Neo4j holding the bundled data: every cell runs, and the DataFrames show what the data says."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from graph.neo4j_store import Neo4jStore
from loaders.pipeline import load_bundled
from ontology.names import Label
from tests.helpers import ROOT

NOTEBOOK = ROOT / "docs" / "analysts.ipynb"


@pytest.mark.neo4j
@pytest.mark.slow
def test_the_example_notebook_runs_on_neo4j(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    load_bundled(neo4j_store)
    monkeypatch.setenv("PARTNERGRAPH_STORE", "neo4j")  # the kernel inherits the environment
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": ROOT}}
    ).execute()
    nbformat.write(notebook, tmp_path / "executed.ipynb")  # to look at when it fails

    def shown(index: int) -> str:
        outputs = notebook.cells[index].outputs
        return "".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)

    code = [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    errors = [o for i in code for o in notebook.cells[i].outputs if o.output_type == "error"]
    assert errors == []
    assert "Neo4jStore" in shown(code[0])
    assert "Innovation Centre Denmark Munich" in shown(code[1])  # partners_of_cluster
    assert "cluster:censec" in shown(code[3]) and f"'labels': ['{Label.Cluster}']" in shown(code[3])
    assert "high" in shown(code[4]) or "medium" in shown(code[4])  # gaps, most urgent first
    assert "score" in shown(code[6]) and "role_fit" in shown(code[6])
    assert "report_share" in shown(code[7])
