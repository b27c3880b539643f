"""CSV imports: bulk registration of shipments, and of past shipments with their outcomes.

Columns are documented in docs/imports.md. Each row is checked on its own: a bad row is
reported with its line number, the column at fault and the reason, and every good row is
kept. Past outcomes (``shipped_at``, ``delivered_at``) become events of source ``import``
that go through the same ingestion as everything else, so they train ETAs like real scans.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from crosstrack.domain.errors import CrosstrackError
from crosstrack.domain.model import RawEvent
from crosstrack.domain.shipment import BuyerContact, Endpoint
from crosstrack.services.errors import InvalidInput
from crosstrack.services.ingestion import IncomingEvent, Ingestor
from crosstrack.services.records import EventSource
from crosstrack.services.registration import NumberInput, RegisterShipment, Registrar

REQUIRED = ("order_ref", "tracking_number")
COLUMNS = (
    "order_ref",
    "tracking_number",
    "carrier",
    "origin_country",
    "origin_region",
    "origin_postcode",
    "origin_city",
    "destination_country",
    "destination_region",
    "destination_postcode",
    "destination_city",
    "promised_date",
    "buyer_email",
    "buyer_phone",
    "buyer_locale",
    "buyer_timezone",
    "shipped_at",
    "delivered_at",
    "data_source",
)
"""``data_source`` is informational (``synthetic`` on simulator exports) and not stored."""


@dataclass(frozen=True, slots=True)
class RowError:
    """Why one row was not imported."""

    line: int
    field: str | None
    message: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did."""

    rows: int = 0
    created: int = 0
    existing: int = 0
    events_stored: int = 0
    errors: tuple[RowError, ...] = field(default_factory=tuple)


class Importer:
    """Imports a merchant's CSV file."""

    def __init__(self, *, registrar: Registrar, ingestor: Ingestor) -> None:
        self._registrar = registrar
        self._ingestor = ingestor

    def import_csv(self, merchant_id: str, text: str) -> ImportReport:
        """Import every good row of ``text`` (CSV with a header row) for the merchant."""
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        header = [h.strip() for h in reader.fieldnames or []]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            return ImportReport(errors=(RowError(1, missing[0], "missing required column"),))
        unknown = [h for h in header if h and h not in COLUMNS]
        errors = [RowError(1, h, "unknown column (ignored)") for h in unknown]
        rows = created = existing = stored = 0
        for line, row in _rows(reader):
            rows += 1
            try:
                command, outcome = _parse(merchant_id, row)
                registration = self._registrar.register(command)
            except CrosstrackError as exc:
                errors.append(RowError(line, _column(exc.field), exc.message))
                continue
            created += registration.created
            existing += not registration.created
            if outcome:
                number = registration.shipment.legs[0]
                events = [
                    IncomingEvent(
                        RawEvent(
                            description=text,
                            carrier=number.carrier,
                            raw_status_code=code,
                            timestamp=stamp.isoformat(),
                            tracking_number=number.tracking_number,
                        ),
                        EventSource.IMPORT,
                        merchant_id=merchant_id,
                        shipment_id=registration.shipment.id,
                    )
                    for code, text, stamp in outcome
                ]
                stored += self._ingestor.ingest(events).stored
        return ImportReport(rows, created, existing, stored, tuple(errors))


def _rows(reader: csv.DictReader[str]) -> Iterator[tuple[int, Mapping[str, str]]]:
    for row in reader:
        clean = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
        if any(clean.values()):
            yield reader.line_num, clean


def _column(service_field: str | None) -> str | None:
    """Map a service field name (``tracking_numbers[0].carrier``) to the CSV column."""
    if service_field is None:
        return None
    if service_field.startswith("tracking_numbers"):
        return "carrier" if service_field.endswith("carrier") else "tracking_number"
    return service_field


def _parse(
    merchant_id: str, row: Mapping[str, str]
) -> tuple[RegisterShipment, list[tuple[str, str, datetime]]]:
    def get(name: str) -> str | None:
        return row.get(name) or None

    origin = _endpoint(row, "origin")
    destination = _endpoint(row, "destination")
    buyer = BuyerContact(
        email=get("buyer_email"),
        phone=get("buyer_phone"),
        locale=get("buyer_locale"),
        timezone=get("buyer_timezone"),
    )
    command = RegisterShipment(
        merchant_id=merchant_id,
        order_ref=row.get("order_ref", ""),
        numbers=(NumberInput(row.get("tracking_number", ""), get("carrier")),),
        origin=origin,
        destination=destination,
        promised_date=_date(get("promised_date"), "promised_date"),
        buyer=buyer if any((buyer.email, buyer.phone, buyer.locale, buyer.timezone)) else None,
    )
    shipped = _moment(get("shipped_at"), "shipped_at")
    delivered = _moment(get("delivered_at"), "delivered_at")
    if shipped and delivered and delivered < shipped:
        raise InvalidInput("delivered before it was shipped", field="delivered_at")
    outcome: list[tuple[str, str, datetime]] = []
    if shipped:
        outcome.append(("picked_up", "Picked up (imported outcome)", shipped))
    if delivered:
        outcome.append(("delivered", "Delivered (imported outcome)", delivered))
    return command, outcome


def _endpoint(row: Mapping[str, str], side: str) -> Endpoint | None:
    country = row.get(f"{side}_country", "").upper()
    if not country:
        return None
    if len(country) != 2 or not country.isalpha():
        raise InvalidInput("a country is a two-letter ISO code", field=f"{side}_country")
    return Endpoint(
        country=country,
        region=row.get(f"{side}_region") or None,
        postcode=row.get(f"{side}_postcode") or None,
        city=row.get(f"{side}_city") or None,
    )


def _date(text: str | None, column: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date (YYYY-MM-DD)", field=column) from None


def _moment(text: str | None, column: str) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not an ISO 8601 time", field=column) from None
    if moment.tzinfo is None:
        raise InvalidInput(f"{text!r} needs a UTC offset (e.g. +08:00 or Z)", field=column)
    return moment
