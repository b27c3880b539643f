"""The latest delivery estimate on each shipment (``shipments.eta``, a JSON document).

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


def downgrade() -> None:
    op.drop_column("shipments", "eta")
