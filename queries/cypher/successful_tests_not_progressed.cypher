// name: successful_tests_not_progressed
// answers: Which successful short-term tests (models 1 and 3) has the cluster not followed up with a long-term model on the same target?
// params: none

// A test is an engagement UNDER_MODEL a Model with time_horizon 'short' and outcome 'successful',
// undertaken by a cluster. It has progressed when the same cluster has an engagement under a
// long-term model that TARGETS one of the test's targets, or declares one of them (TARGETS_MARKET)
// under a long-term model.
MATCH (c:Cluster)-[:UNDERTAKES]->(e:Engagement)-[:UNDER_MODEL]->(m:Model {time_horizon: 'short'})
WHERE e.outcome = 'successful'
WITH c, e, m, COLLECT { MATCH (e)-[:TARGETS]->(t) RETURN t } AS targets
WHERE NOT EXISTS {
        MATCH (c)-[:UNDERTAKES]->(later:Engagement)-[:UNDER_MODEL]->(:Model {time_horizon: 'long'})
        MATCH (later)-[:TARGETS]->(t)
        WHERE t IN targets
      }
  AND NOT EXISTS {
        MATCH (c)-[d:TARGETS_MARKET]->(t)
        WHERE t IN targets
          AND EXISTS { MATCH (lm:Model {id: d.model}) WHERE lm.time_horizon = 'long' }
      }
RETURN c.id AS cluster_id,
       c.name AS cluster_name,
       e.id AS engagement_id,
       e.name AS engagement_name,
       m.id AS model_id,
       e.start AS start,
       e.end AS end,
       [t IN targets | t.name] AS targets,
       e.outcome_note AS outcome_note
ORDER BY cluster_id, start, engagement_id
