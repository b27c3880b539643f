"""The latest delivery estimate on each shipment (``shipments.eta``, a JSON document, and
``eta_as_of``, when it was made, indexed so that stale estimates are found quickly).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    document = sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
    op.add_column(
        "shipments",
        sa.Column(
            "eta", document, nullable=True, comment="the latest delivery estimate (docs/eta.md)"
        ),
    )
    op.add_column(
        "shipments",
        sa.Column(
            "eta_as_of",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="when it was made (refresh finds stale ones)",
        ),
    )
    op.create_index("ix_shipments_eta_as_of", "shipments", ["eta_as_of"])


def downgrade() -> None:
    op.drop_index("ix_shipments_eta_as_of", table_name="shipments")
    op.drop_column("shipments", "eta_as_of")
    op.drop_column("shipments", "eta")
