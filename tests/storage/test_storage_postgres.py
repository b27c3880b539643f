"""PostgreSQL specifics: row locks for ``get(for_update=True)``, read-only units of work."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, exc, text
from storage_samples import merchant, shipment

from crosstrack.storage import SqlUnitOfWork


@pytest.fixture
def engine(clean_postgres_engine: Engine) -> Engine:
    with SqlUnitOfWork(clean_postgres_engine) as uow:
        uow.merchants.add(merchant("m-a"))
        uow.shipments.add(shipment("s-1"))
        uow.commit()
    return clean_postgres_engine


def _try_lock(engine: Engine) -> None:
    with engine.begin() as other:
        other.execute(text("SELECT id FROM shipments WHERE id = 's-1' FOR UPDATE NOWAIT"))


def test_get_for_update_locks_the_row_until_the_transaction_ends(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        assert uow.shipments.get("m-a", "s-1", for_update=True) is not None
        with pytest.raises(exc.OperationalError, match="could not obtain lock"):
            _try_lock(engine)
        uow.commit()
        _try_lock(engine)


def test_a_plain_get_takes_no_lock(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        assert uow.shipments.get("m-a", "s-1") is not None
        _try_lock(engine)


def test_a_read_only_unit_of_work_cannot_write(engine: Engine) -> None:
    with (
        pytest.raises(exc.InternalError, match="read-only transaction"),
        SqlUnitOfWork(engine, read_only=True) as uow,
    ):
        uow.merchants.add(merchant("m-b"))
