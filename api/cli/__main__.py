"""`python -m api.cli`, as the installed `partnergraph` script."""

from api.cli import app

app()
