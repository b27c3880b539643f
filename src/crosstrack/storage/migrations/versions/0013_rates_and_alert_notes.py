"""Shipping rates, the prices checkout advice quotes (docs/checkout.md); notes on alerts, the
work queue's history (docs/dashboard.md).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "shipping_rates",
        sa.Column("merchant_id", sa.String(64), sa.ForeignKey("merchants.id"), primary_key=True),
        sa.Column(
            "position", sa.Integer(), primary_key=True, comment="order the merchant gave them in"
        ),
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("service", sa.String(64)),
        sa.Column(
            "destination", sa.String(8), nullable=False, comment="country, or * for anywhere"
        ),
        sa.Column("max_weight_grams", sa.Integer(), comment="NULL: any weight"),
        sa.Column("amount", sa.String(24), nullable=False, comment="decimal text, as given"),
        sa.Column("currency", sa.String(3), nullable=False),
    )

    op.create_table(
        "alert_notes",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("merchant_id", sa.String(64), sa.ForeignKey("merchants.id"), nullable=False),
        sa.Column(
            "alert_id",
            sa.String(64),
            sa.ForeignKey("alerts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("author", sa.String(200)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_alert_notes_merchant_alert", "alert_notes", ["merchant_id", "alert_id", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_alert_notes_merchant_alert", table_name="alert_notes")
    op.drop_table("alert_notes")
    op.drop_table("shipping_rates")
