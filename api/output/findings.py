"""Gaps and recommendations as terminal tables. Text from the data goes in as rich `Text`, so a
name with [brackets] is printed as written, never read as markup."""

from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ontology.models import load_catalogue
from queries.findings import GAP_TYPES, Gap, RecommendationResult
from queries.scoring import as_numbers

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}
COMPONENT_SHORT = {
    "role_fit": "role",
    "market_presence": "market",
    "sector_match": "sector",
    "network_proximity": "network",
    "peer_adoption": "peers",
    "trust": "trust",
    "agreement": "agreement",
    "home_fit": "home",
}


def _name(term: str | None) -> str:
    """A model's or role's name, else the id as it is."""
    if term is None:
        return "-"
    catalogue = load_catalogue()
    spec = catalogue.models.get(term) or catalogue.roles.get(term)
    return spec.name if spec else term


def gap_lines(gaps: list[Gap]) -> Group:
    """One block per gap: severity, type, model and market, then the sentence (fits any width)."""
    lines: list[Text] = []
    for gap in gaps:
        where = " · ".join(x for x in (gap.type, _name(gap.model), gap.market) if x and x != "-")
        head = Text(f"{gap.severity.upper():<6} ", style=SEVERITY_STYLE[gap.severity])
        head.append(where, style="bold")
        lines += [head, Text("       " + gap.sentence), Text("")]
    return Group(*lines)


def _model_short(model: str | None) -> str:
    spec = load_catalogue().models.get(model or "")
    return f"M{spec.number}" if spec else "-"


def gap_summary(gaps: list[Gap]) -> Table:
    """Per cluster and model (M1-M4): how many gaps of each type, and how many are high."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for gap in gaps:
        if gap.cluster:
            key = (gap.cluster.removeprefix("cluster:"), _model_short(gap.model))
            counts[key][gap.type] += 1
            counts[key]["high"] += gap.severity == "high"
    models = "; ".join(f"M{m.number} {m.name}" for m in load_catalogue().models.values())
    table = Table(title="Gaps per cluster and model", caption=f"{models}; - no model")
    table.add_column("cluster", no_wrap=True)
    for column in ("model", "role", "formal", "cover", "fragile", "network", "high"):
        table.add_column(column, justify="right", min_width=len(column))
    for (cluster, model), counter in sorted(counts.items()):
        cells = [str(counter[c]) if counter[c] else "" for c in (*GAP_TYPES, "high")]
        table.add_row(Text(cluster), model, *cells)
    return table


def print_gaps(console: Console, gaps: list[Gap], cluster: str | None) -> None:
    if not gaps:
        console.print("No gaps found.")
        return
    severities = Counter(gap.severity for gap in gaps)
    tally = ", ".join(f"{severities[s]} {s}" for s in ("high", "medium", "low") if severities[s])
    if cluster:
        console.print(Text(f"{len(gaps)} gaps of {gaps[0].cluster} ({tally})\n", style="bold"))
        console.print(gap_lines(gaps))
        return
    console.print(gap_summary(gaps))
    network = [gap for gap in gaps if gap.cluster is None]
    if network:
        console.print(Text("\nGaps of the whole network\n", style="bold"))
        console.print(gap_lines(network))
    console.print(
        f"{len(gaps)} gaps ({tally}). Details per cluster: partnergraph gaps --cluster ID",
        highlight=False,
    )


def print_recommendations(console: Console, result: RecommendationResult) -> None:
    market = f" in {result.market_name or result.market}" if result.market else ""
    console.print(Text(f"{result.cluster_name} · {_name(result.model)}{market}", style="bold"))
    for check in result.requirements:
        who = ", ".join(p.name for p in check.partners)
        state = "met" if check.met else f"needs {check.needed - len(check.partners)} more"
        roles = " or ".join(_name(r) for r in check.any_of_roles)
        line = f"  {check.strength:<11} {check.name} ({roles}): {state}"
        console.print(
            Text(line + (f" ({who})" if who else ""), style="green" if check.met else "yellow")
        )
        console.print(Text(f"              {check.quote}", style="dim"))
    console.print()
    if not result.recommendations:
        console.print("No partner to recommend: every requirement is met, or no one can meet it.")
    for rec in result.recommendations:
        head = Text(f"{'=' if rec.tied else ''}{rec.rank}. ", style="bold")
        head.append(rec.actor.name, style="bold")
        head.append(f"  {rec.actor.id} · {rec.actor.type}", style="dim")
        components = " · ".join(
            f"{short} {as_numbers(rec.components)[key]:.2f}"
            for key, short in COMPONENT_SHORT.items()
        )
        console.print(head)
        what = "fallback for" if rec.fallback else "fills"
        console.print(Text(f"   {what} {_name(rec.fills_role)} · score {rec.score:.3f}"))
        console.print(Text(f"   {components}", style="dim"))
        for reason in rec.reasons:
            console.print(Text(f"   • {reason}"))
        console.print()
    for progression in result.progressions:
        console.print(
            Text(
                f"Next step: {progression.sentence} It needs {progression.needs_agreement}.\n",
                style="green",
            )
        )
    if result.gaps:
        console.print(Text("Gaps in this work\n", style="bold"))
        console.print(gap_lines(list(result.gaps)))
