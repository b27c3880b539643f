"""Cainiao LINK answers (``cnge.track.get``) and trace pushes → tracking results. Pure.

The LINK gateway wraps every answer as ``{"success": "true"|"false", "errorCode",
"errorMsg", "data": {...}}``; a track answer's ``data`` names the parcel (``mailNo``,
``orderCode``, ``trackingNumber``) and lists its traces (``traceDetailList``; older answers
and pushes use ``traceList`` or ``detailList``). Each trace carries ``time`` (local text, or
epoch milliseconds), ``timeZone`` (``GMT+8``, ``+08:00``...), ``actionCode`` (the deprecated
``status`` before it), ``desc`` (often Chinese), ``standerdDesc`` and ``group``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import CarrierAuthenticationFailed, MalformedPayload
from crosstrack.carriers.payload import json_object, linked_numbers
from crosstrack.carriers.payload import scalar_text as _text
from crosstrack.domain.model import RawEvent

SLUG = "cainiao"

TRACE_LISTS = ("traceDetailList", "traceList", "detailList", "traces")
NUMBER_FIELDS = ("mailNo", "trackingNumber", "orderCode", "lpNumber", "logisticsOrderCode")
_LOCATION_FIELDS = ("address", "city", "state", "province", "country", "countryName")
_EVENT_FIELDS = frozenset({"time", "timeStr", "timeZone", "actionCode", "status", "desc"})
_OFFSET_ZONE = re.compile(r"(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?", re.IGNORECASE)

#: LINK gateway codes that mean our credentials are wrong (a configuration problem).
AUTH_ERROR_CODES = frozenset({"S02", "S03", "SIGN_ERROR", "INVALID_SIGN", "NO_PERMISSION"})
_AUTH_WORDS = ("data_digest", "signature", "sign error", "签名", "appkey", "app key", "权限")
_NOT_FOUND_WORDS = (
    "not found",
    "not exist",
    "no trace",
    "no data",
    "不存在",
    "未找到",
    "查无",
    "暂无",
)
_INVALID_WORDS = ("invalid mailno", "invalid tracking", "单号格式", "单号不合法", "非法的运单号")


def parse_track_answer(body: object, tracking_number: str) -> TrackingResult:
    """The result for one number asked with ``cnge.track.get``."""
    envelope = _object(body, "the answer")
    if not _succeeded(envelope):
        return error_result(envelope, tracking_number)
    data = envelope.get("data")
    if data is None:
        return TrackingResult(tracking_number, Outcome.NOT_FOUND, carrier=SLUG)
    return parse_trace_set(_object(data, "data"), tracking_number)


def parse_trace_set(data: Mapping[str, Any], tracking_number: str) -> TrackingResult:
    """One parcel's traces (a track answer's ``data``, or one pushed parcel)."""
    inner_success = data.get("success")
    if inner_success is not None and not _truthy(inner_success):
        return error_result(data, tracking_number)
    traces = _trace_list(data)
    if not traces:
        return TrackingResult(tracking_number, Outcome.NOT_FOUND, carrier=SLUG)
    events = tuple(_event(trace, tracking_number, index) for index, trace in enumerate(traces))
    linked = linked_numbers(data, NUMBER_FIELDS, tracking_number)
    return TrackingResult(
        tracking_number,
        Outcome.FOUND,
        events=events,
        carrier=SLUG,
        linked_numbers=linked,
    )


def parse_push(content: object) -> list[TrackingResult]:
    """The results of one pushed ``logistics_interface``: one parcel or a list of parcels."""
    if isinstance(content, str):
        try:
            content = json.loads(content)
        except json.JSONDecodeError:
            raise MalformedPayload(
                "cainiao pushed a logistics_interface that is not JSON"
            ) from None
    parcels: Iterable[object]
    if isinstance(content, list):
        parcels = content
    elif isinstance(content, Mapping) and isinstance(content.get("data"), list):
        parcels = content["data"]
    elif isinstance(content, Mapping):
        parcels = [content.get("data", content)]
    else:
        raise MalformedPayload("cainiao pushed neither a parcel nor a list of parcels")
    results = []
    for index, parcel in enumerate(parcels):
        fields = _object(parcel, f"pushed parcel {index}")
        number = next((n for f in NUMBER_FIELDS if (n := _text(fields.get(f)))), None)
        if number is None:
            raise MalformedPayload(f"cainiao pushed parcel {index} names no tracking number")
        results.append(parse_trace_set(fields, number))
    return results


def error_result(envelope: Mapping[str, Any], tracking_number: str) -> TrackingResult:
    """The result of an answer whose ``success`` is false; raises on refused credentials."""
    code = _text(envelope.get("errorCode")) or ""
    message = _text(envelope.get("errorMsg")) or _text(envelope.get("errorMessage")) or ""
    lowered = message.casefold()
    if code.upper() in AUTH_ERROR_CODES or any(word in lowered for word in _AUTH_WORDS):
        raise CarrierAuthenticationFailed(f"cainiao refused our credentials ({code or message})")
    detail = f"{code}: {message}" if code and message else code or message or "unknown error"
    if any(word in lowered for word in _NOT_FOUND_WORDS):
        return TrackingResult(tracking_number, Outcome.NOT_FOUND, error=detail, carrier=SLUG)
    if any(word in lowered for word in _INVALID_WORDS):
        return TrackingResult(tracking_number, Outcome.INVALID, error=detail, carrier=SLUG)
    return TrackingResult(tracking_number, Outcome.ERROR, error=detail, carrier=SLUG)


def _event(trace: object, tracking_number: str, index: int) -> RawEvent:
    fields = _object(trace, f"trace {index}")
    if not _EVENT_FIELDS & fields.keys():
        raise MalformedPayload(f"cainiao trace {index} has none of the documented fields")
    description = _text(fields.get("desc")) or _text(fields.get("standerdDesc")) or ""
    code = _text(fields.get("actionCode")) or _text(fields.get("status"))
    place = {key: value for key in _LOCATION_FIELDS if (value := _text(fields.get(key)))}
    extra: dict[str, Any] = {
        key: value
        for key, value in fields.items()
        if key not in ("desc", "actionCode", "time") and value not in (None, "")
    }
    if place:
        extra["location_fields"] = place
    return RawEvent(
        description=description,
        carrier=SLUG,
        raw_status_code=code,
        location=", ".join(dict.fromkeys(place.values())) or None,
        timestamp=_timestamp(fields),
        tracking_number=tracking_number,
        extra=extra,
    )


def _timestamp(fields: Mapping[str, Any]) -> str | None:
    """The trace's time as given, with its zone appended when the zone is a separate field.

    ``time`` is either local text (``2024-03-05 14:20:11``) or epoch milliseconds; epoch
    values are instants and need no zone. ``timeStr`` is the public site's text form.
    """
    raw = fields.get("time")
    if isinstance(raw, bool):
        raw = None
    if isinstance(raw, int | float):
        return str(int(raw))
    text = _text(raw) or _text(fields.get("timeStr"))
    if text is None:
        return None
    zone = _text(fields.get("timeZone"))
    if zone is None or text.isdigit() or not _OFFSET_ZONE.fullmatch(zone):
        return text  # a zone name, if any, stays in ``extra["timeZone"]``
    if zone[0] in "+-":
        zone = f"GMT{zone}"
    return f"{text} {zone}"


def _trace_list(data: Mapping[str, Any]) -> Sequence[object]:
    for key in TRACE_LISTS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            raise MalformedPayload(f"cainiao {key} is a {type(value).__name__}, not a list")
        return value
    return []


def _succeeded(envelope: Mapping[str, Any]) -> bool:
    if "success" not in envelope:
        raise MalformedPayload("cainiao answered without the LINK 'success' field")
    return _truthy(envelope["success"])


def _truthy(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _object(value: object, what: str) -> Mapping[str, Any]:
    return json_object(value, what, "cainiao")
