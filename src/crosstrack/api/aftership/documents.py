"""Our shipments, carriers and estimates in the shapes of AfterShip's Tracking API (2026-07).

A shipment is one AfterShip *tracking*: its first leg gives ``tracking_number`` and ``slug``,
a later leg is the ``last_mile``. Status ``tag``/``subtag`` come from the crosswalk
(docs/crosswalk.md). A field AfterShip has and we do not know is ``None``, never made up;
what we know beyond AfterShip (legs, milestone, the ETA window, alerts) is in the
``crosstrack`` extension field, which AfterShip's clients ignore (docs/aftership-compat.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from crosstrack.api import presenters
from crosstrack.api.aftership.countries import alpha3, country_name
from crosstrack.domain.carriers import CarrierInfo, CarrierLinks
from crosstrack.domain.crosswalk_aftership import aftership_code, to_aftership
from crosstrack.domain.eta import DeliveryEstimate
from crosstrack.domain.model import NormalizedEvent
from crosstrack.domain.shipment import Endpoint, Shipment, ShipmentLeg
from crosstrack.domain.timeline import TimelineEvent
from crosstrack.domain.vocabulary import Milestone, Reason, Status
from crosstrack.services.links import Links
from crosstrack.services.queries import TimelineRead
from crosstrack.services.records import CompatTracking, EventSource, StoredEvent

INACTIVE = frozenset({Status.DELIVERED, Status.RETURNED, Status.EXPIRED})
"""Statuses AfterShip no longer tracks (``active: false``)."""
CARRIER_SOURCES = frozenset({EventSource.POLL, EventSource.WEBHOOK})

#: AfterShip fields we keep as the client sent them (``CompatTracking.fields``).
KEPT_FIELDS: tuple[str, ...] = (
    "title",
    "note",
    "custom_fields",
    "order_id",
    "order_id_path",
    "order_number",
    "order_date",
    "language",
    "shipment_tags",
    "shipment_type",
    "shipping_method",
    "tracking_ship_date",
    "tracking_account_number",
    "tracking_key",
    "pickup_location",
    "pickup_note",
    "delivery_type",
    "location_id",
    "customers",
)


@dataclass(frozen=True, slots=True)
class Context:
    """What a document needs beyond the shipment: links to pages and carriers."""

    links: Links
    carrier_links: Mapping[str, CarrierLinks]


def iso(moment: datetime | None) -> str | None:
    """AfterShip's date-time text: ISO 8601 with the offset (UTC when ours is UTC)."""
    if moment is None:
        return None
    return moment.isoformat()


def tag_of(status: Status, milestone: Milestone, reason: Reason) -> dict[str, str | None]:
    """``tag``, ``subtag`` and ``subtag_message`` of our triple."""
    found = to_aftership(status, milestone, reason)
    entry = aftership_code(found.subtag)
    return {
        "tag": found.tag,
        "subtag": found.subtag,
        "subtag_message": entry.description if entry else None,
    }


def tracking(view: TimelineRead, compat: CompatTracking | None, context: Context) -> dict[str, Any]:
    """The AfterShip tracking of a shipment read with its timeline."""
    shipment = view.shipment
    stored = presenters.StoredLookup(view.events)
    entries = [(item, stored.find(item.event)) for item in view.timeline.events]
    document = summary(shipment, compat, context)
    document["checkpoints"] = [checkpoint(item.event, found) for item, found in entries]
    pickup = _first(view.timeline.events, lambda e: e.milestone is Milestone.PICKED_UP)
    attempts = [
        item.event
        for item in view.timeline.events
        if item.affects_state and item.event.status is Status.ATTEMPT_FAILED
    ]
    delivered = shipment.state.delivered_at
    document.update(
        shipment_pickup_date=iso(pickup),
        transit_time=_transit_days(pickup, delivered, view.timeline.now),
        first_attempted_at=iso(attempts[0].occurred_at) if attempts else None,
        failed_delivery_attempts=len(attempts),
        unique_token=view.tracking_token,
        aftership_tracking_url=(
            context.links.tracking_page(view.tracking_token) if view.tracking_token else None
        ),
    )
    document["crosstrack"]["alerts"] = [
        presenters.alert(item).model_dump(mode="json") for item in view.open_alerts
    ]
    return document


