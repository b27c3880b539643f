"""Schema migrations, run from code: ``upgrade(url)`` brings a database to the newest schema.

Alembic is configured programmatically (the scripts ship inside the package, no alembic.ini),
so ``crosstrack db upgrade`` works from an installed wheel. Running ``upgrade`` on an up-to-date
database does nothing; two processes upgrading at once are serialized (SQLite's write lock, a
PostgreSQL advisory lock).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL

from crosstrack.storage.engine import create_engine_for

MIGRATIONS = Path(__file__).resolve().with_name("migrations")
"""The Alembic script directory inside the package."""

_ADVISORY_LOCK = 0x637274726B  # "crtrk": one lock id for every crosstrack migration.


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` pointing at the packaged scripts (and at ``connection``)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(database: str | URL | Engine, revision: str = "head") -> None:
    """Migrate the database at ``database`` (a URL or an engine) up to ``revision``."""
    with _migrating(database) as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(database: str | URL | Engine, revision: str) -> None:
    """Migrate the database down to ``revision`` (``"base"`` drops every table)."""
    with _migrating(database) as connection:
        command.downgrade(alembic_config(connection), revision)


def current_revision(database: str | URL | Engine) -> str | None:
    """The revision the database is at (``None`` before the first ``upgrade``)."""
    with _connected(database) as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision the packaged scripts know."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migration scripts in {MIGRATIONS}")
    return head


@contextmanager
def _connected(database: str | URL | Engine) -> Iterator[Connection]:
    engine = database if isinstance(database, Engine) else create_engine_for(database)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        if engine is not database:
            engine.dispose()


@contextmanager
def _migrating(database: str | URL | Engine) -> Iterator[Connection]:
    with _connected(database) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_ADVISORY_LOCK})")
        yield connection
