"""Shipments and their legs: tenant-scoped reads and writes, system-side look-up by number.

Every merchant-scoped statement has ``merchant_id = :merchant`` in its ``WHERE`` clause, so a
merchant can never read or change another merchant's shipment, even by guessing its id. The
statements ingestion runs per shipment are built once at import and reused.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, bindparam, delete, func, select, update

from crosstrack.domain.shipment import Endpoint, Shipment, ShipmentLeg, ShipmentState
from crosstrack.services.records import (
    LegTarget,
    LegWeight,
    Page,
    ShipmentChanges,
    ShipmentFilter,
)
from crosstrack.storage.repositories.analytics import forget_facts
from crosstrack.storage.repositories.listing import (
    after_cursor,
    cursor_after,
    filter_conditions,
)
from crosstrack.storage.repositories.shipment_rows import (
    LEG_PREFIX,
    leg_from_row,
    leg_values,
    shipment_from_row,
    shipment_values,
    state_values,
    weight_values,
)
from crosstrack.storage.tables import (
    alerts,
    buyer_requests,
    compat_trackings,
    events,
    legs,
    shipments,
    subscriptions,
    tracking_links,
)

ShipmentList = list[Shipment]
"""(``SqlShipmentRepository.list`` hides the builtin inside the class.)"""

_THIS_SHIPMENT = (
    shipments.c.id == bindparam("b_shipment"),
    shipments.c.merchant_id == bindparam("b_merchant"),
)
_GET = (
    # One round trip: the shipment joined with its legs (one row per leg, or one without).
    select(shipments, *(c.label(f"{LEG_PREFIX}{c.name}") for c in legs.c))
    .select_from(shipments.outerjoin(legs, legs.c.shipment_id == shipments.c.id))
    .where(*_THIS_SHIPMENT)
    .order_by(legs.c.position, legs.c.id)
)
_GET_LOCKED = _GET.with_for_update(of=shipments)
_UPDATE = update(shipments).where(*_THIS_SHIPMENT)
"""Sets the columns given as parameters besides ``b_shipment`` and ``b_merchant``."""
_DELETE = delete(shipments).where(*_THIS_SHIPMENT)
_DELETE_CHILDREN = [
    delete(child).where(
        child.c.shipment_id == bindparam("b_shipment"),
        child.c.merchant_id == bindparam("b_merchant"),
    )
    for child in (
        events,
        alerts,
        buyer_requests,
        tracking_links,
        subscriptions,
        compat_trackings,
        legs,
    )
]
_TARGETS_CHUNK = 500
_GET_MANY = (
    select(shipments)
    .where(shipments.c.id.in_(bindparam("b_shipments", expanding=True)))
    .order_by(shipments.c.id)
)
_GET_MANY_LOCKED = _GET_MANY.with_for_update(of=shipments)
_TARGETS = (
    select(legs.c.merchant_id, legs.c.shipment_id, legs.c.tracking_number, legs.c.carrier)
    .where(legs.c.tracking_number.in_(bindparam("b_numbers", expanding=True)))
    .order_by(legs.c.shipment_id, legs.c.position)
)

_LEGS_OF = (
    select(legs)
    .where(legs.c.shipment_id.in_(bindparam("b_shipments", expanding=True)))
    .order_by(legs.c.shipment_id, legs.c.position, legs.c.id)
)
_UPDATE_LEG = update(legs).where(
    legs.c.id == bindparam("b_leg"), legs.c.shipment_id == bindparam("b_shipment")
)
_THIS_LEG = (legs.c.id == bindparam("b_leg"), legs.c.shipment_id == bindparam("b_shipment"))
_RESTART_POLLING = update(legs).where(
    *_THIS_LEG, legs.c.carrier.is_distinct_from(bindparam("b_carrier"))
)
"""Restarts the poll plan when the carrier changes (set the poll columns as parameters)."""
_STOP_POLLING = update(legs).where(*_THIS_LEG)
_SET_LEG_WEIGHT = update(legs).where(*_THIS_LEG, legs.c.merchant_id == bindparam("b_merchant"))
"""Sets ``weight_value`` and ``weight_unit`` (given as parameters)."""
_INSERT_SHIPMENT = shipments.insert()
_INSERT_LEG = legs.insert()


def fresh_poll_values(leg: ShipmentLeg, due_at: datetime) -> dict[str, Any]:
    """The poll columns of a leg starting its polling plan: due at ``due_at`` when it has a
    carrier, not polled when it has none."""
    return {
        "next_poll_at": due_at if leg.carrier is not None else None,
        "last_polled_at": None,
        "last_outcome": None,
        "consecutive_failures": 0,
        "polling_stopped_at": None,
        "polling_stopped_reason": None,
    }


def _new_leg_values(
    merchant_id: str, shipment_id: str, leg: ShipmentLeg, due_at: datetime
) -> dict[str, Any]:
    return {**leg_values(merchant_id, shipment_id, leg), **fresh_poll_values(leg, due_at)}


class SqlShipmentRepository:
    """``ShipmentRepository`` over the ``shipments`` and ``legs`` tables."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(self, shipment: Shipment) -> None:
        """Store a new shipment with its legs."""
        self._conn.execute(_INSERT_SHIPMENT, shipment_values(shipment))
        if shipment.legs:
            self._conn.execute(
                _INSERT_LEG,
                [
                    _new_leg_values(shipment.merchant_id, shipment.id, leg, shipment.created_at)
                    for leg in shipment.legs
                ],
            )

    def get(
        self, merchant_id: str, shipment_id: str, *, for_update: bool = False
    ) -> Shipment | None:
        """One of the merchant's shipments. ``for_update`` takes a row lock until the
        transaction ends (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the unit of work
        already holds the database's write lock)."""
        locked = for_update and self._conn.dialect.name == "postgresql"
        rows = self._conn.execute(
            _GET_LOCKED if locked else _GET, {"b_shipment": shipment_id, "b_merchant": merchant_id}
        ).all()
        if not rows:
            return None
        found_legs = (leg_from_row(r, LEG_PREFIX) for r in rows if r.leg_id is not None)
        return shipment_from_row(rows[0], found_legs)

    def get_many(
        self, keys: Sequence[tuple[str, str]], *, for_update: bool = False
    ) -> dict[tuple[str, str], Shipment]:
        """Several of the merchants' shipments in one query per 500 (plus their legs);
        ``for_update`` locks them, in id order so concurrent batches cannot deadlock. A
        shipment that belongs to another merchant than its key says is left out."""
        wanted = set(keys)
        ids = sorted({shipment_id for _, shipment_id in wanted})
        query = _GET_MANY_LOCKED if for_update else _GET_MANY
        found: dict[tuple[str, str], Shipment] = {}
        for start in range(0, len(ids), _TARGETS_CHUNK):
            for shipment in self._load(query, {"b_shipments": ids[start : start + _TARGETS_CHUNK]}):
                key = (shipment.merchant_id, shipment.id)
                if key in wanted:
                    found[key] = shipment
        return found

    def find_by_reference(
        self, merchant_id: str, order_ref: str, tracking_number: str
    ) -> Shipment | None:
        """The merchant's (oldest) shipment with this order reference and a leg with this
        number."""
        with_number = select(legs.c.shipment_id).where(
            legs.c.merchant_id == merchant_id, legs.c.tracking_number == tracking_number
        )
        found = self._load(
            select(shipments)
            .where(
                shipments.c.merchant_id == merchant_id,
                shipments.c.order_ref == order_ref,
                shipments.c.id.in_(with_number),
            )
            .order_by(shipments.c.created_at, shipments.c.id)
            .limit(1)
        )
        return found[0] if found else None

    def by_order_ref(self, order_ref: str, limit: int) -> list[Shipment]:
        ids = [
            (row.merchant_id, row.id)
            for row in self._conn.execute(
                select(shipments.c.merchant_id, shipments.c.id)
                .where(shipments.c.order_ref == order_ref)
                .limit(limit)
            )
        ]
        found = self.get_many(ids)
        return [found[key] for key in ids if key in found]

    def targets(self, tracking_numbers: Collection[str]) -> list[LegTarget]:
        """System side: every leg, of any merchant, with one of these numbers (one query per
        500 numbers)."""
        numbers = sorted(set(tracking_numbers))
        found: list[LegTarget] = []
        for start in range(0, len(numbers), _TARGETS_CHUNK):
            chunk = numbers[start : start + _TARGETS_CHUNK]
            for row in self._conn.execute(_TARGETS, {"b_numbers": chunk}):
                found.append(
                    LegTarget(row.merchant_id, row.shipment_id, row.tracking_number, row.carrier)
                )
        return found

    def list(
        self, merchant_id: str, filters: ShipmentFilter, *, limit: int, cursor: str | None = None
    ) -> Page[Shipment]:
        """The merchant's shipments, newest first (keyset pagination on ``(created_at, id)``)."""
        if limit <= 0:
            return Page(())
        query = select(shipments).where(
            shipments.c.merchant_id == merchant_id, *filter_conditions(filters)
        )
        if cursor is not None:
            query = query.where(after_cursor(cursor))
        query = query.order_by(shipments.c.created_at.desc(), shipments.c.id.desc())
        found = self._load(query.limit(limit + 1))
        if len(found) <= limit:
            return Page(tuple(found))
        page = found[:limit]
        return Page(tuple(page), cursor_after(page[-1]))

    def count(self, merchant_id: str, filters: ShipmentFilter) -> int:
        """How many of the merchant's shipments fit ``filters`` (every page together)."""
        query = (
            select(func.count())
            .select_from(shipments)
            .where(shipments.c.merchant_id == merchant_id, *filter_conditions(filters))
        )
        return int(self._conn.execute(query).scalar_one())

    def save_state(
        self, merchant_id: str, shipment_id: str, state: ShipmentState, updated_at: datetime
    ) -> None:
        values = state_values(state, updated_at)
        self._update(merchant_id, shipment_id, **values, updated_at=updated_at)

    def save_states(
        self, states: Sequence[tuple[str, str, ShipmentState]], updated_at: datetime
    ) -> None:
        """Update many shipments' state in one executemany."""
        if states:
            rows = [
                {
                    **state_values(state, updated_at),
                    "updated_at": updated_at,
                    "b_shipment": s,
                    "b_merchant": m,
                }
                for m, s, state in states
            ]
            self._conn.execute(_UPDATE, rows)

    def due_for_sweep(self, before: datetime, limit: int) -> Sequence[tuple[str, str]]:
        query = (
            select(shipments.c.merchant_id, shipments.c.id)
            .where(shipments.c.checked_at < before)
            .order_by(shipments.c.checked_at, shipments.c.id)
            .limit(limit)
        )
        return [(row.merchant_id, row.id) for row in self._conn.execute(query)]

    def add_leg(
        self, merchant_id: str, shipment_id: str, leg: ShipmentLeg, updated_at: datetime
    ) -> None:
        if self._update(merchant_id, shipment_id, updated_at=updated_at):
            self._conn.execute(
                _INSERT_LEG, _new_leg_values(merchant_id, shipment_id, leg, updated_at)
            )

    def update_leg(
        self, merchant_id: str, shipment_id: str, leg: ShipmentLeg, updated_at: datetime
    ) -> None:
        """Replace the leg with ``leg.id`` (to correct its carrier, say). A new carrier
        starts the leg's polling plan afresh (due at ``updated_at``); no carrier stops it."""
        if self._update(merchant_id, shipment_id, updated_at=updated_at):
            this_leg = {"b_leg": leg.id, "b_shipment": shipment_id}
            if leg.carrier is None:
                statement, params = _STOP_POLLING, this_leg
            else:
                statement, params = _RESTART_POLLING, {**this_leg, "b_carrier": leg.carrier}
            self._conn.execute(statement, {**params, **fresh_poll_values(leg, updated_at)})
            values = leg_values(merchant_id, shipment_id, leg)
            self._conn.execute(_UPDATE_LEG, {**values, "b_leg": leg.id, "b_shipment": shipment_id})

    def save_leg_weights(self, weights: Sequence[LegWeight], updated_at: datetime) -> None:
        """Set legs' reported weights and their shipments' ``updated_at`` (one executemany
        per table; nothing else of the leg, its polling plan included, changes)."""
        if not weights:
            return
        this = [
            {"b_leg": w.leg_id, "b_shipment": w.shipment_id, "b_merchant": w.merchant_id}
            for w in weights
        ]
        self._conn.execute(
            _SET_LEG_WEIGHT,
            [{**key, **weight_values(w.weight)} for key, w in zip(this, weights, strict=True)],
        )
        touched = sorted({(w.merchant_id, w.shipment_id) for w in weights})
        self._conn.execute(
            _UPDATE,
            [{"updated_at": updated_at, "b_shipment": s, "b_merchant": m} for m, s in touched],
        )

    def archive(self, merchant_id: str, shipment_id: str, at: datetime) -> bool:
        """Hide from listings (kept, and still readable by id). False if not found."""
        return self._update(
            merchant_id, shipment_id, archived_at=at, updated_at=at, checked_at=None
        )

    def delete(self, merchant_id: str, shipment_id: str) -> bool:
        """Delete with its legs, events, alerts, links, requests, subscriptions and
        AfterShip-compatible fields (and its analytics facts, marking the week they counted
        in stale). False if not found."""
        this = {"b_shipment": shipment_id, "b_merchant": merchant_id}
        forget_facts(self._conn, merchant_id, shipment_id)
        for delete_children in _DELETE_CHILDREN:
            self._conn.execute(delete_children, this)
        return self._conn.execute(_DELETE, this).rowcount > 0

    def _update(self, merchant_id: str, shipment_id: str, **values: Any) -> bool:
        """Set columns of the merchant's shipment; False if it has no such shipment."""
        params = {**values, "b_shipment": shipment_id, "b_merchant": merchant_id}
        return self._conn.execute(_UPDATE, params).rowcount > 0

    def _load(self, query: Select[Any], params: dict[str, Any] | None = None) -> ShipmentList:
        """The shipments the query selects, in its order, each with its legs (two queries)."""
        rows: Sequence[Row[Any]] = self._conn.execute(query, params).all()
        if not rows:
            return []
        by_shipment: dict[str, list[ShipmentLeg]] = {row.id: [] for row in rows}
        for leg in self._conn.execute(_LEGS_OF, {"b_shipments": list(by_shipment)}):
            by_shipment[leg.shipment_id].append(leg_from_row(leg))
        return [shipment_from_row(row, by_shipment[row.id]) for row in rows]

    def amend(
        self, merchant_id: str, shipment_id: str, changes: ShipmentChanges, at: datetime
    ) -> None:
        """Store the merchant's changes (``None`` fields unchanged)."""
        values: dict[str, Any] = {"updated_at": at}
        for prefix, place in (("origin", changes.origin), ("destination", changes.destination)):
            if place is not None:
                values.update(
                    {
                        f"{prefix}_country": place.country,
                        f"{prefix}_region": place.region,
                        f"{prefix}_postcode": place.postcode,
                        f"{prefix}_city": place.city,
                    }
                )
        if changes.promised_date is not None:
            values["promised_date"] = changes.promised_date
        if changes.buyer is not None:
            buyer = changes.buyer
            values.update(
                buyer_email=buyer.email,
                buyer_phone=buyer.phone,
                buyer_locale=buyer.locale,
                buyer_timezone=buyer.timezone,
            )
        if changes.service is not None:
            values["service"] = changes.service
        self._update(merchant_id, shipment_id, **values)

    def correct_buyer(
        self,
        merchant_id: str,
        shipment_id: str,
        *,
        phone: str | None,
        destination: Endpoint | None,
        at: datetime,
    ) -> None:
        """Store a buyer's corrected phone and/or destination (``None``: unchanged)."""
        values: dict[str, Any] = {"updated_at": at}
        if phone is not None:
            values["buyer_phone"] = phone
        if destination is not None:
            values.update(
                destination_country=destination.country,
                destination_region=destination.region,
                destination_postcode=destination.postcode,
                destination_city=destination.city,
            )
        self._update(merchant_id, shipment_id, **values)
