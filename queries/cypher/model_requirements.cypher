// name: model_requirements
// answers: Which partner roles does each internationalisation model require or recommend, and which node labels can fill each role?
// params: model (string, default null): a Model id such as "model:market-test"; null for all four models

// REQUIRES_ROLE: the role belongs to the model's core partnership in the report;
// RECOMMENDS_ROLE: a typical or optional partner. Required roles come first.
MATCH (m:Model)-[rel:REQUIRES_ROLE|RECOMMENDS_ROLE]->(r:PartnerRole)
WHERE $model IS NULL OR m.id = $model
RETURN m.number AS model_number,
       m.id AS model_id,
       m.name AS model_name,
       CASE type(rel) WHEN 'REQUIRES_ROLE' THEN 'required' ELSE 'recommended' END AS requirement,
       r.id AS role_id,
       r.name AS role_name,
       r.filled_by_labels AS filled_by_labels
ORDER BY model_number, requirement DESC, role_id
