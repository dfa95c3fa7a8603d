"""Above the cap a view counts nodes instead of drawing them, and says so on the page.

First the most numerous kinds (companies, then knowledge institutions, ...) are counted per
anchor, the cluster they belong to or work with ("412 member companies of CLEAN"); if that is
still too many, whole types are counted ("1,500 clusters"). Links to counted nodes are
merged into one link per pair, with the number on hover.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from api.views.lang import num, t
from api.views.spec import AGGREGATE, View, ViewEdge, ViewNode
from api.views.style import node_style
from ontology.names import Label

NODE_CAP = 2_500  # above this a browser tab stops being responsive to drag and zoom
# Which types are counted first: the many small actors before the few the report is about.
AGGREGATE_ORDER = (
    Label.Company,
    Label.KnowledgeInstitution,
    Label.Investor,
    Label.ForeignCluster,
    Label.EnterpriseEuropeNetwork,
    Label.TradeCouncil,
    Label.TradeAssociation,
    Label.Funder,
    Label.FundingProgramme,
    Label.Authority,
    Label.MarketingOrganisation,
    Label.InnovationCentre,
    Label.BusinessHub,
    Label.RegionalEUOffice,
    Label.InvestInDenmark,
    Label.EUDKSupport,
    Label.Cluster,
)
ANCHOR_TYPE = Label.Cluster


def plural(caption: str) -> str:
    """`company` -> `companies`, `knowledge institution` -> `knowledge institutions`."""
    if caption.endswith("y") and not caption.endswith("ey"):
        return caption[:-1] + "ies"
    return caption if caption.endswith("s") else caption + "s"


def cap_view(view: View, cap: int = NODE_CAP) -> View:
    """The view itself when it is small enough, else an aggregated copy that says what it did."""
    total = len(view.nodes)
    if total <= cap:
        return view
    nodes, edges = list(view.nodes), list(view.edges)
    steps: list[str] = []
    for node_type in AGGREGATE_ORDER:
        if len(nodes) <= cap:
            break
        nodes, edges, step = _count_per_anchor(nodes, edges, node_type)
        if step:
            steps.append(step)
    if len(nodes) > cap:
        nodes, edges, whole = _count_whole_types(nodes, edges, cap)
        steps += whole
    sentence = t(
        "This view holds {total} nodes, more than the {cap} a browser draws comfortably, so it "
        "shows {shown}: {steps}. Hover a yellow box for its count.",
        total=num(total),
        cap=num(cap),
        shown=num(len(nodes)),
        steps="; ".join(steps),
    )
    return View(
        view.kind,
        view.title,
        view.subtitle,
        nodes,
        edges,
        view.centre,
        [*view.notes],
        sentence,
        list(view.tables),
        list(view.gap_items),
        view.gap_state,
        view.portfolio,
    )


def _merge_edges(edges: list[ViewEdge], replaced: dict[str, str]) -> list[ViewEdge]:
    """Edges re-pointed at the boxes that replace their ends; parallel ones become one."""
    kept: list[ViewEdge] = []
    counted: Counter[tuple[str, str]] = Counter()
    for edge in edges:
        start, end = replaced.get(edge.start, edge.start), replaced.get(edge.end, edge.end)
        if start == edge.start and end == edge.end:
            kept.append(edge)
        elif start != end:
            counted[(min(start, end), max(start, end))] += 1
    for (start, end), number in sorted(counted.items()):
        kept.append(ViewEdge(start, end, "counted", (f"{number:,} links",)))
    return kept


def _count_per_anchor(
    nodes: list[ViewNode], edges: list[ViewEdge], node_type: str
) -> tuple[list[ViewNode], list[ViewEdge], str]:
    targets = {n.id for n in nodes if n.type == node_type}
    if not targets:
        return nodes, edges, ""
    anchors = {n.id: n for n in nodes if n.type == ANCHOR_TYPE and n.type != node_type}
    anchor_of: dict[str, str] = {}
    for edge in edges:  # the first cluster a node is linked to anchors it
        for node, other in ((edge.start, edge.end), (edge.end, edge.start)):
            if node in targets and other in anchors:
                anchor_of.setdefault(node, other)
    caption = plural(node_style(node_type).caption.lower())
    members: defaultdict[str, list[str]] = defaultdict(list)
    for node_id in sorted(targets):
        members[anchor_of.get(node_id, "")].append(node_id)
    replaced: dict[str, str] = {}
    boxes: list[ViewNode] = []
    for anchor, ids in sorted(members.items()):
        box_id = f"aggregate:{node_type}:{anchor or 'none'}"
        owner = anchors[anchor].label if anchor else "no cluster"
        boxes.append(
            ViewNode(
                box_id,
                f"{len(ids):,} {caption}",
                AGGREGATE,
                (
                    f"{len(ids):,} {caption} linked to {owner}, counted, not drawn",
                    "Open the cluster's own view to see them one by one.",
                ),
                group=f"{caption} (counted)",
            )
        )
        replaced.update(dict.fromkeys(ids, box_id))
    kept = [n for n in nodes if n.id not in targets] + boxes
    step = t(
        "{count} {caption} counted per cluster in {boxes} boxes",
        count=num(len(targets)),
        caption=caption,
        boxes=num(len(boxes)),
    )
    return kept, _merge_edges(edges, replaced), step


def _count_whole_types(
    nodes: list[ViewNode], edges: list[ViewEdge], cap: int
) -> tuple[list[ViewNode], list[ViewEdge], list[str]]:
    by_type: defaultdict[str, list[str]] = defaultdict(list)
    for node in nodes:
        by_type[node.group_key].append(node.id)
    replaced: dict[str, str] = {}
    boxes: list[ViewNode] = []
    steps, count = [], len(nodes)
    for number, (group, ids) in enumerate(sorted(by_type.items(), key=lambda i: -len(i[1]))):
        if count <= cap:
            break
        box_id = f"aggregate:all:{number}"
        replaced.update(dict.fromkeys(ids, box_id))
        boxes.append(
            ViewNode(box_id, f"{len(ids):,} {group}", AGGREGATE, (f"{len(ids):,} {group}",))
        )
        count -= len(ids) - 1
        steps.append(
            t("all {count} of '{group}' counted in one box", count=num(len(ids)), group=group)
        )
    kept = [n for n in nodes if n.id not in replaced] + boxes
    return kept, _merge_edges(edges, replaced), steps
