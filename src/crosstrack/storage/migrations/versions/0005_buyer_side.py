"""The buyer's side: public tracking links (one unguessable token per shipment, existing
shipments get theirs here) and the corrections and notes buyers send from the page.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _shipment_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["shipment_id"],
        ["shipments.id"],
        name=op.f(f"fk_{table}_shipment_id_shipments"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    links = op.create_table(
        "tracking_links",
        sa.Column(
            "token",
            sa.String(length=64),
            nullable=False,
            comment="unguessable; the public page's key",
        ),
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("shipment_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        _shipment_key("tracking_links"),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_tracking_links")),
    )
    op.create_index(
        "ix_tracking_links_merchant_shipment", "tracking_links", ["merchant_id", "shipment_id"]
    )
    op.create_table(
        "buyer_requests",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("shipment_id", sa.String(length=64), nullable=False),
        sa.Column(
            "kind", sa.String(length=32), nullable=False, comment="phone, address or delivery_note"
        ),
        sa.Column("details", _json(), nullable=False),
        sa.Column("answers", _json(), nullable=False, comment="ids of the alerts it answers"),
        sa.Column("created_at", _when(), nullable=False),
        _shipment_key("buyer_requests"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buyer_requests")),
    )
    op.create_index("ix_buyer_requests_shipment", "buyer_requests", ["shipment_id", "created_at"])
    _backfill(links)


def _backfill(links: sa.Table) -> None:
    """A token for every shipment registered before this revision."""
    conn = op.get_bind()
    shipments = sa.table("shipments", sa.column("id"), sa.column("merchant_id"))
    now = datetime.now(UTC)
    rows = conn.execute(sa.select(shipments.c.id, shipments.c.merchant_id)).all()
    for start in range(0, len(rows), _BATCH):
        batch = rows[start : start + _BATCH]
        conn.execute(
            links.insert(),
            [
                {
                    "token": secrets.token_urlsafe(18),
                    "merchant_id": row.merchant_id,
                    "shipment_id": row.id,
                    "created_at": now,
                }
                for row in batch
            ],
        )


def downgrade() -> None:
    op.drop_table("buyer_requests")
    op.drop_table("tracking_links")
