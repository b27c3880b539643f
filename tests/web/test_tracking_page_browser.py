"""The tracking page in a real browser (Debian's chromium driven by Playwright, never a
downloaded browser) against a `crosstrack serve` process: content in the buyer's language,
the language switcher, a live update after an event is ingested, and an accessibility check
with axe-core."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from web_browser import CHROMIUM, require_chromium, screenshots, serious_violations

from crosstrack.cli import main
from crosstrack.i18n import translations
from crosstrack.testing.server import serve_in_subprocess

require_chromium()

from playwright.sync_api import sync_playwright  # noqa: E402


def _key(database: str) -> str:
    out = io.StringIO()
    assert (
        main(["merchants", "create", "Maison Lune", "--json", "--database-url", database], out=out)
        == 0
    )
    return str(json.loads(out.getvalue())["api_key"])


def _scan(
    base: str, headers: dict[str, str], shipment_id: str, text: str, place: str, at: str
) -> None:
    sent = httpx.post(
        f"{base}/v1/shipments/{shipment_id}/events",
        json={
            "events": [
                {"description": text, "location": place, "timestamp": at, "carrier": "royal-mail"}
            ]
        },
        headers=headers,
    )
    assert sent.status_code < 300, sent.text


def _ago(**delta: float) -> str:
    """A time that long before now (the page shows a parcel silent for 30 days as expired)."""
    return (datetime.now(UTC) - timedelta(**delta)).replace(microsecond=0).isoformat()


def test_a_buyer_reads_the_page_switches_language_and_sees_a_live_update(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'page.db'}"
    headers = {"Authorization": f"Bearer {_key(database)}"}
    with serve_in_subprocess(database) as served:
        base = served.base_url
        shipment = httpx.post(
            f"{base}/v1/shipments",
            json={
                "order_ref": "ML-1042",
                "tracking_numbers": [{"number": "RB123456785GB", "carrier": "royal-mail"}],
                "origin": {"country": "GB"},
                "destination": {"country": "FR", "city": "Lyon"},
                "buyer": {"email": "claire@example.fr", "locale": "en-GB"},
            },
            headers=headers,
        ).json()
        for text, place, at in (
            ("Item received for processing", "London, GB", _ago(days=4)),
            ("Customs clearance in progress", "Paris, FR", _ago(days=1)),
            ("Out for delivery", "Lyon, FR", _ago(hours=3)),
        ):
            _scan(base, headers, shipment["id"], text, place, at)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            context = browser.new_context(bypass_csp=True, viewport={"width": 360, "height": 800})
            page = context.new_page()
            page.goto(f"{base}/t/{shipment['tracking_token']}")
            assert page.inner_text("h1") == "Your parcel is out for delivery"
            assert "Out for delivery" in page.inner_text("#history ~ ol, main")
            assert "claire@example.fr" not in page.content()
            assert serious_violations(page) == []
            # Chinese and Arabic (right to left), in their own scripts.
            token = shipment["tracking_token"]
            for locale, direction in (("zh-Hans", "ltr"), ("ar", "rtl")):
                page.goto(f"{base}/t/{token}?lang={locale}")
                expected = translations(locale).gettext("Your parcel is out for delivery")
                assert page.inner_text("h1") == expected
                assert page.get_attribute("html", "dir") == direction
                assert serious_violations(page) == []
                screenshots(page, f"tracking-{locale}")
            page.goto(f"{base}/t/{token}?lang=en")
            screenshots(page, "tracking-en")
            # The buyer picks French; the choice is remembered.
            page.get_by_role("link", name="français").click()
            page.wait_for_load_state()
            assert page.inner_text("h1") == "Votre colis est en cours de livraison"
            assert page.get_attribute("html", "lang") == "fr"
            page.goto(f"{base}/t/{shipment['tracking_token']}")
            assert page.inner_text("h1") == "Votre colis est en cours de livraison"
            # A new event arrives while the page is open: it updates itself.
            page.wait_for_timeout(1000)  # the live stream is open
            _scan(base, headers, shipment["id"], "Delivered", "Lyon, FR", _ago(hours=1))
            page.wait_for_function(
                "() => document.querySelector('h1').textContent.includes('livré')",
                timeout=20_000,
            )
            assert serious_violations(page) == []
            browser.close()
