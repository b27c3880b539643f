"""The buyer's tracking page, server-rendered: what it shows, in which language, and what
it never shows (the buyer's contact data)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from crosstrack.api.app import create_app
from crosstrack.api.settings import ApiSettings
from crosstrack.carriers.directory import load_links
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import BuyerContact, Endpoint
from crosstrack.i18n import chain, negotiate
from crosstrack.services.facade import Services
from crosstrack.services.ingestion import IncomingEvent
from crosstrack.services.records import EventSource
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.testing import FrozenClock, InMemoryStore
from crosstrack.testing.wiring import wired_services

NUMBER = "RB123456785GB"


@pytest.fixture
def services() -> Services:
    return wired_services(
        InMemoryStore().unit_of_work,
        FrozenClock(datetime(2026, 1, 6, 12, 0, tzinfo=UTC)),
        links=load_links(),
    )


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    settings = ApiSettings(public_rate_per_second=1000.0, public_rate_burst=1000)
    with TestClient(create_app(services, settings=settings)) as test_client:
        yield test_client


def _shipment(services: Services, *events: tuple[str, str, str], shop: str = "Maison Lune") -> str:
    merchant = services.accounts.create_merchant(shop)
    registered = services.registrar.register(
        RegisterShipment(
            merchant.id,
            "ML-1042",
            (NumberInput(NUMBER, "royal-mail"),),
            origin=Endpoint("GB"),
            destination=Endpoint("FR", city="Lyon", postcode="69001"),
            buyer=BuyerContact(email="claire@example.fr", phone="+33612345678", locale="fr-FR"),
        )
    ).shipment
    services.ingestor.ingest(
        [
            IncomingEvent(
                RawEvent(
                    description=text,
                    carrier="royal-mail",
                    location=place,
                    timestamp=at,
                    tracking_number=NUMBER,
                ),
                EventSource.POLL,
            )
            for text, place, at in events
        ]
    )
    token = services.queries.shipment(merchant.id, registered.id).tracking_token
    assert token is not None
    return token


JOURNEY = (
    ("Item received for processing", "London, GB", "2026-01-02T09:00:00Z"),
    ("Item despatched to overseas destination", "London, GB", "2026-01-03T09:00:00Z"),
    ("Customs clearance in progress", "Paris, FR", "2026-01-05T09:00:00Z"),
    ("Out for delivery", "Lyon, FR", "2026-01-06T07:30:00Z"),
)


def test_the_page_shows_status_journey_history_and_carrier_in_the_buyers_language(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, *JOURNEY)
    page = client.get(f"/t/{token}")
    assert page.status_code == 200 and page.headers["content-language"] == "fr"
    html = page.text
    assert '<html lang="fr" dir="ltr">' in html
    assert "Votre colis est en cours de livraison" in html
    assert "Maison Lune" in html and "ML-1042" in html
    assert 'aria-current="step">Livraison locale' in html
    assert "Out for delivery" in html  # the carrier's own words stay beside the translation
    assert "En cours de livraison" in html and "Douane à l&#39;import" in html
    assert "https://www.royalmail.com/track-your-item#/tracking-results/RB123456785GB" in html
    # Each event in its own place's time, the zone named in the viewer's language.
    assert "(heure : France)" in html and "(heure : Royaume-Uni)" in html
    # Never the buyer's contact data, the address or the phone.
    for secret in ("claire@example.fr", "612345678", "69001"):
        assert secret not in html
    assert "script-src 'nonce-" in page.headers["content-security-policy"]
    assert len(page.content) < 200_000


def test_the_language_follows_an_explicit_choice_and_remembers_it(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, *JOURNEY)
    chosen = client.get(f"/t/{token}?lang=en")
    assert "Your parcel is out for delivery" in chosen.text
    assert chosen.cookies.get("crosstrack_lang") == "en"
    again = client.get(f"/t/{token}")  # the cookie is sent back
    assert again.headers["content-language"] == "en"
    client.cookies.clear()
    browser = client.get(f"/t/{token}", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert browser.headers["content-language"] == "en"


def test_an_unknown_token_is_a_page_not_a_json_error(client: TestClient) -> None:
    missing = client.get(f"/t/{'A' * 24}")
    assert missing.status_code == 404 and "We could not find this parcel" in missing.text
    assert client.get("/t/short").status_code == 422


def test_locales_fall_back_along_a_chain_and_never_to_another_script() -> None:
    assert chain("zh-HK") == ["zh-HK", "zh-Hant", "en"]
    assert chain("fr-CA") == ["fr-CA", "fr", "en"]
    assert negotiate(None, None, "fr-CA,en;q=0.5", None) == "fr"
    assert negotiate(None, None, "zh-TW", None) == "zh-Hant"
    assert negotiate(None, None, "zh-CN,zh;q=0.9", None) == "zh-Hans"
    assert negotiate(None, None, "pt-PT", None) == "pt-BR"
    assert chain("zh-HK")[-1] == "en"  # never Simplified for a Traditional reader
    assert negotiate("xx", None, None, None) == "en"
    # Any case, and a script subtag decides the written form of Chinese.
    assert chain("zh-Hant-TW")[:2] == ["zh-Hant-TW", "zh-Hant"]
    assert negotiate(None, None, "zh-tw", None) == "zh-Hant"
    assert negotiate(None, None, "zh-Hans-HK", None) == "zh-Hans"
    assert negotiate(None, None, "ZH_hant", None) == "zh-Hant"
    assert negotiate(None, None, "es-419", None) == "es"
    assert negotiate(None, None, "de-DE,fr;q=0.3", None) == "de"
    assert negotiate(None, None, "nl-NL,fr;q=0.3", None) == "fr"  # Dutch: not shipped


def test_every_shipped_locale_translates_every_string_of_the_page() -> None:
    import re
    from importlib import resources

    from babel.messages.pofile import read_po

    from crosstrack.domain.alerts import ACTIONS
    from crosstrack.i18n import SHIPPED
    from crosstrack.web.page import STEPS
    from crosstrack.wording import HEADLINES, MILESTONES, REASONS

    template = (resources.files("crosstrack.web") / "templates" / "tracking.html").read_text()
    wanted = {
        *HEADLINES.values(),
        *MILESTONES.values(),
        *REASONS.values(),
        *(label for label, _ in STEPS),
        *(a.buyer for a in ACTIONS.values()),
        *re.findall(r"""_\(["']([^"']+)["']\)""", template),
        "Updated just now",
        "This device's time zone",
        "Where your parcel has been",
        "8 in 10 parcels like yours arrive within these dates.",
    }
    assert len(wanted) > 50
    for locale in SHIPPED:
        if locale == "en":
            continue
        path = resources.files("crosstrack") / "locales" / locale / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as source:
            catalog = read_po(source, locale=locale.replace("-", "_"))
        missing = sorted(m for m in wanted if not (catalog.get(m) and catalog.get(m).string))
        assert missing == [], (locale, missing)


def test_a_buyer_finds_the_page_by_number_or_by_order_and_email_or_postcode(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, *JOURNEY)
    form = client.get("/t?lang=fr")
    assert form.status_code == 200 and "Suivre votre colis" in form.text
    by_number = client.post("/t", data={"number": "rb 1234 5678 5gb"}, follow_redirects=False)
    assert by_number.status_code == 303 and by_number.headers["location"].startswith(f"/t/{token}")
    for contact in ("CLAIRE@example.fr", "69001"):
        found = client.post(
            "/t", data={"order_ref": "ML-1042", "contact": contact}, follow_redirects=False
        )
        assert found.status_code == 303, contact
    wrong = client.post("/t", data={"order_ref": "ML-1042", "contact": "75001", "lang": "en"})
    assert wrong.status_code == 404
    assert "We could not find a parcel with these details." in wrong.text
    assert client.post("/t", data={}).status_code == 404


def test_lookups_are_rate_limited_per_client(services: Services) -> None:
    settings = ApiSettings(public_rate_per_second=1000.0, public_rate_burst=1000, lookup_burst=2)
    with TestClient(create_app(services, settings=settings)) as strict:
        codes = [strict.post("/t", data={"number": "X1"}).status_code for _ in range(3)]
    assert codes == [404, 404, 429]


def test_branding_is_the_merchants_own_and_shows_on_its_pages(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, *JOURNEY)
    merchant_id = services.buyers.view(token).shipment.merchant_id
    other = services.accounts.create_merchant("Other shop")
    _, mine = services.accounts.create_key(merchant_id)
    _, theirs = services.accounts.create_key(other.id)
    body = {
        "display_name": "Maison Lune Paris",
        "logo_url": "https://cdn.example/lune.png",
        "accent_color": "#7c3aed",
        "support_url": "https://lune.example/help",
    }
    put = client.put("/v1/branding", json=body, headers={"Authorization": f"Bearer {mine}"})
    assert put.status_code == 200 and put.json()["accent_color"] == "#7c3aed"
    page = client.get(f"/t/{token}?lang=en").text
    assert "Maison Lune Paris" in page and "https://cdn.example/lune.png" in page
    assert "--brand:#7c3aed" in page and "https://lune.example/help" in page
    bad = client.put(
        "/v1/branding",
        json={"logo_url": "http://cdn.example/x.png"},
        headers={"Authorization": f"Bearer {mine}"},
    )
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "logo_url"
    shown = client.get("/v1/branding", headers={"Authorization": f"Bearer {theirs}"}).json()
    assert shown["display_name"] is None  # another merchant sees only its own


def test_a_buyer_asks_for_email_updates_from_the_page_without_javascript(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, *JOURNEY)
    page = client.get(f"/t/{token}?lang=de")
    assert 'action="/t/' in page.text and "Benachrichtigen" in page.text
    done = client.post(
        f"/t/{token}/notify", data={"email": "amy@example.com", "lang": "de"}, follow_redirects=True
    )
    assert "Wir schreiben Ihnen, sobald sich etwas ändert." in done.text
    assert "amy@example.com" not in done.text
    merchant_id = services.buyers.view(token).shipment.merchant_id
    shipment_id = services.buyers.view(token).shipment.id
    emails = [s.address for s in services.subscriptions.for_shipment(merchant_id, shipment_id)]
    assert "amy@example.com" in emails
    bad = client.post(f"/t/{token}/notify", data={"email": "nope", "lang": "en"})
    assert "This email address does not look right." in bad.text


def test_countries_are_named_in_the_viewers_language(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, *JOURNEY)
    assert "Lyon, France" in client.get(f"/t/{token}?lang=en").text
    assert "Lyon, Frankreich" in client.get(f"/t/{token}?lang=de").text
    assert "Lyon, 法国" in client.get(f"/t/{token}?lang=zh-Hans").text


def _distance(html: str) -> str:
    """The figure after "Distance so far: " on the page."""
    return html.split("Distance so far: ", 1)[1].split("<", 1)[0]


def test_the_distance_so_far_is_in_kilometres_or_in_miles_for_a_us_viewer(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, *JOURNEY)
    metric = client.get(f"/t/{token}?lang=en", headers={"Accept-Language": "en-GB"}).text
    imperial = client.get(f"/t/{token}?lang=en", headers={"Accept-Language": "en-US"}).text
    assert _distance(metric).endswith(" km") and _distance(imperial).endswith(" mi")
    chosen = client.get(f"/t/{token}?lang=en&units=metric", headers={"Accept-Language": "en-US"})
    assert _distance(chosen.text).endswith(" km")
    km = int(_distance(metric).removesuffix(" km").replace(",", ""))
    assert 700 < km < 780  # the scans: London -> Paris -> Lyon, about 340 + 390 km


def test_a_parcel_silent_for_a_month_reads_as_the_api_shows_it(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, ("Out for delivery", "Lyon, FR", "2025-11-20T07:30:00Z"))
    page = client.get(f"/t/{token}?lang=en").text
    assert 'data-status="expired">No recent tracking updates' in page


def test_times_can_be_read_in_the_viewers_zone_which_is_remembered(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, *JOURNEY)
    local_only = client.get(f"/t/{token}?lang=en").text
    assert "heure" not in local_only and "(France Time)" in local_only
    assert "local time" not in local_only  # no second time until the viewer asks
    # The form offers the zones of the places, the buyer's own, and UTC.
    assert '<option value="Europe/London">United Kingdom Time</option>' in local_only
    assert '<option value="UTC">UTC</option>' in local_only

    tokyo = client.get(f"/t/{token}?lang=en&tz=Asia/Tokyo")
    # 07:30 UTC out for delivery is 16:30 in Tokyo, 08:30 in Lyon; both are shown.
    assert (
        "Jan 6, 2026, 4:30:00\u202fPM (Japan Time) · local time Jan 6, 2026, 8:30:00\u202fAM (France Time)"
        in tokyo.text
    )
    assert (tokyo.cookies.get("crosstrack_tz") or "").strip('"') == "Asia/Tokyo"
    assert "(Japan Time)" in client.get(f"/t/{token}").text  # remembered
    back = client.get(f"/t/{token}?tz=")
    assert "(Japan Time)" not in back.text and "crosstrack_tz" not in back.cookies
    # A zone nobody knows is ignored, never an error.
    odd = client.get(f"/t/{token}?tz=Mars/Olympus")
    assert odd.status_code == 200 and "Mars" not in odd.text


def test_units_can_be_chosen_and_are_remembered(client: TestClient, services: Services) -> None:
    token = _shipment(services, *JOURNEY)
    assert _distance(client.get(f"/t/{token}?lang=en").text).endswith(" km")
    chosen = client.get(f"/t/{token}?lang=en&units=imperial")
    assert _distance(chosen.text).endswith(" mi")
    assert chosen.cookies.get("crosstrack_units") == "imperial"
    assert _distance(client.get(f"/t/{token}").text).endswith(" mi")


def test_cities_and_countries_are_named_in_the_viewers_language_when_the_data_has_them(
    client: TestClient, services: Services
) -> None:
    token = _shipment(services, *JOURNEY)
    chinese = client.get(f"/t/{token}?lang=zh-Hans").text
    assert "巴黎, 法国" in chinese and "伦敦, 英国" in chinese  # CLDR names them
    assert "Lyon, 法国" in chinese  # CLDR does not: the carrier's name stays
    japanese = client.get(f"/t/{token}?lang=ja").text
    assert "パリ, フランス" in japanese


def test_the_route_map_is_drawn_from_shipped_data_with_the_places_in_the_viewers_language(
    client: TestClient, services: Services
) -> None:
    import xml.etree.ElementTree as ET

    token = _shipment(services, *JOURNEY)
    html = client.get(f"/t/{token}?lang=zh-Hans").text
    svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)
    titles = [t.text for t in root.iter("title")]
    assert titles[0] == "包裹经过的地方"  # the map's own title, translated
    assert {"伦敦, 英国", "巴黎, 法国", "Lyon, 法国"} <= set(titles)  # each place a dot
    assert "http" not in svg  # no tiles, no scripts, nothing fetched
    assert len(svg) < 40_000
    # No located place, no map.
    bare = _shipment(
        services, ("Item received for processing", "", "2026-01-02T09:00:00Z"), shop="Other"
    )
    assert "<svg" not in client.get(f"/t/{bare}").text


def test_a_problem_says_why_in_the_viewers_language(client: TestClient, services: Services) -> None:
    token = _shipment(
        services,
        ("Delivery attempted: recipient not at home", "Lyon, FR", "2026-01-06T09:00:00Z"),
    )
    french = client.get(f"/t/{token}?lang=fr").text
    assert "Tentative de livraison · Personne n&#39;était là pour le recevoir" in french
    assert "recipient not at home" in french  # the carrier's words beside it


def test_the_weight_is_in_the_viewers_units_and_the_carriers_value_stays_beside_it(
    client: TestClient, services: Services
) -> None:
    from crosstrack.domain.units import Measure
    from crosstrack.services.ingestion import ReportedWeight

    token = _shipment(services, *JOURNEY)
    assert "Weight" not in client.get(f"/t/{token}?lang=en").text  # nobody gave one yet
    services.ingestor.ingest(
        [], weights=[ReportedWeight(NUMBER, "royal-mail", Measure.of("1.20", "KGS"))]
    )
    metric = client.get(f"/t/{token}?lang=en&units=metric").text
    assert "Weight: 1.2 kg</p>" in metric  # the carrier's own system: nothing to add
    imperial = client.get(f"/t/{token}?lang=en&units=imperial").text
    assert "Weight: 2.65 lb (the carrier gave 1.2 kg)</p>" in imperial
    german = client.get(f"/t/{token}?lang=de&units=imperial").text
    assert "Gewicht: 2,65 lb (Angabe des Paketdienstes: 1,2 kg)</p>" in german
