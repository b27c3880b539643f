"""SQLite as the embedded default: one WAL file, aware UTC datetimes, serialized writers."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from storage_samples import T0, merchant, shipment

from crosstrack.domain.shipment import ShipmentState
from crosstrack.services.records import Merchant, ShipmentFilter
from crosstrack.storage import SqlUnitOfWork, create_engine_for, database_url, upgrade
from crosstrack.storage.errors import InvalidCursor, UnsupportedDatabase
from crosstrack.storage.tables import merchants


def test_a_file_database_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(
    sqlite_engine: Engine,
) -> None:
    with sqlite_engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert pragma("PRAGMA busy_timeout").scalar() >= 5000


def test_the_database_is_one_file_whose_directory_is_created(tmp_path: Path) -> None:
    path = tmp_path / "data" / "nested" / "crosstrack.db"
    engine = create_engine_for(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    assert path.is_file()


def test_datetimes_come_back_aware_and_in_utc(sqlite_engine: Engine) -> None:
    paris = timezone(timedelta(hours=1))
    local = datetime(2026, 1, 5, 13, 30, 0, 250000, tzinfo=paris)
    with SqlUnitOfWork(sqlite_engine) as uow:
        uow.merchants.add(merchant("m-a"))
        uow.shipments.add(shipment("s-1", created_at=local))
        uow.commit()
    with SqlUnitOfWork(sqlite_engine) as uow:
        found = uow.shipments.get("m-a", "s-1")
        assert found is not None
        assert found.created_at == local
        assert found.created_at.tzinfo is UTC
        assert found.created_at.hour == 12
    with sqlite_engine.connect() as connection:
        stored = connection.execute(select(merchants.c.created_at)).scalar_one()
    assert stored == T0 and stored.tzinfo is UTC


def test_a_naive_datetime_is_refused(sqlite_engine: Engine) -> None:
    with pytest.raises(Exception, match="naive datetime"), SqlUnitOfWork(sqlite_engine) as uow:
        uow.merchants.add(Merchant("m-a", "A", datetime(2026, 1, 5)))


def test_filters_compare_instants_whatever_offset_they_are_given_in(
    sqlite_engine: Engine,
) -> None:
    with SqlUnitOfWork(sqlite_engine) as uow:
        uow.merchants.add(merchant("m-a"))
        uow.shipments.add(shipment("s-1", created_at=T0))
        uow.commit()
        tokyo = timezone(timedelta(hours=9))
        just_after = (T0 + timedelta(microseconds=1)).astimezone(tokyo)
        assert uow.shipments.list("m-a", ShipmentFilter(created_to=just_after), limit=5).items
        assert not uow.shipments.list("m-a", ShipmentFilter(created_from=just_after), limit=5).items


def test_a_cursor_that_was_not_given_out_is_refused(sqlite_engine: Engine) -> None:
    with SqlUnitOfWork(sqlite_engine) as uow, pytest.raises(InvalidCursor):
        uow.shipments.list("m-a", ShipmentFilter(), limit=5, cursor="not-a-cursor!")


def test_concurrent_read_then_write_transactions_are_serialized(sqlite_engine: Engine) -> None:
    with SqlUnitOfWork(sqlite_engine) as uow:
        uow.merchants.add(merchant("m-a"))
        uow.shipments.add(shipment("s-1"))
        uow.commit()
    errors: list[BaseException] = []

    def bump(worker: int) -> None:
        try:
            for i in range(20):
                with SqlUnitOfWork(sqlite_engine) as uow:
                    found = uow.shipments.get("m-a", "s-1", for_update=True)
                    assert found is not None
                    state = ShipmentState(event_count=found.state.event_count + 1)
                    uow.shipments.save_state("m-a", "s-1", state, T0 + timedelta(seconds=i))
                    uow.commit()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=bump, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with SqlUnitOfWork(sqlite_engine) as uow:
        found = uow.shipments.get("m-a", "s-1")
        assert found is not None and found.state.event_count == 80


def test_a_read_only_unit_of_work_does_not_wait_for_a_writer(sqlite_engine: Engine) -> None:
    with SqlUnitOfWork(sqlite_engine) as writer:
        writer.merchants.add(merchant("m-a"))
        writer.commit()
        writer.merchants.add(merchant("m-b"))  # holds the write lock, uncommitted
        with SqlUnitOfWork(sqlite_engine, read_only=True) as reader:
            assert reader.merchants.get("m-a") == merchant("m-a")
            assert reader.merchants.get("m-b") is None


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgresql://u:p@db/crosstrack", "postgresql+psycopg"),
        ("postgres://u:p@db/crosstrack", "postgresql+psycopg"),
        ("postgresql+psycopg://u:p@db/crosstrack", "postgresql+psycopg"),
        ("sqlite:///var/lib/crosstrack/crosstrack.db", "sqlite+pysqlite"),
    ],
)
def test_urls_get_the_supported_driver(given: str, driver: str) -> None:
    assert database_url(given).drivername == driver


@pytest.mark.parametrize(
    "url", ["mysql://u:p@db/x", "postgresql+psycopg2://u:p@db/x", "sqlite+aiosqlite:///x.db"]
)
def test_unsupported_databases_are_refused(url: str) -> None:
    with pytest.raises(UnsupportedDatabase):
        create_engine_for(url)
