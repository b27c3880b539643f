"""Polling plan on legs (next poll, last outcome, failures, stop) and the quarantine table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-12

Self-contained like 0001 (plain SQLAlchemy types). Existing legs with a carrier become due at
once (``next_poll_at`` = now of the upgrade), so an upgraded database starts polling them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    # Plain ADD/DROP COLUMN (SQLite >= 3.35 has both): a batch "move and copy" of legs on
    # SQLite would drop the table under events' foreign keys.
    for column in (
        sa.Column("next_poll_at", _when(), nullable=True),
        sa.Column("last_polled_at", _when(), nullable=True),
        sa.Column(
            "last_outcome",
            sa.String(length=32),
            nullable=True,
            comment="found, not_found, invalid, error, unavailable",
        ),
        sa.Column(
            "consecutive_failures", sa.Integer(), server_default=sa.text("0"), nullable=False
        ),
        sa.Column("polling_stopped_at", _when(), nullable=True),
        sa.Column(
            "polling_stopped_reason",
            sa.String(length=32),
            nullable=True,
            comment="terminal, invalid_number, expired",
        ),
    ):
        op.add_column("legs", column)
    op.create_index("ix_legs_next_poll", "legs", ["next_poll_at"])
    op.create_index("ix_legs_carrier_next_poll", "legs", ["carrier", "next_poll_at"])
    op.execute(
        sa.text("UPDATE legs SET next_poll_at = CURRENT_TIMESTAMP WHERE carrier IS NOT NULL")
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False, comment="webhook, poll, import"),
        sa.Column("carrier", sa.String(length=64), nullable=True),
        sa.Column("merchant_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content_type", sa.String(length=200), nullable=True),
        sa.Column("body", sa.Text(), nullable=False, comment="at most 256 Ki characters, as text"),
        sa.Column("truncated", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("received_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantine")),
    )
    op.create_index("ix_quarantine_received", "quarantine", ["received_at"])


def downgrade() -> None:
    op.drop_table("quarantine")
    op.drop_index("ix_legs_carrier_next_poll", table_name="legs")
    op.drop_index("ix_legs_next_poll", table_name="legs")
    for column in (
        "polling_stopped_reason",
        "polling_stopped_at",
        "consecutive_failures",
        "last_outcome",
        "last_polled_at",
        "next_poll_at",
    ):
        op.drop_column("legs", column)
