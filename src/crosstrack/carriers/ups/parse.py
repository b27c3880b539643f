"""UPS Track API answers (``GET /api/track/v1/details/{inquiryNumber}``) → tracking results.

Pure: takes the decoded JSON, returns :class:`TrackingResult`. The documented shapes are

* success: ``trackResponse.shipment[].package[]`` with ``trackingNumber``, ``activity[]``
  (``date`` YYYYMMDD, ``time`` HHMMSS, ``location.address{city, stateProvince, postalCode,
  countryCode|country}``, ``status{type, description, code, statusCode}``), ``deliveryDate[]``,
  ``alternateTrackingNumber[]`` and ``weight{unitOfMeasurement, weight}`` (``KGS``/``LBS``,
  decimal text);
* nothing known: ``trackResponse.shipment[].warnings[]`` (``TW0001`` "Tracking Information Not
  Found"), sent with HTTP 200 in practice although the documentation lists a 404;
* errors: ``response.errors[]{code, message}`` (``TV1002`` "Invalid inquiry number").

Each activity becomes one :class:`RawEvent`: the status *type* (``I``, ``D``, ``X``...) is the
raw status code, because the UPS code table is keyed by it; the finer ``status.code`` and
``statusCode`` stay in ``extra``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.weights import weight_in
from crosstrack.domain.model import RawEvent
from crosstrack.domain.units import Measure

SLUG = "ups"

NOT_FOUND_CODES = frozenset({"TW0001"})
"""Warning/error codes that mean "UPS has no information for this number (yet)"."""

_ADDRESS_FIELDS = ("city", "stateProvince", "postalCode")
_EXPECTED_DELIVERY_TYPES = ("RDD", "SDD")  # rescheduled first, then scheduled
_STATUS_EXTRA = {
    "code": "status_code",
    "statusCode": "status_status_code",
    "simplifiedTextDescription": "simplified_description",
}
_ACTIVITY_EXTRA = ("gmtDate", "gmtTime", "gmtOffset")


def parse_track_response(
    tracking_number: str, body: Any, *, language: str | None = None
) -> TrackingResult:
    """The result for ``tracking_number`` in one Track API answer (success, warning or error
    body). Raises :class:`MalformedPayload` when the body is none of the documented shapes."""
    if not isinstance(body, Mapping):
        raise MalformedPayload(f"ups: expected a JSON object, got {type(body).__name__}")
    if "trackResponse" in body:
        return _track_response(tracking_number, body["trackResponse"], language)
    if "response" in body:
        return error_result(tracking_number, body)
    raise MalformedPayload("ups: the answer has neither 'trackResponse' nor 'response.errors'")


def error_result(tracking_number: str, body: Mapping[str, Any]) -> TrackingResult:
    """The result for an error body ``{"response": {"errors": [{code, message}]}}``."""
    errors = _list(_mapping(body.get("response"), "response").get("errors"), "response.errors")
    if not errors:
        raise MalformedPayload("ups: 'response.errors' is empty")
    code, message = _code_and_message(errors[0], "response.errors[0]")
    return TrackingResult(
        tracking_number,
        _outcome_for(code),
        error=f"{code}: {message}",
        carrier=SLUG,
    )


def error_message(body: Any) -> str | None:
    """``"code: message"`` of the first error in an error body, if it is one."""
    if not isinstance(body, Mapping) or not isinstance(body.get("response"), Mapping):
        return None
    errors = body["response"].get("errors")
    if not isinstance(errors, list) or not errors or not isinstance(errors[0], Mapping):
        return None
    return f"{errors[0].get('code', '?')}: {errors[0].get('message', '')}"


def _outcome_for(code: str) -> Outcome:
    if code in NOT_FOUND_CODES:
        return Outcome.NOT_FOUND
    if code.startswith("TV"):  # validation errors: "Invalid inquiry number"
        return Outcome.INVALID
    return Outcome.ERROR


def _track_response(tracking_number: str, track: Any, language: str | None) -> TrackingResult:
    shipments = _list(_mapping(track, "trackResponse").get("shipment"), "trackResponse.shipment")
    packages: list[Mapping[str, Any]] = []
    warnings: list[Mapping[str, Any]] = []
    for i, shipment in enumerate(shipments):
        where = f"trackResponse.shipment[{i}]"
        shipment = _mapping(shipment, where)
        packages += _objects(shipment, "package", where)
        warnings += _objects(shipment, "warnings", where)
    if not packages:
        if not warnings:
            return TrackingResult(tracking_number, Outcome.NOT_FOUND, carrier=SLUG)
        code, message = _code_and_message(warnings[0], "warnings[0]")
        return TrackingResult(
            tracking_number, _outcome_for(code), error=f"{code}: {message}", carrier=SLUG
        )
    chosen = _packages_for(tracking_number, packages)
    events: list[RawEvent] = []
    for package in chosen:
        events += _package_events(tracking_number, package, language)
    return TrackingResult(
        tracking_number,
        Outcome.FOUND,
        events=tuple(events),
        carrier=SLUG,
        linked_numbers=_linked_numbers(tracking_number, packages),
        estimated_delivery=_estimated_delivery(chosen),
        weight=_weight(chosen),
    )


def _weight(chosen: list[Mapping[str, Any]]) -> Measure | None:
    # The weight of the one package asked about: the packages a shipment or reference number
    # names are different parcels, with no one weight.
    if len(chosen) != 1:
        return None
    return weight_in(SLUG, chosen[0].get("weight"), "weight", "unitOfMeasurement")


def _packages_for(
    tracking_number: str, packages: list[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    # The package whose number was asked; a shipment or reference number names them all.
    wanted = _key(tracking_number)
    matching = [p for p in packages if _key(_text(p.get("trackingNumber"))) == wanted]
    return matching or packages


def _package_events(
    tracking_number: str, package: Mapping[str, Any], language: str | None
) -> list[RawEvent]:
    package_number = _text(package.get("trackingNumber"))
    activities = _list_or_empty(package, "activity", "package")
    return [
        _event(tracking_number, package_number, _mapping(a, f"activity[{i}]"), language)
        for i, a in enumerate(activities)
    ]


def _event(
    tracking_number: str,
    package_number: str | None,
    activity: Mapping[str, Any],
    language: str | None,
) -> RawEvent:
    status = _mapping(activity.get("status") or {}, "activity.status")
    fields = _location_fields(activity.get("location"))
    extra: dict[str, Any] = {}
    for key, name in _STATUS_EXTRA.items():
        if (value := _text(status.get(key))) is not None:
            extra[name] = value
    for key in _ACTIVITY_EXTRA:
        if (value := _text(activity.get(key))) is not None:
            extra[key] = value
    location = activity.get("location")
    if isinstance(location, Mapping) and (slic := _text(location.get("slic"))) is not None:
        extra["slic"] = slic
    if fields:
        extra["location_fields"] = fields
    if package_number is not None and _key(package_number) != _key(tracking_number):
        extra["package_tracking_number"] = package_number
    return RawEvent(
        description=_text(status.get("description")) or "",
        carrier=SLUG,
        raw_status_code=_text(status.get("type")),
        location=", ".join(fields.values()) or None,
        timestamp=_timestamp(activity),
        language=language,
        tracking_number=tracking_number,
        extra=extra,
    )


def _timestamp(activity: Mapping[str, Any]) -> str | None:
    date, time = _text(activity.get("date")), _text(activity.get("time"))
    if date is None:
        return None
    return f"{date} {time}" if time is not None else date


def _location_fields(location: Any) -> dict[str, str]:
    if location is None:
        return {}
    address = _mapping(location, "activity.location").get("address")
    if address is None:
        return {}
    address = _mapping(address, "activity.location.address")
    fields = {k: v for k in _ADDRESS_FIELDS if (v := _text(address.get(k))) is not None}
    country = _text(address.get("countryCode")) or _text(address.get("country"))
    if country is not None:
        fields["countryCode"] = country
    return fields


def _linked_numbers(tracking_number: str, packages: list[Mapping[str, Any]]) -> tuple[str, ...]:
    # Other packages of the same shipment, and numbers of partners carrying it further
    # (``alternateTrackingNumber``: e.g. the USPS number of a UPS SurePost parcel).
    found: list[str] = []
    for package in packages:
        found.append(_text(package.get("trackingNumber")) or "")
        for alternate in _list_or_empty(package, "alternateTrackingNumber", "package"):
            if isinstance(alternate, Mapping):
                found.append(_text(alternate.get("number")) or "")
    wanted = _key(tracking_number)
    unique = dict.fromkeys(n for n in found if n and _key(n) != wanted)
    return tuple(unique)


def _estimated_delivery(packages: list[Mapping[str, Any]]) -> str | None:
    dates: dict[str, str] = {}
    for package in packages:
        for entry in _list_or_empty(package, "deliveryDate", "package"):
            if isinstance(entry, Mapping):
                kind, date = _text(entry.get("type")), _text(entry.get("date"))
                if kind is not None and date is not None:
                    dates.setdefault(kind, date)
    return next((dates[kind] for kind in _EXPECTED_DELIVERY_TYPES if kind in dates), None)


def _code_and_message(entry: Any, where: str) -> tuple[str, str]:
    entry = _mapping(entry, where)
    return _text(entry.get("code")) or "?", _text(entry.get("message")) or ""


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"ups: '{where}' should be an object, got {type(value).__name__}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise MalformedPayload(f"ups: '{where}' should be a list, got {type(value).__name__}")
    return value


def _list_or_empty(parent: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = parent.get(key)
    return [] if value is None else _list(value, f"{where}.{key}")


def _objects(parent: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    items = _list_or_empty(parent, key, where)
    return [_mapping(item, f"{where}.{key}[{i}]") for i, item in enumerate(items)]


def _text(value: Any) -> str | None:
    """A scalar field as text (``None`` for absent or empty); objects are malformed."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise MalformedPayload(f"ups: expected text, got {type(value).__name__}")
    text = str(value)
    return text if text.strip() else None


def _key(number: str | None) -> str:
    return "".join((number or "").split()).upper()
