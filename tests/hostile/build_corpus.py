# ruff: noqa: E501 - the sources are easier to read each on one line
"""Writes tests/hostile/corpus/: malformed and hostile sources, one file or folder each, and
tests/hostile/expected.yaml: for each, a piece of the problem a load must list, or why it is
accepted. Run `python -m tests.hostile.build_corpus` to write them again."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import yaml

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
PROV = "provenance: {source: hostile test, confidence: illustrative}\n"
TTL = """@prefix pg: <https://w3id.org/partnergraph/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
# spelled: an RDF source as a user writes it
@prefix cluster: <https://w3id.org/partnergraph/id/cluster/> .
"""
ALIAS_BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
    + ["nodes:", "  - {id: 'cluster:bomb', name: *i}"]
)


def node(extra: str, node_id: str = "cluster:hostile") -> str:
    return PROV + f"nodes:\n  - {{id: '{node_id}', name: Hostile{extra}}}\n"


# name: (content, expected problem or "accepted: why")
FILES: dict[str, tuple[str | bytes, str]] = {
    "id-trailing-newline.yaml": (
        PROV + 'nodes:\n  - {id: "cluster:x\\n", name: X}\n',
        "expected an id",
    ),
    "id-markup.yaml": (PROV + "nodes:\n  - {id: 'cluster:<script>', name: X}\n", "expected an id"),
    "id-quote-newline.json": (
        json.dumps({"nodes": [{"id": "cluster:a'\"\nb", "name": "x"}]}),
        "expected an id",
    ),
    "id-too-long.yaml": (
        PROV + f"nodes:\n  - {{id: 'cluster:{'a' * 5000}', name: X}}\n",
        "expected an id",
    ),
    "id-unknown-kind.yaml": (PROV + "nodes:\n  - {id: 'planet:mars', name: X}\n", "planet"),
    "id-capital-kind.yaml": (PROV + "nodes:\n  - {id: 'Cluster:x', name: X}\n", "expected an id"),
    "id-number.yaml": (PROV + "nodes:\n  - {id: 42, name: X}\n", "expected an id"),
    "self-partnership.yaml": (
        node("")
        + "relationships:\n  - {type: PARTNERS_WITH, from: 'cluster:hostile', to: 'cluster:hostile', kind: informal}\n",
        "from a node to itself",
    ),
    "huge-integer.yaml": (node(", founded_year: 99999999999999999999999999"), "between"),
    "huge-negative-integer.yaml": (node(", founded_year: -99999999999999999999999999"), "between"),
    "integer-4400-digits.yaml": (node(", founded_year: " + "9" * 4400), "too long to read"),
    "float-for-integer.yaml": (node(", founded_year: 2001.5"), "whole number"),
    "bool-for-integer.yaml": (node(", founded_year: true"), "whole number"),
    "nan-share.yaml": (PROV + "nodes:\n  - {id: 'survey:nan', name: X, share: .nan}\n", "finite"),
    "inf-share.yaml": (PROV + "nodes:\n  - {id: 'survey:inf', name: X, share: .inf}\n", "finite"),
    "nan-share.json": (
        '{"nodes": [{"id": "survey:nan", "name": "x", "share": NaN, "source": "s", "confidence": "illustrative"}]}',
        "finite",
    ),
    "infinity-share.json": (
        '{"nodes": [{"id": "survey:inf", "name": "x", "share": -Infinity, "source": "s", "confidence": "illustrative"}]}',
        "finite",
    ),
    "huge-confidence.yaml": (
        PROV + "nodes:\n  - {id: 'cluster:c', name: X, confidence: 1e999}\n",
        "confidence",
    ),
    "impossible-date.yaml": (
        PROV + "nodes:\n  - {id: 'agreement:x', name: X, valid_from: 2021-02-30}\n",
        "valid_from",
    ),
    "date-shown-as-written.yaml": (
        PROV + "nodes:\n  - {id: 'engagement:x', name: x, start: 2021-05-01, end: 2021-01-01}\n",
        "end = 2021-01-01",
    ),
    "date-as-name.yaml": (
        node("", "cluster:dated").replace("name: Hostile", "name: 2021-01-01"),
        "accepted: a date where text is expected is kept as written (2021-01-01)",
    ),
    "alias-bomb.yaml": (ALIAS_BOMB, "expand to more than"),
    "recursive-alias.yaml": ("nodes: &n\n  - *n\n", "contains it"),
    "deep-nesting.json": ("[" * 100_000 + "]" * 100_000, "nested"),
    "deep-nesting.yaml": ("nodes:\n  - " + "[" * 5000 + "]" * 5000 + "\n", "nested"),
    "deep-nesting-mapping.json": ('{"a":' * 20_000 + "1" + "}" * 20_000, "nested"),
    "provenance-string.yaml": (
        "provenance: just a string\nnodes:\n  - {id: 'cluster:p', name: P}\n",
        "expected a mapping",
    ),
    "provenance-list.yaml": (
        "provenance: [a, b]\nnodes:\n  - {id: 'cluster:p', name: P}\n",
        "expected a mapping",
    ),
    "node-provenance-string.yaml": (
        PROV + "nodes:\n  - {id: 'cluster:p', name: P, provenance: nope}\n",
        "expected a mapping",
    ),
    "non-string-key.yaml": (
        PROV + "nodes:\n  - {id: 'cluster:k', name: K, 1: one}\n",
        "must be text",
    ),
    "complex-key.yaml": (
        PROV + "nodes:\n  - id: 'cluster:k'\n    name: K\n    ? [a, b]\n    : c\n",
        "cannot be parsed",
    ),
    "top-level-list.yaml": ("- a\n- b\n", "expected a mapping"),
    "top-level-scalar.yaml": ("hello\n", "expected a mapping"),
    "empty.yaml": ("", "expected a mapping"),
    "top-level-list.json": ("[1, 2]", "expected a mapping"),
    "unknown-section.yaml": (PROV + "edges: []\n", "expected provenance, nodes or relationships"),
    "nodes-not-a-list.yaml": (PROV + "nodes: {id: 'cluster:x'}\n", "expected a list"),
    "node-not-a-mapping.yaml": (PROV + "nodes:\n  - just text\n", "expected a mapping"),
    "list-for-name.yaml": (PROV + "nodes:\n  - {id: 'cluster:l', name: [a, b]}\n", "name"),
    "mapping-for-name.yaml": (PROV + "nodes:\n  - {id: 'cluster:m', name: {a: 1}}\n", "name"),
    "binary-name.yaml": (PROV + "nodes:\n  - {id: 'cluster:b', name: !!binary aGVsbG8=}\n", "name"),
    "set-name.yaml": (PROV + "nodes:\n  - {id: 'cluster:s', name: !!set {a, b}}\n", "name"),
    "python-tag.yaml": (
        PROV
        + "nodes:\n  - {id: 'cluster:py', name: !!python/object/apply:os.system [echo pwned]}\n",
        "cannot be parsed",
    ),
    "control-character.json": (
        json.dumps(
            {
                "nodes": [
                    {
                        "id": "cluster:c",
                        "name": "a\u0001b",
                        "source": "s",
                        "confidence": "illustrative",
                    }
                ]
            }
        ),
        "control characters",
    ),
    "nul-in-name.json": (
        json.dumps(
            {
                "nodes": [
                    {
                        "id": "cluster:n",
                        "name": "a\u0000b",
                        "source": "s",
                        "confidence": "illustrative",
                    }
                ]
            }
        ),
        "control characters",
    ),
    "text-too-long.yaml": (node("", "cluster:long").replace("Hostile", "x" * 120_000), "at most"),
    "not-boolean.yaml": (node(", national: maybe"), "true or false"),
    "unknown-property.yaml": (node(", colour: red"), "not a property"),
    "unknown-relationship-type.yaml": (
        node("")
        + "relationships:\n  - {type: LIKES, from: 'cluster:hostile', to: 'cluster:odense-robotics'}\n",
        "not a relationship type",
    ),
    "relationship-unknown-end.yaml": (
        node("")
        + "relationships:\n  - {type: PARTNERS_WITH, from: 'cluster:hostile', to: 'cluster:nobody', kind: informal}\n",
        "unknown id",
    ),
    "relationship-end-newline.yaml": (
        node("")
        + 'relationships:\n  - {type: PARTNERS_WITH, from: "cluster:hostile", to: "cluster:odense-robotics\\n", kind: informal}\n',
        "expected an id",
    ),
    "relationship-wrong-end-type.yaml": (
        node("")
        + "relationships:\n  - {type: HAS_STRENGTH, from: 'cluster:hostile', to: 'cluster:odense-robotics'}\n",
        "must be one of",
    ),
    "relationship-unknown-model.yaml": (
        node("")
        + "relationships:\n  - {type: TARGETS_MARKET, from: 'cluster:hostile', to: 'country:DE', model: 'model:nope'}\n",
        "unknown id",
    ),
    "duplicate-id.yaml": (
        PROV + "nodes:\n  - {id: 'cluster:d', name: D}\n  - {id: 'cluster:d', name: D2}\n",
        "defined twice",
    ),
    "duplicate-relationship.yaml": (
        node("")
        + "relationships:\n"
        + "  - {type: PARTNERS_WITH, from: 'cluster:hostile', to: 'cluster:odense-robotics', kind: informal}\n"
        * 2,
        "stated twice",
    ),
    "redefines-bundled.yaml": (
        PROV + "nodes:\n  - {id: 'cluster:odense-robotics', name: Hijacked}\n",
        "already defined",
    ),
    "agreement-one-party.yaml": (
        PROV
        + "nodes:\n  - {id: 'agreement:lonely', name: L}\nrelationships:\n  - {type: PARTY_TO, from: 'cluster:odense-robotics', to: 'agreement:lonely'}\n",
        "at least two",
    ),
    "yaml-syntax.yaml": (
        PROV + "nodes:\n  - {id: 'cluster:x', name: [unclosed\n",
        "cannot be parsed",
    ),
    "yaml-tab-indent.yaml": (PROV + "nodes:\n\t- {id: 'cluster:x'}\n", "cannot be parsed"),
    "json-syntax.json": ('{"nodes": [', "cannot be parsed"),
    "json-bom.json": ("\ufeff" + json.dumps({"nodes": []}), "cannot be parsed"),
    "latin1.yaml": (
        (PROV + "nodes:\n  - {id: 'cluster:l', name: Køge}\n").encode("latin-1"),
        "not UTF-8",
    ),
    "ttl-identifier-markup.ttl": (
        TTL
        + 'cluster:x a pg:ClusterOrganisation ; pg:identifier "cluster:<b>\\"x\\"</b>\\n" ; pg:name "X" ; pg:source "s" ; pg:confidence "illustrative" .\n',
        "expected an id",
    ),
    "ttl-string-for-integer.ttl": (
        TTL
        + 'cluster:x a pg:ClusterOrganisation ; pg:name "X" ; pg:source "s" ; pg:confidence "illustrative" ; pg:foundedYear "abc"^^xsd:integer .\n',
        "whole number",
    ),
    "ttl-huge-integer.ttl": (
        TTL
        + 'cluster:x a pg:ClusterOrganisation ; pg:name "X" ; pg:source "s" ; pg:confidence "illustrative" ; pg:foundedYear 99999999999999999999999999 .\n',
        "between",
    ),
    "ttl-impossible-date.ttl": (
        TTL
        # spelled: an RDF source as a user writes it
        + '<https://w3id.org/partnergraph/id/agreement/x> a pg:Agreement ; pg:name "X" ; pg:source "s" ; pg:confidence "illustrative" ; pg:validFrom "2021-02-30"^^xsd:date .\n',
        "valid_from",
    ),
    "ttl-foreign-iri.ttl": (
        TTL + '<http://example.org/evil> a pg:ClusterOrganisation ; pg:name "X" .\n',
        "expected an IRI under",
    ),
    "ttl-huge-confidence.ttl": (
        TTL
        + 'cluster:x a pg:ClusterOrganisation ; pg:name "X" ; pg:source "s" ; pg:confidence 1e308 .\n',
        "confidence",
    ),
    "ttl-nan-share.ttl": (
        TTL
        # spelled: an RDF source as a user writes it
        + '<https://w3id.org/partnergraph/id/survey/x> a pg:SurveyFigure ; pg:name "X" ; pg:source "s" ; pg:confidence "illustrative" ; pg:share "NaN"^^xsd:double .\n',
        "finite",
    ),
    "ttl-kind-mismatch.ttl": (
        TTL
        # spelled: an RDF source as a user writes it
        + '<https://w3id.org/partnergraph/id/icdk/x> a pg:ClusterOrganisation ; pg:name "X" ; pg:source "s" ; pg:confidence "illustrative" .\n',
        "id starts with cluster:",
    ),
    "ttl-two-names.ttl": (
        TTL
        + 'cluster:x a pg:ClusterOrganisation ; pg:name "X", "Y" ; pg:source "s" ; pg:confidence "illustrative" .\n',
        "stated twice",
    ),
    "ttl-syntax.ttl": (TTL + "cluster:x a pg:ClusterOrganisation ; pg:name \n", "cannot be parsed"),
    "ttl-blank-node.ttl": (
        TTL + '[] a pg:ClusterOrganisation ; pg:name "X" .\n',
        "expected an IRI under",
    ),
    "jsonld-syntax.jsonld": ('{"@context": ', "cannot be parsed"),
    "ttl-unknown-predicate.ttl": (
        TTL
        + 'cluster:ttl-extra a pg:ClusterOrganisation ; pg:name "X" ; pg:source "s" ; pg:confidence "illustrative" ; pg:favouriteColour "red" .\n',
        "accepted: predicates outside the ontology are not facts of the graph and are left out",
    ),
}


def csv_folder(name: str, files: dict[str, str | bytes]) -> None:
    folder = CORPUS / name
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


CSV_SOURCE = "source: hostile test\nconfidence: illustrative\n"
FOLDERS: dict[str, tuple[dict[str, str | bytes], str]] = {
    "csv-nul-in-name": (
        {"source.yaml": CSV_SOURCE, "nodes/cluster.csv": "id,name\ncluster:n,a\x00b\n"},
        "control characters",
    ),
    "csv-latin1": (
        {
            "source.yaml": CSV_SOURCE,
            "nodes/cluster.csv": "id,name\ncluster:k,Køge\n".encode("latin-1"),
        },
        "not UTF-8",
    ),
    "csv-source-yaml-list": (
        {"source.yaml": "- a\n- b\n", "nodes/cluster.csv": "id,name\ncluster:s,S\n"},
        "expected a mapping",
    ),
    "csv-source-yaml-syntax": (
        {"source.yaml": "source: [unclosed\n", "nodes/cluster.csv": "id,name\ncluster:s,S\n"},
        "cannot be parsed",
    ),
    "csv-source-yaml-alias-bomb": (
        {"source.yaml": ALIAS_BOMB, "nodes/cluster.csv": "id,name\ncluster:s,S\n"},
        "expand to more than",
    ),
    "csv-more-cells": (
        {"source.yaml": CSV_SOURCE, "nodes/cluster.csv": "id,name\ncluster:m,M,extra\n"},
        "more cells than the header",
    ),
    "csv-huge-field": (
        {
            "source.yaml": CSV_SOURCE,
            "nodes/cluster.csv": 'id,name\ncluster:h,"' + "x" * 200_000 + '"\n',
        },
        "field larger",
    ),
    "csv-wrong-prefix": (
        {"source.yaml": CSV_SOURCE, "nodes/cluster.csv": "id,name\nicdk:w,W\n"},
        "start with cluster:",
    ),
    "csv-no-id-column": (
        {"source.yaml": CSV_SOURCE, "nodes/cluster.csv": "name\nNo id\n"},
        "start with cluster:",
    ),
    "csv-trailing-space-id": (
        {"source.yaml": CSV_SOURCE, "nodes/cluster.csv": "id,name\ncluster:t ,T\n"},
        "expected an id",
    ),
    "csv-self-partnership": (
        {
            "source.yaml": CSV_SOURCE,
            "nodes/cluster.csv": "id,name\ncluster:self,S\n",
            "relationships/PARTNERS_WITH.csv": "from,to,kind\ncluster:self,cluster:self,informal\n",
        },
        "from a node to itself",
    ),
    "csv-unknown-relationship-file": (
        {
            "source.yaml": CSV_SOURCE,
            "relationships/LIKES.csv": "from,to\ncluster:odense-robotics,cluster:made\n",
        },
        "not a relationship type",
    ),
    "csv-no-files": ({"nodes/README.txt": "nothing here\n"}, "no nodes/*.csv"),
    "csv-byte-order-mark": (
        {"source.yaml": CSV_SOURCE, "nodes/cluster.csv": "\ufeffid,name\ncluster:bom,BOM\n"},
        "accepted: a spreadsheet's byte-order mark is read as such, not as part of the first column's name",
    ),
    "folder-without-sources": ({"notes.txt": "no source here\n"}, "no sources in it"),
}
# name: (links to make {path in the case: target}, expected)
LINKS: dict[str, tuple[dict[str, str], dict[str, str], str]] = {
    "csv-symlink-passwd": (
        {"source.yaml": CSV_SOURCE},
        {"nodes/company.csv": "/etc/passwd"},
        "a link out of",
    ),
    "csv-symlink-source-yaml": (
        {"nodes/cluster.csv": "id,name\ncluster:y,Y\n"},
        {"source.yaml": "/etc/hostname"},
        "a link out of",
    ),
    "folder-symlink-loop": (
        {"a.txt": "x\n"},
        {"again": "."},
        "a link back to a folder already read",
    ),
    "folder-link-out": ({"a.txt": "x\n"}, {"etc": "/etc"}, "a link out of"),
    "folder-dangling-link": (
        {"a.txt": "x\n"},
        {"gone.yaml": "nowhere.yaml"},
        "loops or leads nowhere",
    ),
    "folder-self-loop-link": (
        {"a.txt": "x\n"},
        {"loop.yaml": "loop.yaml"},
        "loops or leads nowhere",
    ),
}


def main() -> None:
    shutil.rmtree(CORPUS, ignore_errors=True)
    CORPUS.mkdir()
    expected: dict[str, str] = {}
    for name, (content, expect) in FILES.items():
        path = CORPUS / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        expected[name] = expect
    for name, (files, expect) in FOLDERS.items():
        csv_folder(name, files)
        expected[name] = expect
    for name, (plain, links, expect) in LINKS.items():
        csv_folder(name, {**plain})
        for relative, target in links.items():
            link = CORPUS / name / relative
            link.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target, link)
        expected[name] = expect
    (HERE / "expected.yaml").write_text(
        "# For each source in corpus/: a piece of the problem a load lists, or why it is accepted.\n"
        + yaml.safe_dump(expected, sort_keys=True, allow_unicode=True, width=1000),
        encoding="utf-8",
    )
    print(f"{len(expected)} cases in {CORPUS}")


if __name__ == "__main__":
    main()
