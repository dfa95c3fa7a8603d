"""A survey workbook saved by LibreOffice Calc (Debian's, headless) still loads: unchanged, it
changes nothing; edited, it loads the edits."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.memory_store import MemoryStore
from loaders.pipeline import load_bundled, load_sources
from loaders.sources import discover
from tests.integration.test_survey_kits import edit_kit, make_kit

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc",
)


def saved_by_libreoffice(kit: Path, folder: Path) -> Path:
    """The workbook as LibreOffice Calc reads and writes it back as .xlsx."""
    assert SOFFICE is not None, "soffice is missing: apt-get install libreoffice-calc"
    folder.mkdir()
    profile = (folder.parent / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(folder), str(kit)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return folder / kit.name


def test_a_kit_saved_by_libreoffice_loads_unchanged_and_with_edits(tmp_path: Path) -> None:
    store = MemoryStore()
    load_bundled(store)
    kit = make_kit(store, tmp_path)
    untouched = saved_by_libreoffice(kit, tmp_path / "untouched")
    counts = load_sources(store, discover([untouched]))
    assert not counts.created and not counts.updated and not counts.removed
    edit_kit(kit)
    edited = saved_by_libreoffice(kit, tmp_path / "edited")
    counts = load_sources(store, discover([edited]))
    assert sum(counts.created.values()) == 4 and not counts.removed
