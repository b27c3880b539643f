"""Keeping each shipment's analytics facts current, in the transaction that saves its state.

Registration, ingestion and the sweep call :func:`record_facts` with the shipments whose state
they save; the facts are worked out from the shipment, its new state and its timeline
(:func:`crosstrack.domain.shipment_facts.extract_facts`), with the facts stored before (the
first estimate after pick-up is kept from them), and written only when they changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from crosstrack.domain.analytics_calendar import AnalyticsCalendar
from crosstrack.domain.shipment import Shipment, ShipmentState
from crosstrack.domain.shipment_facts import ShipmentFacts, extract_facts
from crosstrack.domain.timeline import Timeline, build_timeline
from crosstrack.services.analytics_calendar import PublicHolidays
from crosstrack.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from crosstrack.services.records import ShipmentFilter

PUBLIC_HOLIDAYS = PublicHolidays()
PAGE = 500
"""Shipments per transaction when facts are rebuilt."""


@dataclass(frozen=True, slots=True)
class Saved:
    """A shipment whose state is being saved: its record (with its current legs), the new
    state, and its timeline (``None`` before any event)."""

    shipment: Shipment
    state: ShipmentState
    timeline: Timeline | None


def record_facts(
    uow: UnitOfWork,
    saved: Sequence[Saved],
    now: datetime,
    *,
    calendar: AnalyticsCalendar = PUBLIC_HOLIDAYS,
) -> int:
    """Work out and store the facts of ``saved`` shipments; returns how many changed."""
    if not saved:
        return 0
    previous = uow.analytics.facts_for([(s.shipment.merchant_id, s.shipment.id) for s in saved])
    changed: list[ShipmentFacts] = []
    for item in saved:
        before = previous.get((item.shipment.merchant_id, item.shipment.id))
        facts = extract_facts(
            item.shipment,
            item.state,
            item.timeline,
            now=now,
            calendar=calendar,
            previous=before,
        )
        if before is None or replace(before, as_of=facts.as_of) != facts:
            changed.append(facts)
    uow.analytics.put_facts(changed, now)
    return len(changed)


def rebuild_facts(
    uow: UnitOfWorkFactory,
    clock: Clock,
    *,
    merchant_id: str | None = None,
    calendar: AnalyticsCalendar = PUBLIC_HOLIDAYS,
) -> int:
    """Work out again the facts of every stored shipment (of one merchant, or all) from its
    events: for a database upgraded from before analytics, or after legs were corrected.
    Returns how many shipments' facts changed. One transaction per page of shipments."""
    changed = 0
    for keys in _pages(uow, merchant_id):
        now = clock()
        with uow() as work:
            shipments = work.shipments.get_many(keys)
            histories = work.events.for_shipments(list(shipments))
            saved = [
                Saved(
                    shipments[key],
                    shipments[key].state,
                    build_timeline([e.event for e in histories[key]], now=now)
                    if histories[key]
                    else None,
                )
                for key in shipments
            ]
            changed += record_facts(work, saved, now, calendar=calendar)
            work.commit()
    return changed


def _pages(uow: UnitOfWorkFactory, merchant_id: str | None) -> Iterator[list[tuple[str, str]]]:
    """(merchant id, shipment id) of every shipment, a page at a time."""
    with uow() as work:
        merchants = [merchant_id] if merchant_id else work.merchants.all_ids()
    filters = ShipmentFilter(include_archived=True)
    for merchant in merchants:
        cursor: str | None = None
        while True:
            with uow() as work:
                page = work.shipments.list(merchant, filters, limit=PAGE, cursor=cursor)
            yield [(merchant, s.id) for s in page.items]
            cursor = page.next_cursor
            if not cursor:
                break
