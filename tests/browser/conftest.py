"""The headless Chromium every browser test drives (one per test module)."""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.view_support import launch_browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch_browser()
