"""From the services' values to response schemas (no decisions here, only shapes)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from crosstrack.api import schemas
from crosstrack.domain.buyer_requests import ANSWERS, masked_phone
from crosstrack.domain.carriers import CarrierInfo
from crosstrack.domain.declared_items import DeclaredItem
from crosstrack.domain.eta import DeliveryEstimate
from crosstrack.domain.model import Location, NormalizedEvent, RawEvent
from crosstrack.domain.numbers import Detection
from crosstrack.domain.shipment import BuyerContact, Endpoint, Shipment, ShipmentLeg
from crosstrack.domain.timeline import TimelineEvent
from crosstrack.domain.units import Measure, Unit
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.services.buyers import BuyerView
from crosstrack.services.imports import ImportReport
from crosstrack.services.ingestion import IngestReport
from crosstrack.services.lane_watch import merchant_action
from crosstrack.services.queries import ShipmentView
from crosstrack.services.records import (
    BuyerRequest,
    Page,
    StoredAlert,
    StoredDisruption,
    StoredEvent,
)
from crosstrack.wording import HEADLINES, MILESTONES, Gettext


def endpoint(value: Endpoint | None) -> schemas.Endpoint | None:
    """An origin or destination."""
    if value is None:
        return None
    return schemas.Endpoint.model_construct(
        country=value.country, region=value.region, postcode=value.postcode, city=value.city
    )


def buyer(value: BuyerContact | None) -> schemas.Buyer | None:
    """The buyer's contact (for the owning merchant only)."""
    if value is None:
        return None
    return schemas.Buyer.model_construct(
        email=value.email, phone=value.phone, locale=value.locale, timezone=value.timezone
    )


def leg(value: ShipmentLeg) -> schemas.Leg:
    """One leg."""
    return schemas.Leg(
        id=value.id,
        carrier=value.carrier,
        tracking_number=value.tracking_number,
        position=value.position,
        carrier_detected=value.carrier_detected,
        carrier_confidence=value.carrier_confidence,
        weight=weight(value.weight),
    )


def weight(value: Measure | None) -> schemas.WeightOut | None:
    """A weight as given (its digits in plain notation: ``1.20``, ``1E+3`` as ``1000``), with
    its kilograms."""
    if value is None:
        return None
    kilograms = value.to(Unit.KILOGRAM).value
    return schemas.WeightOut(value=f"{value.value:f}", unit=value.unit.value, kg=float(kilograms))


def alert(value: StoredAlert) -> schemas.AlertOut:
    """One alert with its actions."""
    return schemas.AlertOut(
        id=value.id,
        shipment_id=value.shipment_id,
        kind=value.kind,
        severity=value.severity,
        since=value.since,
        opened_at=value.opened_at,
        resolved_at=value.resolved_at,
        evidence=dict(value.evidence),
        buyer_action=value.actions.buyer,
        merchant_action=value.actions.merchant,
        acknowledged_at=value.acknowledged_at,
        assigned_to=value.assigned_to,
        lane_disruption_id=value.lane_disruption_id,
    )


def eta(value: DeliveryEstimate | None) -> schemas.EtaOut | None:
    """A delivery estimate, or ``None``."""
    if value is None:
        return None
    return schemas.EtaOut(
        p10=value.p10,
        p50=value.p50,
        p90=value.p90,
        p_on_time=value.p_on_time,
        basis=value.basis,
        fallback=value.fallback,
        model_version=value.model_version,
        as_of=value.as_of,
    )


def summary(shipment: Shipment) -> schemas.ShipmentSummary:
    """A shipment as listed."""
    state = shipment.state
    return schemas.ShipmentSummary(
        id=shipment.id,
        order_ref=shipment.order_ref,
        status=state.status,
        milestone=state.milestone,
        reason=state.reason,
        origin=endpoint(shipment.origin),
        destination=endpoint(shipment.destination),
        promised_date=shipment.promised_date,
        legs=[leg(item) for item in sorted(shipment.legs, key=lambda item: item.position)],
        event_count=state.event_count,
        last_event_at=state.last_event_at,
        delivered_at=state.delivered_at,
        eta=eta(state.eta),
        created_at=shipment.created_at,
        updated_at=shipment.updated_at,
        archived_at=shipment.archived_at,
        parcel=schemas.ParcelOut(weight=weight(shipment.weight)),
        service=shipment.service,
        items=[item(i) for i in shipment.items],
    )


def item(value: DeclaredItem) -> schemas.ItemOut:
    """A declared line of the parcel's contents."""
    return schemas.ItemOut.model_validate(value.to_document())


def page(found: Page[Shipment]) -> schemas.ShipmentPage:
    """One page of a listing."""
    return schemas.ShipmentPage(
        data=[summary(s) for s in found.items], next_cursor=found.next_cursor
    )


def shipment(view: ShipmentView) -> schemas.ShipmentOut:
    """A shipment with its buyer, timeline and dwell times."""
    stored = StoredLookup(view.events)
    dwell = view.timeline.dwell
    return schemas.ShipmentOut(
        **dict(summary(view.shipment)),
        buyer=buyer(view.shipment.buyer),
        first_event_at=view.timeline.first_event_at,
        timeline=[_entry(item, stored.find(item.event)) for item in view.timeline.events],
        dwell={milestone: int(spent.total_seconds()) for milestone, spent in dwell.items()},
        alerts=[alert(item) for item in view.alerts],
        tracking_token=view.tracking_token,
        buyer_requests=[buyer_request(item) for item in view.buyer_requests],
    )


