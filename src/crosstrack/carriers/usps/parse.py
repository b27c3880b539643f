"""USPS Tracking API v3 answers → tracking results (pure: no I/O).

``GET /tracking/v3/tracking/{trackingNumber}?expand=DETAIL`` answers one number with
``trackingNumber``, ``statusCategory``, ``status`` and ``trackingEvents[]``; errors come as
``{"apiVersion", "error": {"code", "message", "errors": [...]}}``.

Event times: ``eventTimestamp`` is local time without an offset; when USPS also gives the
event's ``GMTOffset`` (``-05:00``), the offset is appended so the instant is unambiguous. The
original ``eventTimestamp``, ``GMTTimestamp`` and ``GMTOffset`` stay in ``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.domain.model import RawEvent

SLUG = "usps"

_HAS_OFFSET = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$", re.IGNORECASE)
_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")
_PLACE_FIELDS = ("eventCity", "eventState", "eventZIP", "eventZIPCode", "eventCountry")
_MAPPED_FIELDS = frozenset({"eventType", "eventCode", *_PLACE_FIELDS})
_ESTIMATE_FIELDS = ("expectedDeliveryTimeStamp", "expectedDeliveryDate", "predictedDeliveryDate")


def parse_tracking(number: str, body: Any) -> TrackingResult:
    """The result for ``number`` from a successful (HTTP 200) tracking answer."""
    answer = _mapping(body, "the USPS tracking answer")
    if "trackingNumber" not in answer and "error" in answer:
        return parse_error(number, answer, 200)
    events = _list(answer, "trackingEvents", "trackingEvents")
    raw = tuple(_event(number, _mapping(item, "a tracking event")) for item in events)
    return TrackingResult(
        tracking_number=number,
        outcome=Outcome.FOUND,
        events=raw,
        carrier=SLUG,
        estimated_delivery=_estimate(answer),
    )


def parse_error(number: str, body: Any, http_status: int) -> TrackingResult:
    """The result for ``number`` from an error answer (``body`` may be ``None`` when the
    error page was not JSON). 404: USPS does not know the number; 400: the number is not
    a valid USPS number; anything else: an error for this number."""
    message = _error_message(body) or f"USPS answered HTTP {http_status}"
    if http_status == 404:
        outcome = Outcome.NOT_FOUND
    elif http_status == 400:
        outcome = Outcome.INVALID
    else:
        outcome = Outcome.ERROR
    return TrackingResult(tracking_number=number, outcome=outcome, error=message, carrier=SLUG)


def _event(number: str, item: Mapping[str, Any]) -> RawEvent:
    place = [_text(item, key) for key in ("eventCity", "eventState")]
    postcode = _text(item, "eventZIP") or _text(item, "eventZIPCode")
    region = " ".join(p for p in (place[1], postcode) if p)
    location = ", ".join(p for p in (place[0], region, _text(item, "eventCountry")) if p)
    extra = {k: v for k, v in item.items() if k not in _MAPPED_FIELDS and v is not None}
    return RawEvent(
        description=_text(item, "eventType") or "",
        carrier=SLUG,
        raw_status_code=_text(item, "eventCode"),
        location=location or None,
        timestamp=_timestamp(item),
        language="en",
        tracking_number=number,
        extra=extra,
    )


def _timestamp(item: Mapping[str, Any]) -> str | None:
    local = _text(item, "eventTimestamp")
    offset = _text(item, "GMTOffset")
    if local is None:
        return _text(item, "GMTTimestamp")
    if offset and _OFFSET.match(offset) and not _HAS_OFFSET.search(local):
        return f"{local}{offset}"
    return local


def _estimate(answer: Mapping[str, Any]) -> str | None:
    expectation = answer.get("deliveryDateExpectation")
    sources = [answer]
    if isinstance(expectation, Mapping):
        sources.insert(0, expectation)
    for source in sources:
        for key in _ESTIMATE_FIELDS:
            value = _text(source, key)
            if value:
                return value
    return None


def _error_message(body: Any) -> str | None:
    if not isinstance(body, Mapping):
        return None
    error = body.get("error")
    if isinstance(error, str):  # OAuth-style body: {"error": "invalid_client", ...}
        detail = body.get("error_description")
        return f"{error}: {detail}" if isinstance(detail, str) else error
    if not isinstance(error, Mapping):
        return None
    parts = [error.get("message")]
    details = error.get("errors")
    if isinstance(details, list):
        parts += [d.get("detail") or d.get("title") for d in details if isinstance(d, Mapping)]
    texts = [str(p) for p in parts if isinstance(p, str) and p]
    return "; ".join(dict.fromkeys(texts)) or None


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"USPS sent {what} as {type(value).__name__}, not an object")
    return value


def _list(obj: Mapping[str, Any], key: str, what: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise MalformedPayload(f"USPS sent {what} as {type(value).__name__}, not a list")
    return value


def _text(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text or None
    raise MalformedPayload(f"USPS sent {key} as {type(value).__name__}, not text")
