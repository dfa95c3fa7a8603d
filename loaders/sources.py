"""The get step: find sources on disk and read them into raw rows, with where each row came from.

A source is one YAML or JSON file (provenance defaults, nodes, relationships), one Turtle file,
or one folder in the CSV layout (nodes/<prefix>.csv, relationships/<TYPE>.csv, source.yaml).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from data import DATA_DIR, DENMARK_DIR, ILLUSTRATIVE_DIR
from loaders.problems import Problem

YAML_SUFFIXES = (".yaml", ".yml")
RDF_FORMATS = {".ttl": "turtle", ".jsonld": "json-ld", ".nt": "nt", ".rdf": "xml"}
ONTOLOGY_MODELS_SOURCE = "ontology/models"


@dataclass(frozen=True)
class Source:
    source_id: str  # stable name: bundled data relative to data/, else the resolved path
    path: Path
    kind: str  # yaml | json | csv | rdf | workbook | reference (a package: loaders.reference)


@dataclass
class RawSource:
    """Rows as read, before typing: each with its origin for error messages."""

    source: Source
    defaults: dict[str, Any] = field(default_factory=dict)
    nodes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    relationships: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # A workbook's rows: origin -> {field: "column C (header)"}, so a problem names the column.
    columns: dict[str, dict[str, str]] = field(default_factory=dict)


def _source_id(path: Path) -> str:
    resolved = path.resolve()
    if resolved.is_relative_to(DATA_DIR.resolve()):
        return resolved.relative_to(DATA_DIR.resolve()).with_suffix("").as_posix()
    return resolved.as_posix()


def display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[Path]) -> list[Source]:
    """Sources under the given files and folders. ValueError (FileNotFoundError for a path that
    is not there) for a folder with no source, a link that leaves the folder named or loops,
    or a file that is not a source."""
    sources: list[Source] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise FileNotFoundError(f"{path}: no such file or folder")
        found = _discover(path, path, set())
        if not found:
            raise ValueError(
                f"{path}: no sources in it (expected .yaml, .json, .ttl or a CSV folder)"
            )
        sources += found
    return sources


def inside(path: Path, root: Path) -> Path:
    """`path` resolved, if it stays inside `root` (links are followed only within the folder a
    user named); ValueError for a link that loops, dangles or leads out."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a loop (RuntimeError before Python 3.13) or a dangling link
        raise ValueError(f"{path}: a link that loops or leads nowhere; not followed") from None
    top = root.resolve() if root.is_dir() else root.resolve().parent
    if path != root and not resolved.is_relative_to(top):
        raise ValueError(f"{path}: a link out of {root}; not followed")
    return resolved


def _discover(path: Path, root: Path, seen: set[Path]) -> list[Source]:
    resolved = inside(path, root)
    if resolved.is_dir():
        if resolved in seen:
            raise ValueError(f"{path}: a link back to a folder already read (a loop); not followed")
        seen.add(resolved)
    if resolved.is_dir() and ((path / "nodes").is_dir() or (path / "relationships").is_dir()):
        return [Source(_source_id(path), path, "csv")]
    if resolved.is_dir():
        children = sorted(p for p in path.iterdir() if not p.name.startswith("."))
        found: list[Source] = []
        for child in children:
            if child.is_dir() or child.suffix in (*YAML_SUFFIXES, ".json", *RDF_FORMATS, ".xlsx"):
                found += _discover(child, root, seen)
        return found
    if path.suffix in YAML_SUFFIXES:
        return [Source(_source_id(path), path, "yaml")]
    if path.suffix == ".json":
        return [Source(_source_id(path), path, "json")]
    if path.suffix in RDF_FORMATS:
        return [Source(_source_id(path), path, "rdf")]
    if (
        path.suffix == ".xlsx"
    ):  # a survey workbook (partnergraph survey-kit), read by loaders.workbook
        return [Source(_source_id(path), path, "workbook")]
    raise ValueError(f"{path}: not a source (expected .yaml, .json, .ttl, .xlsx or a CSV folder)")


