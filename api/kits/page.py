"""How a kit's sheets print: what a cluster manager sees on paper or in a PDF."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet


def fit_to_page_width(sheet: Worksheet) -> None:
    """Printed (or saved as PDF) a sheet is one page wide, in landscape, headers repeated."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    sheet.print_title_rows = "1:1"
