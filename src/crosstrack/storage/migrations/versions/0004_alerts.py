"""Alerts as the detector raises them: a stable cause per problem, unique per shipment.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

The ``alerts`` table of 0001 was a placeholder that nothing wrote; it is replaced (``cause``
``since``, ``acknowledged_at`` and ``assigned_to`` added, ``action`` dropped: actions follow
from the kind). Self-contained like
0001 (plain SQLAlchemy types).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _shipment_key() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["shipment_id"],
        ["shipments.id"],
        name=op.f("fk_alerts_shipment_id_shipments"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.drop_table("alerts")
    op.create_table(
        "alerts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("shipment_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column(
            "cause", sa.String(length=300), nullable=False, comment="stable identity of the problem"
        ),
        sa.Column("severity", sa.String(length=32), nullable=False),
        sa.Column("since", _when(), nullable=False),
        sa.Column("opened_at", _when(), nullable=False),
        sa.Column("resolved_at", _when(), nullable=True),
        sa.Column("acknowledged_at", _when(), nullable=True),
        sa.Column("assigned_to", sa.String(length=200), nullable=True),
        sa.Column("evidence", _json(), nullable=False),
        _shipment_key(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("shipment_id", "cause", name=op.f("uq_alerts_shipment_id_cause")),
    )
    op.create_index("ix_alerts_shipment_open", "alerts", ["shipment_id", "resolved_at"])
    op.create_index(
        "ix_alerts_merchant_open", "alerts", ["merchant_id", "resolved_at", "opened_at"]
    )


def downgrade() -> None:
    op.drop_table("alerts")
    op.create_table(
        "alerts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("shipment_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=32), nullable=False),
        sa.Column("evidence", _json(), nullable=True),
        sa.Column("action", sa.Text(), nullable=True),
        sa.Column("opened_at", _when(), nullable=False),
        sa.Column("resolved_at", _when(), nullable=True),
        _shipment_key(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
    )
    op.create_index(
        "ix_alerts_merchant_open", "alerts", ["merchant_id", "resolved_at", "opened_at"]
    )
    op.create_index("ix_alerts_shipment", "alerts", ["shipment_id"])
