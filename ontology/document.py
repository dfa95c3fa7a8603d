"""The README's ontology tables, generated from the Turtle (never written by hand).

python -m ontology.document            print the tables
python -m ontology.document --write    refresh them in README.md between the markers
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ontology.schema import load_schema

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- ontology:start -->", "<!-- ontology:end -->"


def tables() -> str:
    schema = load_schema()
    lines = [
        "| node label | id prefix | class | English | Danish | properties |",
        "|---|---|---|---|---|---|",
    ]
    for label, node in sorted(schema.node_types.items()):
        own = ", ".join(k for k in sorted(node.properties) if k not in ("id", "name"))
        cls = schema.graph.namespace_manager.normalizeUri(node.iri)
        lines.append(
            f"| {label} | `{node.prefix}:` | {cls} | {node.name_en} | {node.name_da} | {own} |"
        )
    lines += [
        "",
        "| relationship type | property | from | to | properties |",
        "|---|---|---|---|---|",
    ]
    for rel_type, rel in sorted(schema.relationship_types.items()):
        prop = schema.graph.namespace_manager.normalizeUri(rel.iri)
        lines.append(
            f"| {rel_type} | {prop} | {', '.join(sorted(rel.domain))} | "
            f"{', '.join(sorted(rel.range))} | {', '.join(sorted(rel.properties)) or '-'} |"
        )
    provenance = ", ".join(sorted(schema.provenance_properties))
    lines += ["", f"Every node and relationship also carries: {provenance}."]
    return "\n".join(lines)


def refreshed(readme: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{tables()}\n{END}{tail}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help="update README.md in place")
    if parser.parse_args().write:
        README.write_text(refreshed(README.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(tables())


if __name__ == "__main__":
    main()
