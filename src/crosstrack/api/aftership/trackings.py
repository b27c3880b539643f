"""AfterShip's tracking routes (``/tracking/2026-07/trackings``) over our services.

Each route translates the request to the services' commands and their answer back to
AfterShip's shapes; no decision about shipments is made here (docs/aftership-compat.md).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from crosstrack.api.aftership import documents
from crosstrack.api.aftership.auth import Reader, Writer
from crosstrack.api.aftership.countries import alpha2, country
from crosstrack.api.aftership.envelope import AfterShipError, AfterShipRoute, ok
from crosstrack.api.aftership.requests import (
    CreateTracking,
    MarkCompleted,
    TrackingFields,
    UpdateTracking,
)
from crosstrack.api.aftership.schemas import documented
from crosstrack.api.aftership.values import PREFIX, each, moment
from crosstrack.api.commands import carrier_slug
from crosstrack.api.dependencies import ServicesDep
from crosstrack.domain.crosswalk_aftership import AFTERSHIP_TAGS, to_aftership
from crosstrack.domain.numbers import normalize_number
from crosstrack.domain.shipment import BuyerContact, Endpoint
from crosstrack.domain.vocabulary import Milestone, Reason, Status
from crosstrack.services.facade import Services
from crosstrack.services.queries import MAX_PAGE, TimelineRead
from crosstrack.services.records import AnyOf, ShipmentChanges, ShipmentFilter
from crosstrack.services.registration import NumberInput, RegisterShipment

router = APIRouter(
    prefix=PREFIX, tags=["aftership"], route_class=AfterShipRoute, responses=documented()
)

#: AfterShip tag → our statuses shown with it (a tag depends on the status alone).
STATUSES_BY_TAG: dict[str, frozenset[Status]] = {
    tag: frozenset(s for s in Status if to_aftership(s, Milestone.NONE, Reason.NONE).tag == tag)
    for tag in AFTERSHIP_TAGS
}
UNSUPPORTED_FILTERS = (
    "keyword",
    "transit_time",
    "return_to_sender",
    "courier_destination_country_region",
    "shipment_tags",
)
PLACE_FIELDS = ("origin_raw_location", "destination_raw_location")

Text = Annotated[str | None, Query(max_length=2048)]


@router.get("/trackings", summary="AfterShip: list trackings")
def get_trackings(
    request: Request,
    key: Reader,
    services: ServicesDep,
    cursor: Text = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    tracking_numbers: Text = None,
    slug: Text = None,
    origin: Text = None,
    destination: Text = None,
    tag: Text = None,
    created_at_min: Text = None,
    created_at_max: Text = None,
    updated_at_min: Text = None,
    updated_at_max: Text = None,
    fields: Text = None,
    order_id: Text = None,
) -> JSONResponse:
    for name in UNSUPPORTED_FILTERS:
        if request.query_params.get(name):
            raise AfterShipError(400, 4008, f"{name}: this filter is not supported by crosstrack")
    filters = ShipmentFilter(
        created_from=moment(created_at_min, "created_at_min"),
        created_to=moment(created_at_max, "created_at_max"),
        updated_from=moment(updated_at_min, "updated_at_min"),
        updated_to=moment(updated_at_max, "updated_at_max"),
        any_of=AnyOf(
            statuses=_tags(tag),
            carriers=each(slug, lambda s: carrier_slug(s, services.carriers) or s),
            origin_countries=each(origin, lambda c: country(c, "origin")),
            destination_countries=each(destination, lambda c: country(c, "destination")),
            order_refs=each(order_id, str),
            tracking_numbers=each(tracking_numbers, normalize_number),
        ),
    )
    page = services.queries.shipments(key.merchant_id, filters, limit=limit, cursor=cursor)
    wanted = each(fields, str)
    merchant = key.merchant_id
    compat = services.compat.records(merchant, [s.id for s in page.items])
    context = _context(services)
    if wanted is None or "checkpoints" in wanted:
        trackings = [
            documents.tracking(read, compat.get(read.shipment.id), context)
            for read in services.queries.timelines(merchant, page.items)
        ]
    else:
        trackings = [documents.summary(s, compat.get(s.id), context) for s in page.items]
    if wanted is not None:
        trackings = [{k: v for k, v in t.items() if k in wanted or k == "id"} for t in trackings]
    pagination = {
        "total": services.queries.count(merchant, filters),
        "next_cursor": page.next_cursor,
        "has_next_page": page.next_cursor is not None,
    }
    return ok({"pagination": pagination, "trackings": trackings})


@router.post(
    "/trackings",
    status_code=201,
    summary="AfterShip: create a tracking",
    responses=documented(201),
)
def create_tracking(body: CreateTracking, key: Writer, services: ServicesDep) -> JSONResponse:
    merchant = key.merchant_id
    number = normalize_number(body.tracking_number)
    slug = _slug(body.slug, services)
    same = services.queries.shipments(
        merchant,
        ShipmentFilter(tracking_number=number, carrier=slug, include_archived=True),
        limit=1,
    )
    if same.items:
        raise _exists(same.items[0].id, number, slug)
    numbers = [NumberInput(body.tracking_number, slug)]
    if body.last_mile is not None:
        numbers.append(
            NumberInput(body.last_mile.tracking_number, _slug(body.last_mile.slug, services))
        )
    registration = services.registrar.register(
        RegisterShipment(
            merchant_id=merchant,
            order_ref=body.order_id or number,
            numbers=tuple(numbers),
            origin=_changed_place(body, "origin", None),
            destination=_changed_place(body, "destination", None),
            promised_date=_promised(body),
            buyer=_buyer(body, None),
            service=body.shipping_method,
        )
    )
    shipment_id = registration.shipment.id
    if not registration.created:
        raise _exists(shipment_id, number, slug)
    services.compat.keep(merchant, shipment_id, _kept(body))
    return ok(_read(services, merchant, shipment_id), 201)


@router.get("/trackings/{id}", summary="AfterShip: get a tracking")
def get_tracking_by_id(
    id: str, key: Reader, services: ServicesDep, fields: Text = None, lang: Text = None
) -> JSONResponse:
    document = _read(services, key.merchant_id, id)
    wanted = each(fields, str)
    if wanted is not None:
        document = {k: v for k, v in document.items() if k in wanted or k == "id"}
    return ok(document)


@router.put("/trackings/{id}", summary="AfterShip: update a tracking")
def update_tracking_by_id(
    id: str, body: UpdateTracking, key: Writer, services: ServicesDep
) -> JSONResponse:
    merchant = key.merchant_id
    shipment = services.queries.require(merchant, id)
    changes = ShipmentChanges(
        origin=_changed_place(body, "origin", shipment.origin),
        destination=_changed_place(body, "destination", shipment.destination),
        promised_date=_promised(body),
        buyer=_buyer(body, shipment.buyer),
        service=body.shipping_method,
    )
    services.registrar.amend(merchant, id, changes)
    if body.slug is not None:
        first = min(shipment.legs, key=lambda leg: leg.position)
        services.registrar.correct_carrier(merchant, id, first.id, body.slug)
    services.compat.keep(merchant, id, _kept(body))
    return ok(_read(services, merchant, id))


@router.delete("/trackings/{id}", summary="AfterShip: delete a tracking")
def delete_tracking_by_id(id: str, key: Writer, services: ServicesDep) -> JSONResponse:
    document = _read(services, key.merchant_id, id)
    services.registrar.delete(key.merchant_id, id)
    return ok(document)


@router.post("/trackings/{id}/retrack", summary="AfterShip: retrack a tracking")
def retrack_tracking_by_id(id: str, key: Writer, services: ServicesDep) -> JSONResponse:
    view = services.queries.shipment(key.merchant_id, id)
    active = view.shipment.state.status not in documents.INACTIVE
    services.compat.retrack(key.merchant_id, id, active=active)
    return ok(_read(services, key.merchant_id, id))


@router.post("/trackings/{id}/mark-as-completed", summary="AfterShip: mark a tracking completed")
def mark_tracking_completed_by_id(
    id: str, body: MarkCompleted, key: Writer, services: ServicesDep
) -> JSONResponse:
    at = moment(body.event_datetime, "event_datetime")
    services.compat.complete(key.merchant_id, id, body.reason, at)
    return ok(_read(services, key.merchant_id, id))


def _read(services: Services, merchant_id: str, shipment_id: str) -> dict[str, Any]:
    view = services.queries.shipment(merchant_id, shipment_id)
    compat = services.compat.records(merchant_id, [shipment_id]).get(shipment_id)
    return documents.tracking(TimelineRead.of(view), compat, _context(services))


def _context(services: Services) -> documents.Context:
    return documents.Context(services.public_links, services.carrier_links)


def _exists(shipment_id: str, number: str, slug: str | None) -> AfterShipError:
    data = {"tracking": {"id": shipment_id, "tracking_number": number, "slug": slug}}
    return AfterShipError(400, 4003, "Tracking already exists.", data)


def _slug(label: str | None, services: Services) -> str | None:
    """A courier slug as given → ours (AfterShip's code 4010 for one we do not know)."""
    if label is None or not label.strip():
        return None
    found = services.carriers.resolve(label)
    if found is None:
        raise AfterShipError(400, 4010, f"slug: unknown courier {label!r} (see GET couriers)")
    return found.slug


PLACE_PARTS = ("country_region", "state", "city", "postal_code")


def _changed_place(body: TrackingFields, prefix: str, stored: Endpoint | None) -> Endpoint | None:
    """The place the body gives (its parts over the stored ones); ``None`` when it gives
    none. A place is kept with its country only, so parts without one are refused."""
    given = {part: getattr(body, f"{prefix}_{part}") for part in PLACE_PARTS}
    if all(value is None for value in given.values()):
        return None
    field = f"{prefix}_country_region"
    country = alpha2(given["country_region"], field) or (stored.country if stored else None)
    if country is None:
        raise AfterShipError(400, 4008, f"{field}: needed with the other {prefix} fields")
    base = stored if stored is not None and stored.country == country else None
    return Endpoint(
        country=country,
        region=given["state"] if given["state"] is not None else (base.region if base else None),
        postcode=(
            given["postal_code"]
            if given["postal_code"] is not None
            else (base.postcode if base else None)
        ),
        city=given["city"] if given["city"] is not None else (base.city if base else None),
    )


def _promised(body: TrackingFields) -> date | None:
    promised = body.order_promised_delivery_date
    return promised.promised_delivery_date if promised else None


def _buyer(body: TrackingFields, stored: BuyerContact | None) -> BuyerContact | None:
    """The buyer from the first customer who has an email or a phone (the stored time zone
    stays: AfterShip has none)."""
    first = next((c for c in body.customers or () if c.email or c.phone_number), None)
    if first is None:
        return None
    return BuyerContact(
        email=first.email,
        phone=first.phone_number,
        locale=first.language,
        timezone=stored.timezone if stored else None,
    )


def _kept(body: TrackingFields) -> dict[str, Any]:
    """The AfterShip-only fields the body sets (``None`` values are not sent by the SDK)."""
    given = body.model_dump(mode="json", exclude_unset=True)
    names = (*documents.KEPT_FIELDS, *PLACE_FIELDS)
    return {name: given[name] for name in names if name in given}


def _tags(given: str | None) -> frozenset[Status] | None:
    tags = each(given, str)
    if tags is None:
        return None
    unknown = sorted(tags - set(AFTERSHIP_TAGS))
    if unknown:
        raise AfterShipError(400, 4008, f"tag: unknown tag {unknown[0]!r}")
    return frozenset(status for tag in tags for status in STATUSES_BY_TAG[tag])
