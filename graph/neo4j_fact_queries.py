"""The Cypher texts the Neo4j analysis reader (graph/neo4j_facts.py) runs, built from the
ontology's names (nothing beyond what Neo4j Community has).

Each returns relationships as maps {start, end, props} in their stored direction. The texts are
constant, so the server plans each once; only the properties the analysis reads (NODE_KEYS,
LINK_KEYS) are returned, as decoding the rest would cost time for nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from graph.facts import LINK_KEYS, NODE_KEYS, PROVENANCE_KEYS
from ontology.names import Label, Rel
from ontology.schema import load_schema

PROPS = ", ".join(f".{key}" for key in (*PROVENANCE_KEYS, *LINK_KEYS))
# The labels of places an actor can be present in, each lying in a country (or being one).
PLACES = (Label.Country, Label.Hotspot, Label.Market)


def node_map(var: str, label: str) -> str:
    """A node's properties as a map: those of NODE_KEYS the ontology declares for the label."""
    keys = sorted(set(load_schema().node_properties(label)) & set(NODE_KEYS))
    return f"{var} {{{', '.join(f'.{key}' for key in keys)}}}"


def _rel(var: str, start: str, end: str) -> str:
    """A relationship as a map; `start`/`end` are the node variables in stored direction."""
    return f"{{start: {start}.id, type: type({var}), end: {end}.id, props: {var} {{{PROPS}}}}}"


def _named(var: str, start: str, end: str, other: str) -> str:
    """A relationship as a map that also names the node `other` at its far end."""
    return (
        f"{{start: {start}.id, type: type({var}), end: {end}.id, other: {other}.id, "
        f"label: labels({other})[0], name: {other}.name, props: {var} {{{PROPS}}}}}"
    )


def _other(var: str, other: str) -> str:
    """An undirected relationship as a map, naming the node at the far end."""
    return _named(var, f"startNode({var})", f"endNode({var})", other)


def _out(var: str, rel_type: str, start: str, end: str) -> str:
    """A list of the outgoing `rel_type` relationships of `start`, naming their end nodes."""
    return f"[({start})-[{var}:{rel_type}]->({end}) | {_named(var, start, end, end)}]"


@cache
def clusters_query() -> str:
    return f"MATCH (c:{Label.Cluster}) RETURN {node_map('c', Label.Cluster)} AS row"


@cache  # built on first use: the node maps come from the ontology
def cluster_query() -> str:
    """A cluster with its links, engagements and agreements."""
    return f"""
MATCH (c:{Label.Cluster} {{id: $cluster}})
RETURN {node_map("c", Label.Cluster)} AS node,
  {_out("r", Rel.HAS_STRENGTH, "c", "s")} AS strengths,
  [(c)-[r:{Rel.PARTNERS_WITH}]-(p) | {_other("r", "p")}] AS partnerships,
  {_out("r", Rel.TARGETS_MARKET, "c", "t")} AS declarations,
  {_out("r", Rel.LOCATED_IN, "c", "l")} AS locations,
  [(c)-[u:{Rel.UNDERTAKES}]->(e:{Label.Engagement}) | {{
      node: {node_map("e", Label.Engagement)}, undertakes: {_rel("u", "c", "e")},
      models: {_out("r", Rel.UNDER_MODEL, "e", "m")},
      targets: {_out("r", Rel.TARGETS, "e", "t")},
      involves: {_out("r", Rel.INVOLVES, "e", "a")}}}] AS engagements,
  [(c)-[:{Rel.PARTY_TO}]->(g:{Label.Agreement}) | {{
      node: {node_map("g", Label.Agreement)},
      parties: [(x)-[r:{Rel.PARTY_TO}]->(g) | {_named("r", "x", "g", "x")}],
      models: {_out("r", Rel.UNDER_MODEL, "g", "m")},
      targets: {_out("r", Rel.TARGETS, "g", "t")}}}] AS agreements,
  COUNT {{ ()-[:{Rel.ROUTED_TO}]->(c) }} AS leads_routed
"""


def _of_labels(var: str, labels: Sequence[str], where: str, props: bool = True) -> str:
    """Nodes of any of the labels, one index-backed MATCH per label, in one round trip (with
    their properties as `props`, if asked); `{label}` in `where` stands for each branch's label."""
    branches = [
        f"MATCH ({var}:`{label}`) WHERE {where.format(label=label)} RETURN {var}"
        + (f", {node_map(var, label)} AS props" if props else "")
        for label in labels
    ]
    return "CALL () {\n  " + "\n  UNION ALL\n  ".join(branches) + "\n}"


# Actors are read by label with one query text whatever the labels asked for, so the server
# plans it once and every call is one round trip. Each branch seeks its label's id index with
# the label's entry in a map parameter: the ids wanted (`$ids`), or the label's id prefix
# (`$prefixes`: every id starts with its label's prefix, so this lists the label); a label
# left out of the map seeks with null, which finds nothing at no cost.
# Nodes of a size are found by the size index instead, in only the labels that have a size.
BY_IDS = "a.id IN $ids.`{label}`"
BY_PREFIX = "a.id STARTS WITH $prefixes.`{label}`"
BY_SIZE = "a.size = $size"


