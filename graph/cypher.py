"""Cypher generated from the schema: constraints, indexes and the batched UNWIND writes.

Only labels and relationship types the ontology declares get in here, so no data ever reaches
the text of a query; values always travel as parameters.
"""

from __future__ import annotations

import re

from graph.records import FINGERPRINT, FIRSTSEEN, LASTUPDATED, LOAD_ID, SOURCE_ID
from ontology.schema import Schema


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def schema_statements(schema: Schema) -> dict[str, str]:
    """{name: statement}: uniqueness of ids per label, the nodes' source_id lookup cleanup needs,
    and the properties the ontology marks indexed. A uniqueness constraint is backed by an index
    of the same name. Relationships get no index: every relationship written paid for one
    (about a tenth of the server's time at scale 1), and the one read that used it
    (source_relationships, once per load) scans each type just as well."""
    statements = {}
    for label in sorted(schema.node_types):
        name = _snake(label)
        statements[f"{name}_id"] = (
            f"CREATE CONSTRAINT {name}_id IF NOT EXISTS FOR (n:`{label}`) REQUIRE n.id IS UNIQUE"
        )
        statements[f"{name}_source_id"] = (
            f"CREATE INDEX {name}_source_id IF NOT EXISTS FOR (n:`{label}`) ON (n.{SOURCE_ID})"
        )
        for key, spec in sorted(schema.node_types[label].properties.items()):
            if spec.indexed:
                statements[f"{name}_{key}"] = (
                    f"CREATE INDEX {name}_{key} IF NOT EXISTS FOR (n:`{label}`) ON (n.{key})"
                )
    return statements


def obsolete_indexes(schema: Schema) -> list[str]:
    """Indexes earlier versions created and writes should no longer pay for."""
    return [f"rel_{rel_type.lower()}_source_id" for rel_type in sorted(schema.relationship_types)]


def node_owners(label: str) -> str:
    """Which source holds each of these ids (a node belongs to the source that defines it)."""
    return (
        f"UNWIND $ids AS id MATCH (n:`{label}` {{id: id}}) "
        f"RETURN n.id AS id, n.{SOURCE_ID} AS source_id"
    )


def merge_nodes(label: str) -> str:
    """`SET n = row.properties` drops properties a source no longer states; firstseen survives."""
    return f"""UNWIND $rows AS row
MERGE (n:`{label}` {{id: row.properties.id}})
WITH n, row, n.{FIRSTSEEN} AS firstseen
SET n = row.properties
SET n.{FIRSTSEEN} = coalesce(firstseen, $now), n.{LASTUPDATED} = $now,
    n.{FINGERPRINT} = row.fingerprint, n.{LOAD_ID} = $load_id
RETURN count(n) AS written"""


def create_nodes(label: str) -> str:
    """For nodes this load found absent: no MERGE lookup per row (the unique constraint still
    refuses an id that exists)."""
    return f"""UNWIND $rows AS row
CREATE (n:`{label}`)
SET n = row.properties
SET n.{FIRSTSEEN} = $now, n.{LASTUPDATED} = $now, n.{FINGERPRINT} = row.fingerprint,
    n.{LOAD_ID} = $load_id
RETURN count(n) AS written"""


def _start_at_node(start_label: str) -> str:
    """Should a relationship index on source_id exist (an analyst may add one), the planner
    could serve `[r {source_id: ...}]` from it: every relationship of the source for every row,
    which grows with the square of the load. Start at the row's node instead."""
    return f"USING INDEX a:`{start_label}`(id)"


def create_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    """For relationships this load found absent (see Neo4jStore.write_relationships)."""
    return f"""UNWIND $rows AS row
MATCH (a:`{start_label}` {{id: row.start}})
MATCH (b:`{end_label}` {{id: row.end}})
CREATE (a)-[r:`{rel_type}`]->(b)
SET r = row.properties
SET r.{FIRSTSEEN} = $now, r.{LASTUPDATED} = $now, r.{FINGERPRINT} = row.fingerprint,
    r.{LOAD_ID} = $load_id
RETURN count(r) AS written"""


