"""The analysts' named Cypher queries: one documented, parameterised query per file in cypher/.

Each file starts with a header of `//` lines, then the query:

    // name: partners_of_cluster
    // answers: Which organisations does a cluster partner with ...?
    // params: cluster (string, required): id of the cluster
    // params: label (string, default null): node label of the partners to keep
    MATCH ...

`// params: none` declares a query without parameters. A default is `null`, `true`/`false`, a
number or a quoted string; `required` instead of a default means the caller must supply it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

CYPHER_DIR = Path(__file__).parent / "cypher"

_HEADER_LINE = re.compile(r"^//\s*(?P<key>name|answers|params):\s*(?P<value>.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*) \((?P<type>\w+), "
    r"(?:default (?P<default>.+?)|(?P<required>required))\): (?P<meaning>.+)$"
)
PARAM_TYPES = frozenset({"string", "integer", "float", "boolean", "date"})


@dataclass(frozen=True)
class QueryParam:
    name: str
    type: str
    default: str | None  # the header's default as written; None when the parameter is required
    meaning: str

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    answers: str
    params: list[QueryParam] = field(default_factory=list)
    text: str = ""  # the query after the header (comments inside it are kept)
    path: Path | None = None


def parse_named_query(source: str, path: Path | None = None) -> NamedQuery:
    """A NamedQuery from a file's text; ValueError naming the file and line if the header is off."""
    where = str(path) if path else "<query>"
    lines = source.splitlines()
    header: dict[str, list[str]] = {"name": [], "answers": [], "params": []}
    body_start = len(lines)
    for number, line in enumerate(lines):
        if not line.startswith("//"):
            body_start = number
            break
        match = _HEADER_LINE.match(line)
        if match is None:
            raise ValueError(f"{where}:{number + 1}: expected name, answers or params: {line!r}")
        header[match["key"]].append(match["value"])

    for key in ("name", "answers"):
        if len(header[key]) != 1 or not header[key][0]:
            raise ValueError(f"{where}: the header needs exactly one non-empty `// {key}:` line")
    if not header["params"]:
        raise ValueError(f"{where}: the header needs `// params:` lines (or `// params: none`)")

    params: list[QueryParam] = []
    if header["params"] != ["none"]:
        for value in header["params"]:
            match = _PARAM.match(value)
            if match is None:
                raise ValueError(
                    f"{where}: bad params line {value!r}; "
                    "expected `<name> (<type>, default <value>): <meaning>`"
                )
            if match["type"] not in PARAM_TYPES:
                raise ValueError(f"{where}: unknown type {match['type']!r} of {match['name']}")
            params.append(
                QueryParam(match["name"], match["type"], match["default"], match["meaning"])
            )
    if len({p.name for p in params}) != len(params):
        raise ValueError(f"{where}: a parameter is declared twice")

    text = "\n".join(lines[body_start:]).strip()
    if not text:
        raise ValueError(f"{where}: no query after the header")
    return NamedQuery(header["name"][0], header["answers"][0], params, text + "\n", path)


def load_named_queries() -> dict[str, NamedQuery]:
    """Every query in cypher/, by name (sorted); a file's name must equal its query's name."""
    return dict(_load_all())


@cache
def _load_all() -> dict[str, NamedQuery]:
    queries: dict[str, NamedQuery] = {}
    for path in sorted(CYPHER_DIR.glob("*.cypher")):
        query = parse_named_query(path.read_text(encoding="utf-8"), path)
        if query.name != path.stem:
            raise ValueError(f"{path}: header name {query.name!r} differs from the file name")
        queries[query.name] = query
    return queries


def get_named_query(name: str) -> NamedQuery:
    """The query called `name`; KeyError suggesting the closest names if there is none."""
    queries = load_named_queries()
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise KeyError(f"no named query {name!r}{hint}")


def parse_default(text: str) -> Any:
    """A header default as a Python value: null, true/false, an int, a float or a quoted string."""
    if text == "null":
        return None
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    raise ValueError(f"cannot read default {text!r}: use null, true, false, a number or quotes")


def default_parameters(query: NamedQuery) -> dict[str, Any]:
    """The header defaults as parameters; required parameters are left for the caller to add."""
    return {p.name: parse_default(p.default) for p in query.params if p.default is not None}
