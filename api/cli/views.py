"""`partnergraph view` and `board`: the interactive graph views as offline HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from api.cli.common import (
    check_out_file,
    check_out_folder,
    console,
    fail,
    open_configured,
    store_errors,
    writing,
)


def view(
    kind: Annotated[str, typer.Argument(help="ecosystem | cluster | model | market")],
    target: Annotated[str | None, typer.Argument(help="Id for cluster/model/market.")] = None,
    out: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("view.html"),
) -> None:
    """Write one interactive graph view as a self-contained HTML page.

    KIND is ecosystem, cluster ID, model ID or market CC (a country code, or a hotspot:/market:
    id). The page works offline; a cluster's gaps are drawn as dashed missing partners.
    """
    # Imported here: the view stack (pyvis, jinja) is only needed by the view commands.
    from api.views.gaps import missing_partners
    from api.views.pages import MissingTarget, ViewKind, view_page
    from queries.ids import UnknownIdError

    try:
        view_kind = ViewKind(kind)
    except ValueError:
        fail(f"unknown view {kind!r}: choose ecosystem, cluster, model or market", code=2)
    if view_kind != ViewKind.ecosystem and not target:  # before the store is loaded
        fail(f"a {view_kind.value} view needs an id (see --help)", code=2)
    check_out_file(out)
    with store_errors():
        store = open_configured()
        try:
            html = view_page(store, view_kind, target, missing_partners)
        except MissingTarget as error:
            fail(str(error), code=2)
        except UnknownIdError as error:
            fail(str(error))
        finally:
            store.close()
    with writing(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    console.print(
        f"Wrote the {view_kind.value} view to {out} (open it in a browser; works offline).",
        highlight=False,
        soft_wrap=True,
    )


def board(out: Annotated[Path, typer.Option(help="Folder to write.")] = Path("board")) -> None:
    """Write the static, offline board pack: every view plus an index page."""
    from api.board import write_board  # the view stack is only needed here

    check_out_folder(out)
    with store_errors(), writing(out):
        store = open_configured()
        try:
            pack = write_board(store, out)
        finally:
            store.close()
    console.print(
        f"Wrote the board pack: {len(pack.pages)} views and an index to {out}/. "
        f"Open {pack.index.resolve().as_uri()} in a browser (works offline).",
        highlight=False,
        soft_wrap=True,
    )
