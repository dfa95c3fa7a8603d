// name: icdk_focus_matching_cluster_strength
// answers: Which innovation centres focus on a national cluster's strength sector but have no partnership with that cluster (missed "landing base" pairs, proposal 2 of the report)?
// params: include_illustrative (boolean, default true): let partnerships from the illustrative layer count as existing; false ignores partnerships with confidence "illustrative"

// A pair is listed when the centre FOCUSES_ON a sector the active national cluster HAS_STRENGTH in
// and no PARTNERS_WITH edge (either direction, ended or not) joins them.
MATCH (i:InnovationCentre)-[:FOCUSES_ON]->(s:Sector)<-[:HAS_STRENGTH]-(c:Cluster {national: true})
WHERE c.status = 'active'
  AND NOT EXISTS {
    MATCH (c)-[p:PARTNERS_WITH]-(i)
    WHERE $include_illustrative OR p.confidence <> 'illustrative'
  }
RETURN i.id AS centre_id,
       i.name AS centre_name,
       s.id AS sector_id,
       s.name AS sector_name,
       c.id AS cluster_id,
       c.name AS cluster_name,
       COLLECT { MATCH (i)-[:IN_HOTSPOT]->(h:Hotspot) RETURN h.name AS n ORDER BY n } AS hotspots
ORDER BY centre_id, cluster_id, sector_id
