"""Writing one CSV source folder: its source.yaml, and rows streamed to one file per node label
and relationship type, so memory holds no rows however large the scale."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import yaml

from loaders.synthetic.layout import file_path, header
from loaders.synthetic.terms import CONFIDENCE

Progress = Callable[[int], None]  # called with the number of rows just written
PROGRESS_EVERY = 10_000
# The partnerships planted by affinity (cluster, partner, and the model and target market of the
# declaration each was drawn for), for the quality benchmark's hold-out: beside the source, not
# part of it (no loader reads it).
PLANTED_FILE = "planted.tsv"


class CsvFolder:
    """The open files of one CSV source: one csv.writer per node label and relationship type,
    opened on first use with the header the layout declares; rows are counted per file."""

    def __init__(self, root: Path, source: str, progress: Progress | None) -> None:
        self.root = root
        self.provenance = (source, CONFIDENCE)
        self.counts: dict[str, int] = {}
        self._progress = progress
        self._pending = 0
        self._files: list[IO[str]] = []
        self._writers: dict[str, Any] = {}  # key -> csv writer (its type is private to _csv)
        self._widths: dict[str, int] = {}
        self._planted = (root / PLANTED_FILE).open("w", encoding="utf-8")
        self._files.append(self._planted)

    def node(self, label: str, node_id: str, name: str, *values: object) -> None:
        self._write(label, (node_id, name, *values, *self.provenance))

    def rel(self, rel_type: str, start: str, end: str, *values: object) -> None:
        self._write(rel_type, (start, end, *values, *self.provenance))

    def planted(self, cluster: str, partner: str, model: str, market: str) -> None:
        self._planted.write(f"{cluster}\t{partner}\t{model}\t{market}\n")

    def _write(self, key: str, row: tuple[object, ...]) -> None:
        writer = self._writers.get(key) or self._open(key)
        if len(row) != self._widths[key]:
            raise ValueError(f"{key}: {row!r} does not fit the columns {header(key)}")
        writer.writerow(row)
        self.counts[key] += 1
        self._pending += 1
        if self._pending >= PROGRESS_EVERY:
            self._report()

    def _open(self, key: str) -> Any:
        file = (self.root / file_path(key)).open(
            "w", encoding="utf-8", newline="", buffering=1 << 20
        )
        self._files.append(file)
        writer = csv.writer(file)
        writer.writerow(header(key))
        self._writers[key] = writer
        self._widths[key] = len(header(key))
        self.counts[key] = 0
        return writer

    def _report(self) -> None:
        if self._progress is not None and self._pending:
            self._progress(self._pending)
        self._pending = 0

    def row_counts(self) -> dict[str, int]:
        """Data rows (without the header) per file, by path relative to the folder."""
        return dict(sorted((file_path(key), count) for key, count in self.counts.items()))

    def close(self) -> None:
        for file in self._files:
            file.close()
        self._report()


def prepare_folder(out_dir: Path, source: str) -> None:
    """Create the layout and write source.yaml. The folder is one source, so CSV files a run does
    not write (left from another scale) are removed: a loader would read them with the new ones."""
    for sub in ("nodes", "relationships"):
        folder = out_dir / sub
        folder.mkdir(parents=True, exist_ok=True)
        for stale in sorted(folder.glob("*.csv")):
            stale.unlink()
    defaults = {"source": source, "confidence": CONFIDENCE}
    (out_dir / "source.yaml").write_text(yaml.safe_dump(defaults, sort_keys=False), "utf-8")