def summary(shipment: Shipment, compat: CompatTracking | None, context: Context) -> dict[str, Any]:
    """The AfterShip tracking of a shipment without its timeline (listings asked for
    ``fields`` without ``checkpoints``): what only the timeline says (checkpoints, pickup,
    transit time, attempts, the page token, open alerts) is ``None`` until ``tracking``
    fills it in."""
    state = shipment.state
    legs = sorted(shipment.legs, key=lambda leg: leg.position)
    first, last = legs[0], legs[-1]
    fields = dict(compat.fields) if compat else {}
    completed = compat is not None and compat.completed_at is not None
    eta = state.eta
    document: dict[str, Any] = {
        "id": shipment.id,
        "legacy_id": None,
        "created_at": iso(shipment.created_at),
        "updated_at": iso(shipment.updated_at),
        "tracking_number": first.tracking_number,
        "slug": first.carrier,
        "active": not completed and state.status not in INACTIVE,
        **_place("origin", shipment.origin),
        **_place("destination", shipment.destination),
        "courier_destination_country_region": None,
        "courier_estimated_delivery_date": None,
        "shipment_package_count": None,
        "shipment_pickup_date": None,
        "shipment_delivery_date": iso(state.delivered_at),
        "shipment_weight": _weight(shipment),
        "shipment_dimensions": None,
        "signed_by": None,
        "source": "api",
        **tag_of(state.status, state.milestone, state.reason),
        "tracked_count": None,
        "unique_token": None,
        "checkpoints": None,
        "subscribed_smses": None,
        "subscribed_emails": None,
        "return_to_sender": state.status is Status.RETURNED or state.milestone is Milestone.RETURN,
        "order_promised_delivery_date": (
            {"promised_delivery_date": shipment.promised_date.isoformat()}
            if shipment.promised_date
            else None
        ),
        "courier_tracking_link": _carrier_page(first, shipment, context),
        "courier_redirect_link": None,
        "on_time_status": None,
        "on_time_difference": None,
        "order_tags": None,
        "aftership_estimated_delivery_date": _edd(eta),
        "custom_estimated_delivery_date": None,
        "first_estimated_delivery": None,
        "latest_estimated_delivery": _latest(eta),
        "courier_connection_id": None,
        "carbon_emissions": None,
        "signature_requirement": None,
        "delivery_location_type": None,
        "aftership_tracking_order_url": None,
        "first_mile": _mile(first, shipment, context) if len(legs) > 1 else None,
        "last_mile": _mile(last, shipment, context) if len(legs) > 1 else None,
        "proof_of_delivery": None,
        "multi_piece_info": None,
        "shipment_direction": None,
        "return_shipment": None,
        "forward_shipment": None,
        "transit_time": None,
        "first_attempted_at": None,
        "failed_delivery_attempts": None,
        "aftership_tracking_url": None,
    }
    for name in KEPT_FIELDS:
        document[name] = fields.get(name)
    if compat is None:
        document["order_id"] = shipment.order_ref
    if document["customers"] is None and shipment.buyer is not None:
        buyer = shipment.buyer
        document["customers"] = [
            {
                "role": "buyer",
                "name": None,
                "phone_number": buyer.phone,
                "email": buyer.email,
                "language": buyer.locale,
                "id": None,
            }
        ]
    if document["shipping_method"] is None:
        document["shipping_method"] = shipment.service
    document["crosstrack"] = {
        "shipment_id": shipment.id,
        "order_ref": shipment.order_ref,
        "status": state.status.value,
        "milestone": state.milestone.value,
        "reason": state.reason.value,
        "legs": [presenters.leg(leg).model_dump(mode="json") for leg in legs],
        "eta": _eta(eta),
        "completed_at": iso(compat.completed_at) if compat else None,
        "completed_reason": (
            compat.completed_reason.value if compat and compat.completed_reason else None
        ),
        "retracks": compat.retracks if compat else 0,
        "alerts": None,
    }
    return document


