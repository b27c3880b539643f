"""The offline gazetteer over GeoNames, airportsdata and pycountry, and the parser on top of it."""

from __future__ import annotations

import pytest

from crosstrack.domain.locations import LocationParser
from crosstrack.domain.places import Gazetteer
from crosstrack.geo import OfflineGazetteer


@pytest.fixture(scope="module")
def gazetteer() -> OfflineGazetteer:
    loaded = OfflineGazetteer()
    loaded.load()
    return loaded


def test_it_implements_the_gazetteer_port(gazetteer: OfflineGazetteer) -> None:
    port: Gazetteer = gazetteer
    assert port.country_code("CH") == "CH"


def test_nothing_is_loaded_until_the_first_look_up() -> None:
    fresh = OfflineGazetteer()
    assert fresh.load_seconds is None
    assert fresh.country_code("Deutschland") == "DE"
    assert fresh.load_seconds is not None and fresh.load_seconds < 10


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("DE", "DE"), ("deu", "DE"), ("Germany", "DE"), ("Deutschland", "DE"),
        ("Allemagne", "DE"), ("Alemanha", "DE"), ("Niemcy", "DE"), ("中国", "CN"),
        ("美国", "US"), ("Nederland", "NL"), ("Royaume-Uni", "GB"), ("Estados Unidos", "US"),
        ("Brasil", "BR"), ("UNITED STATES", "US"), ("UK", "GB"), ("U.S.A.", "US"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"), ("JAM", "JM"),
        ("Holland", "NL"), ("South Korea", "KR"), ("Россия", "RU"),
    ],
)  # fmt: skip
def test_countries_are_known_by_codes_and_names_in_many_languages(
    gazetteer: OfflineGazetteer, text: str, code: str
) -> None:
    assert gazetteer.country_code(text) == code


def test_unknown_country_names_give_none(gazetteer: OfflineGazetteer) -> None:
    assert gazetteer.country_code("Atlantis") is None


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Zurich", None, "CH"), ("WROCLAW", None, "PL"), ("Kraków", None, "PL"),
        ("Milano", None, "IT"), ("München", None, "DE"), ("深圳", None, "CN"),
        ("Москва", None, "RU"), ("Alexandria", None, "EG"), ("Alexandria", "US", "US"),
        ("Stafford", None, "GB"), ("Machelen", None, "BE"),
    ],
)  # fmt: skip
def test_cities_are_found_by_any_common_spelling(
    gazetteer: OfflineGazetteer, name: str, country: str | None, expected: str
) -> None:
    place = gazetteer.city(name, country)
    assert place is not None and place.country == expected
    assert place.timezone is not None and place.latitude is not None


def test_a_us_city_carries_its_state_code(gazetteer: OfflineGazetteer) -> None:
    place = gazetteer.city("Houston", "US")
    assert place is not None and (place.region, place.timezone) == ("TX", "America/Chicago")


def test_canadian_australian_and_brazilian_cities_carry_postal_subdivision_codes(
    gazetteer: OfflineGazetteer,
) -> None:
    regions = {name: gazetteer.city(name, country) for name, country in
               [("Montreal", "CA"), ("Brisbane", "AU"), ("Guarulhos", "BR")]}  # fmt: skip
    assert {name: p.region if p else None for name, p in regions.items()} == {
        "Montreal": "QC",
        "Brisbane": "QLD",
        "Guarulhos": "SP",
    }


def test_facility_words_are_not_cities(gazetteer: OfflineGazetteer) -> None:
    assert gazetteer.city("Transit") is None
    assert gazetteer.city("Customer") is None


@pytest.mark.parametrize(
    ("code", "country", "name", "zone"),
    [
        ("TX", None, "Texas", "America/Chicago"),
        ("NSW", None, "New South Wales", "Australia/Sydney"),
        ("PQ", None, "Quebec", "America/Toronto"),
        ("SP", None, "São Paulo", "America/Sao_Paulo"),
        ("WA", None, "Washington", "America/Los_Angeles"),
        ("WA", "AU", "Western Australia", "Australia/Perth"),
        ("Ontario", None, "Ontario", "America/Toronto"),
    ],
)
def test_subdivisions_are_found_by_code_or_name_with_their_main_zone(
    gazetteer: OfflineGazetteer, code: str, country: str | None, name: str, zone: str
) -> None:
    place = gazetteer.region(code, country)
    assert place is not None and (place.name, place.timezone) == (name, zone)


def test_a_subdivision_code_outside_its_country_is_not_found(gazetteer: OfflineGazetteer) -> None:
    assert gazetteer.region("TX", "AU") is None


def test_airports_are_named_after_the_city_they_serve(gazetteer: OfflineGazetteer) -> None:
    place = gazetteer.airport("bgy")
    assert place is not None
    assert (place.name, place.country, place.timezone) == ("Bergamo", "IT", "Europe/Rome")
    assert gazetteer.airport("ZZZ") is None


@pytest.mark.parametrize(
    ("country", "zone"),
    [("DE", "Europe/Berlin"), ("CN", "Asia/Shanghai"), ("GB", "Europe/London"),
     ("ES", "Europe/Madrid"), ("JM", "America/Jamaica"), ("us", None), ("AU", None),
     ("CA", None), ("RU", None)],
)  # fmt: skip
def test_a_country_has_a_zone_only_when_nearly_everyone_keeps_the_same_clock(
    gazetteer: OfflineGazetteer, country: str, zone: str | None
) -> None:
    assert gazetteer.country_timezone(country) == zone


@pytest.mark.parametrize(
    ("text", "carrier", "country", "zone"),
    [
        ("PASCO, WA, 99301, US, United States, FED", "US", "US", "America/Los_Angeles"),
        ("ALEXANDRIA NSW", "AU", "AU", "Australia/Sydney"),
        ("BGY, Bergamo - Italy", None, "IT", "Europe/Rome"),
        ("CDD IMIRIM, SAO PAULO, SP", "BR", "BR", "America/Sao_Paulo"),
        ("KIN, KINGSTON-JAM", None, "JM", "America/Jamaica"),
        ("WER Wrocław", "PL", "PL", "Europe/Warsaw"),
        ("MONTREAL SORT CTR/CTR TRIE, PQ", "CA", "CA", "America/Toronto"),
        ("CN370112005000, 山东,济南市,历城区,孙村", "CN", "CN", "Asia/Shanghai"),
        ("LEIPZIG DE", None, "DE", "Europe/Berlin"),
        ("Dover, DE", None, "US", "America/New_York"),
        ("Milton Keynes MK7 8LF", None, "GB", "Europe/London"),
        ("東京都", None, "JP", "Asia/Tokyo"),
    ],
)
def test_the_parser_on_the_real_gazetteer_finds_country_and_zone(
    gazetteer: OfflineGazetteer, text: str, carrier: str | None, country: str, zone: str
) -> None:
    location = LocationParser(gazetteer).parse(text, carrier_country=carrier)
    assert (location.country, location.timezone) == (country, zone)
