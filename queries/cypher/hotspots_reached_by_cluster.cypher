// name: hotspots_reached_by_cluster
// answers: Which innovation hotspots does each cluster reach, and through what (partners based there, engagements, agreements, declared target markets)?
// params: cluster (string, default null): id of one cluster; null for every cluster

// One row per (cluster, hotspot). Clusters that reach no hotspot are not listed.
MATCH (c:Cluster)
WHERE $cluster IS NULL OR c.id = $cluster
CALL (c) {
  MATCH (c)-[:PARTNERS_WITH]-(partner)-[:IN_HOTSPOT]->(h:Hotspot)
  RETURN h, 'partner: ' + partner.name AS via
  UNION
  MATCH (c)-[:UNDERTAKES]->(e:Engagement)-[:TARGETS]->(h:Hotspot)
  RETURN h, 'engagement: ' + e.name AS via
  UNION
  MATCH (c)-[:PARTY_TO]->(a:Agreement)-[:TARGETS]->(h:Hotspot)
  RETURN h, 'agreement: ' + a.name AS via
  UNION
  MATCH (c)-[t:TARGETS_MARKET]->(h:Hotspot)
  RETURN h, 'target market under ' + t.model AS via
}
WITH c, h, via ORDER BY via
RETURN c.id AS cluster_id,
       c.name AS cluster_name,
       h.id AS hotspot_id,
       h.name AS hotspot_name,
       count(*) AS links,
       collect(via) AS via
ORDER BY cluster_id, hotspot_id
