"""Read-only Cypher for analysts' tools: refuse writes and admin commands before sending, then
run in a read transaction (the server refuses any write that slipped through), with a timeout
and a row limit. Parameters always travel as parameters, never spliced into the text."""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from typing import Any

from neo4j.spatial import Point
from neo4j.time import Duration

from graph.store import GraphStore, ReadRows

# Clauses that write or administer; refused wherever they stand as keywords.
WRITE_OR_ADMIN_WORDS = frozenset(
    {
        "CREATE",
        "MERGE",
        "SET",
        "DELETE",
        "DETACH",
        "REMOVE",
        "DROP",
        "FOREACH",
        "GRANT",
        "REVOKE",
        "DENY",
        "ALTER",
        "RENAME",
        "TERMINATE",
        "TRANSACTIONS",  # CALL { ... } IN [CONCURRENT] TRANSACTIONS, SHOW/TERMINATE TRANSACTIONS
        "DEALLOCATE",
        "REALLOCATE",
        # Cypher 25 (GQL) writes, and what Cypher 5 spells beside them
        "INSERT",
        "NODETACH",
        # administration and information: users, roles, databases, settings, servers, ...
        "SHOW",
        "USE",  # another database (the system one): the API reads the graph's own
        "ENABLE",
        "DRY",
    }
)
# What a read may begin with (after CYPHER options, EXPLAIN or PROFILE): an analyst's read.
READ_STARTS = frozenset({"MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CALL", "FINISH"})
PREFIXES = frozenset({"CYPHER", "EXPLAIN", "PROFILE"})
MAX_QUERY_CHARS = 20_000
MAX_NESTING = 40  # brackets inside brackets: deeper makes the server's parser overflow its stack
# Keyword pairs whose first word alone is harmless (`start` is a common property name).
WRITE_OR_ADMIN_PAIRS = (
    ("LOAD", "CSV"),
    ("START", "DATABASE"),
    ("STOP", "DATABASE"),
    ("ENABLE", "SERVER"),
)
# Procedures known to only read; every other procedure is refused (dbms.*, db.* admin, ...).
READ_ONLY_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.ping",
    }
)
QUOTED = "`quoted`"  # what a backtick-quoted name becomes in the checked text
_LINE_ENDS = "\n\r\u0085\u2028\u2029"  # any of them ends a // comment (ending early hides less)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class CypherRefused(ValueError):
    """The query would write, administer, or run several statements; the message says which."""


class CypherTooComplex(ValueError):
    """The query is longer or nested deeper than a read needs (422)."""


class CypherTimedOut(TimeoutError):
    """No answer within the timeout, whatever the server does (408)."""


class CypherBusy(RuntimeError):
    """As many Cypher queries as allowed are already running (503, try again)."""


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[list[Any]]  # each row's values in the order of `columns`, as plain JSON values
    truncated: bool  # the answer was cut: more rows than the row limit, or past the byte limit
    cut_by: str | None = None  # "rows" or "bytes"


def code_only(query: str) -> str:
    """The query with comments and string literals blanked and quoted names made neutral, so
    that a keyword inside them is not taken for a clause (and one outside them is not missed)."""
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        char, pair = query[i], query[i : i + 2]
        if pair == "//":
            while i < n and query[i] not in _LINE_ENDS:
                i += 1
            out.append(" ")
        elif pair == "/*":
            end = query.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif char in "'\"":
            i += 1
            while i < n and query[i] != char:
                i += 2 if query[i] == "\\" else 1
            i += 1
            out.append("''")
        elif char == "`":
            end = query.find("`", i + 1)
            i = n if end < 0 else end + 1
            out.append(QUOTED)
        else:
            out.append(char)
            i += 1
    return "".join(out)


def check_read_only(query: str) -> None:
    """Raise CypherRefused if the query could write or administer, or holds several statements."""
    if len(query) > MAX_QUERY_CHARS:
        raise CypherTooComplex(f"the query is longer than {MAX_QUERY_CHARS:,} characters")
    code = code_only(query)
    _check_nesting(code)
    statements = [s for s in code.split(";") if s.strip()]
    if len(statements) > 1:
        raise CypherRefused("several statements: send one query (no `;` between statements)")
    words = [(m.group().upper(), m.start(), m.end()) for m in _WORD.finditer(code)]
    for index, (word, start, end) in enumerate(words):
        if _is_name(code, start, end):
            continue
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if word in WRITE_OR_ADMIN_WORDS:
            raise CypherRefused(f"{word} is a write or admin clause; only reads are allowed")
        if (word, following) in WRITE_OR_ADMIN_PAIRS:
            raise CypherRefused(f"{word} {following} is not allowed; only reads are allowed")
        if word == "CALL":
            _check_call(code, end)
    _check_start(code, words)  # after: a write is named as such, not as a bad beginning


