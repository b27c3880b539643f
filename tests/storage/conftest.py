"""Storage back-ends under test: in memory, SQLite and PostgreSQL (engines: tests/conftest.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from backends import BACKENDS, SQL_BACKENDS, engine_for
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.storage import unit_of_work_factory
from crosstrack.testing import InMemoryStore


@pytest.fixture(params=BACKENDS)
def uow_factory(request: pytest.FixtureRequest) -> UnitOfWorkFactory:
    """A unit-of-work factory on an empty store of each back-end."""
    if request.param == "memory":
        return InMemoryStore().unit_of_work
    return unit_of_work_factory(engine_for(request.param, request))


@pytest.fixture(params=SQL_BACKENDS)
def sql_engine(request: pytest.FixtureRequest) -> Engine:
    """A migrated, empty database of each SQL back-end."""
    return engine_for(request.param, request)
