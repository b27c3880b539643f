"""The merchant dashboard in a real browser (Debian's chromium driven by Playwright) against
a `crosstrack serve` process: signing in with an API key, the work queue, the shipments
table and a shipment's detail, each checked with axe-core."""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx
from web_browser import CHROMIUM, require_chromium, screenshots, serious_violations

from crosstrack.cli import main
from crosstrack.testing.server import serve_in_subprocess

require_chromium()

from playwright.sync_api import sync_playwright  # noqa: E402

JOURNEYS = (
    ("ML-1042", "RB123456785GB", "Delivery attempted: recipient not at home"),
    ("ML-1043", "RB987654321GB", "Out for delivery"),
)


def _key(database: str) -> str:
    out = io.StringIO()
    command = ["merchants", "create", "Maison Lune", "--json", "--database-url", database]
    assert main(command, out=out) == 0
    return str(json.loads(out.getvalue())["api_key"])


def test_staff_sign_in_and_work_the_queue_and_the_shipments(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'dashboard.db'}"
    key = _key(database)
    headers = {"Authorization": f"Bearer {key}"}
    with serve_in_subprocess(database) as served:
        base = served.base_url
        for order, number, text in JOURNEYS:
            shipment = httpx.post(
                f"{base}/v1/shipments",
                json={
                    "order_ref": order,
                    "tracking_numbers": [{"number": number, "carrier": "royal-mail"}],
                    "origin": {"country": "GB"},
                    "destination": {"country": "FR", "city": "Lyon"},
                },
                headers=headers,
            ).json()
            event = {
                "description": text,
                "location": "Lyon, FR",
                "carrier": "royal-mail",
                "timestamp": "2026-11-20T09:00:00Z",
            }
            sent = httpx.post(
                f"{base}/v1/shipments/{shipment['id']}/events",
                json={"events": [event]},
                headers=headers,
            )
            assert sent.status_code < 300, sent.text
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(f"{base}/dashboard")
            assert page.inner_text("h1") == "Sign in to the dashboard"
            assert serious_violations(page) == []
            page.get_by_label("API key").fill(key)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_load_state()
            assert page.inner_text("h1") == "Needs attention"
            row = page.locator("tr", has_text="ML-1042")
            assert "failed_attempt" in row.inner_text()
            assert serious_violations(page) == []
            row.get_by_role("button", name="Acknowledge").click()
            page.wait_for_load_state()
            assert "Acknowledge" not in page.locator("tr", has_text="ML-1042").inner_text()
            page.get_by_role("link", name="Shipments").click()
            page.wait_for_load_state()
            assert page.locator("tbody tr").count() == 2
            page.get_by_label("Tracking number or order").fill("ML-1043")
            page.get_by_role("button", name="Filter").click()
            page.wait_for_load_state()
            assert page.locator("tbody tr").count() == 1
            assert serious_violations(page) == []
            page.goto(f"{base}/dashboard/shipments")
            page.get_by_role("link", name="ML-1042").click()
            page.wait_for_load_state()
            assert "recipient not at home" in page.inner_text("#raw ~ div")
            assert serious_violations(page) == []
            page.get_by_role("button", name="Sign out").click()
            page.wait_for_load_state()
            assert page.inner_text("h1") == "Sign in to the dashboard"
            browser.close()


def test_on_the_demo_data_the_analytics_draw_charts_and_checkout_ranks_lanes(
    tmp_path: Path,
) -> None:
    """The demo's past shipments (synthetic) through the real pages and the checkout API."""
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    info = tmp_path / "demo.json"
    command = [
        "demo",
        "--no-serve",
        "--no-browser",
        "--database-url",
        database,
        "--history",
        "400",
        "--shipments",
        "20",
        "--info-file",
        str(info),
    ]
    assert main(command, out=io.StringIO()) == 0
    key = json.loads(info.read_text())["api_key"]
    with serve_in_subprocess(database) as served:
        base = served.base_url
        options = httpx.post(
            f"{base}/v1/checkout/options",
            json={"origin": {"country": "CN"}, "destination": {"country": "US"}},
            headers={"Authorization": f"Bearer {key}"},
        ).json()
        assert options["enough_history"] is True, options
        assert options["options"][0]["p50_date"] <= options["options"][0]["p90_date"]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(f"{base}/dashboard/login")
            page.get_by_label("API key").fill(key)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_load_state()
            assert page.locator("tbody tr").count() > 1
            screenshots(page, "dashboard-attention")
            page.get_by_role("link", name="Analytics").click()
            page.wait_for_load_state()
            assert page.inner_text("h1") == "Analytics: Transit times"
            page.get_by_label("Shipped from").fill("2020-01-01")
            page.get_by_role("button", name="Show").click()
            page.wait_for_load_state()
            assert page.locator("svg.chart").count() >= 2
            assert page.locator("svg.chart rect.chart-range").count() > 0
            assert serious_violations(page) == []
            screenshots(page, "dashboard-analytics")
            for view in (
                "On time",
                "Customs",
                "Problems",
                "Seasonality",
                "Carrier comparison",
                "Declarations",
            ):
                page.get_by_role("link", name=view, exact=True).click()
                page.wait_for_load_state()
                assert "No data for this selection." not in page.inner_text("section"), view
                assert serious_violations(page) == [], view
            page.get_by_role("link", name="Shipments").click()
            page.wait_for_load_state()
            screenshots(page, "dashboard-shipments")
            page.locator("tbody tr a").first.click()
            page.wait_for_load_state()
            screenshots(page, "dashboard-shipment")
            browser.close()
