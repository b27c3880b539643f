"""Database back-ends shared by every test layer: SQLite (a temp file) and PostgreSQL.

Fixtures are registered by ``tests/conftest.py``; import the helpers from ``backends``.

PostgreSQL runs only when ``CROSSTRACK_TEST_POSTGRES_URL`` is set (``.ci/postgres.sh`` starts a
local server and prints one); without it, the PostgreSQL cases are skipped with that reason.
Each test session works in its own schema, dropped at the end, so sessions can share one
database.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url, text

from crosstrack.storage import create_engine_for, upgrade
from crosstrack.storage.tables import metadata

POSTGRES_URL_VARIABLE = "CROSSTRACK_TEST_POSTGRES_URL"
NO_POSTGRES = (
    f"PostgreSQL tests need {POSTGRES_URL_VARIABLE} "
    "(run .ci/postgres.sh to start a local server and print one)"
)
BACKENDS = ("memory", "sqlite", "postgres")
SQL_BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A URL whose connections work in a fresh schema of the test database."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(NO_POSTGRES)
    schema = f"crosstrack_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine_for(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_engine(postgres_url: str) -> Iterator[Engine]:
    """An engine on the session's schema, migrated once."""
    engine = create_engine_for(postgres_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def clean_postgres_engine(postgres_engine: Engine) -> Engine:
    """The session's PostgreSQL engine with every table emptied."""
    names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    with postgres_engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    return postgres_engine


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    """A migrated SQLite database in a temporary file."""
    engine = create_engine_for(f"sqlite:///{tmp_path / 'crosstrack.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def engine_for(backend: str, request: pytest.FixtureRequest) -> Engine:
    """The empty, migrated engine of an SQL back-end (``sqlite`` or ``postgres``)."""
    name = "sqlite_engine" if backend == "sqlite" else "clean_postgres_engine"
    engine: Engine = request.getfixturevalue(name)
    return engine
