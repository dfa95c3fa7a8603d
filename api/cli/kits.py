"""`partnergraph survey-kit`: a workbook per cluster, pre-filled from the graph, to send out;
and the survey table from the returned workbooks (`survey --from-kits DIR`)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.cli.common import (
    TabularFormat,
    check_out_file,
    check_out_folder,
    console,
    errors,
    fail,
    open_configured,
    store_errors,
    writing,
)


def survey_kit(
    out: Annotated[Path, typer.Option(help="The .xlsx file (--cluster) or folder (--all).")],
    cluster: Annotated[str | None, typer.Option(help="The cluster, e.g. odense-robotics.")] = None,
    all_clusters: Annotated[
        bool, typer.Option("--all", help="One workbook per national cluster, into --out DIR.")
    ] = False,
    lang: Annotated[str, typer.Option(help="da (default) or en: headers and texts.")] = "da",
) -> None:
    """Write a cluster's partnership survey workbook, pre-filled with what the graph holds.

    Each sheet (partnerships, engagements, agreements, target markets, the report's survey
    questions) says where each value came from; return the filled workbook with
    `partnergraph load FILE.xlsx`.
    """
    from api.kits.prefill import cluster_content
    from api.kits.workbook import build_workbook, save_workbook
    from ontology.names import Label
    from queries.ids import UnknownIdError, resolve_id

    if lang not in ("da", "en"):
        fail(f"--lang {lang!r}: choose da or en", code=2)
    if all_clusters == (cluster is not None):
        fail("name one --cluster ID, or --all", code=2)
    if all_clusters:
        check_out_folder(out)
    else:
        if out.suffix != ".xlsx":
            fail(f"--out {out}: name a .xlsx file", code=2)
        check_out_file(out)
    made = dt.date.today()
    with store_errors():
        store = open_configured()
        try:
            if all_clusters:
                ids = sorted(c["id"] for c in store.nodes(Label.Cluster) if c.get("national"))
            else:
                assert cluster is not None
                ids = [resolve_id(store, cluster, "cluster")]
        except UnknownIdError as error:
            fail(str(error))
        written = []
        for cluster_id in ids:
            target = out / f"{cluster_id.partition(':')[2]}.xlsx" if all_clusters else out
            book = build_workbook(cluster_content(store, cluster_id, lang), lang, made, False)
            with writing(target):
                save_workbook(book, target)
            written.append(target)
        store.close()
    for target in written:
        console.print(f"Wrote {target}", highlight=False, soft_wrap=True)


def survey_from_kits(folder: Path, output_format: TabularFormat) -> None:
    from api.kits.survey_table import kit_shares, read_kits
    from api.output.csv_out import write_csv
    from loaders.problems import LoadError

    with store_errors():
        store = open_configured()
        try:
            kits = read_kits(folder, store)
        except (FileNotFoundError, ValueError) as error:
            fail(str(error))
        except LoadError as error:
            for line in error.listing():
                errors.print(line, highlight=False, markup=False, soft_wrap=True)
            fail(f"{len(error.problems)} problem(s) found in the workbooks")
        rows = kit_shares(store, kits)
        store.close()
    if output_format == TabularFormat.json:
        console.print_json(json.dumps([r.as_dict() for r in rows]))
        return
    header = ["question", "option", "report", "kits", "yes", "answered"]
    cells = [
        [
            r.question,
            r.option,
            "" if r.report_share is None else f"{r.report_share:.1%}",
            "" if r.share is None else f"{r.share:.1%}",
            str(r.yes),
            str(r.answered),
        ]
        for r in rows
    ]
    if output_format == TabularFormat.csv:
        write_csv(header, cells)
        return
    illustrative = sum(k.illustrative for k in kits)
    table = Table(
        title=f"Survey from {len(kits)} returned workbook(s): share answering yes, beside the "
        "report",
        caption=f"{illustrative} of the workbooks are illustrative (made from the report's "
        "2020 figures)."
        if illustrative
        else None,
    )
    for column in header:
        table.add_column(column, justify="left" if column in ("question", "option") else "right")
    for row in cells:
        table.add_row(*row)
    console.print(table)
