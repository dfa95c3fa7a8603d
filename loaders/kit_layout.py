"""The survey workbook's sheets and columns, declared once and derived from the ontology.

`partnergraph survey-kit` writes these sheets and `partnergraph load` reads them back, so both
sides agree by construction: a sheet is a relationship type or a node type of the ontology,
its columns the type's own properties (with the ontology's English and Danish labels) plus the
links the sheet carries (partner, model, markets, parties). Hidden columns keep each row's
identity and what the kit was pre-filled with, so an unchanged row is known as unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ontology.names import Label, Rel
from ontology.schema import PropertySpec, Schema, load_schema

# Hidden columns, the same in both languages: the row's identity, the source of its fact, and
# the editable cells as pre-filled (JSON), to tell a changed row from an unchanged one.
KEY, SOURCE, ORIGINAL = "_key", "_source", "_original"
HIDDEN = (KEY, SOURCE, ORIGINAL)
KIT_SHEET = "_kit"  # hidden: the cluster, the language, whether the kit is illustrative
LISTS_SHEET = "_lists"  # hidden: the drop-down lists
MAX_ROWS = 10_000  # data rows of one sheet: a cluster has tens of partners, not thousands
# Own properties a kit never shows: the id is the row's identity (KEY), the rest is curated.
NOT_ASKED = frozenset({"id", "name_da"})


@dataclass(frozen=True)
class Column:
    key: str  # a property key, or the link's name (partner, model, markets, parties)
    name_en: str
    name_da: str
    spec: PropertySpec | None = None  # the property's type; None for a link
    choices: str = ""  # the drop-down: a list of LISTS_SHEET, or "" (free or the spec's values)
    multi: bool = False  # several values separated by "|"
    identity: bool = False  # names the row: locked once pre-filled
    locked: bool = False  # shown, never edited (the source of a pre-filled fact, a question)

    def header(self, lang: str) -> str:
        return self.name_da if lang == "da" else self.name_en


@dataclass(frozen=True)
class Sheet:
    key: str  # partnerships, engagements, agreements, markets, contacts, survey
    name_en: str
    name_da: str
    columns: tuple[Column, ...]

    def title(self, lang: str) -> str:
        return self.name_da if lang == "da" else self.name_en

    def editable(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.locked)


def _properties(specs: dict[str, PropertySpec], schema: Schema) -> tuple[Column, ...]:
    own = sorted(k for k in specs if k not in schema.provenance_properties and k not in NOT_ASKED)
    order = {"name": 0, "kind": 1, "agreement_kind": 1, "status": 2, "signed": 3}
    order |= {"start": 3, "valid_from": 3, "end": 4, "valid_until": 4, "description": 9}
    order |= {"job_title": 1, "email": 2}
    own.sort(key=lambda k: (order.get(k, 5), k))
    return tuple(
        Column(
            k,
            specs[k].name_en or k,
            specs[k].name_da or specs[k].name_en or k,
            specs[k],
            choices="models" if k == "model" else "",
        )
        for k in own
    )


def _link(rel: str, key: str, schema: Schema, choices: str, multi: bool = False) -> Column:
    """A column holding the other end of a relationship, named by the node type it points at."""
    rel_type = schema.relationship_types[rel]
    return Column(key, rel_type.name_en, rel_type.name_da, choices=choices, multi=multi)


SOURCE_COLUMN = Column("source", "where the graph has it from", "kilde i grafen", locked=True)


@cache
def sheets() -> tuple[Sheet, ...]:
    schema = load_schema()
    model = schema.node_types[Label.Model]
    market = schema.node_types[Label.Market]
    model_column = Column("model", model.name_en, model.name_da, choices="models")
    markets = Column("markets", "markets (| between them)", "markeder (| imellem)", multi=True)
    return (
        Sheet(
            "partnerships",
            "partnerships",
            "partnerskaber",
            (
                Column("partner", "partner", "partner", choices="actors", identity=True),
                *_properties(schema.relationship_properties(Rel.PARTNERS_WITH), schema),
                SOURCE_COLUMN,
            ),
        ),
        Sheet(
            "engagements",
            "engagements",
            "indsatser",
            (
                *_properties(schema.node_properties(Label.Engagement), schema),
                model_column,
                markets,
                SOURCE_COLUMN,
            ),
        ),
        Sheet(
            "agreements",
            "agreements",
            "aftaler",
            (
                *_properties(schema.node_properties(Label.Agreement), schema),
                Column(
                    "parties",
                    "other parties (| between them)",
                    "øvrige parter (| imellem)",
                    multi=True,
                ),
                model_column,
                markets,
                SOURCE_COLUMN,
            ),
        ),
        Sheet(
            "markets",
            "target markets",
            "målmarkeder",
            (
                Column("market", market.name_en, market.name_da, choices="markets", identity=True),
                *_properties(schema.relationship_properties(Rel.TARGETS_MARKET), schema),
                SOURCE_COLUMN,
            ),
        ),
        Sheet(
            "contacts",
            "contact persons",
            "kontaktpersoner",
            (
                Column("partner", "partner", "partner", choices="actors", identity=True),
                *_properties(schema.node_properties(Label.ContactPerson), schema),
                SOURCE_COLUMN,
            ),
        ),
        Sheet(
            "survey",
            "survey questions",
            "spørgeskema",
            (
                Column("question", "question", "spørgsmål", locked=True),
                Column("option", "answer option", "svarmulighed", locked=True),
                Column("answer", "does it apply to you?", "gælder det jer?", choices="yes_no"),
                Column("basis", "what the graph holds", "det ved grafen", locked=True),
            ),
        ),
    )


def sheet(key: str) -> Sheet:
    return next(s for s in sheets() if s.key == key)


YES = {"da": "Ja", "en": "Yes"}
NO = {"da": "Nej", "en": "No"}

# The instructions sheet's one editable cell: the date the answers were given, beside this label.
ANSWERED_ON = {"da": "Dato for besvarelse", "en": "Date of the answers"}
