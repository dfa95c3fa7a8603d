// name: long_term_models_without_formal_agreement
// answers: Where does a cluster pursue a long-term model (innovation platform or key-market partnership) on a market without an active formal agreement backing it?
// params: require_icdk_party (boolean, default true): an agreement only backs the market if an Innovation Centre Denmark centre is also a party (the report's formal cluster-ICDK agreements); false accepts any agreement of the cluster
// params: today (date, default null): reference date for "active", "YYYY-MM-DD"; null for the server's date

// Long-term declarations: TARGETS_MARKET edges whose `model` is a Model with time_horizon 'long'
// (model:innovation-platform, model:key-market-partnership).
// An agreement is about the declared target when it TARGETS the target itself or the country the
// target lies IN_COUNTRY. It backs the declaration when the cluster is PARTY_TO it, its status is
// 'active', today lies within valid_from..valid_until (open ends allowed), and, with
// require_icdk_party, an InnovationCentre is also PARTY_TO it.
WITH coalesce(date($today), date()) AS today
MATCH (c:Cluster)-[t:TARGETS_MARKET]->(target)
MATCH (m:Model {id: t.model})
WHERE m.time_horizon = 'long'
WITH c, t, target, m, today,
     COLLECT {
       MATCH (c)-[:PARTY_TO]->(a:Agreement)-[:TARGETS]->(place)
       WHERE place = target OR (target)-[:IN_COUNTRY]->(place)
       RETURN DISTINCT a ORDER BY a.id
     } AS agreements
WITH c, t, target, m, agreements,
     [a IN agreements WHERE a.status = 'active'
        AND (a.valid_from IS NULL OR a.valid_from <= today)
        AND (a.valid_until IS NULL OR a.valid_until >= today)] AS active
WITH c, t, target, m, agreements, active,
     [a IN active WHERE NOT $require_icdk_party
        OR EXISTS { (a)<-[:PARTY_TO]-(:InnovationCentre) }] AS backing
WHERE size(backing) = 0
RETURN c.id AS cluster_id,
       c.name AS cluster_name,
       t.model AS model_id,
       m.name AS model_name,
       target.id AS target_id,
       target.name AS target_name,
       CASE
         WHEN size(agreements) = 0 THEN 'no agreement on this market'
         WHEN size(active) = 0 THEN 'no active agreement'
         ELSE 'active agreement without an ICDK party'
       END AS gap,
       [a IN agreements | a.name + ' (' + coalesce(a.status, 'status unknown') + ')'] AS agreements,
       t.confidence AS confidence
ORDER BY model_id, cluster_id, target_id
