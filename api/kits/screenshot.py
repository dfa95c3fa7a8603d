"""The README's picture of a survey kit, made the way a cluster manager would see it printed:
a kit written by `survey-kit`, its partnerships sheet printed to PDF by headless LibreOffice
(`soffice --convert-to pdf`), the first page rendered to PNG by poppler's `pdftoppm`.

    python -m api.kits.screenshot [--out docs/screenshots/survey-kit-da-partnerships.png]

(`make kit-screenshot`). Needs Debian's libreoffice-calc and poppler-utils (.ci/run installs
both); exits 1 with one line naming what is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

from api.kits.prefill import cluster_content
from api.kits.workbook import build_workbook, save_workbook
from graph.memory_store import MemoryStore
from loaders.kit_layout import sheet
from loaders.pipeline import load_bundled

OUT = Path("docs/screenshots/survey-kit-da-partnerships.png")
CLUSTER = "cluster:odense-robotics"
WIDTH, HEIGHT = 1200, 240  # pixels: the sheet's header and first rows, as in the README
DAY = dt.date(2026, 12, 3)  # the kit's date, fixed so the picture changes only with the kit


class MissingTool(RuntimeError):
    pass


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise MissingTool(f"{name} is missing: apt-get install {package} (see .ci/run)")
    return found


def partnerships_only(kit: Path, lang: str) -> None:
    """Leave only the partnerships sheet visible and active (LibreOffice prints the visible
    sheets), with narrow margins."""
    book = load_workbook(kit)
    title = sheet("partnerships").title(lang)
    for ws in book.worksheets:
        ws.sheet_state = "visible" if ws.title == title else "hidden"
    margins = book[title].page_margins  # narrow, so the picture starts at the table
    margins.left = margins.right = margins.top = margins.bottom = 0.1
    margins.header = margins.footer = 0
    book.active = book.sheetnames.index(title)
    book.save(kit)


def make_screenshot(out: Path, lang: str = "da", work: Path | None = None) -> Path:
    soffice = _tool("soffice", "libreoffice-calc")
    pdftoppm = _tool("pdftoppm", "poppler-utils")
    with tempfile.TemporaryDirectory(dir=work) as scratch:
        folder = Path(scratch)
        store = MemoryStore()
        load_bundled(store)
        kit = folder / "kit.xlsx"
        save_workbook(build_workbook(cluster_content(store, CLUSTER, lang), lang, DAY, False), kit)
        partnerships_only(kit, lang)
        profile = (folder / "lo-profile").as_uri()  # its own profile: another soffice may run
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(folder), str(kit)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        page = folder / "page"
        subprocess.run(
            [pdftoppm, "-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to-x", str(WIDTH),
             "-scale-to-y", "-1", "-x", "0", "-y", "0", "-W", str(WIDTH), "-H", str(HEIGHT),
             str(folder / "kit.pdf"), str(page)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page.with_suffix(".png"), out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=OUT, help=f"the PNG to write ({OUT})")
    parser.add_argument("--lang", choices=("da", "en"), default="da")
    args = parser.parse_args(argv)
    try:
        written = make_screenshot(args.out, args.lang)
    except MissingTool as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        tool = Path(str(error.cmd[0])).name
        print(f"error: {tool} failed (exit {error.returncode})", file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired as error:
        print(f"error: {Path(str(error.cmd[0])).name} took too long", file=sys.stderr)
        return 1
    print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
