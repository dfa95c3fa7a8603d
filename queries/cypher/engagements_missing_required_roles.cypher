// name: engagements_missing_required_roles
// answers: Which cluster engagements do not meet a requirement their model's partnership has, and how many partners in which roles are they short of?
// params: model (string, default null): a Model id such as "model:key-market-partnership"; null for all models

// A required requirement (Model -HAS_REQUIREMENT-> Requirement {strength: 'required'}) is met
// when the engagement INVOLVES at least min_partners distinct partners in any of its roles.
MATCH (c:Cluster)-[:UNDERTAKES]->(e:Engagement)-[:UNDER_MODEL]->(m:Model)-[:HAS_REQUIREMENT]->(q:Requirement)
WHERE ($model IS NULL OR m.id = $model) AND q.strength = 'required'
WITH c, e, m, q, COLLECT { MATCH (q)-[:ANY_OF_ROLE]->(r) RETURN r.id ORDER BY r.id } AS roles
WITH c, e, m, q, roles,
     size(COLLECT { MATCH (e)-[i:INVOLVES]->(x) WHERE i.role IN roles RETURN DISTINCT x }) AS found
WHERE found < q.min_partners
RETURN c.id AS cluster_id,
       c.name AS cluster_name,
       e.id AS engagement_id,
       e.name AS engagement_name,
       m.id AS model_id,
       e.outcome AS outcome,
       q.id AS requirement_id,
       q.min_partners AS needed,
       found,
       roles AS any_of_roles
ORDER BY model_id, cluster_id, engagement_id, requirement_id
