"""The README's survey-kit picture is made by a script (`make kit-screenshot`): a kit printed by
headless LibreOffice and rendered by pdftoppm comes out as a PNG of the README's size."""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest

from api.kits.screenshot import HEIGHT, WIDTH, main

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        (shutil.which("soffice") is None or shutil.which("pdftoppm") is None)
        and not os.environ.get("CI"),
        reason="soffice (libreoffice-calc) or pdftoppm (poppler-utils) missing: see .ci/run",
    ),
]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_script_writes_the_kits_picture(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "shots" / "kit.png"
    assert main(["--out", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    assert png_size(out) == (WIDTH, HEIGHT)
    # A blank page compresses to a few hundred bytes; a sheet of text to tens of kilobytes.
    assert out.stat().st_size > 10_000


def test_a_missing_tool_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # neither soffice nor pdftoppm on it
    assert main(["--out", str(tmp_path / "kit.png")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: soffice is missing: apt-get install libreoffice-calc")
    assert not (tmp_path / "kit.png").exists()