def _check_nesting(code: str) -> None:
    depth = deepest = 0
    for char in code:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    if deepest > MAX_NESTING:
        raise CypherTooComplex(f"brackets nested deeper than {MAX_NESTING} levels")


def _check_start(code: str, words: list[tuple[str, int, int]]) -> None:
    """The query must begin as a read does; CYPHER may carry options (`CYPHER 25`,
    `runtime=slotted`), so words up to the first clause are skipped after it."""
    index = 0
    while index < len(words) and words[index][0] in PREFIXES:
        index += 1
        if words[index - 1][0] == "CYPHER":
            while index < len(words) and words[index][0] not in READ_STARTS | PREFIXES:
                if words[index][0] in WRITE_OR_ADMIN_WORDS:
                    break
                index += 1
    first = words[index][0] if index < len(words) else ""
    if first and first not in READ_STARTS:
        raise CypherRefused(
            f"a query beginning with {first} is not a read; a read begins with "
            f"{', '.join(sorted(READ_STARTS))}"
        )


def _is_name(code: str, start: int, end: int) -> bool:
    """A property (`n.set`), label (`:Create`), parameter (`$merge`) or map key (`{set: 1}`)."""
    before = code[start - 1 : start]
    after = code[end:].lstrip()[:1]
    return (before != "" and before in ".:$") or after == ":"


def _check_call(code: str, after_call: int) -> None:
    rest = code[after_call:].lstrip()
    if rest[:1] in ("{", "("):
        return  # a subquery: its clauses are checked like any other
    name = re.match(
        r"(?:[A-Za-z_][A-Za-z0-9_]*|`quoted`)(?:\s*\.\s*(?:[A-Za-z_]\w*|`quoted`))*", rest
    )
    procedure = re.sub(r"\s+", "", name.group()) if name else rest[:30]
    if procedure.lower() not in {p.lower() for p in READ_ONLY_PROCEDURES}:
        raise CypherRefused(
            f"CALL {procedure}: only read-only procedures may be called "
            f"({', '.join(sorted(READ_ONLY_PROCEDURES))})"
        )


def run_read_only(
    store: GraphStore,
    query: str,
    parameters: dict[str, Any] | None,
    timeout: float,
    row_limit: int,
    byte_limit: int | None = None,
) -> CypherResult:
    """Check, then run in a read transaction cut after `timeout` s, keeping `row_limit` rows
    and about `byte_limit` bytes."""
    check_read_only(query)
    read = bounded_read(store, query, parameters or {}, timeout, row_limit, byte_limit)
    rows = [[plain(row[column]) for column in read.columns] for row in read.rows]
    return CypherResult(read.columns, rows, read.truncated, read.cut_by)


# Cypher queries running at once in this process; a query whose server never answers keeps its
# place until the server does, so a flood of them cannot take every thread the API has.
IN_FLIGHT = int(os.environ.get("PARTNERGRAPH_CYPHER_IN_FLIGHT", "4"))
_slots = threading.BoundedSemaphore(IN_FLIGHT)
GRACE = 2.0  # seconds past the server's timeout before the client stops waiting


def bounded_read(
    store: GraphStore,
    query: str,
    parameters: dict[str, Any],
    timeout: float,
    row_limit: int | None,
    byte_limit: int | None,
) -> ReadRows:
    """store.read_rows in a thread of its own, waited for `timeout` + GRACE seconds at most:
    the timeout holds from this side whatever the server does (a server stuck in a stack
    overflow answered only after minutes). CypherBusy when IN_FLIGHT queries are running."""
    if not _slots.acquire(blocking=False):
        raise CypherBusy(
            f"{IN_FLIGHT} Cypher queries are running already (PARTNERGRAPH_CYPHER_IN_FLIGHT); "
            "try again shortly"
        )
    outcome: list[ReadRows | BaseException] = []
    done = threading.Event()

    def work() -> None:
        try:
            outcome.append(
                store.read_rows(
                    query, parameters, timeout=timeout, max_rows=row_limit, max_bytes=byte_limit
                )
            )
        except BaseException as error:
            outcome.append(error)
        finally:
            _slots.release()
            done.set()

    threading.Thread(target=work, name="cypher-read", daemon=True).start()
    if not done.wait(timeout + GRACE):
        raise CypherTimedOut(f"no answer from Neo4j within {timeout:g} s; the query was abandoned")
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def plain(value: Any) -> Any:
    """A Cypher value as JSON: nodes, relationships and paths as maps, temporals as ISO text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Duration):  # a tuple underneath: caught before lists
        return value.iso_format()
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if hasattr(value, "nodes") and hasattr(value, "relationships"):  # a path
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if hasattr(value, "labels"):  # a node
        return {"labels": sorted(value.labels), "properties": plain(dict(value))}
    if hasattr(value, "start_node") and hasattr(value, "type"):  # a relationship
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            "properties": plain(dict(value)),
        }
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return value.hex()
    return str(value)  # durations, points
