"""17TRACK API v2.2 answers and pushes → tracking results (pure: no I/O).

Shapes, as 17TRACK documents them (https://api.17track.net/en/doc?version=v2.2):

* every answer is ``{"code": 0, "data": {"accepted": [...], "rejected": [...]}}``; a
  whole-request failure has a non-zero ``code`` and ``data.errors[]``;
* a rejected number is ``{"number", "error": {"code", "message"}}``;
* an accepted ``gettrackinfo`` item is ``{"number", "carrier", "track_info": {...}}`` where
  ``track_info.tracking.providers[]`` each carry ``provider{key, name, ...}`` and ``events[]``
  with ``time_iso``, ``time_utc``, ``time_raw{date, time, timezone}``, ``description``,
  ``location``, ``stage``, ``sub_status`` and ``address{country, state, city, ...}``;
* a push is ``{"event": "TRACKING_UPDATED" | "TRACKING_STOPPED", "data": <accepted item>}``;
* ``track_info.misc_info`` has ``weight_raw`` (the weight as the carrier wrote it, which may
  or may not name its unit: ``"0.21"``) and ``weight_kg`` (17TRACK's reading of it in kg).

One number may have an origin and a destination provider: each event keeps its provider's
name as its carrier, and its ``sub_status`` as its code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierError,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.carriers.payload import nested
from crosstrack.carriers.weights import reported_weight, weight_in_text
from crosstrack.domain.model import RawEvent
from crosstrack.domain.units import Measure, Unit

SLUG = "17track"

ALREADY_REGISTERED = -18019901
"""``register``: the number is already registered (harmless)."""
NOT_REGISTERED = -18019902
"""``gettrackinfo``: the number was never registered."""
CARRIER_NOT_DETECTED = -18019903
"""``register``: 17TRACK could not tell which carrier the number belongs to."""
NO_INFO_YET = -18019909
"""``gettrackinfo``: registered, but the carrier has given no information yet."""
INVALID_NUMBER = -18010012
"""The number's format is invalid."""

_AUTH_CODES = frozenset({-18010001, -18010002, -18010004, -18010005})
"""IP not allowed, invalid security key, account disabled, access not allowed."""
_UNAVAILABLE_CODES = frozenset({-18010003})
"""17TRACK's internal service error: try later."""
_NOT_FOUND_CODES = frozenset({NOT_REGISTERED, NO_INFO_YET})
_INVALID_CODES = frozenset({INVALID_NUMBER})

TRACKING_UPDATED = "TRACKING_UPDATED"
TRACKING_STOPPED = "TRACKING_STOPPED"

_ADDRESS_PARTS = ("city", "state", "postal_code", "country")


def data_of(body: Any) -> Mapping[str, Any]:
    """The ``data`` object of an answer; raises the matching ``CarrierError`` when the whole
    request was refused (non-zero ``code``), ``MalformedPayload`` when the shape is wrong."""
    envelope = _mapping(body, "the answer")
    code = envelope.get("code")
    if not isinstance(code, int) or isinstance(code, bool):
        raise MalformedPayload("17TRACK answer has no integer 'code'")
    data = envelope.get("data")
    if code != 0:
        detail = f"{code}: {_first_error(data) or 'no message'}"
        if code in _AUTH_CODES:
            raise CarrierAuthenticationFailed(f"17TRACK refused our credentials ({detail})")
        if code in _UNAVAILABLE_CODES:
            raise CarrierUnavailable(f"17TRACK is unavailable ({detail})")
        raise CarrierError(f"17TRACK refused the request ({detail})")
    return _mapping(data, "'data'")


def parse_register(body: Any) -> dict[str, TrackingResult]:
    """The numbers ``register`` refused, as results keyed by :func:`number_key` (an already
    registered number is fine and absent); the others can be asked with ``gettrackinfo``."""
    data = data_of(body)
    _list(data.get("accepted", []), "'data.accepted'")
    refused: dict[str, TrackingResult] = {}
    for item in _list(data.get("rejected", []), "'data.rejected'"):
        number, code, message = _rejection(item)
        if code == ALREADY_REGISTERED:
            continue
        refused[number_key(number)] = _refused(number, code, message)
    return refused


def parse_track_info(body: Any, numbers: Sequence[str]) -> list[TrackingResult]:
    """One result per number asked, in order; numbers the answer omits are ``NOT_FOUND``."""
    data = data_of(body)
    found: dict[str, TrackingResult] = {}
    for item in _list(data.get("accepted", []), "'data.accepted'"):
        result = parse_item(item)
        found.setdefault(number_key(result.tracking_number), result)
    for item in _list(data.get("rejected", []), "'data.rejected'"):
        number, code, message = _rejection(item)
        found.setdefault(number_key(number), _refused(number, code, message))
    return [_answer_for(number, found) for number in numbers]


