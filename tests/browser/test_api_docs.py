"""/docs works with the network off: Swagger UI's assets come from the API itself (the
swagger-ui-bundle package), so the page lists the operations with nothing fetched from outside.
The browser reaches only the API's own address; every other request is refused and recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.integration.api.live_server import serving
from tests.view_support import SCREENSHOTS

pytestmark = pytest.mark.browser


def test_docs_show_the_operations_offline(browser: Any, tmp_path: Path) -> None:
    with serving({"PARTNERGRAPH_STORE": "memory"}, tmp_path / "serve.log") as client:
        base = str(client.base_url)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        outside: list[str] = []

        def only_the_api(route: Any) -> None:
            if route.request.url.startswith(base):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", only_the_api)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/docs")
        page.wait_for_selector(".opblock", timeout=30_000)
        operations = page.locator(".opblock-summary-path").all_text_contents()
        title = page.locator(".info .title").first.text_content() or ""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "api-docs.png"))
        context.close()
    assert outside == []
    assert errors == []
    assert "partnergraph" in title
    paths = {p.replace("\u200b", "") for p in operations}
    assert {"/recommendations", "/clusters/{cluster_id}/gaps", "/cypher"} <= paths
