"""Storage: SQLAlchemy Core on SQLite (embedded default) and PostgreSQL (production).

``bootstrap`` wires it::

    engine = create_engine_for(settings.database_url)
    upgrade(engine)                      # or `crosstrack db upgrade`
    uow_factory = unit_of_work_factory(engine)

See docs/storage.md for tables, indexes, set-up and backups.
"""

from crosstrack.storage.engine import create_engine_for, database_url
from crosstrack.storage.errors import InvalidCursor, StorageError, UnsupportedDatabase
from crosstrack.storage.migrate import current_revision, downgrade, head_revision, upgrade
from crosstrack.storage.tables import metadata
from crosstrack.storage.unit_of_work import (
    SqlUnitOfWork,
    SqlUnitOfWorkFactory,
    unit_of_work_factory,
)

__all__ = [
    "InvalidCursor",
    "SqlUnitOfWork",
    "SqlUnitOfWorkFactory",
    "StorageError",
    "UnsupportedDatabase",
    "create_engine_for",
    "current_revision",
    "database_url",
    "downgrade",
    "head_revision",
    "metadata",
    "unit_of_work_factory",
    "upgrade",
]
