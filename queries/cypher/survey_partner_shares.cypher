// name: survey_partner_shares
// answers: For each partner figure of the report's survey, how many national clusters does the graph show working with that kind of partner, beside the report's own figure?
// params: include_illustrative (boolean, default true): count facts of the illustrative layer; false ignores every fact with confidence "illustrative"

// A national cluster counts for a figure (SurveyFigure -ABOUT_ROLE-> PartnerRole) when it has a
// PARTNERS_WITH edge, in either direction and ended or not (the survey dates from 2020), to a node
// whose label is in the role's filled_by_labels. Each cluster counts once; the share divides by the
// number of national clusters (the survey's 14 respondents). Figures without a role (Others,
// Danida) are left out. report_share and report_count are null where the report is garbled.
MATCH (n:Cluster {national: true})
WHERE $include_illustrative OR n.confidence <> 'illustrative'
WITH collect(n) AS nationals
MATCH (f:SurveyFigure)-[:ABOUT_ROLE]->(r:PartnerRole)
CALL (r, nationals) {
  UNWIND nationals AS c
  MATCH (c)-[p:PARTNERS_WITH]-(partner)
  WHERE any(l IN labels(partner) WHERE l IN r.filled_by_labels)
    AND ($include_illustrative
         OR (p.confidence <> 'illustrative' AND partner.confidence <> 'illustrative'))
  RETURN count(DISTINCT c) AS graph_count
}
RETURN f.id AS figure_id,
       f.option AS option,
       r.id AS role_id,
       f.share AS report_share,
       f.count AS report_count,
       graph_count,
       size(nationals) AS national_clusters,
       round(toFloat(graph_count) / size(nationals), 3) AS graph_share,
       f.count = graph_count AS matches_report
ORDER BY coalesce(report_share, -1.0) DESC, figure_id