def bundled_sources(include_illustrative: bool = True) -> list[Source]:
    # Imported here: the reference source is read by loaders.reference, which builds on this module.
    from loaders.reference import reference_sources

    folders = [DENMARK_DIR] + ([ILLUSTRATIVE_DIR] if include_illustrative else [])
    return [*reference_sources(), *discover(folders)]


# Bounds on what one source may make a loader do: a file larger than this is refused unread, and
# a YAML document whose aliases expand past MAX_YAML_NODES (an "alias bomb": 1.6 KB that would
# expand to billions of values) or nest deeper than MAX_DEPTH is refused before it is built.
MAX_SOURCE_BYTES = int(os.environ.get("PARTNERGRAPH_MAX_SOURCE_BYTES", 1 << 30))
MAX_YAML_NODES = 5_000_000
MAX_DEPTH = 100


class _LineLoader(yaml.SafeLoader):
    """Records the line each mapping starts on, so problems can name it."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping  # type: ignore[return-value]


def _timestamp_or_text(loader: _LineLoader, node: yaml.ScalarNode) -> object:
    """An impossible date (2020-13-01) stays text, for validation to report, not a crash."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


class SourceTooLarge(ValueError):
    """A source past one of the bounds above; the message says which."""


def _expanded_size(node: yaml.Node) -> int:
    """How many values the document becomes once every alias is expanded, counted without
    expanding (each node's size once); SourceTooLarge past the bounds or for a node that
    contains itself."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(current: yaml.Node, depth: int) -> int:
        key = id(current)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise SourceTooLarge("an alias refers to a value that contains it")
        if depth > MAX_DEPTH:
            raise SourceTooLarge(f"nested deeper than {MAX_DEPTH} levels")
        open_nodes.add(key)
        total = 1
        if isinstance(current, yaml.SequenceNode):
            total += sum(size(item, depth + 1) for item in current.value)
        elif isinstance(current, yaml.MappingNode):
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in current.value)
        if total > MAX_YAML_NODES:
            raise SourceTooLarge(f"its aliases expand to more than {MAX_YAML_NODES:,} values")
        open_nodes.discard(key)
        sizes[key] = total
        return total

    return size(node, 0)


def load_yaml(text: str) -> Any:
    """One YAML document, its aliases' expansion and its depth bounded before it is built."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise SourceTooLarge(
            f"{size:,} bytes, more than {MAX_SOURCE_BYTES:,} (PARTNERGRAPH_MAX_SOURCE_BYTES)"
        )


def read_text(path: Path) -> str:
    """A source file's text: UTF-8, within MAX_SOURCE_BYTES."""
    check_size(path)
    return path.read_text(encoding="utf-8")


def unreadable(error: BaseException) -> str:
    """Why a file cannot be read, in one line that quotes none of its content."""
    if isinstance(error, UnicodeDecodeError):
        byte = error.object[error.start]
        return f"not UTF-8 (byte {byte:#04x} at offset {error.start}); save it as UTF-8"
    if isinstance(error, ValueError) and "integer string conversion" in str(error):
        return "holds a whole number too long to read (more than 4300 digits)"
    if isinstance(error, RecursionError):
        return f"nested too deeply (more than {MAX_DEPTH} levels)"
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        return f"cannot be parsed: {error.problem} (line {mark.line + 1}, column {mark.column + 1})"
    if isinstance(error, json.JSONDecodeError):
        return f"cannot be parsed: {error.msg} (line {error.lineno}, column {error.colno})"
    return f"cannot be read: {str(error).splitlines()[0] if str(error) else type(error).__name__}"


READ_ERRORS = (yaml.YAMLError, ValueError, RecursionError, OSError)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    return value


