"""The get step: find sources on disk and read them into raw rows, with where each row came from.

A source is one YAML or JSON file (provenance defaults, nodes, relationships), one Turtle file,
or one folder in the CSV layout (nodes/<prefix>.csv, relationships/<TYPE>.csv, source.yaml).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    kind: str  # yaml | json | csv | rdf | reference (a package, read by loaders.reference)


@dataclass
class RawSource:
    """Rows as read, before typing: each with its origin for error messages."""

    source: Source
    defaults: dict[str, Any] = field(default_factory=dict)
    nodes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    relationships: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _source_id(path: Path) -> str:
    resolved = path.resolve()
    if resolved.is_relative_to(DATA_DIR.resolve()):
        return resolved.relative_to(DATA_DIR.resolve()).with_suffix("").as_posix()
    return resolved.as_posix()


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[Path]) -> list[Source]:
    """Sources under the given files and folders; FileNotFoundError for a path that is not there."""
    sources: list[Source] = []
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
        if path.is_dir() and ((path / "nodes").is_dir() or (path / "relationships").is_dir()):
            sources.append(Source(_source_id(path), path, "csv"))
        elif path.is_dir():
            children = sorted(p for p in path.iterdir() if not p.name.startswith("."))
            sources += discover(
                c
                for c in children
                if c.is_dir() or c.suffix in (*YAML_SUFFIXES, ".json", *RDF_FORMATS)
            )
        elif path.suffix in YAML_SUFFIXES:
            sources.append(Source(_source_id(path), path, "yaml"))
        elif path.suffix == ".json":
            sources.append(Source(_source_id(path), path, "json"))
        elif path.suffix in RDF_FORMATS:
            sources.append(Source(_source_id(path), path, "rdf"))
        else:
            raise ValueError(f"{path}: not a source (expected .yaml, .json, .ttl or a CSV folder)")
    return sources


def bundled_sources(include_illustrative: bool = True) -> list[Source]:
    # Imported here: the reference source is read by loaders.reference, which builds on this module.
    from loaders.reference import reference_sources

    folders = [DENMARK_DIR] + ([ILLUSTRATIVE_DIR] if include_illustrative else [])
    return [*reference_sources(), *discover(folders)]


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


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    return value


def read_document(source: Source) -> RawSource:
    """A YAML or JSON source: {provenance: {...}, nodes: [...], relationships: [...]}."""
    raw = RawSource(source)
    name = _display(source.path)
    try:
        text = source.path.read_text(encoding="utf-8")
        document = (
            json.loads(text) if source.kind == "json" else yaml.load(text, Loader=_LineLoader)
        )
    except (yaml.YAMLError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raw.problems.append(Problem(name, "file", None, f"cannot be parsed: {error}"))
        return raw
    if not isinstance(document, dict):
        raw.problems.append(
            Problem(name, "file", None, "expected a mapping with provenance, nodes, relationships")
        )
        return raw
    unknown = set(document) - {"provenance", "nodes", "relationships", "__line__"}
    for key in sorted(unknown):
        raw.problems.append(Problem(name, key, None, "expected provenance, nodes or relationships"))
    raw.defaults = _strip_lines(document.get("provenance") or {})
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
    raw = RawSource(source)
    defaults_file = source.path / "source.yaml"
    if defaults_file.is_file():
        raw.defaults = yaml.safe_load(defaults_file.read_text(encoding="utf-8")) or {}
    for section, rows in (("nodes", raw.nodes), ("relationships", raw.relationships)):
        for path in sorted((source.path / section).glob("*.csv")):
            name = _display(path)
            stem = path.stem
            with path.open(newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                for row_number, row in enumerate(reader, start=2):  # row 1 is the header
                    fields = {k: v for k, v in row.items() if k is not None}
                    if None in row:
                        raw.problems.append(
                            Problem(
                                f"{name} row {row_number}",
                                "row",
                                row[None],
                                "more cells than the header",
                            )
                        )
                    if section == "relationships":
                        fields["type"] = stem  # one string for every row of the file
                    elif not str(fields.get("id", "")).startswith(stem + ":"):
                        raw.problems.append(
                            Problem(
                                f"{name} row {row_number}",
                                "id",
                                fields.get("id"),
                                f"ids in {path.name} start with {path.stem}:",
                            )
                        )
                    rows.append((f"{name} row {row_number}", fields))
    return raw
