"""YunExpress OMS tracking answers (``GET /api/Tracking/GetTrackInfo``) → tracking results. Pure.

The answer is ``{"Item": {...} | null, "Code": "0000", "Message": ..., "RequestId",
"TimeStamp"}`` (some gateways name the pair ``ResultCode``/``ResultDesc``). ``Item`` names the
parcel (``WaybillNumber``, ``TrackingNumber``, ``CountryCode``, ``PackageState``) and lists
``OrderTrackingDetails[]`` with ``ProcessDate`` (local ISO text, no offset),
``ProcessContent``, ``ProcessLocation``, ``ProcessCountry``/``ProcessProvince``/``ProcessCity``,
``TrackNodeCode``, ``TrackCodeDescription`` and ``TrackingStatus``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import CarrierAuthenticationFailed, MalformedPayload
from crosstrack.carriers.payload import json_object, linked_numbers, optional_list
from crosstrack.carriers.payload import scalar_text as _text
from crosstrack.domain.model import RawEvent

SLUG = "yunexpress"
SUCCESS_CODES = frozenset({"0000"})
NUMBER_FIELDS = ("WaybillNumber", "WayBillNumber", "TrackingNumber", "OrderNumber")
_PLACE_FIELDS = (
    ("ProcessLocation", None),
    ("ProcessCity", "city"),
    ("ProcessProvince", "province"),
    ("ProcessCountry", "country"),
)
_EVENT_FIELDS = frozenset({"ProcessDate", "ProcessContent", "TrackNodeCode", "TrackingStatus"})
_USED = frozenset({"ProcessDate", "ProcessContent", "TrackNodeCode"})
_AUTH_WORDS = ("authoriz", "unauthor", "token", "授权", "认证", "账号", "密钥", "customercode")
_NOT_FOUND_WORDS = (
    "not found",
    "not exist",
    "no track",
    "no data",
    "不存在",
    "未找到",
    "查询不到",
    "暂无",
)
_INVALID_WORDS = ("invalid", "单号格式", "单号不合法", "非法")


def parse_track_info(body: object, tracking_number: str) -> TrackingResult:
    """The result for one number asked with ``GetTrackInfo?OrderNumber=``."""
    envelope = _object(body, "the answer")
    code = _text(envelope.get("Code", envelope.get("ResultCode")))
    if code is None:
        raise MalformedPayload("yunexpress answered without a Code")
    if code not in SUCCESS_CODES:
        message = _text(envelope.get("Message", envelope.get("ResultDesc"))) or ""
        return error_result(code, message, tracking_number)
    item = envelope.get("Item")
    if item is None:
        return TrackingResult(tracking_number, Outcome.NOT_FOUND, carrier=SLUG)
    return parse_item(_object(item, "Item"), tracking_number)


def parse_item(item: Mapping[str, Any], tracking_number: str) -> TrackingResult:
    """One parcel's ``Item``: its tracking details and its other numbers."""
    details = optional_list(item.get("OrderTrackingDetails"), "OrderTrackingDetails", "yunexpress")
    linked = linked_numbers(item, NUMBER_FIELDS, tracking_number)
    if not details:
        return TrackingResult(
            tracking_number, Outcome.NOT_FOUND, carrier=SLUG, linked_numbers=linked
        )
    events = tuple(_event(detail, tracking_number, i) for i, detail in enumerate(details))
    return TrackingResult(
        tracking_number, Outcome.FOUND, events=events, carrier=SLUG, linked_numbers=linked
    )


def error_result(code: str, message: str, tracking_number: str) -> TrackingResult:
    """The result of a non-success ``Code``; raises when the credentials were refused."""
    lowered = message.casefold()
    detail = f"{code}: {message}" if message else code
    if any(word in lowered for word in _AUTH_WORDS):
        raise CarrierAuthenticationFailed(f"yunexpress refused our credentials ({detail})")
    if any(word in lowered for word in _NOT_FOUND_WORDS):
        return TrackingResult(tracking_number, Outcome.NOT_FOUND, error=detail, carrier=SLUG)
    if any(word in lowered for word in _INVALID_WORDS):
        return TrackingResult(tracking_number, Outcome.INVALID, error=detail, carrier=SLUG)
    return TrackingResult(tracking_number, Outcome.ERROR, error=detail, carrier=SLUG)


def _event(detail: object, tracking_number: str, index: int) -> RawEvent:
    fields = _object(detail, f"tracking detail {index}")
    if not _EVENT_FIELDS & fields.keys():
        raise MalformedPayload(f"yunexpress tracking detail {index} has no documented field")
    description = (
        _text(fields.get("ProcessContent")) or _text(fields.get("TrackCodeDescription")) or ""
    )
    texts = [value for key, _ in _PLACE_FIELDS if (value := _text(fields.get(key)))]
    place = {
        role: value for key, role in _PLACE_FIELDS if role and (value := _text(fields.get(key)))
    }
    extra: dict[str, Any] = {
        key: value for key, value in fields.items() if key not in _USED and value not in (None, "")
    }
    if place:
        extra["location_fields"] = place
    return RawEvent(
        description=description,
        carrier=SLUG,
        raw_status_code=_text(fields.get("TrackNodeCode")) or _text(fields.get("TrackingStatus")),
        location=", ".join(dict.fromkeys(texts)) or None,
        timestamp=_text(fields.get("ProcessDate")),
        tracking_number=tracking_number,
        extra=extra,
    )


def _object(value: object, what: str) -> Mapping[str, Any]:
    return json_object(value, what, "yunexpress")
