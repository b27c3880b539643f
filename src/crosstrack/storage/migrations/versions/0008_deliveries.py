"""Notifications delivered: one ``deliveries`` row per message and destination (a webhook
endpoint, an email address, a phone number) with its attempts, and what webhook endpoints
need to be run for real (secret rotation, failure tracking and disabling, coalescing).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ENDPOINT_COLUMNS = (
    ("description", sa.String(length=200), None, None),
    ("previous_secret", sa.String(length=200), None, "still signed with until it expires"),
    ("previous_secret_expires_at", sa.DateTime(timezone=True), None, None),
    ("disabled_at", sa.DateTime(timezone=True), None, None),
    ("disabled_reason", sa.Text(), None, None),
    ("failures_in_a_row", sa.Integer(), "0", None),
    ("failing_since", sa.DateTime(timezone=True), None, None),
    ("coalesce_seconds", sa.Integer(), "0", None),
    ("contact_email", sa.String(length=320), None, "told when the endpoint is disabled"),
)


def upgrade() -> None:
    for name, kind, default, comment in _ENDPOINT_COLUMNS:
        op.add_column(
            "webhook_endpoints",
            sa.Column(
                name,
                kind,
                nullable=default is None,
                server_default=sa.text(default) if default is not None else None,
                comment=comment,
            ),
        )
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "webhook_endpoints",
            "topics",
            existing_type=sa.Text(),
            comment="space-separated Topic values, or *",
            existing_comment="space-separated Topic values",
        )
    when = sa.DateTime(timezone=True)
    op.create_table(
        "deliveries",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False, comment="webhook, email or sms"),
        sa.Column(
            "target",
            sa.String(length=320),
            nullable=False,
            comment="endpoint id, address or number",
        ),
        sa.Column(
            "status",
            sa.String(length=32),
            nullable=False,
            comment="pending, delivered, dead, superseded",
        ),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", when, nullable=False),
        sa.Column("next_attempt_at", when, nullable=False),
        sa.Column("expires_at", when, nullable=False, comment="given up after this"),
        sa.Column("last_attempt_at", when, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("delivered_at", when, nullable=True),
        sa.Column(
            "coalesce_key",
            sa.String(length=300),
            nullable=True,
            comment="newer updates of the same key replace it",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"], ["outbox.id"], name=op.f("fk_deliveries_message_id_outbox")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint(
            "message_id",
            "channel",
            "target",
            name=op.f("uq_deliveries_message_id_channel_target"),
        ),
    )
    op.create_index("ix_deliveries_due", "deliveries", ["status", "next_attempt_at"])
    op.create_index(
        "ix_deliveries_target", "deliveries", ["merchant_id", "channel", "target", "created_at"]
    )
    op.create_index("ix_deliveries_coalesce", "deliveries", ["coalesce_key", "status"])


def downgrade() -> None:
    op.drop_table("deliveries")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "webhook_endpoints",
            "topics",
            existing_type=sa.Text(),
            comment="space-separated Topic values",
            existing_comment="space-separated Topic values, or *",
        )
    for name, *_ in reversed(_ENDPOINT_COLUMNS):
        op.drop_column("webhook_endpoints", name)
