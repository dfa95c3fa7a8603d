// name: engagements_by_model
// answers: How many engagements, by how many clusters and with which outcomes, does the graph hold under each of the four models?
// params: include_illustrative (boolean, default true): count engagements of the illustrative layer; false ignores every fact with confidence "illustrative"

// Engagements without UNDER_MODEL are not counted. `clusters` counts the Cluster nodes (national
// or not) that UNDERTAKE the model's engagements; `outcome_unknown` counts outcome 'unknown' or unset.
MATCH (m:Model)
OPTIONAL MATCH (m)<-[u:UNDER_MODEL]-(e:Engagement)
WHERE $include_illustrative
   OR (u.confidence <> 'illustrative' AND e.confidence <> 'illustrative')
OPTIONAL MATCH (c:Cluster)-[:UNDERTAKES]->(e)
WITH m, e, c ORDER BY c.name
WITH m, collect(DISTINCT e) AS engagements, collect(DISTINCT c.name) AS clusters
RETURN m.number AS model_number,
       m.id AS model_id,
       m.name AS model_name,
       m.purpose AS purpose,
       m.time_horizon AS time_horizon,
       size(engagements) AS engagements,
       size(clusters) AS clusters,
       size([e IN engagements WHERE e.outcome = 'ongoing']) AS ongoing,
       size([e IN engagements WHERE e.outcome = 'successful']) AS successful,
       size([e IN engagements WHERE e.outcome = 'discontinued']) AS discontinued,
       size([e IN engagements WHERE coalesce(e.outcome, 'unknown') = 'unknown']) AS outcome_unknown,
       clusters AS cluster_names
ORDER BY model_number
