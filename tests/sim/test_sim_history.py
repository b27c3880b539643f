"""Synthetic histories export in the CSV import format and import cleanly."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crosstrack.sim.history import COLUMNS, export_csv, export_csv_text
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SYNTHETIC, SimParcel
from crosstrack.testing import FrozenClock, InMemoryStore
from crosstrack.testing.wiring import wired_services


@pytest.fixture(scope="module")
def parcels() -> list[SimParcel]:
    return generate(
        31, 120, start=datetime(2025, 6, 1, tzinfo=UTC), end=datetime(2025, 9, 1, tzinfo=UTC)
    )


def test_every_row_is_labelled_synthetic_with_the_documented_columns(
    parcels: list[SimParcel],
) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv_text(parcels))))
    assert len(rows) == len(parcels)
    assert tuple(rows[0]) == COLUMNS
    assert {r["data_source"] for r in rows} == {SYNTHETIC}
    first = rows[0]
    assert first["tracking_number"] == parcels[0].legs[0].tracking_number
    assert datetime.fromisoformat(first["shipped_at"]) == parcels[0].shipped_at


def test_delivered_at_is_empty_for_parcels_never_delivered(parcels: list[SimParcel]) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv_text(parcels))))
    for parcel, row in zip(parcels, rows, strict=True):
        if parcel.delivered_at is None:
            assert row["delivered_at"] == ""
        else:
            assert datetime.fromisoformat(row["delivered_at"]) == parcel.delivered_at


def test_export_writes_to_a_path_or_a_stream(parcels: list[SimParcel], tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    assert export_csv(parcels, path) == len(parcels)
    stream = io.StringIO()
    export_csv(parcels, stream)
    assert path.read_text(encoding="utf-8") == stream.getvalue()


def test_the_history_imports_without_row_errors(parcels: list[SimParcel]) -> None:
    services = wired_services(
        InMemoryStore().unit_of_work,
        FrozenClock(datetime(2026, 1, 5, 12, tzinfo=UTC)),
    )
    merchant = services.accounts.create_merchant("Synthetic Shop")
    report = services.importer.import_csv(merchant.id, export_csv_text(parcels))
    assert report.errors == ()
    assert (report.rows, report.created) == (len(parcels), len(parcels))
    delivered = sum(p.delivered_at is not None for p in parcels)
    assert report.events_stored == len(parcels) + delivered