def _defaults(value: Any, name: str, problems: list[Problem]) -> dict[str, Any]:
    """The file's provenance defaults: a mapping, or a problem."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Problem(name, "provenance", value, "expected a mapping (source: ...)"))
        return {}
    return _strip_lines(value)


def read_document(source: Source) -> RawSource:
    """A YAML or JSON source: {provenance: {...}, nodes: [...], relationships: [...]}."""
    raw = RawSource(source)
    name = display(source.path)
    try:
        text = read_text(source.path)
        document = json.loads(text) if source.kind == "json" else load_yaml(text)
    except READ_ERRORS as error:
        raw.problems.append(Problem(name, "file", None, unreadable(error)))
        return raw
    if not isinstance(document, dict):
        raw.problems.append(
            Problem(name, "file", None, "expected a mapping with provenance, nodes, relationships")
        )
        return raw
    unknown = {str(k) for k in document} - {"provenance", "nodes", "relationships", "__line__"}
    for key in sorted(unknown):
        raw.problems.append(Problem(name, key, None, "expected provenance, nodes or relationships"))
    raw.defaults = _defaults(document.get("provenance"), name, raw.problems)
    for section, rows in (("nodes", raw.nodes), ("relationships", raw.relationships)):
        items = document.get(section) or []
        if not isinstance(items, list):
            raw.problems.append(Problem(name, section, None, "expected a list"))
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raw.problems.append(
                    Problem(f"{name} {section}[{index}]", section, item, "expected a mapping")
                )
                continue
            where = (
                f"{name}:{item['__line__']}" if "__line__" in item else f"{name} {section}[{index}]"
            )
            rows.append((where, _strip_lines(item)))
    return raw


def read_csv_folder(source: Source) -> RawSource:
    """nodes/<prefix>.csv and relationships/<TYPE>.csv; provenance defaults in source.yaml."""
    return next(csv_folder_chunks(source))


def csv_folder_chunks(source: Source, chunk_rows: int | None = None) -> Iterator[RawSource]:
    """The folder's rows in chunks of at most `chunk_rows` rows (None: one chunk), in file
    order, each chunk with the source's defaults: `load --bulk` validates a source larger
    than memory chunk by chunk. A problem is reported in the chunk being read when found."""
    raw = RawSource(source)
    defaults_file = source.path / "source.yaml"
    if defaults_file.exists() or defaults_file.is_symlink():
        name = display(defaults_file)
        try:
            inside(defaults_file, source.path)
            document = load_yaml(read_text(defaults_file))
        except READ_ERRORS as error:
            raw.problems.append(Problem(name, "file", None, unreadable(error)))
        else:
            raw.defaults = _defaults(document, name, raw.problems)
    files = 0
    for section in ("nodes", "relationships"):
        for path in sorted((source.path / section).glob("*.csv")):
            files += 1
            name = display(path)
            try:
                inside(path, source.path)
                check_size(path)
                # utf-8-sig: a spreadsheet's byte-order mark is not part of the first column's name
                with path.open(newline="", encoding="utf-8-sig") as handle:
                    for row in _csv_rows(handle, name, path.stem, section, raw.problems):
                        (raw.nodes if section == "nodes" else raw.relationships).append(row)
                        if chunk_rows and len(raw.nodes) + len(raw.relationships) >= chunk_rows:
                            yield raw
                            raw = RawSource(source, raw.defaults)
            except (*READ_ERRORS, csv.Error) as error:
                raw.problems.append(Problem(name, "file", None, unreadable(error)))
    if not files:
        raw.problems.append(
            Problem(display(source.path), "file", None, "no nodes/*.csv or relationships/*.csv")
        )
    yield raw


def _csv_rows(
    handle: TextIO, name: str, stem: str, section: str, problems: list[Problem]
) -> Iterator[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(handle)
    for row_number, row in enumerate(reader, start=2):  # row 1 is the header
        where = f"{name} row {row_number}"
        fields = {k: v for k, v in row.items() if k is not None}
        if None in row:
            problems.append(Problem(where, "row", row[None], "more cells than the header"))
        if section == "relationships":
            fields["type"] = stem  # one string for every row of the file
        elif not str(fields.get("id", "")).startswith(stem + ":"):
            problems.append(
                Problem(where, "id", fields.get("id"), f"ids in {stem}.csv start with {stem}:")
            )
        yield where, fields
