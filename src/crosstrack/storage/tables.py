"""The database schema as SQLAlchemy Core tables (one ``MetaData``, both dialects).

Every row a merchant owns carries ``merchant_id``. Vocabulary values (status, milestone,
reason, time basis, topic, scopes) are stored as their string values, not as native enums, so
that adding a value never needs a migration. Datetimes are aware UTC (:class:`UtcDateTime`).

``migrations/versions`` must produce exactly this schema: a test compares the migrated
database with this metadata. Change both together (new revision for every change).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from crosstrack.domain.analytics import LANE
from crosstrack.storage.columns import JsonDocument, UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ID = String(64)
"""Ids are UUID4 strings in production (and short readable strings in tests)."""
SLUG = String(64)
CODE = String(32)
"""A vocabulary value (status, milestone, reason, time basis, source)."""

WEIGHT_VALUE = String(40)
"""A measure's value as decimal text, digits as given (``1.20``): ``NUMERIC`` would drop the
trailing zero on SQLite and fix a scale on PostgreSQL."""
UNIT = String(8)
"""A unit's symbol (``crosstrack.domain.units.Unit``)."""

SERVICE = String(64)
"""A shipment's service as the merchant names it (``express``, ``postal``...)."""
COUNTRY = String(8)

# An integer primary key that autoincrements on both dialects (SQLite needs INTEGER).
SEQUENCE = BigInteger().with_variant(Integer(), "sqlite")

merchants = Table(
    "merchants",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("name"),
)

merchant_branding = Table(
    "merchant_branding",
    metadata,
    Column("merchant_id", ID, ForeignKey("merchants.id"), primary_key=True),
    Column("display_name", String(200)),
    Column("logo_url", Text(), comment="https:// image shown on tracking pages"),
    Column("accent_color", String(7), comment="#RRGGBB"),
    Column("support_url", Text()),
    Column("default_locale", String(35)),
    Column("updated_at", UtcDateTime(), nullable=False),
)

