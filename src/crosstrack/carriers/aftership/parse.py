"""AfterShip Tracking API answers and webhooks → tracking results (pure: no I/O).

Shapes, as AfterShip documents them (https://www.aftership.com/docs/tracking/2024-10):

* every answer is ``{"meta": {"code", "message", "type"}, "data": {...}}``; ``meta.code`` is
  200/201 on success, otherwise an error code such as 4003 (tracking already exists), 4004
  (does not exist), 4005/4017 (invalid tracking number) or 4012 (unknown courier);
* ``GET /trackings`` gives ``data.trackings[]``; creating or getting one tracking gives the
  tracking as ``data`` (older versions: ``data.tracking``);
* a tracking has ``tracking_number``, ``slug``, ``tag``, ``subtag``, ``checkpoints[]`` and, for
  hand-overs, ``next_couriers[]``; a checkpoint has ``checkpoint_time`` (local, with its offset
  when the courier gives one), ``message``, ``location``, ``city``, ``state``, ``zip``,
  ``country_region`` (``country_iso3`` before 2024-10), ``tag``, ``subtag`` and ``slug``;
* a webhook is ``{"event", "event_id", "is_tracking_first_tag", "msg": <tracking>, "ts"}``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierError,
    CarrierUnavailable,
    MalformedPayload,
)
from crosstrack.domain.model import RawEvent

SLUG = "aftership"

OK_CODES = frozenset({200, 201})
ALREADY_EXISTS = 4003
DOES_NOT_EXIST = 4004
_INVALID_CODES = frozenset({4005, 4012, 4017})
"""Invalid tracking number, courier unknown for it, invalid tracking-number format."""
_AUTH_CODES = frozenset({401, 403})
_UNAVAILABLE_CODES = frozenset({429, 500, 502, 503, 504})
_NO_NEWS_TAGS = frozenset({"Pending", "Expired"})
"""Tags under which a tracking without checkpoints means "nothing known yet"."""

NOT_TRACKED = "not tracked by AfterShip"
"""The error of a number ``GET /trackings`` did not return: create a tracking for it."""

_LOCATION_PARTS = ("city", "state", "zip")
_COUNTRY_KEYS = ("country_region", "country_iso3", "country_region_name", "country_name")
_KEPT = ("tag", "subtag_message", "raw_tag", "created_at", "coordinates", "events")


def meta_of(body: Any) -> tuple[int, str]:
    """``(meta.code, meta.message)`` of an answer; raises the matching ``CarrierError`` for a
    carrier-wide failure (bad key, rate limit, server error)."""
    envelope = _mapping(body, "the answer")
    meta = _mapping(envelope.get("meta"), "'meta'")
    code = meta.get("code")
    if not isinstance(code, int) or isinstance(code, bool):
        raise MalformedPayload("AfterShip answer has no integer 'meta.code'")
    message = meta.get("message")
    text = message if isinstance(message, str) else ""
    if code in _AUTH_CODES:
        raise CarrierAuthenticationFailed(f"AfterShip refused our credentials ({code}: {text})")
    if code in _UNAVAILABLE_CODES:
        raise CarrierUnavailable(f"AfterShip is unavailable ({code}: {text})")
    return code, text


def parse_trackings(body: Any, numbers: Sequence[str]) -> list[TrackingResult]:
    """``GET /trackings?tracking_numbers=...`` → one result per number asked, in order;
    numbers the answer omits are ``NOT_FOUND``. A number tracked under several couriers has
    the checkpoints of all of them."""
    code, message = meta_of(body)
    if code not in OK_CODES:
        raise CarrierError(f"AfterShip refused the request ({code}: {message})")
    data = _mapping(_mapping(body, "the answer").get("data"), "'data'")
    found: dict[str, TrackingResult] = {}
    for item in _list(data.get("trackings", []), "'data.trackings'"):
        result = parse_tracking(item)
        key = number_key(result.tracking_number)
        found[key] = _merged(found[key], result) if key in found else result
    return [_answer_for(number, found) for number in numbers]


def parse_created(body: Any, number: str) -> TrackingResult | None:
    """``POST /trackings`` → the new tracking's result, or ``None`` when AfterShip already
    had it (4003); an invalid number is ``INVALID``, any other refusal ``ERROR``."""
    code, message = meta_of(body)
    if code == ALREADY_EXISTS:
        return None
    if code in OK_CODES:
        return replace(parse_tracking(_tracking_of(body)), tracking_number=number)
    outcome = Outcome.INVALID if code in _INVALID_CODES else Outcome.ERROR
    return TrackingResult(number, outcome, error=f"{code}: {message}")


def parse_webhook(body: Any) -> tuple[TrackingResult, ...]:
    """A webhook delivery → the result for the tracking in its ``msg``."""
    delivery = _mapping(body, "the webhook")
    if not isinstance(delivery.get("event"), str):
        raise MalformedPayload("AfterShip webhook has no 'event'")
    return (parse_tracking(delivery.get("msg")),)


def parse_tracking(item: Any) -> TrackingResult:
    """One tracking object → its result (events in the order AfterShip gave them)."""
    tracking = _mapping(item, "a tracking")
    number = _text(tracking, "tracking_number", "a tracking")
    if number is None:
        raise MalformedPayload("AfterShip sent a tracking without 'tracking_number'")
    slug = _text(tracking, "slug", number)
    checkpoints = _list(tracking.get("checkpoints") or [], f"'checkpoints' of {number}")
    events = tuple(_event(c, slug, number) for c in checkpoints)
    tag = _text(tracking, "tag", number)
    if not events and (tag is None or tag in _NO_NEWS_TAGS):
        subtag = _text(tracking, "subtag", number)
        return TrackingResult(
            number, Outcome.NOT_FOUND, error=subtag or tag or "no checkpoints", carrier=slug
        )
    return TrackingResult(
        number,
        Outcome.FOUND,
        events=events,
        carrier=slug,
        linked_numbers=_next_numbers(tracking, number),
        estimated_delivery=_estimated_delivery(tracking),
    )


def number_key(number: str) -> str:
    """How answers are matched to the numbers asked: upper case, no spaces."""
    return "".join(number.split()).upper()


def _event(item: Any, tracking_slug: str | None, number: str) -> RawEvent:
    checkpoint = _mapping(item, f"a checkpoint of {number}")
    fields = {
        k: v
        for k in (*_LOCATION_PARTS, *_COUNTRY_KEYS)
        if (v := _text(checkpoint, k, number)) is not None
    }
    extra: dict[str, Any] = {k: checkpoint[k] for k in _KEPT if checkpoint.get(k) not in (None, "")}
    extra["code_table"] = SLUG  # raw_status_code is AfterShip's, whoever scanned
    if fields:
        extra["location_fields"] = fields
    subtag = _text(checkpoint, "subtag", number)
    return RawEvent(
        description=_text(checkpoint, "message", number) or "",
        carrier=_text(checkpoint, "slug", number) or tracking_slug or SLUG,
        raw_status_code=subtag or _text(checkpoint, "tag", number),
        location=_text(checkpoint, "location", number) or _joined(fields),
        timestamp=_text(checkpoint, "checkpoint_time", number),
        tracking_number=number,
        extra=extra,
    )


def _joined(fields: Mapping[str, str]) -> str | None:
    country = next((fields[k] for k in _COUNTRY_KEYS if k in fields), None)
    parts = [fields[k] for k in _LOCATION_PARTS if k in fields]
    text = ", ".join([*parts, country] if country else parts)
    return text or None


def _next_numbers(tracking: Mapping[str, Any], number: str) -> tuple[str, ...]:
    couriers = tracking.get("next_couriers")
    if not isinstance(couriers, list):
        return ()
    found: list[str] = []
    for courier in couriers:
        if isinstance(courier, Mapping):
            other = courier.get("tracking_number")
            if isinstance(other, str) and other.strip() and number_key(other) != number_key(number):
                found.append(other.strip())
    return tuple(dict.fromkeys(found))


def _estimated_delivery(tracking: Mapping[str, Any]) -> str | None:
    # The courier's own estimate (newer versions: courier_estimated_delivery_date; older:
    # expected_delivery). AfterShip's AI estimate is theirs, not the carrier's: not kept here.
    block = tracking.get("courier_estimated_delivery_date")
    if isinstance(block, Mapping):
        for key in ("estimated_delivery_date", "estimated_delivery_date_max"):
            value = block.get(key)
            if isinstance(value, str) and value:
                return value
    value = tracking.get("expected_delivery")
    return value if isinstance(value, str) and value else None


def _tracking_of(body: Any) -> Any:
    data = _mapping(_mapping(body, "the answer").get("data"), "'data'")
    inner = data.get("tracking")
    return inner if isinstance(inner, Mapping) else data


def _merged(first: TrackingResult, second: TrackingResult) -> TrackingResult:
    if first.outcome is not Outcome.FOUND:
        return second if second.outcome is Outcome.FOUND else first
    if second.outcome is not Outcome.FOUND:
        return first
    return replace(
        first,
        events=first.events + second.events,
        linked_numbers=tuple(dict.fromkeys(first.linked_numbers + second.linked_numbers)),
    )


def _answer_for(number: str, found: Mapping[str, TrackingResult]) -> TrackingResult:
    result = found.get(number_key(number))
    if result is None:
        return TrackingResult(number, Outcome.NOT_FOUND, error=NOT_TRACKED)
    return replace(result, tracking_number=number)


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"AfterShip sent {what} as {type(value).__name__}, not an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise MalformedPayload(f"AfterShip sent {what} as {type(value).__name__}, not a list")
    return value


def _text(obj: Mapping[str, Any], key: str, number: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    raise MalformedPayload(f"AfterShip sent '{key}' of {number} as {type(value).__name__}")
