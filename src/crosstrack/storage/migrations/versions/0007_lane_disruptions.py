"""Lane disruptions: a destination's customs slower than normal for many parcels at once,
found by a CUSUM on the daily age of parcels waiting (``domain/disruption.py``); parcel
customs-dwell alerts on such a lane are folded under it (``alerts.lane_disruption_id``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


def upgrade() -> None:
    op.create_table(
        "lane_disruptions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column(
            "destination", sa.String(length=8), nullable=False, comment="destination country"
        ),
        sa.Column(
            "milestone",
            sa.String(length=32),
            nullable=False,
            comment="where parcels wait (import_customs)",
        ),
        sa.Column("began_on", sa.Date(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("normal_hours", sa.Float(), nullable=False),
        sa.Column("latest_hours", sa.Float(), nullable=False),
        sa.Column("peak_hours", sa.Float(), nullable=False),
        sa.Column("notified", _json(), nullable=False, comment="merchant id -> parcels waiting"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lane_disruptions")),
        sa.UniqueConstraint(
            "destination",
            "milestone",
            "began_on",
            name=op.f("uq_lane_disruptions_destination_milestone_began_on"),
        ),
    )
    op.add_column(
        "alerts",
        sa.Column(
            "lane_disruption_id",
            sa.String(length=64),
            nullable=True,
            comment="folded under this lane disruption (not announced)",
        ),
    )


def downgrade() -> None:
    op.drop_column("alerts", "lane_disruption_id")
    op.drop_table("lane_disruptions")
