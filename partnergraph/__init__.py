"""partnergraph for Python users: `partnergraph.frames` gives the analyses as pandas DataFrames."""
