// name: actors_in_market
// answers: Which Danish internationalisation actors (or, optionally, all organisations) are present in a given country?
// params: country (string, required): ISO 3166-1 alpha-2 code such as "DE", or a country id such as "country:DE"
// params: danish_only (boolean, default true): keep only the Danish actors (clusters, ICDK, Trade Council, Invest in Denmark, EEN, regional EU offices, business hubs, EU-DK Support, marketing organisations); false adds foreign clusters, knowledge institutions, companies, investors, ...

// Present means one of: PRESENT_IN the country; LOCATED_IN a city IN_COUNTRY the country;
// IN_HOTSPOT a hotspot IN_COUNTRY the country. `via` lists each way the actor is found.
MATCH (country:Country)
WHERE country.iso2 = toUpper($country) OR country.id = $country
CALL (country) {
  MATCH (actor)-[:PRESENT_IN]->(country)
  RETURN actor, 'present in ' + country.name AS via
  UNION
  MATCH (actor)-[:LOCATED_IN]->(city:City)-[:IN_COUNTRY]->(country)
  RETURN actor, 'located in ' + city.name AS via
  UNION
  MATCH (actor)-[:IN_HOTSPOT]->(hotspot:Hotspot)-[:IN_COUNTRY]->(country)
  RETURN actor, 'in hotspot ' + hotspot.name AS via
}
WITH country, actor, via
WHERE NOT $danish_only
   OR any(l IN labels(actor) WHERE l IN ['Cluster', 'InnovationCentre', 'TradeCouncil',
          'InvestInDenmark', 'EnterpriseEuropeNetwork', 'RegionalEUOffice', 'BusinessHub',
          'EUDKSupport', 'MarketingOrganisation'])
WITH country, actor, via ORDER BY via
RETURN country.iso2 AS country,
       actor.id AS actor_id,
       actor.name AS actor_name,
       head(labels(actor)) AS actor_label,
       collect(via) AS via,
       actor.confidence AS confidence
ORDER BY actor_label, actor_id
