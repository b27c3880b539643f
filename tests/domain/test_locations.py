"""Location texts as carriers write them, read into ``Location`` values (with a fake gazetteer)."""

from __future__ import annotations

import pytest

from crosstrack.domain.location_tokens import place_key, postcode, split_postcode
from crosstrack.domain.locations import CountrySource, LocationParser, parse_location
from crosstrack.domain.model import Location
from crosstrack.testing import InMemoryGazetteer

GAZETTEER = InMemoryGazetteer.sample()


@pytest.fixture
def parser() -> LocationParser:
    return LocationParser(GAZETTEER)


def country_of(text: str, carrier_country: str | None = None) -> str | None:
    return LocationParser(GAZETTEER).parse(text, carrier_country=carrier_country).country


class TestCountriesWrittenInTheText:
    @pytest.mark.parametrize(
        ("text", "country"),
        [
            ("Bern, CH", "CH"),
            ("Berlin, DEU", "DE"),
            ("Leipzig, Deutschland", "DE"),
            ("Milan - Italy", "IT"),
            ("NZ", "NZ"),
            ("SYDNEY (AU)", "AU"),
            ("London, UK", "GB"),
            ("US-60199, UNITED STATES", "US"),
        ],
    )
    def test_a_country_code_or_name_in_any_language_pins_the_country(
        self, text: str, country: str
    ) -> None:
        assert country_of(text) == country

    def test_a_country_code_before_a_mixed_case_city_is_a_country(self) -> None:
        location = LocationParser(GAZETTEER).parse("DE Pohlheim")
        assert (location.country, location.city) == ("DE", "Pohlheim")

    def test_a_country_after_a_dash_without_spaces_is_split_off(self) -> None:
        location = LocationParser(GAZETTEER).parse("KIN, KINGSTON-JAM")
        assert (location.country, location.city) == ("JM", "Kingston")

    def test_the_written_source_is_reported(self, parser: LocationParser) -> None:
        assert parser.parse_detailed("Bern, CH").country_source is CountrySource.WRITTEN


