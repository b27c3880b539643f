"""The carrier directory: slugs, names, home countries and zones, and every alias people use."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pycountry
import pytest

from crosstrack.carriers.directory import load_carriers
from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.carriers import CarrierDirectory, CarrierInfo, label_key
from crosstrack.domain.errors import DomainError

CARRIERS = load_carriers()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "carriers.md"


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("dhl_express", "dhl"),
        ("mydhl", "dhl"),
        ("DHL Express", "dhl"),
        ("canadapost", "canada-post"),
        ("canadapost_pws", "canada-post"),
        ("australiapost", "australia-post"),
        ("aups", "australia-post"),
        ("AusPost", "australia-post"),
        ("post_nl", "postnl"),
        ("PostNL", "postnl"),
        ("laposte", "la-poste-colissimo"),
        ("colissimo", "la-poste-colissimo"),
        ("dpdhl", "dhl-germany"),
        ("dhl_parcel_de", "dhl-germany"),
        ("Deutsche Post", "dhl-germany"),
        ("ups_package", "ups"),
        ("ups_freight", "ups"),
        ("fedex_ws", "fedex"),
        ("fedex_express", "fedex"),
        ("usps_international", "usps"),
        ("brazil-correios", "correios"),
        ("correios", "correios"),
        ("poczta_polska", "poczta-polska"),
        ("yto (via kuaidi100)", "yto"),
        ("Royal Mail Group plc", "royal-mail"),
        ("Česká Pošta", "ceska-posta"),
    ],
)
def test_labels_people_use_resolve_to_one_carrier(label: str, slug: str) -> None:
    found = carrier_directory().resolve(label)
    assert found is not None and found.slug == slug


@pytest.mark.parametrize(
    "label", ["Canada Post", "canada_post", "CANADA-POST", "canada post (pws)", " canada  post "]
)
def test_resolving_ignores_case_spaces_underscores_hyphens_and_parentheses(label: str) -> None:
    found = carrier_directory().resolve(label)
    assert found is not None and found.slug == "canada-post"


def test_unknown_labels_resolve_to_nothing() -> None:
    assert carrier_directory().resolve("acme parcels") is None
    assert carrier_directory().resolve("") is None


def test_the_directory_knows_at_least_sixty_carriers_including_the_common_ones() -> None:
    slugs = {c.slug for c in CARRIERS}
    assert len(slugs) >= 60
    assert {
        "asendia",
        "australia-post",
        "canada-post",
        "chronopost-france",
        "la-poste-colissimo",
        "bpost",
        "gls",
        "dpd",
        "hermes-de",
        "sendle",
        "purolator",
        "royal-mail",
        "landmark-global",
        "seko",
        "spring-gds",
        "ics-courier",
        "parcel-one",
        "teleship",
    } <= slugs


@pytest.mark.parametrize("slug", ["17track", "aftership", "easypost", "karrio", "shipengine"])
def test_aggregators_are_global(slug: str) -> None:
    info = carrier_directory().get(slug)
    assert info is not None
    assert (info.country, info.timezone) == (None, None)


def test_every_country_is_iso_alpha_2_and_every_time_zone_exists() -> None:
    for carrier in CARRIERS:
        if carrier.country is not None:
            assert pycountry.countries.get(alpha_2=carrier.country), carrier.slug
        if carrier.timezone is not None:
            ZoneInfo(carrier.timezone)
        assert (carrier.country is None) <= (carrier.timezone is None), carrier.slug


def test_home_time_zones_are_the_ones_people_expect() -> None:
    directory = carrier_directory()
    expected = {
        "canada-post": "America/Toronto",
        "australia-post": "Australia/Sydney",
        "correios": "America/Sao_Paulo",
        "china-post": "Asia/Shanghai",
        "royal-mail": "Europe/London",
        "russian-post": "Europe/Moscow",
    }
    assert {slug: directory.get(slug).timezone for slug in expected} == expected  # type: ignore[union-attr]


def test_the_registry_loads_the_directory_once() -> None:
    assert carrier_directory() is carrier_directory()
    assert len(carrier_directory()) == len(CARRIERS)


def test_every_directory_carrier_is_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert [c.slug for c in CARRIERS if f"`{c.slug}`" not in docs] == []


def test_a_label_claimed_by_two_carriers_is_refused() -> None:
    a = CarrierInfo("a-post", "A Post", "AA", None, ("the post",))
    b = CarrierInfo("b-post", "B Post", "BB", None, ("The_Post",))
    with pytest.raises(DomainError, match="two carriers"):
        CarrierDirectory([a, b])


def test_a_slug_listed_twice_is_refused() -> None:
    a = CarrierInfo("a-post", "A Post", "AA", None)
    with pytest.raises(DomainError, match="twice"):
        CarrierDirectory([a, a])


def test_label_keys_drop_accents_case_separators_and_parenthesised_notes() -> None:
    assert label_key("Poste (via Kuaidi100) Ítalia_Express-X") == "posteitaliaexpressx"


def test_every_carrier_link_belongs_to_a_known_carrier_and_is_https() -> None:
    from crosstrack.carriers.directory import load_directory, load_links

    directory = load_directory()
    links = load_links()
    assert len(links) >= 20
    for slug, link in links.items():
        assert slug in directory, slug
        assert link.website.startswith("https://"), slug
        assert link.tracking_url is None or (
            link.tracking_url.startswith("https://") and "{number}" in link.tracking_url
        ), slug
