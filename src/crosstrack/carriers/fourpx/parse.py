"""4PX open-platform tracking answers (``tr.order.tracking.get``) → tracking results. Pure.

The answer is ``{"result": "1"|"0", "msg": ..., "errors": [{"error_code", "error_msg"}],
"data": {...}}``; ``data`` names the parcel (``deliveryOrderNo``, ``serverNum`` — the
last-mile number — ``serverName``, ``destinationCountry``) and lists ``trackingList[]``
newest first, each with ``businessLinkCode``, ``trackingContent``, ``occurDatetime`` (local
text), ``occurLocation``, and in newer answers ``timeZone``, ``country``, ``city``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import CarrierAuthenticationFailed, MalformedPayload
from crosstrack.carriers.payload import json_object, linked_numbers, optional_list
from crosstrack.carriers.payload import scalar_text as _text
from crosstrack.domain.model import RawEvent

SLUG = "4px"
NUMBER_FIELDS = ("deliveryOrderNo", "serverNum", "hawbCode", "customerOrderNo")
_PLACE_FIELDS = (("occurLocation", None), ("city", "city"), ("country", "country"))
_EVENT_FIELDS = frozenset({"businessLinkCode", "trackingContent", "occurDatetime"})
_USED = frozenset({"businessLinkCode", "trackingContent", "occurDatetime"})
_OFFSET_ZONE = re.compile(r"(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?", re.IGNORECASE)
_AUTH_WORDS = ("sign", "签名", "app_key", "appkey", "access_token", "授权", "unauthori")
_NOT_FOUND_WORDS = (
    "not found",
    "not exist",
    "no track",
    "no data",
    "不存在",
    "未找到",
    "查询不到",
    "暂无轨迹",
    "无轨迹",
)
_INVALID_WORDS = ("invalid", "格式", "不合法")


def parse_tracking(body: object, tracking_number: str) -> TrackingResult:
    """The result for one number asked with ``tr.order.tracking.get``."""
    envelope = _object(body, "the answer")
    if "result" not in envelope:
        raise MalformedPayload("4px answered without a result field")
    if _text(envelope["result"]) != "1":
        return error_result(envelope, tracking_number)
    data = envelope.get("data")
    if data is None:
        return TrackingResult(tracking_number, Outcome.NOT_FOUND, carrier=SLUG)
    return parse_data(_object(data, "data"), tracking_number)


def parse_data(data: Mapping[str, Any], tracking_number: str) -> TrackingResult:
    """One parcel's ``data``: its tracking list and its other numbers."""
    tracking = optional_list(data.get("trackingList"), "trackingList", "4px")
    linked = linked_numbers(data, NUMBER_FIELDS, tracking_number)
    if not tracking:
        return TrackingResult(
            tracking_number, Outcome.NOT_FOUND, carrier=SLUG, linked_numbers=linked
        )
    shared = {
        key: value
        for key in ("destinationCountry", "serverName")
        if (value := _text(data.get(key))) is not None
    }
    events = tuple(_event(entry, tracking_number, i, shared) for i, entry in enumerate(tracking))
    return TrackingResult(
        tracking_number, Outcome.FOUND, events=events, carrier=SLUG, linked_numbers=linked
    )


def error_result(envelope: Mapping[str, Any], tracking_number: str) -> TrackingResult:
    """The result of ``result: "0"``; raises when the signature or app key was refused."""
    errors = envelope.get("errors") or []
    if not isinstance(errors, list):
        raise MalformedPayload("4px errors is not a list")
    parts = []
    for error in errors:
        fields = _object(error, "error")
        code, message = _text(fields.get("error_code")), _text(fields.get("error_msg"))
        parts.append(": ".join(p for p in (code, message) if p))
    detail = "; ".join(p for p in parts if p) or _text(envelope.get("msg")) or "unknown error"
    lowered = detail.casefold()
    if any(word in lowered for word in _AUTH_WORDS):
        raise CarrierAuthenticationFailed(f"4px refused our credentials ({detail})")
    if any(word in lowered for word in _NOT_FOUND_WORDS):
        return TrackingResult(tracking_number, Outcome.NOT_FOUND, error=detail, carrier=SLUG)
    if any(word in lowered for word in _INVALID_WORDS):
        return TrackingResult(tracking_number, Outcome.INVALID, error=detail, carrier=SLUG)
    return TrackingResult(tracking_number, Outcome.ERROR, error=detail, carrier=SLUG)


def _event(entry: object, tracking_number: str, index: int, shared: Mapping[str, str]) -> RawEvent:
    fields = _object(entry, f"tracking entry {index}")
    if not _EVENT_FIELDS & fields.keys():
        raise MalformedPayload(f"4px tracking entry {index} has none of the documented fields")
    texts = [value for key, _ in _PLACE_FIELDS if (value := _text(fields.get(key)))]
    place = {
        role: value for key, role in _PLACE_FIELDS if role and (value := _text(fields.get(key)))
    }
    extra: dict[str, Any] = {
        key: value for key, value in fields.items() if key not in _USED and value not in (None, "")
    }
    extra.update(shared)
    if place:
        extra["location_fields"] = place
    return RawEvent(
        description=_text(fields.get("trackingContent")) or "",
        carrier=SLUG,
        raw_status_code=_text(fields.get("businessLinkCode")),
        location=", ".join(dict.fromkeys(texts)) or None,
        timestamp=_timestamp(fields),
        tracking_number=tracking_number,
        extra=extra,
    )


def _timestamp(fields: Mapping[str, Any]) -> str | None:
    """``occurDatetime`` as given, with ``timeZone`` appended when it is an offset."""
    text = _text(fields.get("occurDatetime"))
    zone = _text(fields.get("timeZone"))
    if text is None or zone is None or not _OFFSET_ZONE.fullmatch(zone):
        return text
    if zone[0] in "+-":
        zone = f"UTC{zone}"
    return f"{text} {zone}"


def _object(value: object, what: str) -> Mapping[str, Any]:
    return json_object(value, what, "4px")
