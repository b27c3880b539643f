"""``INSERT ... ON CONFLICT`` for a dialect (SQLite and PostgreSQL spell it alike).

The statements are built once per dialect and table and reused, so that SQLAlchemy compiles
them once (bulk ingestion runs them thousands of times).
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert


def _dialect_insert(dialect: str, table: Table) -> postgresql.Insert | sqlite.Insert:
    if dialect == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


@cache
def insert_skipping_duplicates(
    dialect: str, table: Table, unique_columns: tuple[str, ...]
) -> Insert:
    """An insert that silently skips a row whose ``unique_columns`` are already stored
    (also when the duplicate comes earlier in the same batch).

    Run it with a list of rows (one ``executemany``); its ``rowcount`` is then the number of
    rows stored (``preserve_rowcount`` makes psycopg's sum over the batch available).
    """
    stmt = _dialect_insert(dialect, table).on_conflict_do_nothing(
        index_elements=list(unique_columns)
    )
    return stmt.execution_options(preserve_rowcount=True)


@cache
def insert_or_replace(dialect: str, table: Table, key_columns: tuple[str, ...]) -> Insert:
    """An insert that overwrites every other column of the row with the same key."""
    stmt = _dialect_insert(dialect, table)
    replaced = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in key_columns}
    return stmt.on_conflict_do_update(index_elements=list(key_columns), set_=replaced)
