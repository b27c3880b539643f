"""FedEx Track API answers (``POST /track/v1/trackingnumbers``) → tracking results.

Pure: takes the decoded JSON, returns :class:`TrackingResult`. The documented shape is
``output.completeTrackResults[]`` (one per number asked: ``trackingNumber`` and
``trackResults[]``). A track result carries either ``error{code, message}`` (for example
``TRACKING.TRACKINGNUMBER.NOTFOUND``) or the tracking data: ``scanEvents[]`` (``date`` ISO 8601
with offset, ``eventType``, ``eventDescription``, ``exceptionCode``, ``exceptionDescription``,
``scanLocation{city, stateOrProvinceCode, postalCode, countryCode}``), ``latestStatusDetail``,
``dateAndTimes[]``, ``additionalTrackingInfo.packageIdentifiers[]`` and
``packageDetails.weightAndDimensions.weight[]{value, unit}`` (the same weight in several units,
``LB`` then ``KG`` rounded). A whole-request failure is a top-level ``errors[]`` instead of
``output``.

One number can have several track results when FedEx reused it or split the parcel's history;
the one with the most recent scan is used (FedEx lists its scans newest first).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import CarrierAuthenticationFailed, CarrierError, MalformedPayload
from crosstrack.carriers.payload import nested
from crosstrack.carriers.weights import weight_in
from crosstrack.domain.model import RawEvent
from crosstrack.domain.units import Measure

SLUG = "fedex"

NOT_FOUND_CODES = frozenset({"TRACKING.TRACKINGNUMBER.NOTFOUND", "TRACKING.DATA.NOTFOUND"})
INVALID_CODES = frozenset({"TRACKING.TRACKINGNUMBER.INVALID", "TRACKING.TRACKINGNUMBER.EMPTY"})
_AUTH_CODE_WORDS = ("NOT.AUTHORIZED", "UNAUTHORIZED", "FORBIDDEN", "LOGIN.REAUTHENTICATE")

LINKED_IDENTIFIER_TYPES = frozenset(
    {"PARTNER_CARRIER_NUMBER", "REROUTE_TRACKING_NUMBER", "RETURNED_TO_SHIPPER_TRACKING_NUMBER"}
)
"""``packageIdentifiers`` types that are tracking numbers of the same parcel's other legs."""

_LOCATION_FIELDS = ("city", "stateOrProvinceCode", "postalCode", "countryCode")
_EVENT_EXTRA = (
    "eventDescription",
    "exceptionCode",
    "exceptionDescription",
    "derivedStatusCode",
    "derivedStatus",
    "locationId",
    "locationType",
)


def parse_track_response(
    tracking_numbers: Sequence[str], body: Any, *, language: str | None = None
) -> list[TrackingResult]:
    """One result per number asked, in order; numbers the answer omits are ``NOT_FOUND``.

    Raises :class:`CarrierError` (``CarrierAuthenticationFailed`` for credential codes) when the
    body is a whole-request failure, and :class:`MalformedPayload` for any other shape.
    """
    if not isinstance(body, Mapping):
        raise MalformedPayload(f"fedex: expected a JSON object, got {type(body).__name__}")
    if "output" not in body:
        return _single_number_error(tracking_numbers, body)
    output = _mapping(body["output"], "output")
    complete = _list(output.get("completeTrackResults", []), "output.completeTrackResults")
    by_number: dict[str, list[Mapping[str, Any]]] = {}
    for i, entry in enumerate(complete):
        entry = _mapping(entry, f"completeTrackResults[{i}]")
        number = _key(_text(entry.get("trackingNumber")))
        results = _list(entry.get("trackResults", []), f"completeTrackResults[{i}].trackResults")
        by_number.setdefault(number, []).extend(
            _mapping(r, f"completeTrackResults[{i}].trackResults[]") for r in results
        )
    # Every entry is read, asked for or not, so a misshapen answer never passes unnoticed.
    parsed = {key: _result(key, results, language) for key, results in by_number.items()}
    return [_for_number(number, parsed.get(_key(number))) for number in tracking_numbers]


