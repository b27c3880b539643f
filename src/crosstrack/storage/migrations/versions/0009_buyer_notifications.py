"""Buyer notifications: who gets a shipment's updates by email or SMS (``subscriptions``,
unsubscribed with a signed link) and what each merchant tells buyers on each channel
(``notification_rules``: triggers and quiet hours); indexes for live streams of the outbox.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    when = sa.DateTime(timezone=True)
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("shipment_id", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False, comment="email or sms"),
        sa.Column(
            "address",
            sa.String(length=320),
            nullable=False,
            comment="email address or E.164 number",
        ),
        sa.Column("locale", sa.String(length=35), nullable=True),
        sa.Column(
            "source",
            sa.String(length=32),
            nullable=False,
            comment="registration, merchant or buyer",
        ),
        sa.Column("created_at", when, nullable=False),
        sa.Column("unsubscribed_at", when, nullable=True),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipments.id"],
            name=op.f("fk_subscriptions_shipment_id_shipments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        sa.UniqueConstraint(
            "shipment_id",
            "channel",
            "address",
            name=op.f("uq_subscriptions_shipment_id_channel_address"),
        ),
    )
    op.create_table(
        "notification_rules",
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("triggers", sa.Text(), nullable=False, comment="space-separated triggers"),
        sa.Column(
            "quiet_hours",
            sa.String(length=11),
            nullable=True,
            comment="HH:MM-HH:MM in the buyer's zone",
        ),
        sa.Column("updated_at", when, nullable=False),
        sa.ForeignKeyConstraint(
            ["merchant_id"],
            ["merchants.id"],
            name=op.f("fk_notification_rules_merchant_id_merchants"),
        ),
        sa.PrimaryKeyConstraint("merchant_id", "channel", name=op.f("pk_notification_rules")),
    )

    op.create_index("ix_outbox_merchant_stream", "outbox", ["merchant_id", "created_at", "id"])
    op.create_index("ix_outbox_shipment_stream", "outbox", ["shipment_id", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_shipment_stream", table_name="outbox")
    op.drop_index("ix_outbox_merchant_stream", table_name="outbox")
    op.drop_table("notification_rules")
    op.drop_table("subscriptions")
