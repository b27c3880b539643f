"""DHL Shipment Tracking – Unified API as the simulator serves it: ``GET /track/shipments``.

``?trackingNumber=`` with the ``DHL-API-Key`` header answers ``{"shipments": [{id, service,
origin, destination, status, events[]}]}``, events newest first with a local ``timestamp``
(ISO 8601 with its offset), ``location.address.addressLocality`` (``CITY - COUNTRY`` like
Express), the five-value ``statusCode`` fitting the ground truth, and the event's own code as
``typeCode`` when it is not one of the five. Unknown numbers get the RFC 7807 404 problem, a
wrong key the 401 problem. Shapes mirror ``tests/carriers/dhl/payloads/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from crosstrack.domain.vocabulary import Status
from crosstrack.sim.formats.exchange import Reply, SimRequest, json_reply
from crosstrack.sim.formats.times import local_iso
from crosstrack.sim.model import SimEvent, SimParcel
from crosstrack.sim.world import SimWorld

PREFIX = "dhl"
TRACKING_PATH = "/track/shipments"
STATUS_CODES = frozenset({"pre-transit", "transit", "delivered", "failure", "unknown"})

_SERVICES = {"dhl": "express", "dhl-germany": "parcel-de", "dhl-ecommerce": "ecommerce"}


def _problem(status: int, title: str, detail: str, instance: str | None = None) -> Reply:
    body: dict[str, Any] = {"title": title, "status": status, "detail": detail}
    if instance:
        body["instance"] = instance
    return json_reply(status, body, content_type="application/problem+json")


def status_code(event: SimEvent) -> str:
    """The Unified API's five-value ``statusCode`` for an event's ground truth."""
    if event.status is Status.INFO_RECEIVED:
        return "pre-transit"
    if event.status is Status.DELIVERED:
        return "delivered"
    if event.status in (Status.EXCEPTION, Status.RETURNED, Status.ATTEMPT_FAILED):
        return "failure"
    if event.status is Status.UNKNOWN:
        return "unknown"
    return "transit"


def locality(event: SimEvent) -> str | None:
    """``CITY - COUNTRY`` as DHL Express prints places."""
    if event.location:
        return event.location
    parts = [p.upper() for p in (event.city, event.country) if p]
    return " - ".join(parts) or None


def render_event(event: SimEvent) -> dict[str, Any]:
    """One event (or the shipment's ``status``)."""
    code = status_code(event)
    item: dict[str, Any] = {"timestamp": local_iso(event)}
    if (place := locality(event)) is not None:
        item["location"] = {"address": {"addressLocality": place}}
    if event.code and event.code in STATUS_CODES:
        code = event.code
    elif event.code:
        item["typeCode"] = event.code
    item.update(statusCode=code, status=code, description=event.description)
    return item


def render_shipment(
    number: str, carrier: str, parcel: SimParcel, events: Sequence[SimEvent]
) -> dict[str, Any]:
    """The answer for one shipment with its visible events."""
    rendered = [render_event(e) for e in sorted(events, key=lambda e: e.at, reverse=True)]
    shipment: dict[str, Any] = {
        "id": number,
        "service": _SERVICES.get(carrier, "express"),
        "origin": {"address": {"countryCode": parcel.lane.origin}},
        "destination": {"address": {"countryCode": parcel.lane.destination}},
        "status": rendered[0],
        "events": rendered,
    }
    if parcel.promised_date:
        shipment["estimatedTimeOfDelivery"] = parcel.promised_date.isoformat()
    return {"shipments": [shipment]}


class DhlApi:
    """DHL's Unified tracking API: ``DHL-API-Key`` header, one number per request."""

    prefix = PREFIX
    slug = "dhl"
    path = ""

    def __init__(
        self, api_key: str, carriers: Iterable[str] = ("dhl", "dhl-germany", "dhl-ecommerce")
    ) -> None:
        self.api_key = api_key
        self.carriers = frozenset(carriers)

    def credentials(self) -> dict[str, str]:
        """The connector's ``api_key``."""
        return {"api_key": self.api_key}

    def handle(self, request: SimRequest, world: SimWorld) -> Reply:
        """Answer ``GET /track/shipments?trackingNumber=``."""
        if request.headers.get("dhl-api-key") != self.api_key:
            return _problem(401, "Unauthorized", "Unauthorized for given resource.")
        if request.path != TRACKING_PATH or request.method != "GET":
            return _problem(404, "Not Found", "No such resource.")
        number = request.query.get("trackingNumber", "").strip()
        instance = f"{TRACKING_PATH}?trackingNumber={number}"
        if not number:
            return _problem(400, "Bad Request", "trackingNumber is required.", instance)
        found = world.lookup(number)
        if found is not None and found[1].carrier in self.carriers:
            parcel, leg = found
            events = parcel.events_until(world.now(), leg.tracking_number)
            if events:
                return json_reply(
                    200, render_shipment(leg.tracking_number, leg.carrier, parcel, events)
                )
        detail = "No shipment with given tracking number found."
        return _problem(404, "No result found", detail, instance)
