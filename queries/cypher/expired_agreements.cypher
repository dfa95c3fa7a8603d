// name: expired_agreements
// answers: Which agreements have expired or been terminated, and do their cluster parties still target the agreement's markets (renewal candidates)?
// params: today (date, default null): reference date, "YYYY-MM-DD"; null for the server's date

// An agreement counts as expired when its valid_until lies before `today` or its status is
// expired or terminated. `status_outdated` flags agreements whose date has passed while their
// status still says active. `still_targeted_by`: cluster parties that still declare
// (TARGETS_MARKET) one of the agreement's targets.
WITH coalesce(date($today), date()) AS today
MATCH (a:Agreement)
WHERE a.valid_until < today OR a.status IN ['expired', 'terminated']
RETURN a.id AS agreement_id,
       a.name AS agreement_name,
       a.agreement_kind AS agreement_kind,
       a.status AS status,
       a.valid_until AS valid_until,
       duration.inDays(a.valid_until, today).days AS days_since_expiry,
       coalesce(a.status = 'active' AND a.valid_until < today, false) AS status_outdated,
       COLLECT { MATCH (party)-[:PARTY_TO]->(a) RETURN party.name AS n ORDER BY n } AS parties,
       COLLECT { MATCH (a)-[:UNDER_MODEL]->(m:Model) RETURN m.id AS n ORDER BY n } AS models,
       COLLECT {
         MATCH (c:Cluster)-[:PARTY_TO]->(a)
         WHERE EXISTS { (c)-[:TARGETS_MARKET]->(t)<-[:TARGETS]-(a) }
         RETURN c.name AS n ORDER BY n
       } AS still_targeted_by,
       a.confidence AS confidence
ORDER BY valid_until, agreement_id
