"""Export simulated parcels as a history file in crosstrack's CSV import format.

The columns are those of docs/imports.md (``order_ref``, ``tracking_number``, ``carrier``,
countries, ``destination_city``, ``promised_date``, ``shipped_at``, ``delivered_at``) plus
``data_source`` = ``synthetic`` on every row, so a synthetic history can never pass for a real
one. The importer reports ``data_source`` once as an unknown column (line 1) and ignores it.
Each row is the first leg's number (the one the merchant got at shipping).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TextIO

from crosstrack.sim.model import SYNTHETIC, SimParcel

COLUMNS = (
    "order_ref",
    "tracking_number",
    "carrier",
    "origin_country",
    "destination_country",
    "destination_city",
    "promised_date",
    "shipped_at",
    "delivered_at",
    "data_source",
)
"""The header of the exported file, in order."""


def history_rows(parcels: Iterable[SimParcel]) -> Iterable[dict[str, str]]:
    """One CSV row (column → text) per parcel."""
    for parcel in parcels:
        first = parcel.legs[0]
        shipped = next(
            (
                e
                for e in parcel.events
                if e.tracking_number == first.tracking_number and e.at == parcel.shipped_at
            ),
            None,
        )
        delivered = next((e for e in parcel.events if e.at == parcel.delivered_at), None)
        last = parcel.events[-1] if parcel.events else None
        yield {
            "order_ref": f"SIM-{parcel.id.removeprefix('sim-')}",
            "tracking_number": first.tracking_number,
            "carrier": first.carrier,
            "origin_country": parcel.lane.origin,
            "destination_country": parcel.lane.destination,
            "destination_city": (last.city or "")
            if last and last.country == parcel.lane.destination
            else "",
            "promised_date": parcel.promised_date.isoformat() if parcel.promised_date else "",
            "shipped_at": _local_iso(shipped.at, shipped.utc_offset_minutes)
            if shipped
            else parcel.shipped_at.isoformat(),
            "delivered_at": _local_iso(delivered.at, delivered.utc_offset_minutes)
            if delivered
            else "",
            "data_source": SYNTHETIC,
        }


def export_csv(parcels: Iterable[SimParcel], destination: str | Path | TextIO) -> int:
    """Write ``parcels`` as an import CSV to a path or an open text stream; returns the rows.

    Times are ISO 8601 with the local offset of the scan (``2025-03-04T10:15:00+08:00``).
    """
    if isinstance(destination, str | Path):
        with Path(destination).open("w", encoding="utf-8", newline="") as stream:
            return _write(parcels, stream)
    return _write(parcels, destination)


def export_csv_text(parcels: Iterable[SimParcel]) -> str:
    """The import CSV of ``parcels`` as a string."""
    buffer = io.StringIO()
    _write(parcels, buffer)
    return buffer.getvalue()


def _write(parcels: Iterable[SimParcel], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in history_rows(parcels):
        writer.writerow(row)
        count += 1
    return count


def _local_iso(moment: datetime, offset_minutes: int) -> str:
    return moment.astimezone(timezone(timedelta(minutes=offset_minutes))).isoformat()