def update_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    return f"""UNWIND $rows AS row
MATCH (a:`{start_label}` {{id: row.start}})-[r:`{rel_type}` {{{SOURCE_ID}: row.properties.{SOURCE_ID}}}]->(b:`{end_label}` {{id: row.end}})
{_start_at_node(start_label)}
WITH r, row, r.{FIRSTSEEN} AS firstseen
SET r = row.properties
SET r.{FIRSTSEEN} = firstseen, r.{LASTUPDATED} = $now, r.{FINGERPRINT} = row.fingerprint,
    r.{LOAD_ID} = $load_id
RETURN count(r) AS written"""  # noqa: E501


def source_nodes(labels: list[str]) -> str:
    """What the loading sources hold: one round trip, each part using its label's source_id
    index. Reading this once per load replaces a lookup per row, which expanded every
    relationship of a dense node for each row (load time grew with the square of the size)."""
    return "\nUNION ALL\n".join(
        f"MATCH (n:`{label}`) WHERE n.{SOURCE_ID} IN $source_ids "
        f"RETURN n.id AS id, '{label}' AS label, n.{SOURCE_ID} AS source_id, "
        f"n.{FINGERPRINT} AS fingerprint"
        for label in labels
    )


def source_relationships(rel_types: list[str]) -> str:
    """A scan of each type (no relationship index): linear in the graph, once per load."""
    return "\nUNION ALL\n".join(
        f"MATCH (a)-[r:`{rel_type}`]->(b) WHERE r.{SOURCE_ID} IN $source_ids "
        f"RETURN a.id AS start, '{rel_type}' AS type, b.id AS end, r.{SOURCE_ID} AS source_id, "
        f"r.{FINGERPRINT} AS fingerprint"
        for rel_type in rel_types
    )


def delete_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    return f"""UNWIND $rows AS row
MATCH (a:`{start_label}` {{id: row.start}})-[r:`{rel_type}` {{{SOURCE_ID}: row.source_id}}]->(b:`{end_label}` {{id: row.end}})
{_start_at_node(start_label)}
DELETE r
RETURN count(*) AS removed"""  # noqa: E501


def delete_nodes(label: str) -> str:
    return f"""UNWIND $rows AS row
MATCH (n:`{label}` {{id: row.id, {SOURCE_ID}: row.source_id}})
DETACH DELETE n
RETURN count(*) AS removed"""


def _one_relationship(rel_type: str, start_label: str, end_label: str) -> str:
    return f"""MATCH (a:`{start_label}` {{id: row.start}})-[r:`{rel_type}` {{{SOURCE_ID}: row.source_id}}]->(b:`{end_label}` {{id: row.end}})
{_start_at_node(start_label)}"""  # noqa: E501


def duplicate_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    """All but one of each (start, type, end, source) a crash or an old concurrent load left."""
    return f"""UNWIND $rows AS row
{_one_relationship(rel_type, start_label, end_label)}
WITH row, collect(r) AS found
UNWIND tail(found) AS extra
DELETE extra
RETURN count(*) AS removed"""


# --- what a failed load reads before it writes, and how it puts the store back -------------------
def saved_nodes(label: str) -> str:
    return f"""UNWIND $ids AS id MATCH (n:`{label}` {{id: id}})
RETURN n.id AS id, properties(n) AS properties"""


def saved_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    return f"""UNWIND $rows AS row
{_one_relationship(rel_type, start_label, end_label)}
RETURN row.start AS start, row.end AS end, row.source_id AS source_id,
       properties(r) AS properties"""


