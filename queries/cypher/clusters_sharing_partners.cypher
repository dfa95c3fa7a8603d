// name: clusters_sharing_partners
// answers: Which pairs of national clusters share partners, and how many, as candidates for joint efforts?
// params: min_shared (integer, default 1): smallest number of shared partners for a pair to be listed

// A shared partner is a node with a PARTNERS_WITH edge (either direction, ended or not) to both
// clusters; it may itself be a Danish cluster. Each pair is listed once (cluster_a < cluster_b).
MATCH (a:Cluster {national: true})-[:PARTNERS_WITH]-(partner)-[:PARTNERS_WITH]-(b:Cluster {national: true})
WHERE a.id < b.id
WITH a, b, partner ORDER BY partner.name
WITH a, b, count(DISTINCT partner) AS shared_count, collect(DISTINCT partner.name) AS shared_partners
WHERE shared_count >= $min_shared
RETURN a.id AS cluster_a,
       a.name AS cluster_a_name,
       b.id AS cluster_b,
       b.name AS cluster_b_name,
       shared_count,
       shared_partners
ORDER BY shared_count DESC, cluster_a, cluster_b
