// name: isolated_clusters
// answers: Which national clusters have fewer than a given number of partners?
// params: min_partners (integer, default 2): clusters with fewer distinct partners than this are listed
// params: include_ended (boolean, default false): also count partnerships that have ended
// params: today (date, default null): reference date for "ended", "YYYY-MM-DD"; null for the server's date

// Partners are distinct nodes joined by PARTNERS_WITH in either direction.
MATCH (c:Cluster {national: true})
OPTIONAL MATCH (c)-[p:PARTNERS_WITH]-(partner)
WHERE $include_ended OR p.end IS NULL OR p.end >= coalesce(date($today), date())
WITH c, partner ORDER BY partner.name
WITH c, count(DISTINCT partner) AS partner_count, collect(DISTINCT partner.name) AS partners
WHERE partner_count < $min_partners
RETURN c.id AS cluster_id,
       c.name AS cluster_name,
       c.status AS cluster_status,
       partner_count,
       partners
ORDER BY partner_count, cluster_id
