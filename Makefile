# The two set-up commands: `make demo` (main job, embedded store) and `make test` (whole suite,
# with the local Neo4j started and stopped for it). Everything installs into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
NEO4J := deploy/neo4j/neo4j.sh
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: install demo test bench bench-quality lint neo4j-start neo4j-stop neo4j-status docs kit-screenshot clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	touch $@

# The main job on the embedded store: load and validate the bundled data, compare it with the
# report's survey, find the gaps per cluster and model, recommend partners for one example,
# export the graph as RDF and GraphML, and write the board pack of graph views.
demo: install
	$(BIN)/partnergraph load
	$(BIN)/partnergraph survey
	$(BIN)/partnergraph gaps
	$(BIN)/partnergraph recommend --cluster odense-robotics --model market-test --market DE --top 3
	$(BIN)/partnergraph recommend --cluster lifestyle-design-cluster --model market-test --market France --top 3 --no-include-illustrative
	$(BIN)/partnergraph route munich-intralogistics --top 3
	mkdir -p out
	$(BIN)/partnergraph export --format turtle --out out/partnergraph.ttl
	$(BIN)/partnergraph export --format graphml --out out/partnergraph.graphml
	$(BIN)/partnergraph board --out out/board

# Starts the local Neo4j unless NEO4J_URI names another server or one is already running,
# and stops only a server it started. pytest's "no tests ran" (exit 5) counts as a failure.
test: install
	@started=0; \
	if [ -z "$${NEO4J_URI:-}" ] && ! $(NEO4J) status >/dev/null; then \
	  $(NEO4J) start || exit 1; started=1; \
	fi; \
	$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing" >&2; rc=1; fi; \
	if [ $$started -eq 1 ]; then $(NEO4J) stop; fi; \
	exit $$rc

# Every benchmark (about 30 minutes), figures appended to bench/RESULTS.md. The Neo4j ones CLEAR
# the database: the local server is started as for `make test` unless NEO4J_URI names another.
bench: install
	@started=0; \
	if [ -z "$${NEO4J_URI:-}" ] && ! $(NEO4J) status >/dev/null; then \
	  $(NEO4J) start || exit 1; started=1; \
	fi; \
	$(BIN)/python -m bench $(BENCH_ARGS); rc=$$?; \
	if [ $$started -eq 1 ]; then $(NEO4J) stop; fi; \
	exit $$rc

# The quality of the answers: judged scenarios and hold-out ranks against baselines, on the
# bundled data and the generator's output at scale 0.1 (memory store; a few minutes).
bench-quality: install
	$(BIN)/python -m bench.quality --scale 0.1

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

neo4j-start:
	$(NEO4J) start
neo4j-stop:
	$(NEO4J) stop
neo4j-status:
	$(NEO4J) status

# Regenerate what is generated from the Turtle: ontology/names.py and the README's tables.
docs: install
	$(BIN)/python -m ontology.generate_names --write
	$(BIN)/python -m ontology.document --write

# The README's picture of a survey kit: written, printed by headless LibreOffice, rendered by pdftoppm.
kit-screenshot: install
	$(BIN)/python -m api.kits.screenshot --out docs/screenshots/survey-kit-da-partnerships.png

clean:
	rm -rf $(VENV) deploy/neo4j/.run .pytest_cache .mypy_cache .ruff_cache
