"""What the tracking page shows, worked out from a shipment and formatted for one locale.

The page is rendered on the server (it works without JavaScript); ``templates/tracking.html``
only lays out this view. Every string meant for a person goes through the locale's catalog;
dates and times through Babel for that locale. Event times are shown in the event's own time
zone, with the zone named in the viewer's language ("heure : France"), and also in the
viewer's zone when they ask for one. Country names come from CLDR; a city is named in the
viewer's language when CLDR has it (the exemplar city of its time zone: Paris → 巴黎,
Los Angeles → ロサンゼルス), else as the carrier wrote it.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import (
    format_datetime,
    format_interval,
    format_timedelta,
    get_timezone_location,
)
from babel.units import format_unit

from crosstrack.domain.model import Location, NormalizedEvent
from crosstrack.domain.shipment import Shipment
from crosstrack.domain.timeline import Timeline
from crosstrack.domain.units import Measure, Unit
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.i18n import babel_locale, direction
from crosstrack.services.buyers import BuyerView, CarrierContact
from crosstrack.web.route_map import RoutePoint, render_route_map
from crosstrack.wording import HEADLINES, MILESTONES, N_, REASONS, Gettext

STEPS: tuple[tuple[str, frozenset[Milestone]], ...] = (
    (N_("Picked up"), frozenset({Milestone.PICKED_UP, Milestone.FACILITY})),
    (N_("Export"), frozenset({Milestone.EXPORT_CUSTOMS})),
    (N_("Flight"), frozenset({Milestone.DEPARTED_ORIGIN_COUNTRY})),
    (
        N_("Import customs"),
        frozenset(
            {
                Milestone.ARRIVED_DESTINATION_COUNTRY,
                Milestone.IMPORT_CUSTOMS,
                Milestone.CUSTOMS_RELEASED,
            }
        ),
    ),
    (
        N_("Last mile"),
        frozenset(
            {
                Milestone.HANDED_TO_OTHER_CARRIER,
                Milestone.OUT_FOR_DELIVERY,
                Milestone.DELIVERY_ATTEMPT,
                Milestone.AVAILABLE_FOR_PICKUP,
            }
        ),
    ),
    (N_("Delivered"), frozenset({Milestone.DELIVERED})),
)
"""The cross-border journey as a buyer thinks of it, in order."""


@dataclass(frozen=True, slots=True)
class Step:
    label: str
    done: bool
    current: bool


@dataclass(frozen=True, slots=True)
class Line:
    when: str
    """Local time of the event, with its zone."""
    viewer_when: str | None
    """The same moment in the viewer's chosen zone (None when they chose none, or it is the
    event's own zone)."""
    label: str
    """What it means, in the viewer's language."""
    reason: str | None
    """Why, for a problem or a failed attempt (in the viewer's language)."""
    original: str
    """The carrier's own words (never hidden)."""
    place: str | None


@dataclass(frozen=True, slots=True)
class LegSection:
    carrier: str
    tracking_number: str
    tracking_url: str | None
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class AlertBox:
    kind: str
    action: str


@dataclass(frozen=True, slots=True)
class PageView:
    locale: str
    direction: str
    merchant_name: str
    order_ref: str
    headline: str
    status: str
    eta_window: str | None
    eta_note: str | None
    steps: tuple[Step, ...]
    alerts: tuple[AlertBox, ...]
    legs: tuple[LegSection, ...]
    carriers: tuple[CarrierContact, ...]
    updated: str | None
    token: str
    distance: str | None = None
    """How far the parcel has come, in the viewer's units (km, or miles in the US)."""
    weight: str | None = None
    """The parcel's weight in the viewer's units, with the carrier's own value beside it when
    it was in the other system."""
    route_map: str | None = None
    """Inline SVG of the places the parcel has been (labels escaped by its renderer)."""
    zones: tuple[tuple[str, str], ...] = field(default=())
    """(IANA zone, its name in the viewer's language) the viewer may read times in."""
    viewer_zone: str | None = None
    units: str = "metric"
    languages: tuple[tuple[str, str], ...] = field(default=())
    """(locale, its own name) for the switcher."""


