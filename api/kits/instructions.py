"""The instructions sheet: what the workbook is, what to do with it, and the answer date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.styles import Alignment, Font, Protection
from openpyxl.worksheet.worksheet import Worksheet

from api.kits.page import fit_to_page_width
from loaders.kit_layout import ANSWERED_ON, sheets

TEXT = {
    "da": {
        "title": "Kortlægning af klyngens internationale partnerskaber",
        "cluster": "Klynge",
        "illustrative": (
            "ILLUSTRATIVT: denne projektmappe er lavet ud fra rapportens tal fra 2020, ikke ud "
            "fra en klynges egne svar."
        ),
        "steps": [
            "Projektmappen er udfyldt på forhånd med det, grafen allerede ved om jeres klynge. "
            "Kolonnen »kilde i grafen« viser, hvor hver oplysning kommer fra.",
            "Ret det, der er forkert, og udfyld det, der mangler. Nye rækker skrives nederst i "
            "hvert ark.",
            "Vælg partnere og markeder fra rullelisten. Kan I ikke finde en partner på listen, "
            "så skriv dens fulde navn.",
            "Flere værdier i én celle adskilles med |. Datoer skrives som ÅÅÅÅ-MM-DD.",
            "Grå celler kan ikke rettes: de holder styr på, hvilken oplysning rækken handler om.",
            "Arket »kontaktpersoner«: navngiv jeres kontaktperson(er) for hvert partnerskab, med "
            "navn, stilling og gerne e-mail. Det er personoplysninger: de bruges kun til at "
            "overdrage leads og partnerskaber til den rette person, og kun det, I selv skriver "
            "her, kommer i grafen. Antallet af kontaktpersoner på arket »partnerskaber« skal "
            "passe med de navngivne (lad det stå tomt, så tælles de navngivne).",
            "Arket »spørgeskema« er rapportens spørgsmål: svar Ja eller Nej til hver svarmulighed.",
            "Skriv datoen for jeres besvarelse nedenfor, gem filen og send den tilbage.",
        ],
        "sheets": "Arkene",
    },
    "en": {
        "title": "Mapping the cluster's international partnerships",
        # spelled: the English word on the instructions sheet, not the node label
        "cluster": "Cluster",
        "illustrative": (
            "ILLUSTRATIVE: this workbook was made from the report's 2020 figures, not from a "
            "cluster's own answers."
        ),
        "steps": [
            "The workbook is pre-filled with what the graph already holds about your cluster. "
            "The column »where the graph has it from« says where each fact came from.",
            "Correct what is wrong and add what is missing. New rows go at the bottom of each "
            "sheet.",
            "Pick partners and markets from the drop-down list. If a partner is not on the list, "
            "type its full name.",
            "Several values in one cell are separated by |. Dates are written YYYY-MM-DD.",
            "Grey cells cannot be edited: they keep track of which fact the row is about.",
            "The sheet »contact persons«: name your contact person(s) for each partnership, with "
            "name, job title and preferably e-mail. This is personal data: it is used only to "
            "hand over leads and partnerships to the right person, and only what you write here "
            "enters the graph. The number of contact persons on the »partnerships« sheet must "
            "match the named ones (leave it blank and the named ones are counted).",
            "The sheet »survey questions« holds the report's questions: answer Yes or No to "
            "each option.",
            "Write the date of your answers below, save the file and send it back.",
        ],
        "sheets": "The sheets",
    },
}


def write_instructions(
    sheet: Worksheet, cluster: dict[str, Any], lang: str, made: dt.date, illustrative: bool
) -> None:
    text: dict[str, Any] = TEXT[lang]
    sheet.title = "Vejledning" if lang == "da" else "Instructions"
    name = (cluster.get("name_da") if lang == "da" else None) or cluster.get("name", cluster["id"])
    sheet["A1"] = text["title"]
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A2"], sheet["B2"] = text["cluster"], name
    sheet["A2"].font = Font(bold=True)
    row = 3
    if illustrative:
        sheet.cell(row=row, column=1, value=text["illustrative"]).font = Font(
            bold=True, color="C00000"
        )
        row += 1
    row += 1
    for number, step in enumerate(text["steps"], start=1):
        sheet.cell(row=row, column=1, value=f"{number}.").alignment = Alignment(vertical="top")
        sheet.cell(row=row, column=2, value=step).alignment = Alignment(
            wrap_text=True, vertical="top"
        )
        row += 1
    row += 1
    sheet.cell(row=row, column=1, value=text["sheets"]).font = Font(bold=True)
    for spec in sheets():
        row += 1
        sheet.cell(row=row, column=2, value=spec.title(lang))
    row += 2
    sheet.cell(row=row, column=1, value=ANSWERED_ON[lang]).font = Font(bold=True)
    answer = sheet.cell(row=row, column=2, value=made)
    answer.number_format = "yyyy-mm-dd"
    answer.alignment = Alignment(horizontal="left")
    answer.protection = Protection(locked=False)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    fit_to_page_width(sheet)
    sheet.protection.sheet = True
