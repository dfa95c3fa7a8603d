"""The clusters' survey workbooks: made from the graph, sent to each cluster, loaded back."""
