"""PostNL Shipping Status API answers → tracking results (pure: no I/O).

``GET /shipment/v2/status/barcode/{barcode}?detail=true`` answers ``CurrentStatus`` (or, with
detail, ``CompleteStatus``) whose ``Shipment`` is one object or a list of colli, each with
``Barcode``, ``Status{TimeStamp, StatusCode, StatusDescription, PhaseCode, PhaseDescription}``,
and, with detail, ``Event[]`` (``Code``, ``Description``, ``LocationCode``, ``TimeStamp``) and
``OldStatus[]``; ``Dimension{Weight, Height, Length, Width, Volume}`` when PostNL measured the
parcel. Times are ``DD-MM-YYYY HH:MM:SS`` in Dutch local time, kept as given.

Events are the scans (``Event``/``Events``) when PostNL gives them; otherwise the status history
(``OldStatus``/``OldStatuses`` and the current ``Status``), so one step is not reported twice.
Problems come as ``Errors[]`` (``Code``/``Description`` or ``ErrorNumber``/``ErrorMsg``),
``Warnings[]`` (``Code``/``Message``; code 2 "No shipment found") or an API-gateway ``fault``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.carriers.errors import MalformedPayload
from crosstrack.carriers.payload import nested
from crosstrack.carriers.weights import reported_weight
from crosstrack.domain.model import RawEvent
from crosstrack.domain.units import Measure, Unit

SLUG = "postnl"

WEIGHT_UNIT = Unit.GRAM
"""``Dimension.Weight`` carries no unit: PostNL documents it as whole grams ("Weight of the
shipment in grams", the ``Dimension`` model of PostNL's own e-commerce SDK; its lengths are in
mm and its ``Volume`` in cm³). Our recorded answer agrees: 100 × 300 × 200 mm is its 6000 cm³,
and its 950 (g) fits its product "Parcels, domestic <= 10 kg"."""

_NOT_FOUND_WARNINGS = frozenset({"2"})
_STATUS_MAPPED = frozenset({"StatusCode", "StatusDescription", "TimeStamp", "Timestamp"})
_EVENT_MAPPED = frozenset({"Code", "Description", "TimeStamp", "Timestamp"})


def parse_status(number: str, body: Any, *, language: str | None = None) -> TrackingResult:
    """The result for ``number`` from a successful (HTTP 200) answer; ``language`` is the
    language the descriptions were asked in."""
    answer = _mapping(body, "the PostNL status answer")
    shipments = _shipments(answer)
    if not shipments:
        return _problem_result(number, answer, 200)
    wanted = _key(number)
    chosen = [s for s in shipments if _key(_text(s, "Barcode") or "") == wanted] or shipments
    events = tuple(e for s in chosen for e in _shipment_events(number, s, language))
    barcodes = [_text(s, key) for s in shipments for key in ("Barcode", "MainBarcode")]
    return TrackingResult(
        tracking_number=number,
        outcome=Outcome.FOUND,
        events=events,
        carrier=SLUG,
        linked_numbers=tuple(dict.fromkeys(b for b in barcodes if b and _key(b) != wanted)),
        estimated_delivery=next(filter(None, (_estimate(s) for s in chosen)), None),
        weight=_weight(chosen),
    )


def _weight(chosen: list[Mapping[str, Any]]) -> Measure | None:
    # One collo's weight; the colli of a multi-collo answer each weigh their own.
    if len(chosen) != 1:
        return None
    return reported_weight(SLUG, nested(chosen[0], "Dimension", "Weight"), WEIGHT_UNIT)


def parse_problem(number: str, body: Any, http_status: int) -> TrackingResult:
    """The result for ``number`` from an error answer (``body`` may be ``None`` when it was
    not JSON). 404 or PostNL's "no shipment found": not found; 400: PostNL refused the
    barcode; anything else: an error for this number."""
    answer = body if isinstance(body, Mapping) else {}
    return _problem_result(number, answer, http_status)


def _problem_result(number: str, answer: Mapping[str, Any], http_status: int) -> TrackingResult:
    problems = list(_problems(answer))
    message = "; ".join(f"{code}: {text}" if code else text for code, text in problems)
    codes = {code for code, _ in problems}
    texts = " ".join(text.casefold() for _, text in problems)
    if http_status == 404 or codes & _NOT_FOUND_WARNINGS or "not found" in texts:
        outcome = Outcome.NOT_FOUND
    elif http_status == 400:
        outcome = Outcome.INVALID
    elif http_status == 200 and not problems:
        outcome, message = Outcome.NOT_FOUND, "PostNL returned no shipment"
    else:
        outcome = Outcome.ERROR
    return TrackingResult(
        tracking_number=number,
        outcome=outcome,
        error=message or f"PostNL answered HTTP {http_status}",
        carrier=SLUG,
    )


def _problems(answer: Mapping[str, Any]) -> Iterable[tuple[str | None, str]]:
    for key in ("Errors", "Warnings"):
        for item in _list(answer, key):
            if isinstance(item, Mapping):
                code = _text(item, "Code") or _text(item, "ErrorNumber")
                texts = (_text(item, k) for k in ("Description", "Message", "ErrorMsg"))
                yield code, next(filter(None, texts), "no description")
    fault = answer.get("fault")
    if isinstance(fault, Mapping):
        detail = fault.get("detail")
        code = _text(detail, "errorcode") if isinstance(detail, Mapping) else None
        yield code, _text(fault, "faultstring") or "fault"


def _shipments(answer: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found: list[Mapping[str, Any]] = []
    for key in ("CompleteStatus", "CurrentStatus"):
        block = answer.get(key)
        if block is None:
            continue
        shipment = _mapping(block, key).get("Shipment")
        items = shipment if isinstance(shipment, list) else [] if shipment is None else [shipment]
        found += [_mapping(item, "a shipment") for item in items]
        if found:
            return found
    return found


def _shipment_events(
    number: str, shipment: Mapping[str, Any], language: str | None
) -> list[RawEvent]:
    context = {
        key: shipment[key]
        for key in ("Barcode", "ProductCode", "ProductDescription")
        if shipment.get(key) is not None
    }
    scans = [*_list(shipment, "Event"), *_list(shipment, "Events")]
    if scans:
        return [_scan(number, _mapping(s, "an event"), context, language) for s in scans]
    history = [*_list(shipment, "OldStatus"), *_list(shipment, "OldStatuses")]
    current = shipment.get("Status")
    statuses = [*history, *([] if current is None else [current])]
    return [_status(number, _mapping(s, "a status"), context, language) for s in statuses]


def _scan(
    number: str, item: Mapping[str, Any], context: Mapping[str, Any], language: str | None
) -> RawEvent:
    extra = {k: v for k, v in item.items() if k not in _EVENT_MAPPED and v is not None}
    return RawEvent(
        description=_text(item, "Description") or "",
        carrier=SLUG,
        raw_status_code=_text(item, "Code"),
        timestamp=_text(item, "TimeStamp") or _text(item, "Timestamp"),
        language=language,
        tracking_number=number,
        extra={**extra, **{f"shipment_{k}": v for k, v in context.items()}},
    )


def _status(
    number: str, item: Mapping[str, Any], context: Mapping[str, Any], language: str | None
) -> RawEvent:
    extra = {k: v for k, v in item.items() if k not in _STATUS_MAPPED and v is not None}
    return RawEvent(
        description=_text(item, "StatusDescription") or "",
        carrier=SLUG,
        raw_status_code=_text(item, "StatusCode"),
        timestamp=_text(item, "TimeStamp") or _text(item, "Timestamp"),
        language=language,
        tracking_number=number,
        extra={**extra, **{f"shipment_{k}": v for k, v in context.items()}},
    )


def _estimate(shipment: Mapping[str, Any]) -> str | None:
    date = _text(shipment, "DeliveryDate")
    expectation = shipment.get("Expectation")
    if date is None and isinstance(expectation, Mapping):
        start, end = _text(expectation, "ETAFrom"), _text(expectation, "ETATo")
        date = "/".join(p for p in (start, end) if p) or None
    return date


def _key(number: str) -> str:
    return "".join(number.split()).upper()


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"PostNL sent {what} as {type(value).__name__}, not an object")
    return value


def _list(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if isinstance(value, Mapping):  # a single item may come unwrapped
        return [value]
    if not isinstance(value, list):
        raise MalformedPayload(f"PostNL sent {key} as {type(value).__name__}, not a list")
    return value


def _text(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text if text and text != "{}" else None
    raise MalformedPayload(f"PostNL sent {key} as {type(value).__name__}, not text")
