"""Alerts from history and per merchant: lane norms (P95 stays and gaps per milestone),
merchants' alert thresholds per lane, and ``shipments.checked_at`` for the sweep (it visits
shipments still going whose estimate and alerts are oldest, with an estimate or without).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ENDED = ("delivered", "returned")


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "lane_norms",
        sa.Column(
            "scope",
            sa.String(length=32),
            nullable=False,
            comment="CN-FR (lane), *-FR (destination) or *",
        ),
        sa.Column("milestone", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False, comment="stay or gap"),
        sa.Column("p95_seconds", sa.Float(), nullable=False),
        sa.Column("samples", sa.Integer(), nullable=False),
        sa.Column("computed_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "milestone", "kind", name=op.f("pk_lane_norms")),
    )
    op.create_table(
        "alert_settings",
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column(
            "lane", sa.String(length=32), nullable=False, comment="'' (every lane), *-FR or CN-FR"
        ),
        sa.Column("settings", _json(), nullable=False, comment="thresholds overridden"),
        sa.Column("updated_at", _when(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_alert_settings_merchant_id_merchants")
        ),
        sa.PrimaryKeyConstraint("merchant_id", "lane", name=op.f("pk_alert_settings")),
    )
    # Plain ALTERs, no batch copy on SQLite: recreating ``shipments`` there would cascade.
    op.add_column(
        "shipments",
        sa.Column(
            "checked_at",
            _when(),
            nullable=True,
            comment="when its estimate and alerts were last worked out; NULL once it has ended",
        ),
    )
    _comment_eta_as_of("when the latest estimate was made")
    op.drop_index("ix_shipments_eta_as_of", table_name="shipments")
    op.create_index("ix_shipments_checked_at", "shipments", ["checked_at"])
    shipments = sa.table(
        "shipments",
        sa.column("checked_at", _when()),
        sa.column("eta_as_of", _when()),
        sa.column("updated_at", _when()),
        sa.column("status", sa.String()),
        sa.column("archived_at", _when()),
    )
    op.execute(
        shipments.update()
        .where(shipments.c.status.not_in(_ENDED), shipments.c.archived_at.is_(None))
        .values(checked_at=sa.func.coalesce(shipments.c.eta_as_of, shipments.c.updated_at))
    )


def _comment_eta_as_of(comment: str) -> None:
    """Column comments exist on PostgreSQL only (SQLite would need a table copy for nothing)."""
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("shipments", "eta_as_of", existing_type=_when(), comment=comment)


def downgrade() -> None:
    op.drop_index("ix_shipments_checked_at", table_name="shipments")
    op.create_index("ix_shipments_eta_as_of", "shipments", ["eta_as_of"])
    _comment_eta_as_of("when it was made (refresh finds stale ones)")
    op.drop_column("shipments", "checked_at")
    op.drop_table("alert_settings")
    op.drop_table("lane_norms")
