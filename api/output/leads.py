"""A lead's routes as terminal text. Text from the data goes in as rich `Text`, so a name with
[brackets] is printed as written, never read as markup."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from queries.leads.findings import LeadRoutes

COMPONENT_SHORT = {
    "sector_match": "sector",
    "market_activity": "market",
    "finder_ties": "ties",
    "capacity": "capacity",
}


def print_routes(console: Console, result: LeadRoutes) -> None:
    found = f" · found by {result.found_by.name}" if result.found_by else ""
    where = f" in {result.market.name}" if result.market else ""
    console.print(Text(f"{result.lead_name} ({result.lead}){found}{where}", style="bold"))
    console.print(Text(f"  «{result.technology}» · seeks {result.sought} · {result.found_on}"))
    console.print(Text(f"  Would start {result.model_name}: {result.model_reason}", style="dim"))
    outcome = result.outcome
    if outcome.cluster is not None:
        told = f"{outcome.status}" + (f" ({outcome.result})" if outcome.result else "")
        console.print(Text(f"  Routed to {outcome.cluster.name}: {told}", style="green"))
    for offer in result.services:
        console.print(
            Text(f"  Service to take it further: {offer.name}, by {offer.offered_by_name}")
        )
    if result.lead_provenance.confidence == "illustrative":
        console.print(Text("  This lead is illustrative (made up), not sourced.", style="yellow"))
    console.print()
    if not result.routes:
        console.print("No active cluster to route it to.")
    for route in result.routes:
        head = Text(f"{'=' if route.tied else ''}{route.rank}. ", style="bold")
        head.append(route.cluster.name, style="bold")
        head.append(f"  {route.cluster.id} · score {route.score:.3f}", style="dim")
        if not route.sector_match:
            head.append("  (no sector match)", style="yellow")
        console.print(head)
        components = " · ".join(
            f"{short} {route.components[key]:.2f}" for key, short in COMPONENT_SHORT.items()
        )
        console.print(Text(f"   {components}", style="dim"))
        for reason in route.reasons:
            console.print(Text(f"   • {reason}"))
        console.print(Text(f"   → {route.contact.sentence}", style="green"))
        console.print()
