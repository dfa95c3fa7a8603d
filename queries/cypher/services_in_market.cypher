// name: services_in_market
// answers: Who offers help with a kind of lead (market entry, a test partner, an investment, ...) in a given country, and through which of its representations there?
// params: sought (string, required): test-partner, market-entry, investment, research-collaboration or delegation
// params: country (string, required): ISO 3166-1 alpha-2 code such as "JP", or a country id such as "country:JP"

// A service is offered where its offerer, or a representation PART_OF it, is present: PRESENT_IN
// the country, LOCATED_IN a city there or IN_HOTSPOT a hotspot there.
MATCH (country:Country)
WHERE country.iso2 = toUpper($country) OR country.id = $country
MATCH (offerer)-[:OFFERS]->(service:Service {helps_with: $sought})
MATCH (local)-[:PART_OF*0..1]->(offerer)
WHERE (local)-[:PRESENT_IN]->(country)
   OR (local)-[:LOCATED_IN]->(:City)-[:IN_COUNTRY]->(country)
   OR (local)-[:IN_HOTSPOT]->(:Hotspot)-[:IN_COUNTRY]->(country)
WITH country, service, offerer, local ORDER BY local.id
RETURN country.iso2 AS country,
       service.id AS service_id,
       service.name AS service,
       offerer.id AS offered_by,
       collect(DISTINCT local.id) AS through,
       service.confidence AS confidence
ORDER BY service_id, offered_by
