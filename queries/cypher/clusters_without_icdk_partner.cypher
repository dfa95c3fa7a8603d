// name: clusters_without_icdk_partner
// answers: Which national clusters have no partnership with any Innovation Centre Denmark centre, and which centres sit in the markets they target?
// params: include_ended (boolean, default true): let partnerships that have ended count as ICDK partnerships (the report's survey counted past collaboration too)
// params: include_illustrative (boolean, default true): let partnerships from the illustrative layer count; false ignores every fact with confidence "illustrative"
// params: today (date, default null): reference date for "ended", "YYYY-MM-DD"; null for the server's date

// `icdks_in_target_markets`: centres present in (PRESENT_IN), or based in the hotspot of, a market
// the cluster declares (TARGETS_MARKET), directly or through the market's country: ready-made
// contacts the cluster does not use yet.
MATCH (c:Cluster {national: true})
WHERE NOT EXISTS {
  MATCH (c)-[p:PARTNERS_WITH]-(:InnovationCentre)
  WHERE ($include_ended OR p.end IS NULL OR p.end >= coalesce(date($today), date()))
    AND ($include_illustrative OR p.confidence <> 'illustrative')
}
RETURN c.id AS cluster_id,
       c.name AS cluster_name,
       c.status AS cluster_status,
       COLLECT {
         MATCH (c)-[:TARGETS_MARKET]->(target)
         MATCH (i:InnovationCentre)-[:PRESENT_IN|IN_HOTSPOT]->(place)
         WHERE place = target OR (target)-[:IN_COUNTRY]->(place)
         RETURN DISTINCT i.id AS centre ORDER BY centre
       } AS icdks_in_target_markets
ORDER BY cluster_id