def build_page(
    side: BuyerView,
    timeline: Timeline,
    *,
    merchant_name: str,
    token: str,
    locale: str,
    languages: Sequence[str],
    now: datetime,
    _: Gettext,
    imperial: bool = False,
    viewer_zone: str | None = None,
) -> PageView:
    """The page of one shipment for one locale; ``viewer_zone`` (an IANA name, already
    checked with :func:`known_zone`) adds each time in that zone."""
    shipment = side.shipment
    state = shipment.state
    loc = babel_locale(locale)
    eta = state.eta
    window = note = None
    if eta is not None and state.status not in (Status.DELIVERED, Status.RETURNED):
        window = _window(eta.p10, eta.p90, locale)
        note = _("8 in 10 parcels like yours arrive within these dates.")
    last = state.last_event_at
    return PageView(
        locale=locale,
        direction=direction(locale),
        merchant_name=merchant_name,
        order_ref=shipment.order_ref,
        headline=_(HEADLINES.get(state.status, HEADLINES[Status.IN_TRANSIT])),
        status=state.status.value,
        eta_window=window,
        eta_note=note,
        steps=_steps(timeline, _),
        alerts=tuple(AlertBox(a.kind.value, _(a.actions.buyer)) for a in side.open_alerts),
        legs=_legs(timeline, side.carriers, locale, _, viewer_zone),
        carriers=side.carriers,
        updated=(format_timedelta(last - now, add_direction=True, locale=loc) if last else None),
        token=token,
        distance=_distance(timeline, locale, imperial=imperial),
        weight=_weight(shipment, locale, _, imperial=imperial),
        route_map=_route_map(timeline, locale, _),
        languages=tuple((code, _own_name(code)) for code in languages),
        zones=_zone_choices(timeline, shipment.buyer.timezone if shipment.buyer else None, locale),
        viewer_zone=viewer_zone,
        units="imperial" if imperial else "metric",
    )


def known_zone(name: str | None) -> str | None:
    """``name`` if it is an IANA time zone this machine knows, else None."""
    if not name or len(name) > 64:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def _zone_choices(
    timeline: Timeline, buyer_zone: str | None, locale: str
) -> tuple[tuple[str, str], ...]:
    """The zones a viewer is offered: the buyer's, those of the places the parcel has been,
    and UTC (the page's script adds the device's own)."""
    names = [e.event.location.timezone for e in timeline.events if e.event.location.timezone]
    candidates = dict.fromkeys([buyer_zone, *names, "UTC"])
    return tuple(
        (name, _zone_name(name, locale)) for name in candidates if name and known_zone(name)
    )


IMPERIAL_REGIONS = frozenset({"US", "LR", "MM"})
"""Where distances are read in miles (CLDR's measurement system for these territories)."""
EARTH_KM = 6371.0088


def uses_miles(region: str | None, override: str | None) -> bool:
    """Miles for ``?units=imperial``, or a viewer from a mile-reading country by default."""
    if override in ("metric", "imperial"):
        return override == "imperial"
    return (region or "").upper() in IMPERIAL_REGIONS


def _distance(timeline: Timeline, locale: str, *, imperial: bool) -> str | None:
    """The great-circle distance along the places the parcel was scanned at, if known."""
    points = [
        (e.event.location.latitude, e.event.location.longitude)
        for e in timeline.events
        if e.affects_state
        and e.event.location.latitude is not None
        and e.event.location.longitude is not None
    ]
    km = sum(_haversine(a, b) for a, b in pairwise(points))
    if km < 1:
        return None
    loc = babel_locale(locale)
    if imperial:
        return str(format_unit(round(km / 1.609344), "length-mile", length="short", locale=loc))
    return str(format_unit(round(km), "length-kilometer", length="short", locale=loc))


_METRIC_MASS = frozenset({Unit.GRAM, Unit.KILOGRAM})
_CLDR_MASS = {
    Unit.GRAM: "mass-gram",
    Unit.KILOGRAM: "mass-kilogram",
    Unit.OUNCE: "mass-ounce",
    Unit.POUND: "mass-pound",
}
"""CLDR's names of the mass units a weight can be given in (for Babel's ``format_unit``)."""


def _weight(shipment: Shipment, locale: str, _: Gettext, *, imperial: bool) -> str | None:
    """The weight a carrier last reported (the delivering leg's first), else the merchant's,
    in kg or lb for the viewer; a carrier's value in the other system is kept beside it."""
    reported = [leg.weight for leg in reversed(shipment.legs) if leg.weight is not None]
    given = reported[0] if reported else shipment.weight
    if given is None:
        return None
    target = Unit.POUND if imperial else Unit.KILOGRAM
    shown = _mass(given.to(target), locale)
    if reported and (given.unit in _METRIC_MASS) == imperial:
        original = _mass(given, locale)
        return _("%(weight)s (the carrier gave %(original)s)") % {
            "weight": shown,
            "original": original,
        }
    return shown


def _mass(measure: Measure, locale: str) -> str:
    """``1.2 kg``, ``2.65 lb``, ``950 g``, ``3 oz`` in ``locale``'s way of writing them."""
    unit = _CLDR_MASS[measure.unit]
    pattern = "#,##0.##" if measure.unit in (Unit.KILOGRAM, Unit.POUND) else "#,##0.#"
    return str(
        format_unit(
            float(measure.value), unit, length="short", format=pattern, locale=babel_locale(locale)
        )
    )


