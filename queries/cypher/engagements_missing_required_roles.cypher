// name: engagements_missing_required_roles
// answers: Which cluster engagements lack a partner in a role their model requires?
// params: model (string, default null): a Model id such as "model:key-market-partnership"; null for all models

// A required role (Model -REQUIRES_ROLE-> PartnerRole) is filled when the engagement INVOLVES an
// organisation with that role (edge property role) or with a label in the role's filled_by_labels.
MATCH (c:Cluster)-[:UNDERTAKES]->(e:Engagement)-[:UNDER_MODEL]->(m:Model)-[:REQUIRES_ROLE]->(r:PartnerRole)
WHERE ($model IS NULL OR m.id = $model)
  AND NOT EXISTS {
    MATCH (e)-[i:INVOLVES]->(x)
    WHERE i.role = r.id OR any(l IN labels(x) WHERE l IN r.filled_by_labels)
  }
WITH c, e, m, r ORDER BY r.id
RETURN c.id AS cluster_id,
       c.name AS cluster_name,
       e.id AS engagement_id,
       e.name AS engagement_name,
       m.id AS model_id,
       e.outcome AS outcome,
       collect(r.id) AS missing_roles
ORDER BY model_id, cluster_id, engagement_id
