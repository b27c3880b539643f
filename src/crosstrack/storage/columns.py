"""Column types that behave the same on SQLite and PostgreSQL.

* :class:`UtcDateTime` stores aware datetimes and always gives back aware UTC datetimes (SQLite
  keeps datetimes as text without an offset, so the offset is normalized to UTC on the way in
  and put back on the way out).
* :data:`JsonDocument` is ``JSON`` on SQLite and ``JSONB`` on PostgreSQL; Python ``None`` is
  stored as SQL ``NULL``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class UtcDateTime(TypeDecorator[datetime]):
    """``DateTime(timezone=True)`` that refuses naive datetimes and reads back aware UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: crosstrack stores aware datetimes only")
        utc = value.astimezone(UTC)
        # SQLite keeps the text of the datetime: strip the (now always zero) offset so that
        # every stored value has the same shape and text comparison is time comparison.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _json_document() -> TypeEngine[Any]:
    return JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


JsonDocument: TypeEngine[Any] = _json_document()
"""A JSON document column type (``JSONB`` on PostgreSQL)."""
