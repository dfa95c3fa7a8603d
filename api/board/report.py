"""The meeting report: one printable page for a board meeting (the summary, the market coverage
matrix, who offers what, each cluster's gaps and next steps, the sources), printed to PDF by the
headless Chromium the browser tests drive. Nothing is fetched: the page has no outside resource."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from api.board.changes import changes_section
from api.board.index import render_index
from api.board.pack import as_of_notes, pack_intro, sorted_clusters, strategy_parts
from api.views.gap_items import GapItem, cluster_gap_items
from api.views.lang import DEFAULT_LANG, Lang, named, num, speaking, t
from api.views.portfolio import next_step
from graph.as_of import AsOf
from graph.store import GraphStore
from queries.gaps.options import judged_on
from queries.strategy import cluster_portfolio

CHROMIUM_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium-browser",
)
PRINT_SECONDS = 120


class PdfError(RuntimeError):
    """The PDF could not be made (no Chromium, or it failed): one line for the user."""


@dataclass(frozen=True)
class ClusterReport:
    name: str
    gaps: list[GapItem]
    next_steps: list[str]
    state: str  # why there are no gaps, for a cluster the analysis leaves out


def report_html(
    store: GraphStore,
    lang: Lang | str = DEFAULT_LANG,
    changes_since: dt.date | None = None,
    as_of: AsOf | None = None,
) -> str:
    """The meeting report as one HTML page (the index's look, with a print stylesheet); `as_of`:
    of the graph as it was on a day, judged on it (as the pack, api/board/pack.py)."""
    with speaking(lang), judged_on(as_of.moment.date() if as_of else None):
        changes = None
        if changes_since:
            changes = changes_section(store, changes_since, as_of.moment if as_of else None)
        store = as_of.store if as_of else store
        clusters = []
        for cluster in sorted_clusters(store):
            items, state = cluster_gap_items(store, cluster["id"])
            steps = [
                f"{item.name}: {next_step(store, item)}"
                for item in cluster_portfolio(store, cluster["id"])
                if item.progression or item.leads_to
            ]
            clusters.append(ClusterReport(named(cluster), items, steps, state or ""))
        return render_index(
            t("The InternationaliseringsBoard: meeting report"),
            pack_intro(dt.date.today()),
            [],
            notes=as_of_notes(as_of),
            report=clusters,
            sources=sources(store),
            changes=changes,
            **strategy_parts(store),
        )


def sources(store: GraphStore) -> list[str]:
    """Each source the facts come from, with how many facts (nodes and relationships) cite it."""
    counted: Counter[str] = Counter()
    for props in store.nodes():
        counted[str(props.get("source") or t("not stated"))] += 1
    for rel in store.relationships():
        counted[str(rel.properties.get("source") or t("not stated"))] += 1
    return [
        t(
            "{facts} facts from {source}",
            facts=num(n),
            source=t(
                f"source {source}",
            )
            if source == "report"
            else source,
        )
        for source, n in sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    ]


def chromium() -> str:
    configured = os.environ.get("PARTNERGRAPH_CHROMIUM")
    found = configured or next((c for c in CHROMIUM_CANDIDATES if Path(c).exists()), None)
    found = found or shutil.which("chromium")
    if not found:
        raise PdfError(
            "no Chromium found: install it (apt-get install chromium) or set PARTNERGRAPH_CHROMIUM"
        )
    return found


def write_pdf(
    store: GraphStore,
    pdf: Path,
    lang: Lang | str = DEFAULT_LANG,
    changes_since: dt.date | None = None,
    as_of: AsOf | None = None,
) -> Path:
    """Print the meeting report to `pdf` with the headless Chromium."""
    html = report_html(store, lang, changes_since, as_of)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="partnergraph-report-") as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        command = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={pdf.resolve()}",
            page.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfError(f"Chromium could not print the report: {error}") from error
    if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise PdfError(f"Chromium could not print the report: {last}")
    return pdf