def _for_number(number: str, parsed: TrackingResult | None) -> TrackingResult:
    if parsed is None:
        return TrackingResult(number, Outcome.NOT_FOUND, carrier=SLUG)
    events = tuple(replace(e, tracking_number=number) for e in parsed.events)
    return replace(parsed, tracking_number=number, events=events)


def _single_number_error(
    tracking_numbers: Sequence[str], body: Mapping[str, Any]
) -> list[TrackingResult]:
    # FedEx may reject a request about one number with a per-number code at the top level:
    # that is the number's answer. With several numbers we cannot tell which one it was.
    errors = body.get("errors")
    if len(tracking_numbers) == 1 and isinstance(errors, list) and errors:
        code, _ = _code_and_message(errors[0], "errors[0]")
        if code in NOT_FOUND_CODES or code in INVALID_CODES:
            return [_error_result(tracking_numbers[0], errors[0])]
    raise request_error(body)


def request_error(body: Mapping[str, Any]) -> CarrierError:
    """The error a whole-request failure body (top-level ``errors[]``) stands for."""
    errors = body.get("errors")
    if not isinstance(errors, list) or not errors:
        return MalformedPayload("fedex: the answer has neither 'output' nor 'errors'")
    code, message = _code_and_message(errors[0], "errors[0]")
    text = f"fedex rejected the request: {code}: {message}"
    if any(word in code.upper() for word in _AUTH_CODE_WORDS):
        return CarrierAuthenticationFailed(text)
    return CarrierError(text)


def _result(
    number: str, track_results: list[Mapping[str, Any]], language: str | None
) -> TrackingResult:
    # A result with scans is tracking data even if it also carries an error note.
    tracked = [r for r in track_results if not r.get("error") or r.get("scanEvents")]
    if not tracked:
        if not track_results:
            return TrackingResult(number, Outcome.NOT_FOUND, carrier=SLUG)
        return _error_result(number, track_results[0]["error"])
    chosen = max(tracked, key=_latest_scan)
    events = [
        _event(number, chosen, _mapping(scan, f"scanEvents[{i}]"), language)
        for i, scan in enumerate(_list(chosen.get("scanEvents", []), "scanEvents"))
    ]
    return TrackingResult(
        number,
        Outcome.FOUND,
        events=tuple(events),
        carrier=SLUG,
        linked_numbers=_linked_numbers(number, chosen),
        estimated_delivery=_estimated_delivery(chosen),
        weight=_weight(chosen),
    )


def _weight(track_result: Mapping[str, Any]) -> Measure | None:
    # FedEx lists the same weight in several units (2.6 LB, then 1.18 KG rounded from it):
    # the first it gave that we can read, kept as given.
    weights = nested(track_result, "packageDetails", "weightAndDimensions", "weight")
    entries = weights if isinstance(weights, list) else []
    readable = (weight_in(SLUG, entry, "value", "unit") for entry in entries)
    return next((weight for weight in readable if weight is not None), None)


def _error_result(number: str, error: Any) -> TrackingResult:
    code, message = _code_and_message(error, "trackResults[].error")
    if code in NOT_FOUND_CODES:
        outcome = Outcome.NOT_FOUND
    elif code in INVALID_CODES:
        outcome = Outcome.INVALID
    else:
        outcome = Outcome.ERROR
    return TrackingResult(number, outcome, error=f"{code}: {message}", carrier=SLUG)


def _latest_scan(track_result: Mapping[str, Any]) -> tuple[int, datetime]:
    # Results with readable scans rank above those without; among them the newest scan wins.
    newest = _OLDEST
    scans = track_result.get("scanEvents")
    for scan in scans if isinstance(scans, list) else []:
        date = scan.get("date") if isinstance(scan, Mapping) else None
        try:
            when = datetime.fromisoformat(date) if isinstance(date, str) else None
        except ValueError:
            when = None
        if when is not None and when.tzinfo is not None:
            newest = max(newest, when)
    return (0 if newest is _OLDEST else 1, newest)


