"""The `partnergraph` script: `--version` answers at once; anything else loads the command line
(api.cli, which imports what the commands need)."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from importlib.metadata import version

        print(f"partnergraph {version('partnergraph')}")
        return
    from api.cli import app

    app()
