"""Initial schema: accounts, shipments, legs, events, alerts, webhooks, outbox, idempotency.

Revision ID: 0001
Revises:
Create Date: 2026-01-05

Self-contained on purpose (it does not import ``crosstrack.storage.tables``, which will move
on): plain SQLAlchemy types only. ``DateTime(timezone=True)`` is what ``UtcDateTime`` stores.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _id() -> sa.String:
    return sa.String(length=64)


def _code() -> sa.String:
    return sa.String(length=32)


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


def upgrade() -> None:
    op.create_table(
        "merchants",
        sa.Column("id", _id(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merchants")),
        sa.UniqueConstraint("name", name=op.f("uq_merchants_name")),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", _id(), nullable=False),
        sa.Column("merchant_id", _id(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=32), nullable=False),
        sa.Column(
            "scopes", sa.String(length=200), nullable=False, comment="space-separated Scope values"
        ),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("revoked_at", _when(), nullable=True),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_api_keys_merchant_id_merchants")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )
    op.create_index(op.f("ix_api_keys_merchant_id"), "api_keys", ["merchant_id"])
    _create_shipments()
    _create_legs()
    _create_events()
    _create_alerts()
    op.create_table(
        "webhook_endpoints",
        sa.Column("id", _id(), nullable=False),
        sa.Column("merchant_id", _id(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("secret", sa.String(length=200), nullable=False),
        sa.Column("topics", sa.Text(), nullable=False, comment="space-separated Topic values"),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merchant_id"],
            ["merchants.id"],
            name=op.f("fk_webhook_endpoints_merchant_id_merchants"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_endpoints")),
    )
    op.create_index(op.f("ix_webhook_endpoints_merchant_id"), "webhook_endpoints", ["merchant_id"])
    _create_outbox()
    op.create_table(
        "idempotency_keys",
        sa.Column("merchant_id", _id(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("request_hash", sa.String(length=128), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("extra", _json(), nullable=True),
        sa.Column("created_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "key", name=op.f("pk_idempotency_keys")),
    )


def _create_shipments() -> None:
    op.create_table(
        "shipments",
        sa.Column("id", _id(), nullable=False),
        sa.Column("merchant_id", _id(), nullable=False),
        sa.Column("order_ref", sa.String(length=200), nullable=False),
        sa.Column("origin_country", sa.String(length=8), nullable=True),
        sa.Column("origin_region", sa.String(length=200), nullable=True),
        sa.Column("origin_postcode", sa.String(length=32), nullable=True),
        sa.Column("origin_city", sa.String(length=200), nullable=True),
        sa.Column("destination_country", sa.String(length=8), nullable=True),
        sa.Column("destination_region", sa.String(length=200), nullable=True),
        sa.Column("destination_postcode", sa.String(length=32), nullable=True),
        sa.Column("destination_city", sa.String(length=200), nullable=True),
        sa.Column("promised_date", sa.Date(), nullable=True),
        sa.Column("buyer_email", sa.String(length=320), nullable=True),
        sa.Column("buyer_phone", sa.String(length=64), nullable=True),
        sa.Column("buyer_locale", sa.String(length=35), nullable=True),
        sa.Column("buyer_timezone", sa.String(length=64), nullable=True),
        sa.Column("status", _code(), nullable=False),
        sa.Column("milestone", _code(), nullable=False),
        sa.Column("reason", _code(), nullable=False),
        sa.Column("first_event_at", _when(), nullable=True),
        sa.Column("last_event_at", _when(), nullable=True),
        sa.Column("delivered_at", _when(), nullable=True),
        sa.Column("event_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("dwell", _json(), nullable=True, comment="milestone -> whole microseconds"),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.Column("archived_at", _when(), nullable=True),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_shipments_merchant_id_merchants")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipments")),
    )
    for name, columns in (
        ("ix_shipments_merchant_created", ["merchant_id", "created_at", "id"]),
        ("ix_shipments_merchant_status", ["merchant_id", "status", "created_at"]),
        ("ix_shipments_merchant_milestone", ["merchant_id", "milestone", "created_at"]),
        ("ix_shipments_merchant_destination", ["merchant_id", "destination_country", "created_at"]),
        ("ix_shipments_merchant_updated", ["merchant_id", "updated_at"]),
        ("ix_shipments_merchant_order_ref", ["merchant_id", "order_ref"]),
    ):
        op.create_index(name, "shipments", columns)


def _create_legs() -> None:
    op.create_table(
        "legs",
        sa.Column("id", _id(), nullable=False),
        sa.Column("merchant_id", _id(), nullable=False),
        sa.Column("shipment_id", _id(), nullable=False),
        sa.Column("carrier", sa.String(length=64), nullable=True),
        sa.Column("tracking_number", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("carrier_confidence", sa.Float(), nullable=True),
        sa.Column(
            "carrier_detected", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipments.id"],
            name=op.f("fk_legs_shipment_id_shipments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legs")),
        sa.UniqueConstraint(
            "shipment_id",
            "tracking_number",
            "carrier",
            name=op.f("uq_legs_shipment_id_tracking_number_carrier"),
        ),
    )
    op.create_index("ix_legs_tracking_number_carrier", "legs", ["tracking_number", "carrier"])
    op.create_index("ix_legs_merchant_carrier", "legs", ["merchant_id", "carrier", "shipment_id"])


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
            comment="arrival order",
        ),
        sa.Column("id", _id(), nullable=False),
        sa.Column("merchant_id", _id(), nullable=False),
        sa.Column("shipment_id", _id(), nullable=False),
        sa.Column("leg_id", _id(), nullable=True),
        sa.Column("fingerprint", sa.String(length=128), nullable=False),
        sa.Column("source", _code(), nullable=False),
        sa.Column("received_at", _when(), nullable=False),
        sa.Column("raw_carrier", sa.String(length=200), nullable=True),
        sa.Column("raw_code", sa.String(length=200), nullable=True),
        sa.Column("raw_description", sa.Text(), nullable=False),
        sa.Column("raw_location", sa.Text(), nullable=True),
        sa.Column("raw_timestamp", sa.String(length=200), nullable=True),
        sa.Column("raw_language", sa.String(length=35), nullable=True),
        sa.Column("raw_tracking_number", sa.String(length=200), nullable=True),
        sa.Column("raw_extra", _json(), nullable=True),
        sa.Column("status", _code(), nullable=False),
        sa.Column("milestone", _code(), nullable=False),
        sa.Column("reason", _code(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("rule", sa.String(length=200), nullable=False),
        sa.Column("carrier", sa.String(length=64), nullable=True),
        sa.Column("location_text", sa.Text(), nullable=True),
        sa.Column("location_city", sa.String(length=200), nullable=True),
        sa.Column("location_region", sa.String(length=200), nullable=True),
        sa.Column("location_postcode", sa.String(length=32), nullable=True),
        sa.Column("location_country", sa.String(length=8), nullable=True),
        sa.Column("location_lat", sa.Float(), nullable=True),
        sa.Column("location_lon", sa.Float(), nullable=True),
        sa.Column("location_timezone", sa.String(length=64), nullable=True),
        sa.Column("occurred_at", _when(), nullable=True),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=True),
        sa.Column("time_basis", _code(), nullable=False),
        sa.ForeignKeyConstraint(
            ["leg_id"], ["legs.id"], name=op.f("fk_events_leg_id_legs"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipments.id"],
            name=op.f("fk_events_shipment_id_shipments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_events")),
        sa.UniqueConstraint("id", name=op.f("uq_events_id")),
        sa.UniqueConstraint(
            "shipment_id", "fingerprint", name=op.f("uq_events_shipment_id_fingerprint")
        ),
    )
    op.create_index("ix_events_shipment_seq", "events", ["shipment_id", "seq"])


def _create_alerts() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", _id(), nullable=False),
        sa.Column("merchant_id", _id(), nullable=False),
        sa.Column("shipment_id", _id(), nullable=False),
        sa.Column("kind", _code(), nullable=False),
        sa.Column("severity", _code(), nullable=False),
        sa.Column("evidence", _json(), nullable=True),
        sa.Column("action", sa.Text(), nullable=True),
        sa.Column("opened_at", _when(), nullable=False),
        sa.Column("resolved_at", _when(), nullable=True),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipments.id"],
            name=op.f("fk_alerts_shipment_id_shipments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
    )
    op.create_index(
        "ix_alerts_merchant_open", "alerts", ["merchant_id", "resolved_at", "opened_at"]
    )
    op.create_index("ix_alerts_shipment", "alerts", ["shipment_id"])


def _create_outbox() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", _id(), nullable=False),
        sa.Column("merchant_id", _id(), nullable=False),
        sa.Column("shipment_id", _id(), nullable=True),
        sa.Column("topic", sa.String(length=64), nullable=False),
        sa.Column("payload", _json(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=200), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("dispatched_at", _when(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_attempt_at", _when(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_outbox_idempotency_key")),
    )
    op.create_index("ix_outbox_pending", "outbox", ["dispatched_at", "created_at", "id"])


def downgrade() -> None:
    for table in (
        "idempotency_keys",
        "outbox",
        "webhook_endpoints",
        "alerts",
        "events",
        "legs",
        "shipments",
        "api_keys",
        "merchants",
    ):
        op.drop_table(table)