def detached_relationships(label: str) -> str:
    """Every relationship of the nodes a load removes, whichever source states it."""
    return f"""UNWIND $ids AS id MATCH (n:`{label}` {{id: id}})-[r]-()
RETURN DISTINCT startNode(r).id AS start, type(r) AS type, endNode(r).id AS end,
       r.{SOURCE_ID} AS source_id, properties(r) AS properties"""


def undo_created_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    return f"""UNWIND $rows AS row
{_one_relationship(rel_type, start_label, end_label)}
WITH r WHERE r.{LOAD_ID} = $load_id
DELETE r
RETURN count(*) AS removed"""


def undo_created_nodes(label: str) -> str:
    return f"""UNWIND $rows AS row
MATCH (n:`{label}` {{id: row.id}}) WHERE n.{LOAD_ID} = $load_id
DETACH DELETE n
RETURN count(*) AS removed"""


def restore_nodes(label: str) -> str:
    return f"""UNWIND $rows AS row
MERGE (n:`{label}` {{id: row.id}})
SET n = row.properties
RETURN count(n) AS removed"""


def restore_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    return f"""UNWIND $rows AS row
MATCH (a:`{start_label}` {{id: row.start}})
MATCH (b:`{end_label}` {{id: row.end}})
MERGE (a)-[r:`{rel_type}` {{{SOURCE_ID}: row.source_id}}]->(b)
SET r = row.properties
RETURN count(r) AS removed"""


LOCK_LABEL = "PartnergraphLoadLock"  # store bookkeeping, not a node of the ontology
LOCK_CONSTRAINT = "partnergraph_load_lock"


def lock_constraint() -> str:
    return (
        f"CREATE CONSTRAINT {LOCK_CONSTRAINT} IF NOT EXISTS "
        f"FOR (l:`{LOCK_LABEL}`) REQUIRE l.name IS UNIQUE"
    )


def take_lock() -> str:
    """Never committed: while the transaction that created it is open, any other creation of
    the same unique value waits; when it ends (or its connection drops) the lock is gone."""
    return f"CREATE (:`{LOCK_LABEL}` {{name: 'load'}})"


# The history (graph/history.py): store bookkeeping like the lock, not nodes of the ontology.
CHANGE_SET_LABEL = "PartnergraphChangeSet"  # one per load that changed something: when, what
CHANGE_PART_LABEL = "PartnergraphChangePart"  # its changes, compressed, in parts
NOT_HISTORY = f"NOT n:`{CHANGE_SET_LABEL}` AND NOT n:`{CHANGE_PART_LABEL}`"


def write_change_part() -> str:
    return f"CREATE (:`{CHANGE_PART_LABEL}` {{load_id: $load_id, part: $part, data: $data}})"


def write_change_set() -> str:
    return (
        f"CREATE (:`{CHANGE_SET_LABEL}` {{load_id: $load_id, at: $at, sources: $sources, "
        "parts: $parts, created: $created, updated: $updated, removed: $removed})"
    )


def change_sets() -> str:
    return (
        f"MATCH (c:`{CHANGE_SET_LABEL}`) "
        "WHERE ($since IS NULL OR c.at > $since) AND ($until IS NULL OR c.at <= $until) "
        "RETURN c.load_id AS load_id, c.at AS at, c.sources AS sources ORDER BY c.at, c.load_id"
    )


def change_parts() -> str:
    return (
        f"MATCH (p:`{CHANGE_PART_LABEL}` {{load_id: $load_id}}) "
        "RETURN p.data AS data ORDER BY p.part"
    )


def prune_change_sets() -> str:
    return (
        f"MATCH (c:`{CHANGE_SET_LABEL}`) WHERE c.at < $before "
        f"OPTIONAL MATCH (p:`{CHANGE_PART_LABEL}` {{load_id: c.load_id}}) "
        "DETACH DELETE p WITH DISTINCT c DETACH DELETE c RETURN count(c) AS pruned"
    )


def history_begins() -> str:
    return f"MATCH (c:`{CHANGE_SET_LABEL}`) RETURN min(c.at) AS at"
