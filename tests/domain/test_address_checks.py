"""Address checks: each rule finds its problem, says how bad it is and what to do, and stays
quiet where the address is fine (pure: hand-made postal rules, no data package)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crosstrack.domain.address_checks import (
    ADDRESS_FIELDS,
    AddressField,
    AddressProblem,
    PostalAddress,
    ProblemCode,
    ProblemSeverity,
    check_address,
    missing_house_number,
    phone_problem,
)
from crosstrack.domain.address_risk import (
    problems_in,
    risk_cause,
    risk_evidence,
    risk_severity,
    still_risky,
)
from crosstrack.domain.address_rules import (
    CountryRules,
    Subdivision,
    canonical_postcode,
    closest_subdivision,
    find_subdivision,
)
from crosstrack.domain.alerts import ACTIONS, SEVERITY, AlertKind, Severity
from crosstrack.domain.buyer_requests import ANSWERS, BuyerRequestKind
from crosstrack.domain.writing_scripts import Script, script_of, scripts_in, unreadable_at

CALIFORNIA = Subdivision("CA", ("CA", "California"), postcode_prefix="9[0-5]|96[01]")
NEW_YORK = Subdivision("NY", ("NY", "New York"), postcode_prefix="1[0-4]|06390|00501|00544")
MASSACHUSETTS = Subdivision("MA", ("MA", "Massachusetts"), postcode_prefix="01|02[0-7]|05501")
US = CountryRules(
    country="US",
    name="the United States",
    has_region=True,
    has_postcode=True,
    region_required=True,
    city_required=True,
    postcode_required=True,
    postcode_pattern=r"(\d{5})(?:[ \-](\d{4}))?",
    postcode_examples=("95014", "22162-1010"),
    postcode_label="ZIP code",
    region_label="state",
    regions=(CALIFORNIA, NEW_YORK, MASSACHUSETTS),
)
GB = CountryRules(
    country="GB",
    name="the United Kingdom",
    has_postcode=True,
    city_required=True,
    postcode_required=True,
    postcode_pattern=r"GIR ?0AA|[A-Z]{1,2}\d[\dA-Z]? ?\d[A-Z]{2}",
    postcode_examples=("EC1Y 8SY", "GIR 0AA", "M2 5BQ", "M34 4AB"),
    city_label="post town",
)
DE = CountryRules(
    country="DE",
    name="Germany",
    has_postcode=True,
    city_required=True,
    postcode_required=True,
    postcode_pattern=r"\d{5}",
    postcode_examples=("26133", "53225"),
)
JP = CountryRules(
    country="JP",
    name="Japan",
    has_region=True,
    has_city=False,
    has_postcode=True,
    region_required=True,
    postcode_required=True,
    postcode_pattern=r"\d{3}-?\d{4}",
    postcode_examples=("154-0023", "350-1106"),
    region_label="prefecture",
    regions=(
        Subdivision("東京都", ("東京都", "Tokyo"), "Tokyo", "1[0-8]|19[0-8]|20"),
        Subdivision("大阪府", ("大阪府", "Osaka"), "Osaka", "5[3-9]|618"),
    ),
)
SEOUL = Subdivision(
    "서울특별시",
    ("서울특별시", "서울", "Seoul"),
    "Seoul",
    "0[1-8]",
    cities=(
        Subdivision("강남구", ("강남구", "Gangnam-gu"), "Gangnam-gu", "06[0-3]"),
        Subdivision("종로구", ("종로구", "Jongno-gu"), "Jongno-gu", "03[01]"),
    ),
)
KR = CountryRules(
    country="KR",
    name="South Korea",
    has_region=True,
    has_postcode=True,
    postcode_pattern=r"\d{5}",
    postcode_examples=("03051",),
    regions=(SEOUL,),
)
IE = CountryRules(
    country="IE",
    name="Ireland",
    has_region=True,
    has_postcode=True,
    postcode_pattern=r"[\dA-Z]{3} ?[\dA-Z]{4}",
    postcode_examples=("A65 F4E2",),
    region_label="county",
    regions=(Subdivision("Co. Dublin", ("Co. Dublin",)), Subdivision("Co. Cork", ("Co. Cork",))),
)
GOOD_US = PostalAddress("US", "CA", "San Francisco", "94105", ("1 Market St",))


def _codes(address: PostalAddress, rules: CountryRules | None, **kwargs: bool) -> list[str]:
    return [p.code.value for p in check_address(address, rules, **kwargs).problems]


def _only(address: PostalAddress, rules: CountryRules | None, **kwargs: bool) -> AddressProblem:
    (problem,) = check_address(address, rules, **kwargs).problems
    return problem


def test_a_good_address_has_no_problem_and_is_valid() -> None:
    check = check_address(GOOD_US, US)
    assert check.problems == () and check.valid and check.risky() == []


# The postcode


def test_a_required_postcode_left_out_is_an_error() -> None:
    problem = _only(PostalAddress("DE", city="Berlin", address_lines=("Unter den Linden 1",)), DE)
    assert (problem.field, problem.code, problem.severity) == (
        AddressField.POSTCODE,
        ProblemCode.POSTCODE_MISSING,
        ProblemSeverity.ERROR,
    )
    assert problem.message == "A postcode is required for addresses in Germany."


def test_nothing_left_out_is_a_problem_in_an_address_known_to_be_partial() -> None:
    assert _codes(PostalAddress("US"), US, complete=False) == []
    assert _codes(PostalAddress("US"), US) == ["postcode_missing", "region_missing", "city_missing"]


def test_a_postcode_of_the_wrong_shape_is_an_error_showing_real_examples() -> None:
    problem = _only(PostalAddress("DE", city="Berlin", postcode="1011"), DE)
    assert (problem.code, problem.severity, problem.suggestion) == (
        ProblemCode.POSTCODE_MALFORMED,
        ProblemSeverity.ERROR,
        None,
    )
    assert problem.message == "'1011' is not a postcode of Germany (for example 26133 or 53225)."


def test_lost_leading_zeros_are_suggested_only_when_the_region_confirms_them() -> None:
    boston = PostalAddress("US", "MA", "Boston", "2134", ("1 Main St",))
    problem = _only(boston, US)
    assert (problem.code, problem.suggestion) == (ProblemCode.POSTCODE_MALFORMED, "02134")
    assert "lost its leading zeros" in problem.message
    unknown_state = check_address(PostalAddress("US", "", "Boston", "2134"), US, complete=False)
    assert [p.suggestion for p in unknown_state.problems] == [None]


@pytest.mark.parametrize(
    ("rules", "given", "canonical"),
    [
        (GB, "SW1A1AA", "SW1A 1AA"),
        (GB, "sw1a-1aa", "SW1A 1AA"),
        (GB, "m25bq", "M2 5BQ"),
        (DE, "D-10115", "10115"),
        (DE, "10115 ", "10115"),
        (JP, "1540023", "154-0023"),
        (US, "94105 1234", "94105-1234"),
    ],
)
def test_a_valid_postcode_written_another_way_is_a_warning_with_the_posts_layout(
    rules: CountryRules, given: str, canonical: str
) -> None:
    check = check_address(PostalAddress(rules.country, postcode=given), rules, complete=False)
    codes = [(p.code, p.severity, p.suggestion) for p in check.problems]
    assert (ProblemCode.POSTCODE_FORMAT, ProblemSeverity.WARNING, canonical) in codes
    assert check.normalized.postcode == canonical
    assert check.valid


def test_a_postcode_as_the_post_writes_it_is_no_problem() -> None:
    assert _codes(PostalAddress("GB", city="London", postcode="SW1A 1AA"), GB) == []


def test_canonical_postcodes_never_invent_a_postcode() -> None:
    assert canonical_postcode("SW1A 1AAX", GB) is None
    assert canonical_postcode("X-10115", DE) is None  # not Germany's prefix
    assert canonical_postcode("9410", US) is None  # a digit short: no guess


# The region


def test_a_required_region_left_out_is_an_error_suggesting_the_postcodes_region() -> None:
    problem = _only(PostalAddress("US", "", "San Francisco", "94105", ("1 Market St",)), US)
    assert (problem.field, problem.code, problem.suggestion) == (
        AddressField.REGION,
        ProblemCode.REGION_MISSING,
        "CA",
    )
    assert problem.message == (
        "A state is required for addresses in the United States. "
        "The ZIP code 94105 is in California (CA)."
    )


def test_an_unknown_region_is_an_error_with_the_obvious_one_suggested() -> None:
    problem = _only(PostalAddress("US", "Califrnia", "San Francisco", "94105", ("1 Market",)), US)
    assert (problem.code, problem.severity, problem.suggestion) == (
        ProblemCode.REGION_UNKNOWN,
        ProblemSeverity.ERROR,
        "CA",
    )
    assert problem.message.endswith("Did you mean California (CA)?")


def test_an_unknown_optional_region_is_only_a_warning() -> None:
    problem = _only(PostalAddress("IE", "Atlantis", "Dublin"), IE)
    assert (problem.code, problem.severity) == (ProblemCode.REGION_UNKNOWN, ProblemSeverity.WARNING)
    assert not problem.risky


@pytest.mark.parametrize(
    ("rules", "given", "key"),
    [
        (US, "california", "CA"),
        (US, "ca", "CA"),
        (JP, "東京", "東京都"),
        (JP, "tokyo-to", "東京都"),
        (IE, "Dublin", "Co. Dublin"),
        (IE, "county cork", "Co. Cork"),
    ],
)
def test_a_region_is_found_by_any_name_case_and_accents_and_words_like_province_aside(
    rules: CountryRules, given: str, key: str
) -> None:
    found = find_subdivision(given, rules.regions)
    assert found is not None and found.key == key


def test_a_near_miss_is_only_suggested_when_one_region_is_close() -> None:
    assert closest_subdivision("Massachusets", US.regions) == MASSACHUSETTS
    assert closest_subdivision("New", (NEW_YORK, Subdivision("NJ", ("NJ", "New Jersey")))) is None
    assert closest_subdivision("Texas", US.regions) is None


def test_the_region_is_normalized_to_its_key_in_the_script_of_the_address() -> None:
    assert check_address(replace(GOOD_US, region="california"), US).normalized.region == "CA"
    latin = PostalAddress("JP", "tokyo", postcode="154-0023", address_lines=("1-2-3 Sangenjaya",))
    assert check_address(latin, JP).normalized.region == "tokyo"
    native = PostalAddress("JP", "東京", postcode="154-0023", address_lines=("三軒茶屋一丁目",))
    assert check_address(native, JP).normalized.region == "東京都"


def test_a_postcode_outside_the_region_is_an_error_naming_the_right_one() -> None:
    problem = _only(replace(GOOD_US, region="NY"), US)
    assert (problem.field, problem.code, problem.severity, problem.suggestion) == (
        AddressField.REGION,
        ProblemCode.REGION_POSTCODE_MISMATCH,
        ProblemSeverity.ERROR,
        "CA",
    )
    assert problem.message == (
        "The ZIP code 94105 is not in New York (NY); it is in California (CA). "
        "Check the state and the ZIP code."
    )


def test_the_right_region_in_a_latin_address_is_suggested_by_its_latin_name() -> None:
    osaka = PostalAddress("JP", "Osaka", postcode="154-0023", address_lines=("1-2-3 Sangenjaya",))
    problem = _only(osaka, JP)
    assert (problem.code, problem.suggestion) == (ProblemCode.REGION_POSTCODE_MISMATCH, "Tokyo")


# The city


def test_a_city_the_postcode_is_not_in_is_an_error_where_the_data_has_city_prefixes() -> None:
    gangnam = PostalAddress("KR", "Seoul", "Gangnam-gu", "03051", ("1 Teheran-ro",))
    problem = _only(gangnam, KR)
    assert (problem.field, problem.code, problem.suggestion) == (
        AddressField.CITY,
        ProblemCode.CITY_POSTCODE_MISMATCH,
        "Jongno-gu",
    )
    assert _codes(PostalAddress("KR", "Seoul", "Jongno-gu", "03051", ("1 Jong-ro",)), KR) == []


def test_a_city_without_data_is_never_judged_against_the_postcode() -> None:
    assert _codes(PostalAddress("US", "CA", "Anywhere At All", "94105", ("1 Main",)), US) == []
    assert _codes(PostalAddress("KR", "Seoul", "Nowhere-gu", "03051", ("1 Jong-ro",)), KR) == []


def test_a_required_city_left_out_is_an_error_named_as_the_country_names_it() -> None:
    problem = _only(PostalAddress("GB", postcode="SW1A 1AA", address_lines=("10 Downing St",)), GB)
    assert problem.code is ProblemCode.CITY_MISSING
    assert problem.message == "A post town is required for addresses in the United Kingdom."


# The house number


def test_street_lines_without_any_number_are_a_risky_warning() -> None:
    problem = _only(
        PostalAddress("DE", city="Berlin", postcode="10115", address_lines=("Unter den Linden",)),
        DE,
    )
    assert (problem.field, problem.code, problem.severity) == (
        AddressField.ADDRESS_LINES,
        ProblemCode.HOUSE_NUMBER_MISSING,
        ProblemSeverity.WARNING,
    )
    assert problem.risky
    assert "Unter den Linden" not in problem.message  # street lines are never repeated


@pytest.mark.parametrize(
    ("country", "lines"),
    [
        ("DE", ("Unter den Linden 77",)),
        ("DE", ("Hinterhaus", "Unter den Linden 77")),  # a number on any line
        ("JP", ("三軒茶屋一丁目",)),  # a number in Han numerals
        ("ES", ("Calle Mayor s/n",)),  # "no number", on purpose
        ("BR", ("Rua das Flores, sem número",)),
        ("FR", ("Poste restante",)),
        ("GB", ("Rose Cottage", "High Street")),  # a house name, normal there
        ("IE", ("Ballymaloe House",)),
        ("DE", ()),
        ("DE", ("  ",)),
    ],
)
def test_no_house_number_warning_where_a_number_is_there_or_not_the_norm(
    country: str, lines: tuple[str, ...]
) -> None:
    assert not missing_house_number(country, lines)


# The script


def test_letters_a_destinations_carriers_cannot_read_are_an_error_per_field() -> None:
    berlin = PostalAddress(
        "DE", city="Берлин", postcode="10115", address_lines=("Инвалиденштрассе 1",)
    )
    check = check_address(berlin, DE)
    assert [(p.field, p.code, p.severity) for p in check.problems] == [
        (AddressField.CITY, ProblemCode.SCRIPT_UNREADABLE, ProblemSeverity.ERROR),
        (AddressField.ADDRESS_LINES, ProblemCode.SCRIPT_UNREADABLE, ProblemSeverity.ERROR),
    ]
    assert check.problems[0].message == (
        "The city is written in Cyrillic, which carriers in Germany cannot read: "
        "write it in Latin letters."
    )
    assert not check.valid


@pytest.mark.parametrize(
    ("country", "text", "foreign"),
    [
        ("RU", "Москва, ул. Тверская 1", []),
        ("JP", "東京都世田谷区三軒茶屋１丁目 カフェ", []),
        ("KR", "서울 종로구 1", []),
        ("CN", "北京市长安街1号", []),
        ("SA", "الرياض", []),
        ("GR", "Αθήνα", []),
        ("IL", "תל אביב", []),
        ("TH", "กรุงเทพ", []),
        ("FR", "Zoë, Œuvre, Straße, Łódź, Ｔｏｋｙｏ", []),  # Latin with marks, full width
        ("FR", "12-34 / #5, ★", []),  # no letters
        ("BR", "São Paulo 北京", [Script.HAN]),
        ("JP", "서울", [Script.HANGUL]),
        ("KR", "東京", [Script.HAN]),
        ("US", "Київ", [Script.CYRILLIC]),
        ("DE", "Αθήνα 東京", [Script.GREEK, Script.HAN]),
    ],
)
def test_scripts_are_read_from_the_letters_the_destinations_own_and_latin_are_fine(
    country: str, text: str, foreign: list[Script]
) -> None:
    assert unreadable_at(country, text) == foreign


def test_script_of_classifies_letters_and_ignores_everything_else() -> None:
    assert [script_of(ch) for ch in "aЖ字かカ한α"] == [
        Script.LATIN,
        Script.CYRILLIC,
        Script.HAN,
        Script.HIRAGANA,
        Script.KATAKANA,
        Script.HANGUL,
        Script.GREEK,
    ]
    assert scripts_in("123 -/, ") == frozenset()


# Without country data


def test_without_the_countrys_rules_only_the_rules_of_our_own_apply() -> None:
    address = PostalAddress("ZZ", "?", "Город", "??", ("Main Street",))
    assert _codes(address, None) == ["script_unreadable", "house_number_missing"]


# Risk and the address_risk alert


def test_errors_and_the_risky_warnings_put_the_delivery_at_risk() -> None:
    assert phone_problem("not a number").risky
    assert phone_problem("not a number").severity is ProblemSeverity.WARNING
    format_only = check_address(PostalAddress("GB", city="London", postcode="SW1A1AA"), GB)
    assert format_only.problems and format_only.risky() == []


def test_the_alert_kind_has_actions_a_severity_and_buyer_requests_that_answer_it() -> None:
    assert AlertKind.ADDRESS_RISK in ACTIONS and SEVERITY[AlertKind.ADDRESS_RISK] is Severity.HIGH
    assert AlertKind.ADDRESS_RISK in ANSWERS[BuyerRequestKind.ADDRESS]
    assert AlertKind.ADDRESS_RISK in ANSWERS[BuyerRequestKind.PHONE]
    assert AlertKind.ADDRESS_RISK not in ANSWERS[BuyerRequestKind.DELIVERY_NOTE]


def test_the_evidence_lists_every_problem_and_reads_back() -> None:
    check = check_address(PostalAddress("US", "NY", "SF", "94105", ("Market St",)), US)
    evidence = risk_evidence(check.problems)
    assert (evidence["errors"], evidence["warnings"]) == (1, 1)
    assert problems_in(evidence) == list(check.problems)
    assert problems_in({"problems": [{"field": "nowhere"}, "junk"]}) == []
    assert risk_cause(check.risky()) == (
        "address_risk:address_lines.house_number_missing+region.region_postcode_mismatch"
    )


def test_the_alert_is_high_with_an_error_and_medium_with_warnings_only() -> None:
    phone = phone_problem("no such number")
    error = _only(replace(GOOD_US, region="NY"), US)
    assert risk_severity([phone]) is Severity.MEDIUM
    assert risk_severity([phone, error]) is Severity.HIGH


def test_a_correction_settles_the_fields_it_corrects_and_leaves_the_others_standing() -> None:
    phone = phone_problem("no such number")
    postcode = _only(PostalAddress("DE", city="Berlin", postcode="1011"), DE)
    before = [phone, postcode]
    assert still_risky(before, [], {AddressField.PHONE}) == [postcode]
    assert still_risky(before, [], ADDRESS_FIELDS) == [phone]
    assert still_risky([postcode], [postcode], ADDRESS_FIELDS) == [postcode]  # still wrong
    assert still_risky([postcode], [], ADDRESS_FIELDS) == []
