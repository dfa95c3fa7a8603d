// name: partners_of_cluster
// answers: Which organisations does a cluster partner with, optionally only partners of one node label or partners it has worked with under one model?
// params: cluster (string, required): id of the cluster, e.g. "cluster:odense-robotics"
// params: label (string, default null): node label of the partners to keep, e.g. "InnovationCentre"; null keeps every label
// params: model (string, default null): a Model id, e.g. "model:market-test"; keeps partners involved in one of the cluster's engagements, or party to one of its agreements, under that model; null keeps all
// params: today (date, default null): reference date for the `current` column, "YYYY-MM-DD"; null for the server's date

// A partnership is a PARTNERS_WITH edge in either direction. `models` lists every model under
// which the cluster and the partner worked together (shared engagement or shared agreement).
MATCH (c:Cluster {id: $cluster})-[p:PARTNERS_WITH]-(partner)
WHERE $label IS NULL OR $label IN labels(partner)
WITH c, p, partner,
     COLLECT {
       MATCH (m:Model)<-[:UNDER_MODEL]-(x)
       WHERE (x:Engagement AND (c)-[:UNDERTAKES]->(x) AND (x)-[:INVOLVES]->(partner))
          OR (x:Agreement AND (c)-[:PARTY_TO]->(x) AND (partner)-[:PARTY_TO]->(x))
       RETURN DISTINCT m.id AS model ORDER BY model
     } AS models
WHERE $model IS NULL OR $model IN models
RETURN partner.id AS partner_id,
       partner.name AS partner_name,
       head(labels(partner)) AS partner_label,
       CASE WHEN startNode(p) = c THEN 'outgoing' ELSE 'incoming' END AS direction,
       p.kind AS kind,
       p.start AS start,
       p.end AS end,
       (p.end IS NULL OR p.end >= coalesce(date($today), date())) AS current,
       p.contact_persons AS contact_persons,
       p.funding AS funding,
       models,
       p.confidence AS confidence,
       p.source AS source
ORDER BY partner_label, partner_id, start