def parse_push(body: Any) -> tuple[TrackingResult, ...]:
    """The results of a push: ``TRACKING_UPDATED`` carries one number's full tracking;
    ``TRACKING_STOPPED`` (17TRACK stopped tracking it) and unknown events carry none."""
    push = _mapping(body, "the push")
    event = push.get("event")
    if not isinstance(event, str):
        raise MalformedPayload("17TRACK push has no 'event'")
    data = _mapping(push.get("data"), "the push's 'data'")
    if event != TRACKING_UPDATED:
        return ()
    return (parse_item(data),)


def parse_item(item: Any) -> TrackingResult:
    """One accepted ``gettrackinfo`` item (or a push's ``data``) → its result."""
    entry = _mapping(item, "an accepted item")
    number = _required_text(entry, "number", "an accepted item")
    info = entry.get("track_info")
    if info is None:
        return TrackingResult(number, Outcome.NOT_FOUND, error="no tracking information yet")
    track_info = _mapping(info, f"'track_info' of {number}")
    providers = _providers(track_info, number)
    events = tuple(event for provider in providers for event in _provider_events(provider, number))
    status, sub_status = _latest_status(track_info, number)
    carrier = _main_carrier(providers, entry.get("carrier"))
    if not events and status == "NotFound":
        outcome = Outcome.INVALID if sub_status == "NotFound_InvalidCode" else Outcome.NOT_FOUND
        return TrackingResult(number, outcome, error=sub_status or status, carrier=carrier)
    return TrackingResult(
        number,
        Outcome.FOUND,
        events=events,
        carrier=carrier,
        linked_numbers=_linked_numbers(track_info, number),
        estimated_delivery=_estimated_delivery(track_info),
        weight=_weight(track_info),
    )


def _weight(track_info: Mapping[str, Any]) -> Measure | None:
    # The carrier's own text when it names its unit ("1.5 lb"); a bare number has no unit we
    # could vouch for, so then 17TRACK's kilograms.
    misc = track_info.get("misc_info")
    raw = weight_in_text(SLUG, nested(misc, "weight_raw"))
    return raw or reported_weight(SLUG, nested(misc, "weight_kg"), Unit.KILOGRAM)


def number_key(number: str) -> str:
    """How answers are matched to the numbers asked: upper case, no spaces."""
    return "".join(number.split()).upper()


def _answer_for(number: str, found: Mapping[str, TrackingResult]) -> TrackingResult:
    result = found.get(number_key(number))
    if result is None:
        return TrackingResult(number, Outcome.NOT_FOUND, error="not in 17TRACK's answer")
    if result.tracking_number == number:
        return result
    return replace(result, tracking_number=number)


def _refused(number: str, code: int, message: str) -> TrackingResult:
    text = f"{code}: {message}"
    if code in _NOT_FOUND_CODES:
        return TrackingResult(number, Outcome.NOT_FOUND, error=text)
    if code in _INVALID_CODES:
        return TrackingResult(number, Outcome.INVALID, error=text)
    return TrackingResult(number, Outcome.ERROR, error=text)


def _rejection(item: Any) -> tuple[str, int, str]:
    entry = _mapping(item, "a rejected item")
    number = _required_text(entry, "number", "a rejected item")
    error = _mapping(entry.get("error"), f"the error of {number}")
    code = error.get("code")
    if not isinstance(code, int) or isinstance(code, bool):
        raise MalformedPayload(f"17TRACK error of {number} has no integer 'code'")
    message = error.get("message")
    return number, code, message if isinstance(message, str) else ""


def _providers(track_info: Mapping[str, Any], number: str) -> list[Mapping[str, Any]]:
    tracking = track_info.get("tracking")
    if tracking is None:
        return []
    block = _mapping(tracking, f"'tracking' of {number}")
    return [
        _mapping(p, f"a provider of {number}")
        for p in _list(block.get("providers") or [], f"'providers' of {number}")
    ]


def _provider_events(provider: Mapping[str, Any], number: str) -> Iterable[RawEvent]:
    about = provider.get("provider")
    details = _mapping(about, f"a provider of {number}") if about is not None else {}
    name = _text(details, "name", number) or _text(details, "alias", number)
    key = details.get("key")
    for raw in _list(provider.get("events") or [], f"'events' of {number}"):
        yield _event(_mapping(raw, f"an event of {number}"), name, key, number)


