"""Where Debian's Chromium is (the browser tests and the view benchmark drive it; nothing here
downloads a browser)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser")


def chromium_path() -> str | None:
    """PARTNERGRAPH_CHROMIUM if set, else the system Chromium, else None."""
    configured = os.environ.get("PARTNERGRAPH_CHROMIUM")
    if configured:
        return configured
    for candidate in CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")
