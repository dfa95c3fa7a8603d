// name: cluster_network
// answers: Whom does a cluster partner with, as a graph to draw (Neo4j Browser, a notebook): the cluster, each partner and the partnership between them?
// params: cluster (string, required): id of the cluster, e.g. "cluster:odense-robotics"

// Paths, not columns: Neo4j Browser draws them as a graph, `partnergraph cypher` prints each
// node's labels and properties.
MATCH path = (c:Cluster {id: $cluster})-[:PARTNERS_WITH]-(partner)
RETURN path
ORDER BY partner.id
