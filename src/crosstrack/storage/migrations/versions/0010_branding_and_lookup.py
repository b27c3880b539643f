"""Tracking pages: a merchant's branding (name shown, logo, accent colour, support link,
default language) and an index for the public lookup by order reference.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "merchant_branding",
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column(
            "logo_url", sa.Text(), nullable=True, comment="https:// image shown on tracking pages"
        ),
        sa.Column("accent_color", sa.String(length=7), nullable=True, comment="#RRGGBB"),
        sa.Column("support_url", sa.Text(), nullable=True),
        sa.Column("default_locale", sa.String(length=35), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["merchant_id"],
            ["merchants.id"],
            name=op.f("fk_merchant_branding_merchant_id_merchants"),
        ),
        sa.PrimaryKeyConstraint("merchant_id", name=op.f("pk_merchant_branding")),
    )
    op.create_index("ix_shipments_order_ref", "shipments", ["order_ref"])


def downgrade() -> None:
    op.drop_index("ix_shipments_order_ref", table_name="shipments")
    op.drop_table("merchant_branding")
