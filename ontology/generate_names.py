"""Writes ontology/names.py: the ontology's terms, labels, relationship types, role and model ids
as closed Python names, so that code never spells them as free strings (a typo is an
AttributeError when the line runs, and an error for mypy and the editor before that).

python -m ontology.generate_names            print the module
python -m ontology.generate_names --write    rewrite ontology/names.py (also `make docs`)

It reads the Turtle with rdflib alone (not ontology.schema, which imports the names it writes).
"""

from __future__ import annotations

import argparse
import keyword
from pathlib import Path

from rdflib import Graph, Literal, URIRef

ONTOLOGY_DIR = Path(__file__).parent
NAMES_FILE = ONTOLOGY_DIR / "names.py"
TURTLE_FILES = ("partnergraph.ttl", "models.ttl", "shapes.ttl")
PG_IRI = "https://w3id.org/partnergraph/ontology#"

HEADER = '''"""The ontology's names as closed Python names.

GENERATED from ontology/*.ttl by `python -m ontology.generate_names --write` (`make docs`): do not
edit by hand; a test fails when it is stale.

- `PG`: every term of the pg: vocabulary, as a closed rdflib namespace (an unknown term raises).
- `Label`: node labels; `Rel`: relationship types; `RoleId`: partner role ids; `ModelId`: the
  internationalisation models' ids. Each value is the plain string stored in the graph.
"""

from typing import Final

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace
'''


def _graph() -> Graph:
    graph = Graph()
    for name in TURTLE_FILES:
        graph.parse(ONTOLOGY_DIR / name, format="turtle")
    return graph


def _pg(name: str) -> URIRef:
    return URIRef(PG_IRI + name)


def _strings(graph: Graph, predicate: URIRef) -> list[str]:
    return sorted({str(o) for o in graph.objects(None, predicate) if isinstance(o, Literal)})


def _attribute(identifier: str) -> str:
    """`role:foreign-cluster` -> `foreign_cluster`."""
    name = identifier.partition(":")[2].replace("-", "_").replace(".", "_")
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(f"{identifier!r} does not make a Python name")
    return name


def _constants(name: str, doc: str, values: dict[str, str]) -> str:
    lines = [f"class {name}:", f'    """{doc}"""', ""]
    lines += [f'    {attr}: Final = "{value}"' for attr, value in sorted(values.items())]
    lines += ["", "    ALL: Final = frozenset(", "        {"]
    lines += [f"            {attr}," for attr in sorted(values)]
    lines += ["        }", "    )"]
    return "\n".join(lines)


def module_text() -> str:
    graph = _graph()
    terms = sorted(
        {
            str(term)[len(PG_IRI) :]
            for triple in graph
            for term in triple
            if isinstance(term, URIRef) and str(term).startswith(PG_IRI)
        }
    )
    identifiers = _strings(graph, _pg("identifier"))
    pg_lines = [
        "class PG(DefinedNamespace):",
        '    """The pg: vocabulary (ontology/partnergraph.ttl and its individuals), closed."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{PG_IRI}")',
        "",
        *(f"    {term}: URIRef" for term in terms),
    ]
    blocks = [
        HEADER,
        "\n".join(pg_lines),
        _constants(
            "Label",
            "Node labels (pg:nodeLabel).",
            {label: label for label in _strings(graph, _pg("nodeLabel"))},
        ),
        _constants(
            "Rel",
            "Relationship types (pg:relationshipType).",
            {rel: rel for rel in _strings(graph, _pg("relationshipType"))},
        ),
        _constants(
            "RoleId",
            "Partner role ids (ontology/models.ttl).",
            {_attribute(i): i for i in identifiers if i.startswith("role:")},
        ),
        _constants(
            "ModelId",
            "The internationalisation models' ids (ontology/models.ttl).",
            {_attribute(i): i for i in identifiers if i.startswith("model:")},
        ),
    ]
    return "\n\n\n".join(block.strip("\n") for block in blocks) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite {NAMES_FILE.name}")
    args = parser.parse_args()
    text = module_text()
    if args.write:
        NAMES_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {NAMES_FILE}")
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
