// name: survey_activity_shares
// answers: For each activity figure of the report's survey, how many national clusters does the graph show carrying out that activity, beside the report's own figure?
// params: include_illustrative (boolean, default true): count facts of the illustrative layer; false ignores every fact with confidence "illustrative"

// A national cluster counts for a figure (SurveyFigure -ABOUT_ACTIVITY-> ActivityType) when it
// UNDERTAKES an engagement that INCLUDES_ACTIVITY the activity. Each cluster counts once; the share
// divides by the number of national clusters. report_share and report_count are null where the
// report is garbled.
MATCH (n:Cluster {national: true})
WHERE $include_illustrative OR n.confidence <> 'illustrative'
WITH collect(n) AS nationals
MATCH (f:SurveyFigure)-[:ABOUT_ACTIVITY]->(a:ActivityType)
CALL (a, nationals) {
  UNWIND nationals AS c
  MATCH (c)-[u:UNDERTAKES]->(e:Engagement)-[i:INCLUDES_ACTIVITY]->(a)
  WHERE $include_illustrative
     OR (u.confidence <> 'illustrative' AND e.confidence <> 'illustrative'
         AND i.confidence <> 'illustrative')
  RETURN count(DISTINCT c) AS graph_count
}
RETURN f.id AS figure_id,
       f.option AS option,
       a.id AS activity_id,
       f.share AS report_share,
       f.count AS report_count,
       graph_count,
       size(nationals) AS national_clusters,
       round(toFloat(graph_count) / size(nationals), 3) AS graph_share,
       f.count = graph_count AS matches_report
ORDER BY coalesce(report_share, -1.0) DESC, figure_id