alert_notes = Table(
    "alert_notes",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, ForeignKey("merchants.id"), nullable=False),
    Column("alert_id", ID, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    Column("author", String(200)),
    Column("text", Text(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_alert_notes_merchant_alert", "merchant_id", "alert_id", "created_at"),
)

shipping_rates = Table(
    "shipping_rates",
    metadata,
    Column("merchant_id", ID, ForeignKey("merchants.id"), primary_key=True),
    Column("position", Integer(), primary_key=True, comment="order the merchant gave them in"),
    Column("carrier", SLUG, nullable=False),
    Column("service", SERVICE),
    Column("destination", String(8), nullable=False, comment="country, or * for anywhere"),
    Column("max_weight_grams", Integer(), comment="NULL: any weight"),
    Column("amount", String(24), nullable=False, comment="decimal text, as given"),
    Column("currency", String(3), nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, ForeignKey("merchants.id"), nullable=False, index=True),
    Column("key_hash", String(64), nullable=False),
    Column("prefix", String(32), nullable=False),
    Column("scopes", String(200), nullable=False, comment="space-separated Scope values"),
    Column("name", String(200)),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("revoked_at", UtcDateTime()),
    UniqueConstraint("key_hash"),
)

shipments = Table(
    "shipments",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, ForeignKey("merchants.id"), nullable=False),
    Column("order_ref", String(200), nullable=False),
    Column("origin_country", String(8)),
    Column("origin_region", String(200)),
    Column("origin_postcode", String(32)),
    Column("origin_city", String(200)),
    Column("destination_country", String(8)),
    Column("destination_region", String(200)),
    Column("destination_postcode", String(32)),
    Column("destination_city", String(200)),
    Column("promised_date", Date()),
    Column("buyer_email", String(320)),
    Column("buyer_phone", String(64)),
    Column("buyer_locale", String(35)),
    Column("buyer_timezone", String(64)),
    Column("status", CODE, nullable=False),
    Column("milestone", CODE, nullable=False),
    Column("reason", CODE, nullable=False),
    Column("first_event_at", UtcDateTime()),
    Column("last_event_at", UtcDateTime()),
    Column("delivered_at", UtcDateTime()),
    Column("event_count", Integer(), nullable=False, server_default=text("0")),
    Column("dwell", JsonDocument, comment="milestone -> whole microseconds"),
    Column("eta", JsonDocument, comment="the latest delivery estimate (docs/eta.md)"),
    Column("eta_as_of", UtcDateTime(), comment="when the latest estimate was made"),
    # The parcel's weight as the merchant declared it (value as decimal text, unit symbol).
    Column("weight_value", WEIGHT_VALUE, comment="decimal text as given, e.g. 1.20"),
    Column("weight_unit", UNIT, comment="g, kg, oz or lb"),
    Column("service", SERVICE, comment="express, postal, dedicated_line... (lower case)"),
    Column("items", JsonDocument, comment="declared contents: description, category, hs_code..."),
    Column(
        "checked_at",
        UtcDateTime(),
        comment="when its estimate and alerts were last worked out; NULL once it has ended",
    ),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("archived_at", UtcDateTime()),
    # Listing newest first (keyset pagination), and the same with the common filters.
    Index("ix_shipments_merchant_created", "merchant_id", "created_at", "id"),
    Index("ix_shipments_merchant_status", "merchant_id", "status", "created_at"),
    Index("ix_shipments_merchant_milestone", "merchant_id", "milestone", "created_at"),
    Index("ix_shipments_merchant_destination", "merchant_id", "destination_country", "created_at"),
    Index("ix_shipments_merchant_updated", "merchant_id", "updated_at"),
    Index("ix_shipments_merchant_order_ref", "merchant_id", "order_ref"),
    # The public lookup by order reference (then checked against the buyer's email/postcode).
    Index("ix_shipments_order_ref", "order_ref"),
    # The sweep: shipments still going whose estimate and alerts are oldest.
    Index("ix_shipments_checked_at", "checked_at"),
)

legs = Table(
    "legs",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, nullable=False),
    Column("shipment_id", ID, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("carrier", SLUG),
    Column("tracking_number", String(64), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("carrier_confidence", Float()),
    Column("carrier_detected", Boolean(), nullable=False, server_default=text("false")),
    # The polling plan (docs/polling.md): NULL next_poll_at means "not polled".
    Column("next_poll_at", UtcDateTime()),
    Column("last_polled_at", UtcDateTime()),
    Column("last_outcome", CODE, comment="found, not_found, invalid, error, unavailable"),
    Column("consecutive_failures", Integer(), nullable=False, server_default=text("0")),
    Column("polling_stopped_at", UtcDateTime()),
    Column("polling_stopped_reason", CODE, comment="terminal, invalid_number, expired"),
    # The parcel's weight as the leg's carrier last reported it (docs/storage.md).
    Column("weight_value", WEIGHT_VALUE, comment="decimal text as given, e.g. 1.20"),
    Column("weight_unit", UNIT, comment="g, kg, oz or lb"),
    UniqueConstraint("shipment_id", "tracking_number", "carrier"),
    # System-side look-up by number (and carrier) across merchants: polls, carrier webhooks.
    Index("ix_legs_tracking_number_carrier", "tracking_number", "carrier"),
    # The carrier filter of a merchant's listing.
    Index("ix_legs_merchant_carrier", "merchant_id", "carrier", "shipment_id"),
    # The poller's "due" queries: every carrier, oldest due first; or some carriers.
    Index("ix_legs_next_poll", "next_poll_at"),
    Index("ix_legs_carrier_next_poll", "carrier", "next_poll_at"),
)

events = Table(
    "events",
    metadata,
    Column("seq", SEQUENCE, primary_key=True, autoincrement=True, comment="arrival order"),
    Column("id", ID, nullable=False),
    Column("merchant_id", ID, nullable=False),
    Column("shipment_id", ID, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("leg_id", ID, ForeignKey("legs.id", ondelete="SET NULL")),
    Column("fingerprint", String(128), nullable=False),
    Column("source", CODE, nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    # The raw event, exactly as the carrier gave it.
    Column("raw_carrier", String(200)),
    Column("raw_code", String(200)),
    Column("raw_description", Text(), nullable=False),
    Column("raw_location", Text()),
    Column("raw_timestamp", String(200)),
    Column("raw_language", String(35)),
    Column("raw_tracking_number", String(200)),
    Column("raw_extra", JsonDocument),
    # What it means.
    Column("status", CODE, nullable=False),
    Column("milestone", CODE, nullable=False),
    Column("reason", CODE, nullable=False),
    Column("confidence", Float(), nullable=False),
    Column("rule", String(200), nullable=False),
    Column("carrier", SLUG),
    # Where.
    Column("location_text", Text()),
    Column("location_city", String(200)),
    Column("location_region", String(200)),
    Column("location_postcode", String(32)),
    Column("location_country", String(8)),
    Column("location_lat", Float()),
    Column("location_lon", Float()),
    Column("location_timezone", String(64)),
    # When.
    Column("occurred_at", UtcDateTime()),
    Column("utc_offset_minutes", Integer()),
    Column("time_basis", CODE, nullable=False),
    UniqueConstraint("id"),
    UniqueConstraint("shipment_id", "fingerprint"),
    Index("ix_events_shipment_seq", "shipment_id", "seq"),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, nullable=False),
    Column("shipment_id", ID, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("kind", CODE, nullable=False),
    Column("cause", String(300), nullable=False, comment="stable identity of the problem"),
    Column("severity", CODE, nullable=False),
    Column("since", UtcDateTime(), nullable=False),
    Column("opened_at", UtcDateTime(), nullable=False),
    Column("resolved_at", UtcDateTime()),
    Column("acknowledged_at", UtcDateTime()),
    Column("assigned_to", String(200)),
    Column("evidence", JsonDocument, nullable=False),
    Column("lane_disruption_id", ID, comment="folded under this lane disruption (not announced)"),
    # A cause is raised once per shipment, ever.
    UniqueConstraint("shipment_id", "cause"),
    Index("ix_alerts_shipment_open", "shipment_id", "resolved_at"),
    Index("ix_alerts_merchant_open", "merchant_id", "resolved_at", "opened_at"),
)

tracking_links = Table(
    "tracking_links",
    metadata,
    Column("token", String(64), primary_key=True, comment="unguessable; the public page's key"),
    Column("merchant_id", ID, nullable=False),
    Column("shipment_id", ID, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_tracking_links_merchant_shipment", "merchant_id", "shipment_id"),
)

buyer_requests = Table(
    "buyer_requests",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, nullable=False),
    Column("shipment_id", ID, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("kind", CODE, nullable=False, comment="phone, address or delivery_note"),
    Column("details", JsonDocument, nullable=False),
    Column("answers", JsonDocument, nullable=False, comment="ids of the alerts it answers"),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_buyer_requests_shipment", "shipment_id", "created_at"),
)

# What the AfterShip-compatible API keeps beyond our model (docs/aftership-compat.md).
compat_trackings = Table(
    "compat_trackings",
    metadata,
    Column("shipment_id", ID, ForeignKey("shipments.id", ondelete="CASCADE"), primary_key=True),
    Column("merchant_id", ID, ForeignKey("merchants.id"), nullable=False),
    Column(
        "fields", JsonDocument, nullable=False, comment="AfterShip fields as the client sent them"
    ),
    Column("completed_at", UtcDateTime(), comment="when marked completed"),
    Column("completed_reason", CODE, comment="DELIVERED, LOST or RETURNED_TO_SENDER"),
    Column("retracks", Integer(), nullable=False, server_default=text("0")),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

lane_norms = Table(
    "lane_norms",
    metadata,
    Column("scope", String(32), nullable=False, comment="CN-FR (lane), *-FR (destination) or *"),
    Column("milestone", CODE, nullable=False),
    Column("kind", CODE, nullable=False, comment="stay or gap"),
    Column("p95_seconds", Float(), nullable=False),
    Column("samples", Integer(), nullable=False),
    Column("computed_at", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("scope", "milestone", "kind"),
)

lane_disruptions = Table(
    "lane_disruptions",
    metadata,
    Column("id", ID, primary_key=True),
    Column("destination", String(8), nullable=False, comment="destination country"),
    Column("milestone", CODE, nullable=False, comment="where parcels wait (import_customs)"),
    Column("began_on", Date(), nullable=False),
    Column("raised_on", Date(), nullable=False),
    Column("ended_on", Date()),
    Column("normal_hours", Float(), nullable=False),
    Column("latest_hours", Float(), nullable=False),
    Column("peak_hours", Float(), nullable=False),
    Column("notified", JsonDocument, nullable=False, comment="merchant id -> parcels waiting"),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("destination", "milestone", "began_on"),
)

alert_settings = Table(
    "alert_settings",
    metadata,
    Column("merchant_id", ID, ForeignKey("merchants.id"), nullable=False),
    Column("lane", String(32), nullable=False, comment="'' (every lane), *-FR or CN-FR"),
    Column("settings", JsonDocument, nullable=False, comment="thresholds overridden"),
    Column("updated_at", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("merchant_id", "lane"),
)

webhook_endpoints = Table(
    "webhook_endpoints",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, ForeignKey("merchants.id"), nullable=False, index=True),
    Column("url", Text(), nullable=False),
    Column("secret", String(200), nullable=False),
    Column("topics", Text(), nullable=False, comment="space-separated Topic values, or *"),
    Column("active", Boolean(), nullable=False, server_default=text("true")),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("description", String(200)),
    Column("previous_secret", String(200), comment="still signed with until it expires"),
    Column("previous_secret_expires_at", UtcDateTime()),
    Column("disabled_at", UtcDateTime()),
    Column("disabled_reason", Text()),
    Column("failures_in_a_row", Integer(), nullable=False, server_default=text("0")),
    Column("failing_since", UtcDateTime()),
    Column("coalesce_seconds", Integer(), nullable=False, server_default=text("0")),
    Column("contact_email", String(320), comment="told when the endpoint is disabled"),
    Column(
        "payload_format",
        CODE,
        nullable=False,
        server_default="crosstrack",
        comment="crosstrack or aftership: the body and signature sent",
    ),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, nullable=False),
    Column("shipment_id", ID),
    Column("topic", String(64), nullable=False),
    Column("payload", JsonDocument, nullable=False),
    Column("idempotency_key", String(200), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("dispatched_at", UtcDateTime()),
    Column("attempts", Integer(), nullable=False, server_default=text("0")),
    Column("next_attempt_at", UtcDateTime()),
    Column("last_error", Text()),
    UniqueConstraint("idempotency_key"),
    # The dispatcher's queue: undispatched messages, oldest first.
    Index("ix_outbox_pending", "dispatched_at", "created_at", "id"),
    # Live streams: a merchant's messages, or a shipment's, in order from a point.
    Index("ix_outbox_merchant_stream", "merchant_id", "created_at", "id"),
    Index("ix_outbox_shipment_stream", "shipment_id", "created_at", "id"),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, nullable=False),
    Column("message_id", ID, ForeignKey("outbox.id"), nullable=False),
    Column("channel", CODE, nullable=False, comment="webhook, email or sms"),
    Column("target", String(320), nullable=False, comment="endpoint id, address or number"),
    Column("status", CODE, nullable=False, comment="pending, delivered, dead, superseded"),
    Column("attempts", Integer(), nullable=False, server_default=text("0")),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("next_attempt_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False, comment="given up after this"),
    Column("last_attempt_at", UtcDateTime()),
    Column("last_error", Text()),
    Column("last_status", Integer()),
    Column("delivered_at", UtcDateTime()),
    Column("coalesce_key", String(300), comment="newer updates of the same key replace it"),
    UniqueConstraint("message_id", "channel", "target"),
    # The dispatcher's queue: pending deliveries, soonest due first.
    Index("ix_deliveries_due", "status", "next_attempt_at"),
    Index("ix_deliveries_target", "merchant_id", "channel", "target", "created_at"),
    Index("ix_deliveries_coalesce", "coalesce_key", "status"),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", ID, primary_key=True),
    Column("merchant_id", ID, nullable=False),
    Column("shipment_id", ID, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False),
    Column("channel", CODE, nullable=False, comment="email or sms"),
    Column("address", String(320), nullable=False, comment="email address or E.164 number"),
    Column("locale", String(35)),
    Column("source", CODE, nullable=False, comment="registration, merchant or buyer"),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("unsubscribed_at", UtcDateTime()),
    UniqueConstraint("shipment_id", "channel", "address"),
)

notification_rules = Table(
    "notification_rules",
    metadata,
    Column("merchant_id", ID, ForeignKey("merchants.id"), nullable=False),
    Column("channel", CODE, nullable=False),
    Column("enabled", Boolean(), nullable=False),
    Column("triggers", Text(), nullable=False, comment="space-separated triggers"),
    Column("quiet_hours", String(11), comment="HH:MM-HH:MM in the buyer's zone"),
    Column("updated_at", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("merchant_id", "channel"),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("merchant_id", ID, nullable=False),
    Column("key", String(255), nullable=False),
    Column("request_hash", String(128), nullable=False),
    Column("status_code", Integer(), nullable=False),
    Column("body", Text(), nullable=False),
    Column("extra", JsonDocument),
    Column("created_at", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("merchant_id", "key"),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", ID, primary_key=True),
    Column("source", CODE, nullable=False, comment="webhook, poll, import"),
    Column("carrier", SLUG),
    Column("merchant_id", ID),
    Column("reason", Text(), nullable=False),
    Column("content_type", String(200)),
    Column("body", Text(), nullable=False, comment="at most 256 Ki characters, as text"),
    Column("truncated", Boolean(), nullable=False, server_default=text("false")),
    Column("received_at", UtcDateTime(), nullable=False),
    Index("ix_quarantine_received", "received_at"),
)

# --- Analytics (docs/analytics.md) ----------------------------------------------------------
# One row of facts per shipment, written in the transaction that saves its state, and rollups
# of them per merchant and week, refreshed for the weeks whose facts changed.

shipment_facts = Table(
    "shipment_facts",
    metadata,
    Column("shipment_id", ID, ForeignKey("shipments.id", ondelete="CASCADE"), primary_key=True),
    Column("merchant_id", ID, nullable=False),
    Column("origin", COUNTRY),
    Column("destination", COUNTRY),
    Column("carrier", SLUG, comment="first mile: the carrier the merchant booked"),
    Column("last_mile_carrier", SLUG),
    Column("service", SERVICE),
    Column("shipped_at", UtcDateTime()),
    Column("shipped_on", Date(), comment="local day of the shipped scan"),
    Column("week", Date(), comment="Monday of the ISO week of shipped_on"),
    Column("weekday", Integer(), comment="ISO weekday of shipped_on, 1 (Monday) to 7"),
    Column("delivered_at", UtcDateTime()),
    Column("delivered_on", Date()),
    Column("transit_microseconds", BigInteger()),
    Column("transit_bucket", Integer(), comment="half days, 180 = 90 days or more"),
    Column("promised_date", Date()),
    Column("on_time_promise", Boolean()),
    Column("eta_p90", Date(), comment="P90 day of the first estimate made after pick-up"),
    Column("eta_made_at", UtcDateTime()),
    Column("on_time_eta", Boolean()),
    Column("customs_reached", Boolean(), nullable=False),
    Column("customs_arrived_at", UtcDateTime()),
    Column("customs_released_at", UtcDateTime()),
    Column("clearance_microseconds", BigInteger()),
    Column("clearance_bucket", Integer(), comment="hours, 720 = 30 days or more"),
    Column("customs_held", Boolean(), nullable=False),
    Column("excepted", Boolean(), nullable=False, comment="had an exception or failed attempt"),
    Column("failed_attempts", Integer(), nullable=False),
    Column("outcome", CODE, nullable=False, comment="delivered, returned, lost or open"),
    Column("season", CODE, comment="peak, chinese_new_year or rest"),
    Column("spans_holiday", Boolean()),
    Column("as_of", UtcDateTime(), nullable=False),
    # The refresh of a merchant's week reads its facts.
    Index("ix_shipment_facts_merchant_week", "merchant_id", "week"),
)

shipment_fact_tags = Table(
    "shipment_fact_tags",
    metadata,
    Column(
        "shipment_id",
        ID,
        ForeignKey("shipment_facts.shipment_id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("merchant_id", ID, nullable=False),
    Column("kind", CODE, nullable=False, comment="reason, category, hs_chapter, hs_heading..."),
    Column("code", String(100), nullable=False),
    PrimaryKeyConstraint("shipment_id", "kind", "code"),
)

_DIMENSIONS = tuple(dim.value for dim in LANE)
"""The rollups' lane columns: the dimensions the views group by."""


def _rollup_dimensions() -> list[Column[str]]:
    """The dimension columns of a rollup row ('' when unknown, so they can be keys)."""
    return [
        Column("origin", COUNTRY, nullable=False),
        Column("destination", COUNTRY, nullable=False),
        Column("carrier", SLUG, nullable=False),
        Column("service", SERVICE, nullable=False),
    ]


analytics_days = Table(
    "analytics_days",
    metadata,
    Column("merchant_id", ID, nullable=False),
    Column("week", Date(), nullable=False),
    Column("weekday", Integer(), nullable=False),
    *_rollup_dimensions(),
    *(
        Column(name, Integer(), nullable=False)
        for name in (
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
    ),
    PrimaryKeyConstraint("merchant_id", "week", "weekday", *_DIMENSIONS),
    sqlite_with_rowid=False,
)

analytics_histograms = Table(
    "analytics_histograms",
    metadata,
    Column("merchant_id", ID, nullable=False),
    Column("metric", CODE, nullable=False, comment="transit, clearance, transit_peak..."),
    Column("week", Date(), nullable=False),
    Column("weekday", Integer(), nullable=False, comment="0: the whole week, else ISO 1-7"),
    Column("bucket", Integer(), nullable=False),
    *_rollup_dimensions(),
    Column("parcels", Integer(), nullable=False),
    # Keyed in time order; the index in lane order. Both cover the queries (on SQLite the
    # table is clustered on its key), so both databases read them in the order of the two
    # common groupings, by week and by lane, and aggregate as they go.
    PrimaryKeyConstraint("merchant_id", "metric", "week", "weekday", "bucket", *_DIMENSIONS),
    Index(
        "ix_analytics_histograms_lane",
        "merchant_id",
        "metric",
        *_DIMENSIONS,
        "bucket",
        "week",
        "weekday",
        "parcels",
    ),
    sqlite_with_rowid=False,
)

analytics_tags = Table(
    "analytics_tags",
    metadata,
    Column("merchant_id", ID, nullable=False),
    Column("kind", CODE, nullable=False, comment="reason, category, hs_chapter, hs_heading"),
    Column("week", Date(), nullable=False),
    *_rollup_dimensions(),
    Column("code", String(100), nullable=False),
    Column("parcels", Integer(), nullable=False),
    Column("customs_reached", Integer(), nullable=False),
    Column("customs_problems", Integer(), nullable=False),
    PrimaryKeyConstraint("merchant_id", "kind", "week", *_DIMENSIONS, "code"),
    sqlite_with_rowid=False,
)

analytics_stale_weeks = Table(
    "analytics_stale_weeks",
    metadata,
    Column("merchant_id", ID, nullable=False),
    Column("week", Date(), nullable=False),
    Column("marked_at", UtcDateTime(), nullable=False, comment="when first marked"),
    PrimaryKeyConstraint("merchant_id", "week"),
)
