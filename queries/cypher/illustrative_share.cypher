// name: illustrative_share
// answers: How many facts (nodes and relationships) does the graph hold at each confidence level, and what share of all facts is that?
// params: none

// confidence is one of reported, public-source, illustrative, synthetic (null if missing).
// Facts have ids; the store's own bookkeeping (load lock, change sets of the history) has none.
CALL () {
  MATCH (n) WHERE n.id IS NOT NULL
  RETURN n.confidence AS confidence, 1 AS node, 0 AS relationship
  UNION ALL
  MATCH ()-[r]->()
  RETURN r.confidence AS confidence, 0 AS node, 1 AS relationship
}
WITH confidence, sum(node) AS nodes, sum(relationship) AS relationships
WITH collect({confidence: confidence, nodes: nodes, relationships: relationships}) AS levels,
     sum(nodes + relationships) AS total
UNWIND levels AS level
RETURN level.confidence AS confidence,
       level.nodes AS nodes,
       level.relationships AS relationships,
       level.nodes + level.relationships AS facts,
       round(toFloat(level.nodes + level.relationships) / total, 3) AS share
ORDER BY confidence