def _haversine(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> float:
    lat1, lon1, lat2, lon2 = (math.radians(v or 0.0) for v in (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def _own_name(code: str) -> str:
    """A language's name in itself ("français"), for the switcher."""
    own = babel_locale(code)
    return str(own.get_display_name(own) or code)


def _window(first: date, last: date, locale: str) -> str:
    """``Tue, Dec 1 – Fri, Dec 4`` (one day when both are the same), in ``locale``."""
    return str(format_interval(first, last, skeleton="MMMEd", locale=babel_locale(locale)))


def _steps(timeline: Timeline, _: Gettext) -> tuple[Step, ...]:
    reached = {e.event.milestone for e in timeline.events if e.affects_state}
    done = [bool(milestones & reached) for _label, milestones in STEPS]
    last_done = max((n for n, d in enumerate(done) if d), default=-1)
    return tuple(
        Step(_(label), done=n <= last_done, current=n == last_done)
        for n, (label, _m) in enumerate(STEPS)
    )


def _legs(
    timeline: Timeline,
    carriers: Sequence[CarrierContact],
    locale: str,
    _: Gettext,
    viewer_zone: str | None = None,
) -> tuple[LegSection, ...]:
    by_number = {c.tracking_number: c for c in carriers}
    sections = []
    for leg in timeline.legs:
        events = [e.event for e in timeline.events if e.leg == leg.id]
        contact = by_number.get(leg.id.tracking_number) or next(
            (c for c in carriers if c.carrier == leg.id.carrier), None
        )
        lines = tuple(_line(event, locale, _, viewer_zone) for event in reversed(events))
        sections.append(
            LegSection(
                carrier=(contact.name if contact and contact.name else leg.id.carrier) or "",
                tracking_number=leg.id.tracking_number
                or (contact.tracking_number if contact else ""),
                tracking_url=contact.tracking_url if contact else None,
                lines=lines,
            )
        )
    return tuple(reversed(sections))


def _line(event: NormalizedEvent, locale: str, _: Gettext, viewer_zone: str | None) -> Line:
    at = event.occurred_at
    loc = babel_locale(locale)
    when = viewer_when = ""
    zone, zone_name = _zone(event)
    if at is not None:
        local = format_datetime(at, "medium", tzinfo=zone, locale=loc)
        when = f"{local} ({_zone_name(zone_name, locale)})"
        if viewer_zone and viewer_zone != zone_name:
            shown = format_datetime(at, "medium", tzinfo=ZoneInfo(viewer_zone), locale=loc)
            viewer_when = f"{shown} ({_zone_name(viewer_zone, locale)})"
    return Line(
        when=when,
        viewer_when=viewer_when or None,
        label=_(MILESTONES.get(event.milestone, MILESTONES[Milestone.NONE])),
        reason=_(REASONS[event.reason]) if event.reason in REASONS else None,
        original=event.raw.description,
        place=_place_name(event.location, locale),
    )


def _place_name(location: Location, locale: str) -> str | None:
    """``city, country`` in the viewer's language as far as the data allows."""
    country = location.country
    country_name = babel_locale(locale).territories.get(country.upper()) if country else None
    city = _city_name(location.city, location.timezone, locale)
    separator = "، " if locale.split("-")[0] == "ar" else ", "  # the Arabic comma
    return separator.join(p for p in (city, country_name or country) if p) or None


def _route_map(timeline: Timeline, locale: str, _: Gettext) -> str | None:
    """The map of the places the parcel was scanned at, in order (None: none located)."""
    located = [
        e.event.location
        for e in timeline.events
        if e.affects_state and e.event.location.latitude is not None
    ]
    points = [
        RoutePoint(
            place.latitude,
            place.longitude,
            _place_name(place, locale) or "",
            current=n == len(located) - 1,
        )
        for n, place in enumerate(located)
    ]
    return render_route_map(points, _("Where your parcel has been"))


def _zone_name(name: str, locale: str) -> str:
    """A zone as people of ``locale`` call it ("France Time", "法国时间"); UTC offsets and
    UTC stay as they are."""
    if name == "UTC" or name.startswith("UTC+") or name.startswith("UTC-"):
        return name
    try:
        return str(get_timezone_location(ZoneInfo(name), locale=babel_locale(locale)))
    except (ZoneInfoNotFoundError, ValueError, LookupError):
        return name


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ")


def _city_name(city: str | None, zone: str | None, locale: str) -> str | None:
    """The city in the viewer's language when CLDR names it: the exemplar city of its own
    time zone (``Paris`` in Europe/Paris is 巴黎 in Chinese). Other cities keep the name the
    carrier gave: no data we ship translates them."""
    if not city or not zone or "/" not in zone:
        return city
    try:
        tz = ZoneInfo(zone)
        english = get_timezone_location(tz, locale="en", return_city=True)
        if _fold(str(english)) != _fold(city):
            return city
        return str(get_timezone_location(tz, locale=babel_locale(locale), return_city=True))
    except (ZoneInfoNotFoundError, ValueError, LookupError):
        return city


def _zone(event: NormalizedEvent) -> tuple[tzinfo, str]:
    name = event.location.timezone
    if name:
        try:
            return ZoneInfo(name), name
        except (ZoneInfoNotFoundError, ValueError):
            pass
    minutes = event.utc_offset_minutes
    if minutes is not None:
        sign = "+" if minutes >= 0 else "-"
        hours, rest = divmod(abs(minutes), 60)
        return timezone(timedelta(minutes=minutes)), f"UTC{sign}{hours:02d}:{rest:02d}"
    return UTC, "UTC"
