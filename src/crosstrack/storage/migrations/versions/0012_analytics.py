"""Merchant analytics: the service and declared items of a shipment (``shipments.service``,
``shipments.items``), one row of facts per shipment (``shipment_facts`` and its tags), the
rollups views read (``analytics_days``, ``analytics_histograms``, ``analytics_tags``) and the
weeks whose facts changed since they were refreshed (``analytics_stale_weeks``).

Facts are written by ingestion and the sweep from now on; ``crosstrack analytics refresh
--facts`` works them out for the shipments stored before this revision.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.String(length=64)
_CODE = sa.String(length=32)
_COUNTRY = sa.String(length=8)
_SERVICE = sa.String(length=64)
_DIMENSIONS = ("origin", "destination", "carrier", "service")
_COUNTERS = (
    "shipments",
    "delivered",
    "returned",
    "lost",
    "open",
    "promise_judged",
    "promise_on_time",
    "eta_judged",
    "eta_on_time",
    "customs_reached",
    "customs_cleared",
    "customs_held",
    "excepted",
    "attempted",
    "failed_attempts",
    "holiday_spanning",
)


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


def _when(name: str, **kwargs: Any) -> sa.Column[Any]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=True, **kwargs)


def _dimensions() -> list[sa.Column[Any]]:
    return [
        sa.Column("origin", _COUNTRY, nullable=False),
        sa.Column("destination", _COUNTRY, nullable=False),
        sa.Column("carrier", _ID, nullable=False),
        sa.Column("service", _SERVICE, nullable=False),
    ]


def upgrade() -> None:
    op.add_column(
        "shipments",
        sa.Column(
            "service",
            _SERVICE,
            nullable=True,
            comment="express, postal, dedicated_line... (lower case)",
        ),
    )
    op.add_column(
        "shipments",
        sa.Column(
            "items",
            _json(),
            nullable=True,
            comment="declared contents: description, category, hs_code...",
        ),
    )
    op.create_table(
        "shipment_facts",
        sa.Column("shipment_id", _ID, nullable=False),
        sa.Column("merchant_id", _ID, nullable=False),
        sa.Column("origin", _COUNTRY, nullable=True),
        sa.Column("destination", _COUNTRY, nullable=True),
        sa.Column(
            "carrier", _ID, nullable=True, comment="first mile: the carrier the merchant booked"
        ),
        sa.Column("last_mile_carrier", _ID, nullable=True),
        sa.Column("service", _SERVICE, nullable=True),
        _when("shipped_at"),
        sa.Column("shipped_on", sa.Date(), nullable=True, comment="local day of the shipped scan"),
        sa.Column("week", sa.Date(), nullable=True, comment="Monday of the ISO week of shipped_on"),
        sa.Column(
            "weekday",
            sa.Integer(),
            nullable=True,
            comment="ISO weekday of shipped_on, 1 (Monday) to 7",
        ),
        _when("delivered_at"),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("transit_microseconds", sa.BigInteger(), nullable=True),
        sa.Column(
            "transit_bucket",
            sa.Integer(),
            nullable=True,
            comment="half days, 180 = 90 days or more",
        ),
        sa.Column("promised_date", sa.Date(), nullable=True),
        sa.Column("on_time_promise", sa.Boolean(), nullable=True),
        sa.Column(
            "eta_p90",
            sa.Date(),
            nullable=True,
            comment="P90 day of the first estimate made after pick-up",
        ),
        _when("eta_made_at"),
        sa.Column("on_time_eta", sa.Boolean(), nullable=True),
        sa.Column("customs_reached", sa.Boolean(), nullable=False),
        _when("customs_arrived_at"),
        _when("customs_released_at"),
        sa.Column("clearance_microseconds", sa.BigInteger(), nullable=True),
        sa.Column(
            "clearance_bucket",
            sa.Integer(),
            nullable=True,
            comment="hours, 720 = 30 days or more",
        ),
        sa.Column("customs_held", sa.Boolean(), nullable=False),
        sa.Column(
            "excepted",
            sa.Boolean(),
            nullable=False,
            comment="had an exception or failed attempt",
        ),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("outcome", _CODE, nullable=False, comment="delivered, returned, lost or open"),
        sa.Column("season", _CODE, nullable=True, comment="peak, chinese_new_year or rest"),
        sa.Column("spans_holiday", sa.Boolean(), nullable=True),
        sa.Column("as_of", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipments.id"],
            name=op.f("fk_shipment_facts_shipment_id_shipments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("shipment_id", name=op.f("pk_shipment_facts")),
    )
    op.create_index("ix_shipment_facts_merchant_week", "shipment_facts", ["merchant_id", "week"])
    op.create_table(
        "shipment_fact_tags",
        sa.Column("shipment_id", _ID, nullable=False),
        sa.Column("merchant_id", _ID, nullable=False),
        sa.Column(
            "kind",
            _CODE,
            nullable=False,
            comment="reason, category, hs_chapter, hs_heading...",
        ),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipment_facts.shipment_id"],
            name=op.f("fk_shipment_fact_tags_shipment_id_shipment_facts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("shipment_id", "kind", "code", name=op.f("pk_shipment_fact_tags")),
    )
    op.create_table(
        "analytics_days",
        sa.Column("merchant_id", _ID, nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        *_dimensions(),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _COUNTERS),
        sa.PrimaryKeyConstraint(
            "merchant_id", "week", "weekday", *_DIMENSIONS, name=op.f("pk_analytics_days")
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "analytics_histograms",
        sa.Column("merchant_id", _ID, nullable=False),
        sa.Column("metric", _CODE, nullable=False, comment="transit, clearance, transit_peak..."),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column(
            "weekday", sa.Integer(), nullable=False, comment="0: the whole week, else ISO 1-7"
        ),
        sa.Column("bucket", sa.Integer(), nullable=False),
        *_dimensions(),
        sa.Column("parcels", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "merchant_id",
            "metric",
            "week",
            "weekday",
            "bucket",
            *_DIMENSIONS,
            name=op.f("pk_analytics_histograms"),
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_analytics_histograms_lane",
        "analytics_histograms",
        ["merchant_id", "metric", *_DIMENSIONS, "bucket", "week", "weekday", "parcels"],
    )
    op.create_table(
        "analytics_tags",
        sa.Column("merchant_id", _ID, nullable=False),
        sa.Column(
            "kind", _CODE, nullable=False, comment="reason, category, hs_chapter, hs_heading"
        ),
        sa.Column("week", sa.Date(), nullable=False),
        *_dimensions(),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("parcels", sa.Integer(), nullable=False),
        sa.Column("customs_reached", sa.Integer(), nullable=False),
        sa.Column("customs_problems", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "merchant_id", "kind", "week", *_DIMENSIONS, "code", name=op.f("pk_analytics_tags")
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "analytics_stale_weeks",
        sa.Column("merchant_id", _ID, nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column(
            "marked_at", sa.DateTime(timezone=True), nullable=False, comment="when first marked"
        ),
        sa.PrimaryKeyConstraint("merchant_id", "week", name=op.f("pk_analytics_stale_weeks")),
    )


def downgrade() -> None:
    op.drop_table("analytics_stale_weeks")
    op.drop_table("analytics_tags")
    op.drop_index("ix_analytics_histograms_lane", table_name="analytics_histograms")
    op.drop_table("analytics_histograms")
    op.drop_table("analytics_days")
    op.drop_table("shipment_fact_tags")
    op.drop_index("ix_shipment_facts_merchant_week", table_name="shipment_facts")
    op.drop_table("shipment_facts")
    op.drop_column("shipments", "items")
    op.drop_column("shipments", "service")
