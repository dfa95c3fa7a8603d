// name: agreements_expiring
// answers: Which agreements that have not expired or been terminated run out within the next few months?
// params: months (integer, default 12): look-ahead window in months
// params: today (date, default null): reference date, "YYYY-MM-DD"; null for the server's date

WITH coalesce(date($today), date()) AS today
MATCH (a:Agreement)
WHERE a.valid_until >= today
  AND a.valid_until <= today + duration({months: $months})
  AND NOT coalesce(a.status, '') IN ['expired', 'terminated']
RETURN a.id AS agreement_id,
       a.name AS agreement_name,
       a.agreement_kind AS agreement_kind,
       a.status AS status,
       a.valid_until AS valid_until,
       duration.inDays(today, a.valid_until).days AS days_left,
       COLLECT { MATCH (party)-[:PARTY_TO]->(a) RETURN party.name AS n ORDER BY n } AS parties,
       COLLECT { MATCH (a)-[:UNDER_MODEL]->(m:Model) RETURN m.id AS n ORDER BY n } AS models,
       COLLECT { MATCH (a)-[:TARGETS]->(t) RETURN t.name AS n ORDER BY n } AS targets,
       a.confidence AS confidence
ORDER BY valid_until, agreement_id
