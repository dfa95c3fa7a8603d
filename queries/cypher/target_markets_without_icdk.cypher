// name: target_markets_without_icdk
// answers: Which markets that clusters declare as targets have no Innovation Centre Denmark centre in them, and which clusters target them?
// params: none

// A target (TARGETS_MARKET end: country, hotspot or market) is covered when a centre is PRESENT_IN
// the target or the country it lies IN_COUNTRY, or is IN_HOTSPOT the target. Targets without a
// known country count as uncovered.
MATCH (c:Cluster)-[t:TARGETS_MARKET]->(target)
OPTIONAL MATCH (target)-[:IN_COUNTRY]->(in_country:Country)
WITH c, t, target, CASE WHEN target:Country THEN target ELSE in_country END AS country
WHERE NOT EXISTS {
  MATCH (:InnovationCentre)-[:PRESENT_IN|IN_HOTSPOT]->(place)
  WHERE place = target OR place = country
}
WITH target, country, c, t ORDER BY c.name
RETURN target.id AS target_id,
       target.name AS target_name,
       head(labels(target)) AS target_label,
       country.iso2 AS country,
       collect(c.name) AS clusters,
       collect(t.model) AS models
ORDER BY target_id