def checkpoint(event: NormalizedEvent, stored: StoredEvent | None) -> dict[str, Any]:
    """One timeline event as an AfterShip checkpoint."""
    place = event.location
    local = presenters.local_time(event.occurred_at, event.utc_offset_minutes)
    coordinate = (
        {"latitude": place.latitude, "longitude": place.longitude}
        if place.latitude is not None and place.longitude is not None
        else None
    )
    source = None
    if stored is not None:
        source = "carrier" if stored.source in CARRIER_SOURCES else "user"
    return {
        "created_at": iso(stored.received_at) if stored else None,
        "slug": event.carrier,
        "checkpoint_time": iso(local or event.occurred_at),
        "location": event.raw.location,
        "city": place.city,
        "state": place.region,
        "postal_code": place.postcode,
        "coordinate": coordinate,
        "country_region": alpha3(place.country),
        "country_region_name": country_name(place.country),
        "message": event.raw.description,
        **tag_of(event.status, event.milestone, event.reason),
        "raw_tag": event.raw.raw_status_code,
        "events": None,
        "source": source,
        "hash": stored.fingerprint if stored else None,
    }


def courier(carrier: CarrierInfo, links: Mapping[str, CarrierLinks]) -> dict[str, Any]:
    """A carrier as AfterShip lists couriers."""
    found = links.get(carrier.slug)
    return {
        "slug": carrier.slug,
        "name": carrier.name,
        "phone": None,
        "other_name": ", ".join(carrier.aliases) or None,
        "web_url": found.website if found else None,
        "required_fields": [],
        "optional_fields": [],
        "default_language": None,
        "support_languages": None,
        "service_from_country_regions": ([code] if (code := alpha3(carrier.country)) else []),
        "credentials": None,
    }


def estimate_dates(estimate: DeliveryEstimate | None) -> dict[str, Any]:
    """An estimate as AfterShip's EDD fields: P50 and the P10–P90 window (no confidence
    code: AfterShip's scale is its own)."""
    return {
        "estimated_delivery_date": estimate.p50.isoformat() if estimate else None,
        "confidence_code": None,
        "estimated_delivery_date_min": estimate.p10.isoformat() if estimate else None,
        "estimated_delivery_date_max": estimate.p90.isoformat() if estimate else None,
    }


def _edd(estimate: DeliveryEstimate | None) -> dict[str, Any] | None:
    return estimate_dates(estimate) if estimate else None


def _eta(estimate: DeliveryEstimate | None) -> dict[str, Any] | None:
    shown = presenters.eta(estimate)
    return shown.model_dump(mode="json") if shown else None


def _latest(estimate: DeliveryEstimate | None) -> dict[str, Any] | None:
    if estimate is None:
        return None
    return {
        "type": "range",
        "source": "AfterShip EDD",
        "datetime": estimate.p50.isoformat(),
        "datetime_min": estimate.p10.isoformat(),
        "datetime_max": estimate.p90.isoformat(),
        "revise_reason": None,
    }


def _place(prefix: str, endpoint: Endpoint | None) -> dict[str, Any]:
    return {
        f"{prefix}_country_region": alpha3(endpoint.country) if endpoint else None,
        f"{prefix}_state": endpoint.region if endpoint else None,
        f"{prefix}_city": endpoint.city if endpoint else None,
        f"{prefix}_postal_code": endpoint.postcode if endpoint else None,
        f"{prefix}_raw_location": None,
    }


def _weight(shipment: Shipment) -> dict[str, Any] | None:
    weight = shipment.weight
    if weight is None:
        return None
    return {"unit": weight.unit.value, "value": float(weight.value)}


def _carrier_page(leg: ShipmentLeg, shipment: Shipment, context: Context) -> str | None:
    found = context.carrier_links.get(leg.carrier) if leg.carrier else None
    if found is None:
        return None
    destination = shipment.destination
    return found.tracking_page(
        leg.tracking_number,
        postcode=destination.postcode if destination else None,
        country=destination.country if destination else None,
    )


def _mile(leg: ShipmentLeg, shipment: Shipment, context: Context) -> dict[str, Any]:
    return {
        "tracking_number": leg.tracking_number,
        "slug": leg.carrier,
        "transit_time": None,
        "courier_tracking_link": _carrier_page(leg, shipment, context),
        "courier_redirect_link": None,
    }


def _first(
    events: tuple[TimelineEvent, ...], fits: Callable[[NormalizedEvent], bool]
) -> datetime | None:
    for item in events:
        if item.affects_state and fits(item.event) and item.event.occurred_at is not None:
            return item.event.occurred_at
    return None


def _transit_days(pickup: datetime | None, delivered: datetime | None, now: datetime) -> int | None:
    """AfterShip's transit time: whole days from pickup to delivery (or to now)."""
    if pickup is None:
        return None
    end: date = (delivered or now).astimezone(UTC).date()
    return (end - pickup.astimezone(UTC).date()).days
