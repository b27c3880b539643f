"""Country names and codes in the languages carriers write, from ``pycountry``.

ISO 3166-1 gives alpha-2 and alpha-3 codes and the English names; pycountry's gettext catalogs
give the same names in other languages (``Deutschland``, ``Allemagne``, ``Niemcy``, ``美国``).
A short table adds the everyday forms that no standard lists (``UK``, ``USA``, ``Holland``).
"""

from __future__ import annotations

import gettext

import pycountry

from crosstrack.domain.location_tokens import place_key

LANGUAGES: tuple[str, ...] = (
    "de", "fr", "es", "pt", "pt_BR", "it", "nl", "pl", "cs", "sv", "da", "nb_NO", "fi",
    "tr", "ru", "uk", "el", "zh_CN", "zh_TW", "zh_HK", "ja", "ko", "ar", "he", "id", "vi", "th",
)  # fmt: skip
"""Languages whose country names are indexed."""

EVERYDAY_NAMES: dict[str, str] = {
    "UK": "GB", "U.K.": "GB", "Great Britain": "GB", "Britain": "GB", "England": "GB",
    "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB", "Grossbritannien": "GB",
    "USA": "US", "U.S.A.": "US", "U.S.": "US", "America": "US", "United States of America": "US",
    "EE.UU.": "US", "EEUU": "US", "EUA": "US", "Etats Unis": "US",
    "Holland": "NL", "The Netherlands": "NL", "Holanda": "NL", "Hollande": "NL",
    "Korea": "KR", "Republic of Korea": "KR", "Korea, South": "KR", "North Korea": "KP",
    "Russia": "RU", "Vietnam": "VN", "Czech Republic": "CZ", "Turkey": "TR", "Iran": "IR",
    "Syria": "SY", "Laos": "LA", "Macau": "MO", "Ivory Coast": "CI", "Cape Verde": "CV",
    "Swaziland": "SZ", "Burma": "MM", "Vatican": "VA", "Palestine": "PS", "Moldova": "MD",
    "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ", "Taiwan": "TW", "Macedonia": "MK",
    "UAE": "AE", "U.A.E.": "AE", "Emirates": "AE", "KSA": "SA", "PRC": "CN", "P.R. China": "CN",
    "P.R.China": "CN", "Mainland China": "CN", "China Mainland": "CN", "中国大陆": "CN",
    "中華人民共和国": "CN", "Hongkong": "HK", "Hong Kong SAR": "HK", "Hong Kong, China": "HK",
    "Macao SAR": "MO", "Brunei": "BN", "Micronesia": "FM", "Kosovo": "XK",
    # Everyday short forms where the ISO name is the formal one ("Russian Federation").
    "Russland": "RU", "Russie": "RU", "Rusia": "RU", "Rússia": "RU", "Rosja": "RU",
    "Россия": "RU", "俄罗斯": "RU", "ロシア": "RU", "한국": "KR", "대한민국": "KR", "韓国": "KR",
    "韩国": "KR", "Südkorea": "KR", "Corée du Sud": "KR", "Corea del Sur": "KR",
    "Việt Nam": "VN", "越南": "VN", "台灣": "TW", "台湾": "TW", "Tschechien": "CZ",
}  # fmt: skip


def build_country_index() -> dict[str, str]:
    """``place_key(name or code) -> alpha-2`` for every country, in every indexed language."""
    index: dict[str, str] = {}
    countries = list(pycountry.countries)
    names: list[tuple[str, str]] = []
    for country in countries:
        alpha_2: str = country.alpha_2
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.append((str(value), alpha_2))
    for name, alpha_2 in names:
        index.setdefault(place_key(name), alpha_2)
    for language in LANGUAGES:
        try:
            catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        for name, alpha_2 in names:
            translated = catalog.gettext(name)
            key = place_key(translated)
            if translated.isascii() and len(key) < 4:
                continue
            index.setdefault(key, alpha_2)
    for name, alpha_2 in EVERYDAY_NAMES.items():
        index[place_key(name)] = alpha_2
    for country in countries:
        index[place_key(country.alpha_3)] = country.alpha_2
        index[place_key(country.alpha_2)] = country.alpha_2
    return index
