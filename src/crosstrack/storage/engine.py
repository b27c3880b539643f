"""Engines for the two supported databases: SQLite (embedded default) and PostgreSQL.

SQLite is one file in WAL mode (readers never block the writer), with foreign keys on, a busy
timeout so a second writer waits instead of failing, ``synchronous=NORMAL`` (durable at every
checkpoint, safe against application crashes) and ``BEGIN IMMEDIATE`` transactions: a unit of
work takes the write lock when it starts, so writers are serialized and a read-then-write
transaction can never fail half-way with "database is locked".

PostgreSQL goes through psycopg 3; plain ``postgresql://`` and ``postgres://`` URLs are mapped
to ``postgresql+psycopg://``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.pool import ConnectionPoolEntry

from crosstrack.storage.errors import UnsupportedDatabase

SQLITE_BUSY_TIMEOUT_MS = 30_000
"""How long a SQLite writer waits for another one to finish before giving up."""

READ_ONLY_OPTION = "crosstrack_read_only"
"""Connection execution option: this connection only reads (see ``SqlUnitOfWork``)."""


def database_url(url: str | URL) -> URL:
    """The URL with its driver chosen: psycopg 3 for PostgreSQL, pysqlite for SQLite."""
    parsed = make_url(url)
    backend, _, driver = parsed.drivername.partition("+")
    if backend in ("postgresql", "postgres"):
        if driver not in ("", "psycopg"):
            raise UnsupportedDatabase(
                f"PostgreSQL driver {driver!r} is not supported; use postgresql+psycopg://"
            )
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if driver not in ("", "pysqlite"):
            raise UnsupportedDatabase(f"SQLite driver {driver!r} is not supported")
        return parsed.set(drivername="sqlite+pysqlite")
    raise UnsupportedDatabase(
        f"database {backend!r} is not supported; use sqlite:/// or postgresql://"
    )


def create_engine_for(url: str | URL, *, echo: bool = False) -> Engine:
    """An engine for ``url`` (``sqlite:///path/crosstrack.db`` or ``postgresql://...``).

    For a SQLite file the parent directory is created if missing. Nothing connects here.
    """
    parsed = database_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, echo=echo)
    engine = create_engine(parsed, echo=echo, pool_pre_ping=True)
    event.listen(engine, "begin", _begin_postgresql)
    return engine


def _sqlite_engine(url: URL, *, echo: bool) -> Engine:
    path = url.database
    if path and path != ":memory:" and not path.startswith("file:"):
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=echo)
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    # Take transactions out of pysqlite's hands: ``_begin_immediate`` issues BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _read_only(connection: Connection) -> bool:
    return bool(connection.get_execution_options().get(READ_ONLY_OPTION, False))


def _begin_immediate(connection: Connection) -> None:
    # A writer takes the write lock up front; a reader reads a snapshot and never waits (WAL).
    connection.exec_driver_sql("BEGIN" if _read_only(connection) else "BEGIN IMMEDIATE")


def _begin_postgresql(connection: Connection) -> None:
    if _read_only(connection):
        connection.exec_driver_sql("SET TRANSACTION READ ONLY")
