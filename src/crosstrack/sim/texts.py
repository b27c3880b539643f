"""What each carrier writes for each step: its language and several wordings per step.

Chinese first-mile carriers write simplified Chinese; integrators and the posts of English-
speaking countries write English; the other destination posts write their own language.
The wordings live in :mod:`crosstrack.sim.texts_zh`, :mod:`crosstrack.sim.texts_en` and
:mod:`crosstrack.sim.texts_local`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from crosstrack.sim import texts_en, texts_local, texts_zh
from crosstrack.sim.steps import Step


@dataclass(frozen=True, slots=True)
class Style:
    """A carrier's writing: language tag, display name and wordings by step."""

    language: str
    name: str
    wordings: dict[Step, tuple[str, ...]]


STYLES: dict[str, Style] = {
    "china-post": Style("zh-Hans", "中国邮政", texts_zh.CHINA_POST),
    "china-ems": Style("zh-Hans", "中国邮政EMS", texts_zh.CHINA_POST),
    "cainiao": Style("zh-Hans", "菜鸟", texts_zh.CAINIAO),
    "yunexpress": Style("zh-Hans", "云途", texts_zh.YUNEXPRESS),
    "4px": Style("zh-Hans", "递四方", texts_zh.FOURPX),
    "hong-kong-post": Style("en", "Hongkong Post", texts_en.HONG_KONG_POST),
    "dhl": Style("en", "DHL Express", texts_en.DHL),
    "ups": Style("en", "UPS", texts_en.UPS),
    "fedex": Style("en", "FedEx", texts_en.FEDEX),
    "usps": Style("en", "USPS", texts_en.USPS),
    "royal-mail": Style("en-GB", "Royal Mail", texts_en.ROYAL_MAIL),
    "australia-post": Style("en-AU", "Australia Post", texts_en.AUSTRALIA_POST),
    "canada-post": Style("en", "Canada Post", texts_en.CANADA_POST),
    "dhl-germany": Style("de", "DHL Paket", texts_local.DHL_PAKET),
    "la-poste-colissimo": Style("fr", "Colissimo", texts_local.COLISSIMO),
    "spain-correos-es": Style("es", "Correos", texts_local.CORREOS),
    "correos-de-mexico": Style("es", "Correos de México", texts_local.CORREOS),
    "postnl": Style("nl", "PostNL", texts_local.POSTNL),
    "correios": Style("pt-BR", "Correios", texts_local.CORREIOS),
    "japan-post": Style("ja", "Japan Post", texts_local.JAPAN_POST),
    "poste-italiane": Style("it", "Poste Italiane", texts_local.POSTE_ITALIANE),
    "poczta-polska": Style("pl", "Poczta Polska", texts_local.POCZTA_POLSKA),
}
"""Every carrier the simulator writes events for, by slug."""


def display_name(carrier: str) -> str:
    """The name other carriers' texts use for ``carrier`` (Latin script)."""
    style = STYLES[carrier]
    return style.name if style.language != "zh-Hans" else carrier


def describe(
    carrier: str,
    step: Step,
    rng: random.Random,
    *,
    city: str | None = None,
    hub: str | None = None,
    country: str | None = None,
    next_carrier: str | None = None,
    number: str | None = None,
) -> tuple[str, str]:
    """The text ``carrier`` writes for ``step`` and its language tag.

    Raises ``KeyError`` when the carrier has no wording for the step (a simulator bug).
    """
    style = STYLES[carrier]
    template = rng.choice(style.wordings[step])
    chinese = style.language == "zh-Hans"
    fields = {
        "city": _city(city, chinese),
        "hub": _city(hub, chinese),
        "country": (
            texts_zh.COUNTRY_NAMES.get(country or "", country or "") if chinese else country
        )
        or "",
        "carrier": display_name(next_carrier) if next_carrier else "",
        "number": number or "",
    }
    return template.format(**fields), style.language


def _city(city: str | None, chinese: bool) -> str:
    if city is None:
        return ""
    return texts_zh.CITY_NAMES.get(city, city) if chinese else city
