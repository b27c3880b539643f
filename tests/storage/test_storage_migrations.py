"""Migrations build exactly the schema of ``tables.metadata``, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from crosstrack.storage import current_revision, downgrade, head_revision, upgrade
from crosstrack.storage.migrate import MIGRATIONS
from crosstrack.storage.tables import metadata


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def test_the_migrated_schema_is_the_metadata(sql_engine: Engine) -> None:
    assert _differences(sql_engine) == []
    assert current_revision(sql_engine) == head_revision()


def test_upgrading_twice_changes_nothing(sql_engine: Engine) -> None:
    upgrade(sql_engine)
    assert current_revision(sql_engine) == head_revision()
    assert _differences(sql_engine) == []


def test_downgrade_to_base_drops_everything_and_upgrade_rebuilds_it(sql_engine: Engine) -> None:
    downgrade(sql_engine, "base")
    assert current_revision(sql_engine) is None
    assert set(inspect(sql_engine).get_table_names()) <= {"alembic_version"}
    upgrade(sql_engine)
    assert _differences(sql_engine) == []


def test_upgrade_takes_a_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'by-url.db'}"
    upgrade(url)
    assert current_revision(url) == head_revision()


def test_the_scripts_ship_inside_the_package() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert sorted(p.name for p in (MIGRATIONS / "versions").glob("0*.py"))[0] == "0001_initial.py"


@pytest.mark.parametrize("table", [t.name for t in metadata.sorted_tables])
def test_every_table_is_documented(table: str) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "storage.md"
    assert f"`{table}`" in docs.read_text(encoding="utf-8")


def test_shipments_from_before_0005_get_a_tracking_token(sql_engine: Engine) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import insert, select

    from crosstrack.storage.tables import merchants, shipments, tracking_links

    downgrade(sql_engine, "base")
    upgrade(sql_engine, "0004")
    at = datetime(2026, 1, 5, tzinfo=UTC)
    with sql_engine.begin() as connection:
        connection.execute(insert(merchants).values(id="m1", name="Shop", created_at=at))
        connection.execute(
            insert(shipments).values(
                id="s1",
                merchant_id="m1",
                order_ref="SO-1",
                status="pending",
                milestone="none",
                reason="none",
                created_at=at,
                updated_at=at,
            )
        )
    upgrade(sql_engine)
    with sql_engine.connect() as connection:
        rows = connection.execute(select(tracking_links)).all()
    assert [(r.merchant_id, r.shipment_id) for r in rows] == [("m1", "s1")]
    assert len(rows[0].token) >= 24
