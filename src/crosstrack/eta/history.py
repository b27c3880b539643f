"""The history CSV of docs/eta.md: one row per shipment with its outcome and milestone times.

Times are ISO 8601. A time without an offset is local to the origin country for
``created_at``, ``picked_up_at`` and ``departed_origin_at`` and to the destination country for
the others; ``promised_at`` may be a date (a day in the destination's calendar). Rows that
cannot be read are reported with their line number and skipped; the rest are kept.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TextIO

from crosstrack.eta.errors import HistoryFileError

REQUIRED = ("shipment_id", "created_at", "origin_country", "destination_country")
"""Columns that must be present and filled in every row."""
COLUMNS = (
    "shipment_id",
    "carrier",
    "service",
    "origin_country",
    "origin_region",
    "destination_country",
    "destination_region",
    "created_at",
    "promised_at",
    "delivered_at",
    "status",
)
"""The contract's columns, in the order ``write_history`` writes them."""
MILESTONE_COLUMNS = (
    "picked_up_at",
    "departed_origin_at",
    "arrived_destination_at",
    "customs_released_at",
    "out_for_delivery_at",
)
"""Optional milestone timestamp columns, in journey order."""
ORIGIN_LOCAL = frozenset({"created_at", "picked_up_at", "departed_origin_at"})
"""Columns whose offset-less times are read in the origin country's zone."""

ZoneLookup = Callable[[str, str], tzinfo]
"""``(country, region) -> zone``: the zone offset-less times of that place are in."""


@dataclass(frozen=True, slots=True)
class HistoryRecord:
    """One shipment of a history file (all datetimes aware UTC)."""

    shipment_id: str
    origin_country: str
    destination_country: str
    created_at: datetime
    carrier: str = ""
    service: str = ""
    origin_region: str = ""
    destination_region: str = ""
    promised_on: date | None = None
    """The promised delivery day in the destination's calendar."""
    delivered_at: datetime | None = None
    status: str = ""
    milestones: tuple[datetime | None, ...] = (None,) * len(MILESTONE_COLUMNS)
    """Aligned with :data:`MILESTONE_COLUMNS`."""
    destination_zone: tzinfo = UTC
    """The zone of the destination's calendar (delivery dates are days there)."""
    origin_zone: tzinfo = UTC

    @property
    def delivered_on(self) -> date | None:
        """The delivery day in the destination's calendar."""
        if self.delivered_at is None:
            return None
        return self.delivered_at.astimezone(self.destination_zone).date()

    @property
    def transit_days(self) -> float | None:
        """Days from creation to delivery, when delivered."""
        if self.delivered_at is None:
            return None
        return (self.delivered_at - self.created_at).total_seconds() / 86400.0


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that could not be read: its line number in the file and why."""

    line: int
    message: str


@dataclass(slots=True)
class HistoryFile:
    """What reading a history file gave: the records and the rows that were skipped."""

    records: list[HistoryRecord] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def read_history(
    source: str | Path | TextIO, zone_of: ZoneLookup, *, outcomes: bool = True
) -> HistoryFile:
    """Read a history CSV from a path or an open text stream.

    With ``outcomes=False`` (open shipments to predict) ``delivered_at`` is not read: a
    shipment is predicted whatever that cell holds. Raises :class:`HistoryFileError` when the
    file cannot be opened or lacks a required column; a bad row is reported in ``problems``
    and skipped.
    """
    if isinstance(source, str | Path):
        try:
            with Path(source).open(encoding="utf-8-sig", newline="") as stream:
                return _read(stream, zone_of, outcomes)
        except OSError as exc:
            raise HistoryFileError(f"cannot read {source}: {exc.strerror}") from exc
    return _read(source, zone_of, outcomes)


def _read(stream: TextIO, zone_of: ZoneLookup, outcomes: bool) -> HistoryFile:
    reader = csv.DictReader(stream)
    header = [name.strip() for name in reader.fieldnames or ()]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise HistoryFileError(f"the history file lacks the column(s) {', '.join(missing)}")
    reader.fieldnames = header
    result = HistoryFile()
    for line, row in enumerate(reader, start=2):
        if not outcomes:
            row = {**row, "delivered_at": ""}
        try:
            result.records.append(parse_row(row, zone_of))
        except ValueError as exc:
            result.problems.append(RowProblem(line, str(exc)))
    return result


def parse_row(row: dict[str, str | None], zone_of: ZoneLookup) -> HistoryRecord:
    """One CSV row as a record; raises ``ValueError`` saying which cell is wrong."""
    cells = {key: (value or "").strip() for key, value in row.items() if key}
    for name in REQUIRED:
        if not cells.get(name):
            raise ValueError(f"{name} is empty")
    origin = cells["origin_country"].upper()
    destination = cells["destination_country"].upper()
    for name, code in (("origin_country", origin), ("destination_country", destination)):
        if len(code) != 2 or not code.isalpha():
            raise ValueError(f"{name} {code!r} is not an ISO 3166 alpha-2 code")
    origin_zone = zone_of(origin, cells.get("origin_region", ""))
    destination_zone = zone_of(destination, cells.get("destination_region", ""))

    def when(name: str) -> datetime | None:
        text = cells.get(name, "")
        if not text:
            return None
        return parse_time(text, origin_zone if name in ORIGIN_LOCAL else destination_zone, name)

    created = when("created_at")
    assert created is not None
    delivered = when("delivered_at")
    if delivered is not None and delivered < created:
        raise ValueError("delivered_at is before created_at")
    return HistoryRecord(
        shipment_id=cells["shipment_id"],
        carrier=cells.get("carrier", "").lower(),
        service=cells.get("service", "").lower(),
        origin_country=origin,
        origin_region=cells.get("origin_region", "").upper(),
        destination_country=destination,
        destination_region=cells.get("destination_region", "").upper(),
        created_at=created,
        promised_on=_promised_day(cells.get("promised_at", ""), destination_zone),
        delivered_at=delivered,
        status=cells.get("status", "").lower(),
        milestones=tuple(when(name) for name in MILESTONE_COLUMNS),
        destination_zone=destination_zone,
        origin_zone=origin_zone,
    )


def parse_time(text: str, zone: tzinfo, name: str = "time") -> datetime:
    """An ISO 8601 time as aware UTC; a time without an offset is read in ``zone``."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        raise ValueError(f"{name} {text!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def _promised_day(text: str, zone: tzinfo) -> date | None:
    if not text:
        return None
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"promised_at {text!r} is not an ISO 8601 date") from None
    return parse_time(text, zone, "promised_at").astimezone(zone).date()


def write_history(records: Iterable[HistoryRecord], stream: TextIO) -> int:
    """Write records as a history CSV (times in UTC with their offset); returns the rows."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow((*COLUMNS, *MILESTONE_COLUMNS))
    count = 0
    for record in records:
        writer.writerow(_cells(record))
        count += 1
    return count


def _cells(record: HistoryRecord) -> Iterator[str]:
    yield record.shipment_id
    yield record.carrier
    yield record.service
    yield record.origin_country
    yield record.origin_region
    yield record.destination_country
    yield record.destination_region
    yield record.created_at.isoformat()
    yield record.promised_on.isoformat() if record.promised_on else ""
    yield record.delivered_at.isoformat() if record.delivered_at else ""
    yield record.status
    for moment in record.milestones:
        yield moment.isoformat() if moment else ""
