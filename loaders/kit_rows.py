"""A returned workbook's rows -> the raw nodes and relationships the cluster reports.

Rows pre-filled from another source and left as they were are that source's facts: skipped. A
partnership or target market the cluster corrected becomes its own reported fact beside the
original (a fact belongs to its source); an engagement or agreement another source defines
cannot be changed from a kit (a node has one source), so an edit there is a listed problem.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from loaders.kit_contacts import ContactCount, contact_problem
from loaders.kit_layout import KEY, NO, ORIGINAL, SOURCE, YES, sheet
from loaders.kit_names import NameIndex
from loaders.problems import Problem
from loaders.sources import RawSource
from loaders.workbook_cells import changed_cells
from ontology.names import Rel

ANSWERS = {v.casefold(): True for v in YES.values()} | {v.casefold(): False for v in NO.values()}
TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.translate(TRANSLITERATE))
    ascii_text = plain.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80] or "row"


class KitRows:
    def __init__(
        self, raw: RawSource, cluster: str, names: NameIndex, partners: frozenset[str] = frozenset()
    ) -> None:
        self.raw, self.cluster, self.names = raw, cluster, names
        self.answers: dict[str, bool] = {}
        self.counts = ContactCount(raw, partners)

    def add(self, key: str, origin: str, cells: dict[str, Any], columns: dict[str, str]) -> None:
        self.origin, self.columns = origin, columns
        self.raw.columns[origin] = columns
        spec = sheet(key)
        editable = {c.key: cells.get(c.key) for c in spec.editable()} | {KEY: cells.get(KEY)}
        changed = changed_cells(editable, str(cells.get(ORIGINAL) or ""))
        row_source = str(cells.get(SOURCE) or "")
        if cells.get(ORIGINAL) and KEY in changed:
            self._problem(
                KEY,
                cells.get(KEY),
                "a row's hidden id was edited: put it back, or add a new row for a new fact",
            )
            return
        theirs = bool(row_source) and row_source != self.raw.source.source_id
        if key == "partnerships" and cells.get(KEY):
            self.counts.partnership_row(str(cells[KEY]), self.origin, columns, cells)
        if theirs and not changed:
            return  # shown as the graph has it, left to the source that states it
        getattr(self, "_" + key)(cells, str(cells.get(KEY) or ""), theirs, changed, row_source)

    # --- helpers ---------------------------------------------------------------------------
    def _problem(self, field: str, value: Any, expected: str) -> None:
        column = self.columns.get(field, "")
        where = f"{self.origin} {column}" if column else self.origin
        self.raw.problems.append(Problem(where, field, value, expected))

    def _resolve(self, cells: dict[str, Any], field: str, kind: str) -> list[str]:
        text = cells.get(field)
        if text in (None, ""):
            return []
        found = []
        for part in str(text).split("|"):
            if not part.strip():
                continue
            node_id, why = self.names.resolve(part.strip(), kind)
            if node_id is None:
                self._problem(field, part.strip(), why)
            else:
                found.append(node_id)
        return found

    def _identity(self, cells: dict[str, Any], field: str, key: str, kind: str) -> str | None:
        """The row's other end: fixed by the hidden key once pre-filled (an edited id is a
        problem: the row would silently become another fact)."""
        ends = self._resolve(cells, field, kind)
        if key and ends and ends[0] != key:
            self._problem(
                field,
                cells.get(field),
                f"was {key}: a pre-filled row keeps its "
                "partner or market; add a new row for another one",
            )
            return None
        if key:
            return key
        if not ends and cells.get(field) in (None, ""):
            self._problem(field, None, "required: pick one from the drop-down list")
        return ends[0] if len(ends) == 1 else None

    def _properties(self, cells: dict[str, Any], sheet_key: str) -> dict[str, Any]:
        return {
            c.key: cells.get(c.key)
            for c in sheet(sheet_key).editable()
            if c.spec is not None and c.key != "model"
        }

    def _rel(self, rel: str, ends: tuple[str, str], props: dict[str, Any] | None = None) -> None:
        row = {**(props or {}), "type": rel, "from": ends[0], "to": ends[1]}
        self.raw.relationships.append((self.origin, row))

    # --- one method per sheet ----------------------------------------------------------------
    def _partnerships(self, cells: dict[str, Any], key: str, *_: Any) -> None:
        partner = self._identity(cells, "partner", key, "actors")
        if partner is not None:
            self._rel(
                Rel.PARTNERS_WITH, (self.cluster, partner), self._properties(cells, "partnerships")
            )
            row = self.raw.relationships[-1][1]
            self.counts.partnership_row(partner, self.origin, self.columns, cells, row)

    def _contacts(
        self, cells: dict[str, Any], key: str, theirs: bool, changed: list[str], source: str
    ) -> None:
        """A named contact person: a node of the cluster's own source, linked to the cluster
        (HAS_CONTACT) and to the partner (CONTACT_FOR); a row of another source stays theirs."""
        if theirs:
            for field in changed:
                self._problem(
                    field,
                    cells.get(field),
                    f"recorded by {source}: a kit cannot change it; add a row with your version",
                )
            return
        if key and "partner" in changed:
            self._problem(
                "partner",
                cells.get("partner"),
                "a pre-filled contact keeps its partner: add a new row for another partner",
            )
            return
        partners = self._resolve(cells, "partner", "actors")
        if cells.get("partner") in (None, ""):
            self._problem("partner", None, "required: pick the partner from the drop-down list")
        props = self._properties(cells, "contacts")
        wrong = [(f, w) for f in ("name", "job_title", "email") if (w := contact_problem(f, props))]
        for field, why in wrong:
            self._problem(field, props.get(field), why)
        if wrong or len(partners) != 1:
            return
        partner = partners[0]
        node_id = key or "contact:" + slug(
            f"{self.cluster.partition(':')[2]} {partner.replace(':', ' ')} {props['name']}"
        )
        self.raw.nodes.append((self.origin, {"id": node_id, **props}))
        self._rel(Rel.HAS_CONTACT, (self.cluster, node_id))
        self._rel(Rel.CONTACT_FOR, (node_id, partner))
        self.counts.named(partner, self.origin, self.columns)

    def _markets(self, cells: dict[str, Any], key: str, *_: Any) -> None:
        market = self._identity(cells, "market", key, "markets")
        models = self._resolve(cells, "model", "models")
        if market is not None:
            self._rel(
                Rel.TARGETS_MARKET, (self.cluster, market), {"model": models[0] if models else None}
            )

    def _engagements(
        self, cells: dict[str, Any], key: str, theirs: bool, changed: list[str], source: str
    ) -> None:
        node_id = self._node(cells, key, theirs, changed, source, "engagement")
        if node_id is not None:
            self._rel(Rel.UNDERTAKES, (self.cluster, node_id))

    def _agreements(
        self, cells: dict[str, Any], key: str, theirs: bool, changed: list[str], source: str
    ) -> None:
        node_id = self._node(cells, key, theirs, changed, source, "agreement")
        if node_id is None:
            return
        self._rel(Rel.PARTY_TO, (self.cluster, node_id))
        for party in self._resolve(cells, "parties", "actors"):
            if party != self.cluster:
                self._rel(Rel.PARTY_TO, (party, node_id))

    def _node(
        self,
        cells: dict[str, Any],
        key: str,
        theirs: bool,
        changed: list[str],
        source: str,
        kind: str,
    ) -> str | None:
        if theirs:
            for field in changed:
                self._problem(
                    field,
                    cells.get(field),
                    f"recorded by {source}: a kit cannot change it; add a row with your version",
                )
            return None
        name = cells.get("name")
        if not key and name in (None, ""):
            self._problem("name", None, f"required for a new {kind}")
            return None
        node_id = key or f"{kind}:{self.cluster.partition(':')[2]}-{slug(str(name))}"
        sheet_key = "engagements" if kind == "engagement" else "agreements"
        self.raw.nodes.append((self.origin, {"id": node_id, **self._properties(cells, sheet_key)}))
        for model in self._resolve(cells, "model", "models")[:1]:
            self._rel(Rel.UNDER_MODEL, (node_id, model))
        for market in self._resolve(cells, "markets", "markets"):
            self._rel(Rel.TARGETS, (node_id, market))
        return node_id

    def _survey(self, cells: dict[str, Any], key: str, *_: Any) -> None:
        answer = cells.get("answer")
        if answer in (None, ""):
            return
        value = ANSWERS.get(str(answer).casefold())
        if value is None:
            self._problem(
                "answer", answer, f"expected {YES['da']}/{NO['da']} or {YES['en']}/{NO['en']}"
            )
        else:
            self.answers[key] = value
