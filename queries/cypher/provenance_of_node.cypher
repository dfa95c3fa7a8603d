// name: provenance_of_node
// answers: Where do the facts about one node come from: the node itself and each of its relationships, with source, section and confidence?
// params: id (string, required): id of the node, e.g. "cluster:danish-sound-cluster"

// The first row is the node; then one row per relationship (either direction). The node's label
// is not known in advance, so the node is found by id across labels.
MATCH (n {id: $id})
CALL (n) {
  RETURN 0 AS position, 'node' AS fact, head(labels(n)) AS type, null AS direction,
         n.id AS other_id, n.name AS other_name, n.source AS source, n.section AS section,
         n.url AS url, n.confidence AS confidence, n.source_id AS source_id
  UNION ALL
  MATCH (n)-[r]-(other)
  RETURN 1 AS position, 'relationship' AS fact, type(r) AS type,
         CASE WHEN startNode(r) = n THEN 'outgoing' ELSE 'incoming' END AS direction,
         other.id AS other_id, other.name AS other_name, r.source AS source, r.section AS section,
         r.url AS url, r.confidence AS confidence, r.source_id AS source_id
}
RETURN n.id AS node_id, fact, type, direction, other_id, other_name, source, section, url,
       confidence, source_id
ORDER BY position, type, direction, other_id
