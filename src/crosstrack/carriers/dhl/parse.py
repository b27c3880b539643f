"""DHL Shipment Tracking – Unified API answers → tracking results (pure: no I/O).

``GET /track/shipments?trackingNumber=…`` answers ``{"shipments": [...]}``; each shipment has
``id``, ``service`` (``express``, ``parcel-de``, ``ecommerce``…), ``status`` (the latest event)
and ``events[]`` with ``timestamp``, ``location.address{addressLocality, postalCode,
countryCode}``, ``statusCode`` (``pre-transit``, ``transit``, ``delivered``, ``failure``,
``unknown``), ``status``, ``description``, ``remark``, ``nextSteps``, and ``details`` (with
``weight{value, unitText}`` when DHL weighed the parcel). Errors are RFC 7807 problems:
``{"title", "status", "detail", "instance"}``.

One number may answer several shipments (one per DHL service that knows it, or the parent
shipment of a piece number): the events of those that carry the asked number are used, or
of all when none does (their ids become ``linked_numbers``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.payload import nested
from crosstrack.carriers.weights import weight_in
from crosstrack.domain.model import RawEvent
from crosstrack.domain.units import Measure

SLUG = "dhl"

_MAPPED_FIELDS = frozenset({"description", "location", "timestamp", "typeCode"})


def parse_shipments(number: str, body: Any) -> TrackingResult:
    """The result for ``number`` from a successful (HTTP 200) answer."""
    answer = _mapping(body, "the DHL tracking answer")
    if "shipments" not in answer and "title" in answer:
        return parse_problem(number, answer, _status(answer) or 200)
    shipments = [_mapping(s, "a shipment") for s in _list(answer, "shipments", "shipments")]
    if not shipments:
        return TrackingResult(
            number, Outcome.NOT_FOUND, error="DHL returned no shipment", carrier=SLUG
        )
    wanted = _key(number)
    chosen = [s for s in shipments if _key(_text(s, "id") or "") == wanted] or shipments
    ids = [_text(s, "id") for s in chosen]
    events = tuple(e for s in chosen for e in _shipment_events(number, s))
    return TrackingResult(
        tracking_number=number,
        outcome=Outcome.FOUND,
        events=events,
        carrier=SLUG,
        linked_numbers=tuple(dict.fromkeys(i for i in ids if i and _key(i) != wanted)),
        estimated_delivery=next(filter(None, (_estimate(s) for s in chosen)), None),
        weight=_weight(chosen),
    )


def _weight(chosen: list[Mapping[str, Any]]) -> Measure | None:
    # Only when one shipment answers: a piece number's parent shipment weighs all its pieces.
    if len(chosen) != 1:
        return None
    return weight_in(SLUG, nested(chosen[0], "details", "weight"), "value", "unitText")


def parse_problem(number: str, body: Any, http_status: int) -> TrackingResult:
    """The result for ``number`` from an RFC 7807 problem (``body`` may be ``None`` when the
    error page was not JSON). 404: DHL does not know the number; 400: DHL refused it as a
    tracking number; anything else: an error for this number."""
    message = None
    if isinstance(body, Mapping):
        parts = [body.get("title"), body.get("detail")]
        message = ": ".join(p for p in parts if isinstance(p, str) and p) or None
    message = message or f"DHL answered HTTP {http_status}"
    outcome = {404: Outcome.NOT_FOUND, 400: Outcome.INVALID}.get(http_status, Outcome.ERROR)
    return TrackingResult(tracking_number=number, outcome=outcome, error=message, carrier=SLUG)


def _shipment_events(number: str, shipment: Mapping[str, Any]) -> list[RawEvent]:
    items = _list(shipment, "events", "a shipment's events")
    if not items and shipment.get("status") is not None:
        items = [shipment["status"]]  # only the latest status was given
    context = {k: shipment[k] for k in ("id", "service") if shipment.get(k) is not None}
    return [_event(number, _mapping(item, "an event"), context) for item in items]


def _event(number: str, item: Mapping[str, Any], context: Mapping[str, Any]) -> RawEvent:
    # ``typeCode`` (a checkpoint code, when DHL gives one) is more precise than the
    # five-value ``statusCode``; both stay available in ``extra``.
    code = _text(item, "typeCode") or _text(item, "statusCode")
    description = _text(item, "description") or _text(item, "status") or ""
    extra = {k: v for k, v in item.items() if k not in _MAPPED_FIELDS and v is not None}
    shipment = {f"shipment_{k}": v for k, v in context.items()}
    return RawEvent(
        description=description,
        carrier=SLUG,
        raw_status_code=code,
        location=_location(item.get("location")),
        timestamp=_text(item, "timestamp"),
        tracking_number=number,
        extra={**extra, **shipment},
    )


def _location(value: Any) -> str | None:
    if value is None:
        return None
    address = _mapping(value, "an event location").get("address")
    if address is None:
        return None
    address = _mapping(address, "an event address")
    locality = _text(address, "addressLocality") or ""
    parts = [locality]
    postcode = _text(address, "postalCode")
    if postcode and postcode not in locality:
        parts.append(postcode)
    country = _text(address, "countryCode")
    if country and not locality.upper().rstrip().endswith(country.upper()):
        parts.append(country)
    return ", ".join(p for p in parts if p) or None


def _estimate(shipment: Mapping[str, Any]) -> str | None:
    estimate = _text(shipment, "estimatedTimeOfDelivery")
    frame = shipment.get("estimatedDeliveryTimeFrame")
    if estimate is None and isinstance(frame, Mapping):
        start, end = _text(frame, "estimatedFrom"), _text(frame, "estimatedThrough")
        estimate = "/".join(p for p in (start, end) if p) or None
    return estimate


def _status(answer: Mapping[str, Any]) -> int | None:
    value = answer.get("status")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _key(number: str) -> str:
    return "".join(number.split()).upper()


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"DHL sent {what} as {type(value).__name__}, not an object")
    return value


def _list(obj: Mapping[str, Any], key: str, what: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise MalformedPayload(f"DHL sent {what} as {type(value).__name__}, not a list")
    return value


def _text(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text or None
    raise MalformedPayload(f"DHL sent {key} as {type(value).__name__}, not text")
