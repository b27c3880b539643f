"""The parcel's weight: as each leg's carrier last reported it (``legs.weight_value``,
``legs.weight_unit``) and as the merchant declared it at registration (the same two columns on
``shipments``). The value is decimal text, digits as given; the unit its symbol.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("shipments", "legs")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(
            table,
            sa.Column(
                "weight_value",
                sa.String(length=40),
                nullable=True,
                comment="decimal text as given, e.g. 1.20",
            ),
        )
        op.add_column(
            table,
            sa.Column("weight_unit", sa.String(length=8), nullable=True, comment="g, kg, oz or lb"),
        )


def downgrade() -> None:
    for table in reversed(_TABLES):
        op.drop_column(table, "weight_unit")
        op.drop_column(table, "weight_value")
