// name: model_requirements
// answers: What does each internationalisation model's partnership need, as the report states it: which requirements, how many partners in which alternative roles, and in the report's words?
// params: model (string, default null): a Model id such as "model:market-test"; null for all four models

// A requirement is met by at least min_partners distinct partners in any of its roles (the
// alternatives the report names). Required ones first; the quote is the report's sentence.
MATCH (m:Model)-[:HAS_REQUIREMENT]->(q:Requirement)-[:ANY_OF_ROLE]->(r:PartnerRole)
WHERE $model IS NULL OR m.id = $model
WITH m, q, r ORDER BY r.id
RETURN m.number AS model_number,
       m.id AS model_id,
       m.name AS model_name,
       q.id AS requirement_id,
       q.name AS requirement,
       q.strength AS strength,
       q.min_partners AS min_partners,
       collect(r.id) AS any_of_roles,
       q.quote AS quote,
       m.agreement_needed AS agreement_needed
ORDER BY model_number, strength DESC, requirement_id