def buyer_request(value: BuyerRequest) -> schemas.BuyerRequestOut:
    """A buyer's request with its details (for the merchant)."""
    return schemas.BuyerRequestOut(
        id=value.id,
        kind=value.kind,
        details=dict(value.details),
        answers=list(value.answers),
        created_at=value.created_at,
    )


def buyer_side(view: BuyerView, locale: str, _: Gettext) -> schemas.BuyerSideOut:
    """The buyer's side of a shipment: open problems and carriers (no contact data), its
    texts in ``locale`` (``_`` is that locale's catalog)."""
    state = view.shipment.state
    return schemas.BuyerSideOut(
        status=state.status,
        milestone=state.milestone,
        locale=locale,
        headline=_(HEADLINES.get(state.status, HEADLINES[Status.IN_TRANSIT])),
        milestone_label=_(MILESTONES.get(state.milestone, MILESTONES[Milestone.NONE])),
        alerts=[
            schemas.PublicAlert(
                kind=a.kind,
                severity=a.severity,
                since=a.since,
                buyer_action=_(a.actions.buyer),
                requests=[kind for kind, kinds in ANSWERS.items() if a.kind in kinds],
            )
            for a in view.open_alerts
        ],
        carriers=[
            schemas.CarrierContactOut.model_validate(c, from_attributes=True) for c in view.carriers
        ],
    )


def receipt(value: BuyerRequest) -> schemas.BuyerRequestReceipt:
    """What the public page learns back: no contact data except the phone, masked."""
    phone = value.details.get("phone")
    return schemas.BuyerRequestReceipt(
        id=value.id,
        kind=value.kind,
        created_at=value.created_at,
        answered_alerts=len(value.answers),
        phone=masked_phone(str(phone)) if phone else None,
    )


def report(value: IngestReport) -> schemas.IngestReportOut:
    """What a batch of events did."""
    return schemas.IngestReportOut(
        received=value.received,
        stored=value.stored,
        duplicates=value.duplicates,
        unmatched=list(value.unmatched),
        changed_shipments=list(value.changed_shipments),
        messages=value.messages,
    )


def carriers(found: list[CarrierInfo]) -> schemas.CarrierList:
    """The carrier directory."""
    return schemas.CarrierList(
        data=[schemas.Carrier(slug=c.slug, name=c.name, country=c.country) for c in found]
    )


def detection(value: Detection) -> schemas.Detection:
    """The detector's answer for one number."""
    return schemas.Detection(
        input=value.input,
        normalized=value.normalized,
        candidates=[
            schemas.Candidate(
                carrier=c.carrier,
                name=c.name,
                confidence=c.confidence,
                checksum_valid=c.checksum_valid,
                standard=c.standard,
                country=c.country,
                service=c.service,
            )
            for c in value.candidates
        ],
    )


def local_time(moment: datetime | None, offset_minutes: int | None) -> datetime | None:
    """``moment`` at the event's own UTC offset (``None`` when either is unknown)."""
    if moment is None or offset_minutes is None:
        return None
    return moment.astimezone(timezone(timedelta(minutes=offset_minutes)))


def _place(value: Location) -> schemas.Place:
    return schemas.Place(
        city=value.city,
        region=value.region,
        postcode=value.postcode,
        country=value.country,
        timezone=value.timezone,
    )


def _raw(value: RawEvent) -> schemas.RawEventOut:
    return schemas.RawEventOut(
        carrier=value.carrier,
        raw_status_code=value.raw_status_code,
        description=value.description,
        location=value.location,
        timestamp=value.timestamp,
        language=value.language,
        tracking_number=value.tracking_number,
    )


def _entry(item: TimelineEvent, stored: StoredEvent | None) -> schemas.TimelineEntry:
    event = item.event
    return schemas.TimelineEntry(
        id=stored.id if stored else None,
        status=event.status,
        milestone=event.milestone,
        reason=event.reason,
        confidence=event.confidence,
        carrier=event.carrier,
        location=_place(event.location),
        occurred_at=event.occurred_at,
        local_time=local_time(event.occurred_at, event.utc_offset_minutes),
        utc_offset_minutes=event.utc_offset_minutes,
        time_basis=event.time_basis,
        placement=item.placement,
        raw=_raw(event.raw),
        source=stored.source if stored else None,
        leg=stored.leg_id if stored else None,
    )


class StoredLookup:
    """Finds the stored record of a timeline event (the same object, else an equal one)."""

    def __init__(self, events: tuple[StoredEvent, ...]) -> None:
        self._events = events
        self._by_identity = {id(e.event): e for e in events}

    def find(self, event: NormalizedEvent) -> StoredEvent | None:
        found = self._by_identity.get(id(event))
        if found is not None:
            return found
        return next((e for e in self._events if e.event == event), None)


def import_report(value: ImportReport) -> schemas.ImportReportOut:
    """What a CSV import did."""
    return schemas.ImportReportOut(
        rows=value.rows,
        created=value.created,
        existing=value.existing,
        events_stored=value.events_stored,
        errors=[
            schemas.ImportRowError(line=e.line, field=e.field, message=e.message)
            for e in value.errors
        ],
    )


def disruption(value: StoredDisruption, parcels: int, folded: int) -> schemas.LaneDisruptionOut:
    """A lane disruption as one merchant sees it."""
    return schemas.LaneDisruptionOut(
        id=value.id,
        destination=value.destination,
        milestone=value.milestone,
        began_on=value.began_on,
        raised_on=value.raised_on,
        ended_on=value.ended_on,
        normal_hours=value.normal_hours,
        latest_hours=value.latest_hours,
        peak_hours=value.peak_hours,
        your_parcels_waiting=parcels,
        folded_alerts=folded,
        merchant_action=merchant_action(value, parcels),
    )
