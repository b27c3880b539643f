"""Ingestion: one path for every source (polls, carrier webhooks, merchant API calls, imports).

For a batch of raw events, in one transaction: find the shipments they belong to, skip what
was stored before (by fingerprint, so a replay is a no-op), normalize the rest, store raw and
normalized side by side, recompute each touched shipment's timeline and state, add legs that
hand-overs reveal, and write outbox messages for what changed. A crash before the commit
leaves nothing behind; the same batch sent again then stores it exactly once.

The same transaction keeps each changed shipment's analytics facts current
(``services.analytics_facts``), and the parcel's weight a carrier reported with its answer
(:class:`ReportedWeight`) on the legs with that number, routed like that carrier's events:
the latest report wins, and an unchanged weight writes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.domain.carriers import CarrierDirectory
from crosstrack.domain.model import RawEvent
from crosstrack.domain.normalize import EventNormalizer
from crosstrack.domain.numbers import normalize_number
from crosstrack.domain.shipment import Shipment, ShipmentLeg, ShipmentState
from crosstrack.domain.timeline import build_timeline
from crosstrack.domain.units import Measure
from crosstrack.domain.vocabulary import Milestone
from crosstrack.services.alert_inputs import AlertInputs, AlertInputSource
from crosstrack.services.alerting import AlertChanges
from crosstrack.services.analytics_facts import Saved, record_facts
from crosstrack.services.changes import announce_changes, state_from_timeline
from crosstrack.services.followups import follow_up, store_alert_changes
from crosstrack.services.ports import (
    Clock,
    EtaEstimator,
    IdFactory,
    NoEtaEstimator,
    UnitOfWork,
    UnitOfWorkFactory,
)
from crosstrack.services.records import (
    EventSource,
    LegTarget,
    LegWeight,
    OutboxMessage,
    QuarantinedPayload,
    QuarantineSource,
    StoredAlert,
    StoredEvent,
)


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    """A raw event and where it is going.

    A merchant's own event names its shipment (``merchant_id`` and ``shipment_id``), or only
    ``merchant_id`` and ``raw.tracking_number``: it then goes to that merchant's shipments with
    a leg of that number. A poll or carrier webhook names neither: it goes by
    ``raw.tracking_number`` (and ``raw.carrier``) to every shipment, of any merchant, with a
    leg of that number.
    """

    raw: RawEvent
    source: EventSource
    merchant_id: str | None = None
    shipment_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReportedWeight:
    """The parcel's weight a carrier's answer gave for one tracking number (polls and carrier
    webhooks: it goes to every leg, of any merchant, that the carrier's events would go to)."""

    tracking_number: str
    carrier: str | None
    """The reporting carrier's slug or name, as on its raw events."""
    weight: Measure


def reported_weights(
    answers: Iterable[tuple[str, TrackingResult]], connector: str
) -> list[ReportedWeight]:
    """The weights in a connector's (number, answer) pairs, for the answers that found the
    number: each from the carrier the answer is about, else the connector's own slug."""
    return [
        ReportedWeight(number, result.carrier or connector, result.weight)
        for number, result in answers
        if result.weight is not None and result.outcome is Outcome.FOUND and number.strip()
    ]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What a batch did."""

    received: int
    stored: int
    duplicates: int
    unmatched: tuple[int, ...]
    """Positions in the batch of events that matched no shipment."""
    changed_shipments: tuple[str, ...]
    messages: int
    quarantined: int = 0
    """Events kept aside (with the reason) instead of stored: an implausible time."""
    weights_changed: int = 0
    """Legs whose reported weight was new or different."""


EARLIEST_EVENT = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=2)
"""How far ahead of now an event may be dated (zone mistakes) before it is implausible."""

_QUARANTINE_SOURCE = {
    EventSource.WEBHOOK: QuarantineSource.WEBHOOK,
    EventSource.IMPORT: QuarantineSource.IMPORT,
}


def implausible_time(occurred_at: datetime | None, now: datetime) -> str | None:
    """Why an event's time cannot be right (dated 1970, or days in the future), or ``None``."""
    if occurred_at is None:
        return None
    if occurred_at < EARLIEST_EVENT:
        return f"implausible event time {occurred_at.isoformat()} (before {EARLIEST_EVENT.year})"
    if occurred_at > now + FUTURE_SLACK:
        return f"implausible event time {occurred_at.isoformat()} (in the future)"
    return None


def fingerprint(raw: RawEvent) -> str:
    """Identity of a raw input: the same scan sent again (by any source) gets the same one."""
    parts = [
        normalize_number(raw.tracking_number or ""),
        (raw.carrier or "").strip().lower(),
        (raw.raw_status_code or "").strip(),
        " ".join(raw.description.split()),
        " ".join((raw.location or "").split()),
        (raw.timestamp or "").strip(),
    ]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


Target = tuple[str, str]
"""(merchant id, shipment id)."""


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What ingesting a batch did to one shipment."""

    fresh: list[StoredEvent]
    messages: list[OutboxMessage]
    state: ShipmentState
    quarantined: list[QuarantinedPayload]
    alerts: AlertChanges = field(default_factory=AlertChanges)
    saved: Saved | None = None
    """The shipment (with any new legs), its new state and timeline: for its facts."""


class Ingestor:
    """Ingests batches of events."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        normalizer: EventNormalizer,
        carriers: CarrierDirectory,
        clock: Clock,
        ids: IdFactory,
        eta: EtaEstimator | None = None,
        alert_inputs: AlertInputSource | None = None,
    ) -> None:
        self._uow = uow
        self._eta: EtaEstimator = eta or NoEtaEstimator()
        self._inputs = alert_inputs or AlertInputSource(clock=clock)
        self._normalizer = normalizer
        self._carriers = carriers
        self._clock = clock
        self._ids = ids

    def ingest(
        self, batch: Sequence[IncomingEvent], weights: Sequence[ReportedWeight] = ()
    ) -> IngestReport:
        """Ingest a batch, and the weights carriers reported with it, in one transaction."""
        duplicates = 0
        changed: list[str] = []
        fresh: list[StoredEvent] = []
        announcements: list[OutboxMessage] = []
        states: list[tuple[str, str, ShipmentState]] = []
        saved: list[Saved] = []
        kept_aside = 0
        with self._uow() as uow:
            groups, unmatched, weighed = self._route(uow, batch, weights)
            # One look-up per table for the whole batch (the shipments locked, in id order).
            keys = list(groups)
            weighed_only = [key for key in weighed if key not in groups]
            shipments = uow.shipments.get_many([*keys, *weighed_only], for_update=True)
            histories = uow.events.for_shipments([k for k in keys if k in shipments])
            open_alerts = uow.alerts.open_for([k for k in keys if k in shipments])
            inputs = self._inputs.load(uow, {merchant_id for merchant_id, _ in shipments})
            alert_changes = AlertChanges()
            for key, items in groups.items():
                shipment = shipments.get(key)
                if shipment is None:
                    unmatched.extend(i for i, _ in items)
                    continue
                outcome = self._ingest_one(
                    uow,
                    shipment,
                    histories[key],
                    [event for _, event in items],
                    open_alerts[key],
                    inputs,
                )
                duplicates += len(items) - len(outcome.fresh) - len(outcome.quarantined)
                for item in outcome.quarantined:
                    uow.quarantine.add(item)
                kept_aside += len(outcome.quarantined)
                if outcome.fresh:
                    changed.append(shipment.id)
                    fresh.extend(outcome.fresh)
                    announcements.extend(outcome.messages)
                    states.append((shipment.merchant_id, shipment.id, outcome.state))
                    alert_changes.extend(outcome.alerts)
                    if outcome.saved is not None:
                        saved.append(outcome.saved)
            new_weights = [
                change
                for key, reported in weighed.items()
                if key in shipments
                for change in self._weight_changes(shipments[key], reported)
            ]
            # One bulk write per table for the whole batch.
            uow.shipments.save_states(states, self._clock())
            record_facts(uow, saved, self._clock())
            uow.shipments.save_leg_weights(new_weights, self._clock())
            stored = uow.events.add_many(fresh)
            messages_written = uow.outbox.add_many(announcements)
            messages_written += store_alert_changes(uow, alert_changes, self._clock())
            uow.commit()
        return IngestReport(
            received=len(batch),
            stored=stored,
            duplicates=duplicates,
            unmatched=tuple(sorted(unmatched)),
            changed_shipments=tuple(changed),
            messages=messages_written,
            quarantined=kept_aside,
            weights_changed=len(new_weights),
        )

    def _route(
        self, uow: UnitOfWork, batch: Sequence[IncomingEvent], weights: Sequence[ReportedWeight]
    ) -> tuple[
        dict[Target, list[tuple[int, IncomingEvent]]],
        list[int],
        dict[Target, list[ReportedWeight]],
    ]:
        groups: dict[Target, list[tuple[int, IncomingEvent]]] = defaultdict(list)
        unmatched: list[int] = []
        numbers = {
            position: normalize_number(incoming.raw.tracking_number or "")
            for position, incoming in enumerate(batch)
            if incoming.shipment_id is None or incoming.merchant_id is None
        }
        weighed_numbers = [normalize_number(w.tracking_number) for w in weights]
        legs: dict[str, list[LegTarget]] = defaultdict(list)
        wanted = {n for n in (*numbers.values(), *weighed_numbers) if n}
        for target in uow.shipments.targets(wanted):
            legs[target.tracking_number].append(target)
        weighed: dict[Target, list[ReportedWeight]] = defaultdict(list)
        for reported, number in zip(weights, weighed_numbers, strict=True):
            for destination in self._targets(None, reported.carrier, legs.get(number, [])):
                weighed[destination].append(reported)
        for position, incoming in enumerate(batch):
            if position not in numbers:
                assert incoming.merchant_id is not None and incoming.shipment_id is not None
                groups[(incoming.merchant_id, incoming.shipment_id)].append((position, incoming))
                continue
            destinations = self._targets(
                incoming.merchant_id, incoming.raw.carrier, legs.get(numbers[position], [])
            )
            if not destinations:
                unmatched.append(position)
            for destination in destinations:
                groups[destination].append((position, incoming))
        return groups, unmatched, weighed

    def _targets(
        self, merchant_id: str | None, carrier_label: str | None, legs: list[LegTarget]
    ) -> list[Target]:
        """The shipments one report goes to, among the legs with its number."""
        if merchant_id is not None:
            # A merchant reporting by number means its own shipments with that number,
            # whoever carries them.
            chosen = [leg for leg in legs if leg.merchant_id == merchant_id]
        else:
            # A carrier's report concerns legs of that carrier (or of an unknown one) first.
            # When no leg with the number has that carrier, the report came through an
            # aggregator or a partner scanning for the registered carrier (17TRACK's USPS
            # scans of a China Post number): it belongs to every leg with the number.
            carrier = self._slug(carrier_label)
            chosen = [leg for leg in legs if carrier is None or leg.carrier in (carrier, None)]
            chosen = chosen or legs
        return list(dict.fromkeys((leg.merchant_id, leg.shipment_id) for leg in chosen))

    def _weight_changes(
        self, shipment: Shipment, reported: Sequence[ReportedWeight]
    ) -> list[LegWeight]:
        """The legs of ``shipment`` whose reported weight is new or different (the last
        report of a leg wins)."""
        latest: dict[str, Measure] = {}
        for item in reported:
            number = normalize_number(item.tracking_number)
            carrier = self._slug(item.carrier)
            leg = shipment.leg_for(number, carrier) or shipment.leg_for(number)
            if leg is not None:
                latest[leg.id] = item.weight
        before = {leg.id: leg.weight for leg in shipment.legs}
        return [
            LegWeight(shipment.merchant_id, shipment.id, leg_id, weight)
            for leg_id, weight in latest.items()
            if before[leg_id] != weight
        ]

    def _ingest_one(
        self,
        uow: UnitOfWork,
        shipment: Shipment,
        before: list[StoredEvent],
        incoming: list[IncomingEvent],
        open_alerts: list[StoredAlert],
        inputs: AlertInputs,
    ) -> _Outcome:
        """One shipment's new events, its new state, and the messages announcing what they
        changed. New legs are saved here; the rest is written by the caller, batched."""
        now = self._clock()
        known = {e.fingerprint for e in before}
        fresh: list[StoredEvent] = []
        quarantined: list[QuarantinedPayload] = []
        for item in incoming:
            mark = fingerprint(item.raw)
            if mark in known:
                continue
            known.add(mark)
            event = self._normalizer.normalize(item.raw)
            doubt = implausible_time(event.occurred_at, now)
            if doubt is not None:
                quarantined.append(self._quarantine(item, shipment, doubt, now))
                continue
            number = normalize_number(item.raw.tracking_number or "")
            leg = shipment.leg_for(number, event.carrier) if number else None
            if number and leg is None:
                leg = self._new_leg(uow, shipment, number, event.carrier)
                shipment = replace(shipment, legs=(*shipment.legs, leg))
            fresh.append(
                StoredEvent(
                    id=self._ids(),
                    merchant_id=shipment.merchant_id,
                    shipment_id=shipment.id,
                    leg_id=leg.id if leg else None,
                    fingerprint=mark,
                    source=item.source,
                    received_at=now,
                    event=event,
                )
            )
        if not fresh:
            return _Outcome([], [], shipment.state, quarantined)
        reached_before = {e.event.milestone for e in before}
        timeline = build_timeline([e.event for e in (*before, *fresh)], now=now)
        for handover in timeline.unresolved_handovers:
            target = handover.target
            if target.tracking_number and shipment.leg_for(target.tracking_number) is None:
                carrier = self._slug(target.carrier_name)
                leg = self._new_leg(uow, shipment, target.tracking_number, carrier)
                shipment = replace(shipment, legs=(*shipment.legs, leg))
        follow = follow_up(
            shipment,
            state_from_timeline(timeline),
            timeline,
            open_alerts,
            eta=self._eta,
            inputs=inputs,
            ids=self._ids,
            now=now,
        )
        messages = announce_changes(
            shipment,
            follow.state,
            reached_before - {Milestone.NONE},
            fresh,
            ids=self._ids,
            now=now,
        )
        messages.extend(follow.messages)
        saved = Saved(shipment, follow.state, timeline)
        return _Outcome(fresh, messages, follow.state, quarantined, follow.alerts, saved)

    def _quarantine(
        self, item: IncomingEvent, shipment: Shipment, reason: str, now: datetime
    ) -> QuarantinedPayload:
        raw = item.raw
        body = json.dumps(
            {
                "description": raw.description,
                "carrier": raw.carrier,
                "raw_status_code": raw.raw_status_code,
                "location": raw.location,
                "timestamp": raw.timestamp,
                "tracking_number": raw.tracking_number,
            },
            ensure_ascii=False,
        )
        return QuarantinedPayload.capture(
            id=self._ids(),
            source=_QUARANTINE_SOURCE.get(item.source, QuarantineSource.POLL),
            carrier=raw.carrier,
            merchant_id=shipment.merchant_id,
            reason=reason,
            body=body,
            received_at=now,
            content_type="application/json",
        )

    def _new_leg(
        self, uow: UnitOfWork, shipment: Shipment, number: str, carrier: str | None
    ) -> ShipmentLeg:
        leg = ShipmentLeg(
            id=self._ids(),
            carrier=carrier,
            tracking_number=number,
            position=len(shipment.legs),
            carrier_detected=carrier is not None,
        )
        uow.shipments.add_leg(shipment.merchant_id, shipment.id, leg, self._clock())
        return leg

    def _slug(self, label: str | None) -> str | None:
        found = self._carriers.resolve(label) if label else None
        return found.slug if found else None