class TestSubdivisionsPostcodesAndCities:
    def test_a_us_state_and_zip_imply_the_united_states(self, parser: LocationParser) -> None:
        location = parser.parse("HOUSTON, TX, 77063")
        assert location == Location(
            text="HOUSTON, TX, 77063",
            city="Houston",
            region="TX",
            postcode="77063",
            country="US",
            latitude=29.76,
            longitude=-95.36,
            timezone="America/Chicago",
        )

    def test_a_state_code_after_a_city_without_comma_implies_its_country(
        self, parser: LocationParser
    ) -> None:
        location = parser.parse("ALEXANDRIA NSW")
        assert (location.country, location.region, location.city) == ("AU", "NSW", "ALEXANDRIA")
        assert location.timezone == "Australia/Sydney"

    def test_a_brazilian_state_code_implies_brazil(self, parser: LocationParser) -> None:
        location = parser.parse("CDD IMIRIM, SAO PAULO, SP")
        assert (location.country, location.region, location.city) == ("BR", "SP", "Sao Paulo")

    def test_a_canadian_postcode_and_province_beat_the_california_reading_of_ca(
        self, parser: LocationParser
    ) -> None:
        location = parser.parse("CA, TORONTO, ON, L5T1R8")
        assert (location.country, location.region, location.postcode) == ("CA", "ON", "L5T 1R8")

    def test_a_dutch_postcode_is_kept_in_its_compact_form(self, parser: LocationParser) -> None:
        location = parser.parse("NL, Amsterdam, 1012AB")
        assert (location.country, location.postcode) == ("NL", "1012AB")

    @pytest.mark.parametrize(
        ("text", "country"),
        [("Columbus, OH", "US"), ("CLARKDALE, GA", "US"), ("HANNA CITY, IL, 61536", "US")],
    )
    def test_a_code_that_is_both_a_state_and_a_country_reads_as_a_state_after_a_city(
        self, text: str, country: str
    ) -> None:
        assert country_of(text) == country

    def test_a_code_that_is_both_reads_as_a_country_when_a_city_there_backs_it(self) -> None:
        assert country_of("Berlin, DE") == "DE"

    def test_a_code_that_is_both_reads_as_a_country_when_it_stands_alone(self) -> None:
        assert country_of("DE") == "DE"

    def test_a_state_code_standing_alone_names_its_country(self) -> None:
        assert country_of("NSW") == "AU"

    def test_a_postcode_before_the_city_is_separated(self, parser: LocationParser) -> None:
        location = parser.parse("10115 Berlin")
        assert (location.country, location.city, location.postcode) == ("DE", "Berlin", "10115")

    def test_a_city_alone_names_the_country_of_its_most_populous_namesake(self) -> None:
        assert country_of("Paris") == "FR"

    def test_a_city_inside_a_facility_name_is_found(self, parser: LocationParser) -> None:
        location = parser.parse("JERSEY CITY NJ NETWORK DISTRIBUTION CENT")
        assert (location.country, location.city, location.region) == ("US", "Jersey City", "NJ")

    def test_conflicting_country_names_are_outvoted_by_states_and_cities(self) -> None:
        assert country_of("HERNANDO, FL, 34442, JAMAICA, NY, 11430") == "US"

    def test_a_country_name_just_before_a_state_code_is_a_town_named_after_it(self) -> None:
        location = LocationParser(GAZETTEER).parse("JAMAICA, NY 11430")
        assert (location.country, location.region, location.postcode) == ("US", "NY", "11430")

    def test_a_name_shared_by_a_country_and_a_state_follows_the_city_before_it(self) -> None:
        assert country_of("Atlanta, Georgia") == "US"
        assert country_of("Tbilisi, Georgia") == "GE"
        assert country_of("Georgia") == "GE"

    def test_a_written_state_code_beats_a_state_named_like_the_city(
        self, parser: LocationParser
    ) -> None:
        location = parser.parse("Washington, DC")
        assert (location.region, location.timezone) == ("DC", "America/New_York")

    def test_a_state_zip_pair_is_not_read_as_a_country_prefixed_postcode(self) -> None:
        assert country_of("Anytown, CA 90210") == "US"

    def test_capitals_after_a_mixed_case_name_need_a_city_there_to_count_as_a_state(
        self, parser: LocationParser
    ) -> None:
        assert parser.parse("Sydney NSW").region == "NSW"
        assert country_of("Romford Worldwide DC", carrier_country="GB") == "GB"

    def test_han_characters_point_to_china(self, parser: LocationParser) -> None:
        location = parser.parse("深圳")
        assert (location.country, location.timezone) == ("CN", "Asia/Shanghai")


class TestAirports:
    def test_an_airport_code_corroborated_by_the_country_gives_its_coordinates(
        self, parser: LocationParser
    ) -> None:
        location = parser.parse("BGY, Bergamo - Italy")
        assert (location.country, location.city, location.timezone) == (
            "IT",
            "Bergamo",
            "Europe/Rome",
        )

    def test_an_airport_code_standing_alone_is_trusted(self, parser: LocationParser) -> None:
        location = parser.parse("MEL")
        assert (location.country, location.city, location.timezone) == (
            "AU",
            "Melbourne",
            "Australia/Melbourne",
        )

    def test_an_airport_code_among_other_parts_needs_corroboration(
        self, parser: LocationParser
    ) -> None:
        assert parser.parse("MEL, Berlin, DE").timezone == "Europe/Berlin"


class TestNoiseAndFallbacks:
    @pytest.mark.parametrize(
        "text", ["Transit Scan", "CUSTOMER", "International Transit", "In delivery", "T00"]
    )
    def test_texts_that_name_no_place_give_no_country_even_with_a_carrier(self, text: str) -> None:
        assert country_of(text, carrier_country="AU") is None

    def test_machine_labels_and_duplicate_country_names_are_skipped(
        self, parser: LocationParser
    ) -> None:
        location = parser.parse("SAITAMA, 34800, JP, DELIVERY_LOCATION")
        assert (location.country, location.postcode) == ("JP", "34800")

    def test_a_place_like_text_falls_back_to_the_carriers_home_country(
        self, parser: LocationParser
    ) -> None:
        detailed = parser.parse_detailed("Sklep Żabka", carrier_country="PL")
        assert detailed.location.country == "PL"
        assert detailed.location.timezone == "Europe/Warsaw"
        assert detailed.country_source is CountrySource.CARRIER_FALLBACK

    def test_without_a_carrier_an_unknown_place_stays_unknown_but_keeps_its_name(self) -> None:
        location = LocationParser(GAZETTEER).parse("Roundwood, WW")
        assert (location.country, location.city) == (None, "Roundwood")

    def test_the_carriers_home_country_breaks_ties_between_namesakes(self) -> None:
        assert country_of("Stafford DO", carrier_country="GB") == "GB"
        assert country_of("Stafford", carrier_country="US") == "US"

    def test_a_destination_phrase_does_not_locate_the_event(self) -> None:
        assert country_of("In Transit to USA") is None

    def test_a_lone_unrecognised_capitalised_code_is_not_a_place(self) -> None:
        assert country_of("FATA", carrier_country="US") is None

    @pytest.mark.parametrize("text", [None, "", "   "])
    def test_missing_text_gives_an_empty_location(self, text: str | None) -> None:
        assert LocationParser(GAZETTEER).parse(text).is_empty