def _actor_row(var: str, props_map: str) -> str:
    """An actor with its places and sectors in one expansion (a sparse node's relationships are
    one chain, walked once per expansion), each with the countries it lies in."""
    out = "|".join(
        (
            Rel.PRESENT_IN,
            Rel.LOCATED_IN,
            Rel.IN_HOTSPOT,
            Rel.FOCUSES_ON,
            Rel.HAS_STRENGTH,
            Rel.SERVES,
        )
    )
    return f"""{{node: {props_map}, label: labels({var})[0], out:
  [({var})-[r:{out}]->(x) | {{
      link: {_named("r", var, "x", "x")},
      countries: [(x)-[r2:{Rel.IN_COUNTRY}]->(xc) | {_rel("r2", "x", "xc")}]}}]}}"""


ACTORS = f"""
__ACTORS__ WHERE $size IS NULL OR a.size = $size
RETURN {_actor_row("a", "props")} AS row
"""


@cache
def places_query() -> str:
    return f"""
{_of_labels("p", PLACES, "true")}
RETURN {{node: props, label: labels(p)[0], chains: {_out("r", Rel.IN_COUNTRY, "p", "c")}}} AS row
"""


ACTOR_KINDS = """
__ACTORS__ WHERE $size IS NULL OR a.size = $size
WITH labels(a)[0] AS label, a.size AS size, a.status AS status, collect(a.id) AS ids
RETURN {label: label, size: size, status: status, ids: ids} AS row
"""

# Who of some labels is near each country (present in it, directly or by a city or hotspot in
# it), hotspot and sector: the same for every analysis, so read once per item and label, and
# kept. Filtering by label before reading ids is what keeps it fast: most are companies.
NEAR = f"""
CALL () {{
  UNWIND $countries AS id
  MATCH (c:{Label.Country} {{id: id}})
  CALL (c) {{
    MATCH (c)<-[:{Rel.PRESENT_IN}]-(a) RETURN a
    UNION
    MATCH (c)<-[:{Rel.IN_COUNTRY}]-()<-[:{Rel.LOCATED_IN}|{Rel.IN_HOTSPOT}]-(a) RETURN a
  }}
  RETURN 'country' AS kind, id, a
  UNION ALL
  UNWIND $places AS id
  MATCH (:{Label.Hotspot} {{id: id}})<-[:{Rel.IN_HOTSPOT}]-(a)
  RETURN 'place' AS kind, id, a
  UNION ALL
  UNWIND $sectors AS id
  MATCH (:{Label.Sector} {{id: id}})<-[:{Rel.FOCUSES_ON}|{Rel.HAS_STRENGTH}]-(a)
  RETURN 'sector' AS kind, id, a
}}
WITH kind, id, a, labels(a)[0] AS label
WHERE label IN $labels
WITH kind, id, label, collect(DISTINCT a.id) AS ids
RETURN {{kind: kind, id: id, label: label, ids: ids}} AS row
"""

# Every partnership (its ends' ids and its end date) and strength (ids), each list in one record.
NETWORK = f"""
CALL () {{ MATCH (a)-[r:{Rel.PARTNERS_WITH}]->(b)
  RETURN collect([a.id, b.id, r.end]) AS partnerships }}
CALL () {{ MATCH (c:{Label.Cluster})-[:{Rel.HAS_STRENGTH}]->(s)
  RETURN collect([c.id, s.id]) AS strengths }}
CALL () {{ MATCH (c:{Label.Cluster}) RETURN collect(c.id) AS clusters }}
RETURN partnerships, strengths, clusters
"""

# Each node seeks its label's id index (see BY_IDS); `$others` maps it to the ids it links to.
PARTNERSHIPS_BETWEEN = f"""
__ACTORS__
MATCH (a)-[r:{Rel.PARTNERS_WITH}]-(b) WHERE b.id IN $others[a.id]
RETURN {{node: a.id, link: {_other("r", "b")}}} AS row
"""

# Who has funded work (engagements, agreements) under each model.
FUNDERS_BY_MODEL = f"""
MATCH (w)-[:{Rel.UNDER_MODEL}]->(m:{Label.Model}), (w)-[r:{Rel.FUNDED_BY}]->(f)
RETURN {{model: m.id, funder: f.id, link: {_rel("r", "w", "f")}}} AS row
"""

CLUSTER_PARTNERSHIPS = f"""
MATCH (c:{Label.Cluster})-[r:{Rel.PARTNERS_WITH}]-(a)
WHERE labels(a)[0] IN $labels
RETURN {{cluster: c.id, link: {_other("r", "a")}}} AS row
"""


@cache
def actor_query(template: str, where: str, labels: tuple[str, ...] | None = None) -> str:
    """The template over these labels, by default every label the ontology declares (see
    BY_IDS); only ACTORS reads the nodes' properties."""
    props = template == ACTORS
    actors = _of_labels("a", labels or sorted(load_schema().node_types), where, props)
    return template.replace("__ACTORS__", actors + ("\nWITH a, props" if props else "\nWITH a"))


def collected(query: str) -> str:
    """The query's `row`s collected into one record: the driver reads each record as a message
    of its own, and thousands of them take longer to receive than to find."""
    return f"CALL () {{\n{query}\n}}\nRETURN collect(row) AS rows"
