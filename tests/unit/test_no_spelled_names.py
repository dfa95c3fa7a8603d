"""No label, relationship type, role id or model id is spelled as a string outside ontology/ and
data/: code names them through ontology.names, so a rename in the Turtle cannot leave a stale
copy behind. Cypher in Python is built from the same names."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

from ontology.names import Label, ModelId, Rel, RoleId

ROOT = Path(__file__).resolve().parents[2]
EXEMPT_DIRS = ("ontology/", "data/")
THIS_FILE = "tests/unit/test_no_spelled_names.py"  # it spells names to test the check
# Strings that must be spelled as a user types them (an analyst's or an attacker's Cypher, the
# public contract's ids, a report's section heading) follow a comment line starting with this,
# saying why; it covers the lines after it up to the next blank line.
MARKER = "# spelled:"

IDS = RoleId.ALL | ModelId.ALL
WORDS = Label.ALL | Rel.ALL
ID_IN_TEXT = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, sorted(IDS, key=len, reverse=True))) + r")(?![\w-])"
)
# `(c:Cluster)`, `[:PARTNERS_WITH]`, `|IN_COUNTRY`, `` `Company` ``: a name inside Cypher text.
NAME_IN_CYPHER = re.compile(
    r"[:|`](" + "|".join(map(re.escape, sorted(WORDS, key=len, reverse=True))) + r")\b"
)


def spelled(text: str) -> bool:
    return (
        text in WORDS or text in IDS or bool(ID_IN_TEXT.search(text) or NAME_IN_CYPHER.search(text))
    )


def python_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [
        f
        for f in listed
        if not f.startswith(EXEMPT_DIRS) and f != THIS_FILE and (ROOT / f).exists()
    ]


def spellings(path: str) -> list[str]:
    source = (ROOT / path).read_text(encoding="utf-8")
    exempt, marked = set(), False
    for number, line in enumerate(source.splitlines(), start=1):
        marked = line.strip().startswith(MARKER) or (marked and bool(line.strip()))
        if marked:
            exempt.add(number)
    return [
        f"{path}:{node.lineno}: {node.value[:60]!r}"
        for node in ast.walk(ast.parse(source, filename=path))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and spelled(node.value)
        and node.lineno not in exempt
    ]


def test_no_label_type_or_id_is_spelled_outside_the_ontology() -> None:
    found = [line for path in python_files() for line in spellings(path)]
    assert not found, "spelled instead of named (use ontology.names):\n" + "\n".join(found)


def test_the_check_finds_what_it_looks_for() -> None:
    assert spelled("PARTNERS_WITH") and spelled("role:icdk") and spelled("MATCH (c:Cluster)")
    assert spelled("the roles role:icdk and role:een")
    assert not spelled("cluster:odense-robotics") and not spelled("a Danish cluster")
    assert not spelled("role:icdk-like")