class TestStructuredFieldsAndZones:
    def test_structured_fields_add_strong_evidence(self, parser: LocationParser) -> None:
        location = parser.parse(
            "Zurich Airport, CH",
            fields={"locationName": "Zurich Airport", "locationCountry": "CH"},
        )
        assert (location.country, location.city) == ("CH", "Zurich")

    def test_fields_about_another_place_are_ignored(self, parser: LocationParser) -> None:
        location = parser.parse(None, fields={"destinationCountryCode": "DE"})
        assert location.country is None

    def test_fields_alone_are_enough(self, parser: LocationParser) -> None:
        location = parser.parse(None, fields={"city": "Houston", "stateOrProvinceCode": "TX"})
        assert (location.country, location.city, location.region) == ("US", "Houston", "TX")

    def test_a_country_with_one_zone_gives_it_when_no_city_is_known(
        self, parser: LocationParser
    ) -> None:
        assert parser.parse("Unknownville, DEU").timezone == "Europe/Berlin"

    def test_an_unknown_city_before_a_code_that_is_also_a_state_reads_as_the_state(
        self, parser: LocationParser
    ) -> None:
        location = parser.parse("Unknownville, DE")
        assert (location.country, location.region) == ("US", "DE")

    def test_a_state_gives_its_zone_when_the_city_is_unknown(self, parser: LocationParser) -> None:
        assert parser.parse("SMALLTOWN, WA, 99301, US").timezone == "America/Los_Angeles"


class TestTheModuleFunctionAndCache:
    def test_parse_location_reuses_one_cached_parser_per_gazetteer(self) -> None:
        first = parse_location("Bern, CH", GAZETTEER)
        assert parse_location("Bern, CH", GAZETTEER) is first

    def test_the_cache_can_be_cleared(self, parser: LocationParser) -> None:
        first = parser.parse("Bern, CH")
        parser.cache_clear()
        second = parser.parse("Bern, CH")
        assert second == first and second is not first


class TestTokens:
    @pytest.mark.parametrize(
        ("text", "key"),
        [("Kraków", "krakow"), ("WROCŁAW", "wroclaw"), ("St. Louis", "st louis"),
         ("SAINTE-FOY", "sainte foy"), ("  Zürich  ", "zurich"), ("深圳市", "深圳市")],
    )  # fmt: skip
    def test_place_keys_ignore_case_accents_and_punctuation(self, text: str, key: str) -> None:
        assert place_key(text) == key

    @pytest.mark.parametrize(
        ("token", "value", "countries"),
        [("L5T1R8", "L5T 1R8", {"CA"}), ("sw1a1aa", "SW1A 1AA", {"GB"}),
         ("1012 AB", "1012AB", {"NL"}), ("01310-100", "01310-100", {"BR"}),
         ("99301-1234", "99301-1234", {"US"}), ("37400", "37400", set())],
    )  # fmt: skip
    def test_postcodes_are_recognised_by_shape(
        self, token: str, value: str, countries: set[str]
    ) -> None:
        shape = postcode(token)
        assert shape is not None
        assert (shape.value, set(shape.countries)) == (value, countries)

    def test_house_numbers_are_not_split_off_as_postcodes(self) -> None:
        assert split_postcode("100 Main St") == (None, "100 Main St")
        assert split_postcode("WARSZAWA 1") == (None, "WARSZAWA 1")
