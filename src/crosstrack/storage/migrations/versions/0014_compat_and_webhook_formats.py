"""The AfterShip-compatible API: what it keeps of a shipment beyond our model
(``compat_trackings``: AfterShip fields as given, completion, retracks), and the payload
format of a webhook endpoint (``webhook_endpoints.payload_format``: ``crosstrack`` for every
existing endpoint, or ``aftership``).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


def upgrade() -> None:
    when = sa.DateTime(timezone=True)
    op.create_table(
        "compat_trackings",
        sa.Column(
            "shipment_id",
            sa.String(64),
            sa.ForeignKey("shipments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("merchant_id", sa.String(64), sa.ForeignKey("merchants.id"), nullable=False),
        sa.Column(
            "fields", _json(), nullable=False, comment="AfterShip fields as the client sent them"
        ),
        sa.Column("completed_at", when, comment="when marked completed"),
        sa.Column(
            "completed_reason", sa.String(32), comment="DELIVERED, LOST or RETURNED_TO_SENDER"
        ),
        sa.Column("retracks", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", when, nullable=False),
        sa.Column("updated_at", when, nullable=False),
    )
    op.add_column(
        "webhook_endpoints",
        sa.Column(
            "payload_format",
            sa.String(32),
            nullable=False,
            server_default="crosstrack",
            comment="crosstrack or aftership: the body and signature sent",
        ),
    )


def downgrade() -> None:
    op.drop_column("webhook_endpoints", "payload_format")
    op.drop_table("compat_trackings")