_OLDEST = datetime.min.replace(tzinfo=UTC)


def _event(
    number: str, track_result: Mapping[str, Any], scan: Mapping[str, Any], language: str | None
) -> RawEvent:
    fields = _location_fields(scan.get("scanLocation"))
    extra: dict[str, Any] = {k: v for k in _EVENT_EXTRA if (v := _text(scan.get(k))) is not None}
    if fields:
        extra["location_fields"] = fields
    info = track_result.get("trackingNumberInfo")
    if isinstance(info, Mapping):
        for key in ("trackingNumberUniqueId", "carrierCode"):
            if (value := _text(info.get(key))) is not None:
                extra[key] = value
    return RawEvent(
        description=_description(scan),
        carrier=SLUG,
        raw_status_code=_text(scan.get("eventType")),
        location=", ".join(fields.values()) or None,
        timestamp=_text(scan.get("date")),
        language=language,
        tracking_number=number,
        extra=extra,
    )


def _description(scan: Mapping[str, Any]) -> str:
    # The exception text says why ("Customer not available or business closed"): keep both.
    event = (_text(scan.get("eventDescription")) or "").strip()
    exception = (_text(scan.get("exceptionDescription")) or "").strip()
    if exception and exception.casefold() != event.casefold():
        return f"{event}: {exception}" if event else exception
    return event


def _location_fields(location: Any) -> dict[str, str]:
    if location is None:
        return {}
    location = _mapping(location, "scanEvents[].scanLocation")
    return {k: v.strip() for k in _LOCATION_FIELDS if (v := _text(location.get(k))) is not None}


def _linked_numbers(number: str, track_result: Mapping[str, Any]) -> tuple[str, ...]:
    info = track_result.get("additionalTrackingInfo")
    identifiers = info.get("packageIdentifiers") if isinstance(info, Mapping) else None
    found: list[str] = []
    for identifier in identifiers if isinstance(identifiers, list) else []:
        if not isinstance(identifier, Mapping):
            continue
        if identifier.get("type") not in LINKED_IDENTIFIER_TYPES:
            continue
        values = identifier.get("values")
        candidates = values if isinstance(values, list) else [identifier.get("value")]
        found += [v.strip() for v in candidates if isinstance(v, str) and v.strip()]
    wanted = _key(number)
    return tuple(dict.fromkeys(n for n in found if _key(n) != wanted))


def _estimated_delivery(track_result: Mapping[str, Any]) -> str | None:
    dates = track_result.get("dateAndTimes")
    for entry in dates if isinstance(dates, list) else []:
        if isinstance(entry, Mapping) and entry.get("type") == "ESTIMATED_DELIVERY":
            value = entry.get("dateTime")
            if isinstance(value, str) and value.strip():
                return value
    window = track_result.get("estimatedDeliveryTimeWindow")
    inner = window.get("window") if isinstance(window, Mapping) else None
    if isinstance(inner, Mapping):
        for key in ("ends", "begins"):
            value = inner.get(key)
            if isinstance(value, str) and value.strip():
                return value
    return None


def _code_and_message(entry: Any, where: str) -> tuple[str, str]:
    entry = _mapping(entry, where)
    return _text(entry.get("code")) or "?", _text(entry.get("message")) or ""


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"fedex: '{where}' should be an object, got {type(value).__name__}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise MalformedPayload(f"fedex: '{where}' should be a list, got {type(value).__name__}")
    return value


def _text(value: Any) -> str | None:
    """A scalar field as text (``None`` for absent or empty); objects are malformed."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise MalformedPayload(f"fedex: expected text, got {type(value).__name__}")
    text = str(value)
    return text if text.strip() else None


def _key(number: str | None) -> str:
    return "".join((number or "").split()).upper()