def _event(raw: Mapping[str, Any], carrier: str | None, key: Any, number: str) -> RawEvent:
    time_raw = raw.get("time_raw")
    address = raw.get("address")
    fields = _address_fields(address, number)
    extra: dict[str, Any] = {
        name: value
        for name, value in (
            ("code_table", SLUG),  # raw_status_code is 17TRACK's, whoever scanned
            ("stage", _text(raw, "stage", number)),
            ("sub_status_descr", _text(raw, "sub_status_descr", number)),
            ("time_utc", _text(raw, "time_utc", number)),
            ("time_raw", _time_raw(time_raw, number)),
            ("provider_key", key if isinstance(key, int) and not isinstance(key, bool) else None),
            ("location_fields", fields or None),
        )
        if value is not None
    }
    return RawEvent(
        description=_text(raw, "description", number) or "",
        carrier=carrier or SLUG,
        raw_status_code=_text(raw, "sub_status", number),
        location=_text(raw, "location", number) or _joined(fields),
        timestamp=_timestamp(raw, time_raw, number),
        tracking_number=number,
        extra=extra,
    )


def _timestamp(raw: Mapping[str, Any], time_raw: Any, number: str) -> str | None:
    # time_iso is the carrier's local time with its offset; time_raw is the carrier's own
    # text (kept in extra) and time_utc the UTC instant: the fallbacks, in that order.
    iso = _text(raw, "time_iso", number)
    if iso:
        return iso
    as_given = _raw_time_text(_time_raw(time_raw, number))
    return as_given or _text(raw, "time_utc", number)


def _time_raw(value: Any, number: str) -> dict[str, str] | str | None:
    if value is None or isinstance(value, str):
        return value or None
    parts = _mapping(value, f"'time_raw' of {number}")
    kept = {k: _text(parts, k, number) for k in ("date", "time", "timezone")}
    return {k: v for k, v in kept.items() if v}


def _raw_time_text(value: dict[str, str] | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    text = " ".join(value[k] for k in ("date", "time") if k in value)
    if text and "timezone" in value:
        text = f"{text}{value['timezone']}"
    return text or None


def _address_fields(address: Any, number: str) -> dict[str, str]:
    if address is None:
        return {}
    parts = _mapping(address, f"'address' of {number}")
    found = {k: _text(parts, k, number) for k in (*_ADDRESS_PARTS, "street")}
    return {k: v for k, v in found.items() if v}


def _joined(fields: Mapping[str, str]) -> str | None:
    text = ", ".join(fields[k] for k in ("street", *_ADDRESS_PARTS) if k in fields)
    return text or None


def _latest_status(track_info: Mapping[str, Any], number: str) -> tuple[str | None, str | None]:
    latest = track_info.get("latest_status")
    if latest is None:
        return None, None
    block = _mapping(latest, f"'latest_status' of {number}")
    return _text(block, "status", number), _text(block, "sub_status", number)


def _main_carrier(providers: Sequence[Mapping[str, Any]], carrier_key: Any) -> str | None:
    names: list[tuple[Any, str]] = []
    for provider in providers:
        about = provider.get("provider")
        if isinstance(about, Mapping) and isinstance(about.get("name"), str):
            names.append((about.get("key"), about["name"]))
    for key, name in names:
        if key == carrier_key:
            return name
    return names[0][1] if names else None


def _linked_numbers(track_info: Mapping[str, Any], number: str) -> tuple[str, ...]:
    misc = track_info.get("misc_info")
    if not isinstance(misc, Mapping):
        return ()
    local = misc.get("local_number")
    if isinstance(local, str) and local.strip() and number_key(local) != number_key(number):
        return (local.strip(),)
    return ()


def _estimated_delivery(track_info: Mapping[str, Any]) -> str | None:
    metrics = track_info.get("time_metrics")
    if not isinstance(metrics, Mapping):
        return None
    window = metrics.get("estimated_delivery_date")
    if not isinstance(window, Mapping):
        return None
    for key in ("to", "from"):
        value = window.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _first_error(data: Any) -> str | None:
    if not isinstance(data, Mapping):
        return None
    errors = data.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
        message = errors[0].get("message")
        return message if isinstance(message, str) else None
    return None


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"17TRACK sent {what} as {type(value).__name__}, not an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise MalformedPayload(f"17TRACK sent {what} as {type(value).__name__}, not a list")
    return value


def _text(obj: Mapping[str, Any], key: str, number: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise MalformedPayload(f"17TRACK sent '{key}' of {number} as {type(value).__name__}")


def _required_text(obj: Mapping[str, Any], key: str, what: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise MalformedPayload(f"17TRACK sent {what} without a '{key}'")
    return value.strip()
