// name: partnerships_with_single_contact
// answers: Which cluster partnerships hang on a single contact person (fragile when staff turn over, a barrier the report names)?
// params: max_contacts (integer, default 1): largest number of contact persons that still counts as fragile
// params: include_ended (boolean, default false): also list partnerships that have ended
// params: today (date, default null): reference date for "ended", "YYYY-MM-DD"; null for the server's date

// Partnerships with a cluster at one end. An edge between two clusters is listed once, from the
// cluster it starts at. Partnerships without a contact_persons value are not listed.
MATCH (c:Cluster)-[p:PARTNERS_WITH]-(partner)
WHERE p.contact_persons <= $max_contacts
  AND (NOT partner:Cluster OR startNode(p) = c)
  AND ($include_ended OR p.end IS NULL OR p.end >= coalesce(date($today), date()))
RETURN c.id AS cluster_id,
       c.name AS cluster_name,
       partner.id AS partner_id,
       partner.name AS partner_name,
       head(labels(partner)) AS partner_label,
       p.contact_persons AS contact_persons,
       p.kind AS kind,
       p.funding AS funding,
       p.start AS start,
       p.end AS end,
       p.confidence AS confidence
ORDER BY cluster_id, partner_id
