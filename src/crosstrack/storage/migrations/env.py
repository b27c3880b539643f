"""Alembic environment, configured in code by ``crosstrack.storage.migrate`` (no alembic.ini).

The caller passes an open connection in ``config.attributes["connection"]``; without one (the
``alembic`` command line with ``-x url=...`` or ``sqlalchemy.url``), an engine is made from the
URL with ``create_engine_for``, so SQLite gets the same pragmas as the application.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from crosstrack.storage.engine import create_engine_for
from crosstrack.storage.tables import metadata

config = context.config


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise RuntimeError("no database: pass a connection, -x url=..., or sqlalchemy.url")
    return url


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    """Print the SQL instead of running it (``--sql``)."""
    context.configure(url=_url(), target_metadata=metadata, literal_binds=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    engine = create_engine_for(_url())
    try:
        with engine.connect() as fresh:
            _configure(fresh)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
