"""What the browser tests share: Debian's chromium (never a downloaded browser), axe-core
(vendored, MPL-2.0) and the optional screenshots (``CROSSTRACK_SCREENSHOTS=<dir>``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def require_chromium() -> None:
    """Skip the calling module without chromium, unless CI demands it (then fail)."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("CROSSTRACK_REQUIRE_BROWSER"):
            raise RuntimeError(f"{CHROMIUM} is required (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed", allow_module_level=True)


def serious_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical accessibility violations on the page."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v["impact"] in ("serious", "critical")]


def screenshots(page: Any, name: str) -> None:
    """With CROSSTRACK_SCREENSHOTS=<dir>: the page at 360 px and on a desktop, saved there."""
    folder = os.environ.get("CROSSTRACK_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    page.set_viewport_size({"width": 360, "height": 800})
    page.screenshot(path=f"{folder}/{name}-360.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=f"{folder}/{name}-desktop.png", full_page=True)
    if size:
        page.set_viewport_size(size)
