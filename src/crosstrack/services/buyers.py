"""The buyer's side of a shipment, reached by its public tracking token (no API key).

What a buyer can do from the tracking page when a parcel is in trouble: see the open alerts
with the action to take, see each carrier's own site and tracking page (the last-mile
carrier's above all: it holds the parcel at the door), and send a correction (phone, address)
or a delivery note. A request is recorded on the shipment, changes its buyer phone or
destination, and reaches the merchant as a ``buyer.request`` notification to pass on to the
carrier. Nothing here returns the buyer's contact data: the page is public.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from crosstrack.domain.address_checks import ADDRESS_FIELDS, AddressField
from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.buyer_requests import (
    ANSWERS,
    AddressCorrection,
    BuyerRequestKind,
    checked_address,
    checked_note,
)
from crosstrack.domain.carriers import CarrierDirectory, CarrierLinks
from crosstrack.domain.numbers import normalize_number
from crosstrack.domain.shipment import Endpoint, Shipment
from crosstrack.services.addresses import AddressChecker
from crosstrack.services.alerting import alert_message
from crosstrack.services.errors import Conflict, InvalidInput, NotFound
from crosstrack.services.ports import Clock, IdFactory, PhoneChecker, UnitOfWorkFactory
from crosstrack.services.records import (
    Branding,
    BuyerRequest,
    OutboxMessage,
    StoredAlert,
    Topic,
    TrackingLink,
)

MAX_REQUESTS_PER_SHIPMENT = 20
"""More than this from one page is abuse, not a buyer fixing a typo."""


def new_tracking_token() -> str:
    """An unguessable, URL-safe token (144 random bits)."""
    return secrets.token_urlsafe(18)


@dataclass(frozen=True, slots=True)
class SendRequest:
    """What the page sends; only the field of ``kind`` is read."""

    kind: BuyerRequestKind
    phone: str | None = None
    address: Mapping[str, str] | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CarrierContact:
    """One leg's carrier as a buyer sees it."""

    carrier: str | None
    name: str | None
    tracking_number: str
    last_mile: bool
    """The leg that delivers (the last one)."""
    website: str | None
    tracking_url: str | None


@dataclass(frozen=True, slots=True)
class BuyerView:
    """What the buyer's side needs of a shipment."""

    shipment: Shipment
    open_alerts: tuple[StoredAlert, ...]
    carriers: tuple[CarrierContact, ...]


class BuyerDesk:
    """Buyer use cases, each reached by a tracking token."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        carriers: CarrierDirectory,
        links: Mapping[str, CarrierLinks],
        phones: PhoneChecker,
        clock: Clock,
        ids: IdFactory,
        addresses: AddressChecker | None = None,
    ) -> None:
        self._uow = uow
        self._phones = phones
        self._addresses = addresses
        self._carriers = carriers
        self._links = links
        self._clock = clock
        self._ids = ids

    def view(self, token: str) -> BuyerView:
        """The shipment behind ``token``, its open alerts and its carriers' links."""
        with self._uow() as uow:
            link = _find(uow.tracking_links.find(token))
            shipment = uow.shipments.get(link.merchant_id, link.shipment_id)
            if shipment is None:
                raise NotFound("no shipment for this tracking link")
            alerts = uow.alerts.for_shipment(link.merchant_id, link.shipment_id)
        return self.side_of(shipment, alerts)

    def side_of(self, shipment: Shipment, alerts: Sequence[StoredAlert]) -> BuyerView:
        """The buyer's side of a shipment already read (its open alerts, carriers' links)."""
        return BuyerView(
            shipment=shipment,
            open_alerts=tuple(a for a in alerts if a.resolved_at is None),
            carriers=self._contacts(shipment),
        )

    def link(self, token: str) -> TrackingLink:
        """Whose shipment a token opens; ``NotFound`` for an unknown one."""
        with self._uow() as uow:
            return _find(uow.tracking_links.find(token))

    def presentation(self, merchant_id: str) -> tuple[str, Branding | None]:
        """The name a merchant's pages show (its branding's, else its own) and its branding."""
        with self._uow() as uow:
            merchant = uow.merchants.get(merchant_id)
            branding = uow.branding.get(merchant_id)
        name = branding.display_name if branding and branding.display_name else None
        return name or (merchant.name if merchant else ""), branding

    def lookup(
        self, *, number: str | None = None, order_ref: str | None = None, contact: str | None = None
    ) -> str | None:
        """The tracking token of the one shipment with this tracking number, or with this
        order reference and this buyer email or destination postcode; ``None`` when there is
        no such shipment or more than one (never says which)."""
        with self._uow() as uow:
            keys: set[tuple[str, str]] = set()
            if number and number.strip():
                wanted = normalize_number(number)
                keys = {(t.merchant_id, t.shipment_id) for t in uow.shipments.targets([wanted])}
            elif order_ref and order_ref.strip() and contact and contact.strip():
                keys = {
                    (s.merchant_id, s.id)
                    for s in uow.shipments.by_order_ref(order_ref.strip(), limit=20)
                    if _matches(s, contact)
                }
            if len(keys) != 1:
                return None
            ((merchant_id, shipment_id),) = keys
            return uow.tracking_links.for_shipments(merchant_id, [shipment_id]).get(shipment_id)

    def send(self, token: str, request: SendRequest) -> BuyerRequest:
        """Check and record a buyer's correction or note, and tell the merchant."""
        now = self._clock()
        with self._uow() as uow:
            link = _find(uow.tracking_links.find(token))
            shipment = uow.shipments.get(link.merchant_id, link.shipment_id, for_update=True)
            if shipment is None:
                raise NotFound("no shipment for this tracking link")
            earlier = uow.buyer_requests.for_shipment(shipment.merchant_id, shipment.id)
            if len(earlier) >= MAX_REQUESTS_PER_SHIPMENT:
                raise Conflict(
                    f"this shipment has had {MAX_REQUESTS_PER_SHIPMENT} requests already; "
                    "please contact the shop"
                )
            details, phone, destination = _checked(request, shipment, self._phones)
            open_alerts = uow.alerts.open_for([(shipment.merchant_id, shipment.id)])
            answered = [
                a
                for a in open_alerts[(shipment.merchant_id, shipment.id)]
                if a.kind in ANSWERS[request.kind]
            ]
            recorded = BuyerRequest(
                id=self._ids(),
                merchant_id=shipment.merchant_id,
                shipment_id=shipment.id,
                kind=request.kind,
                details=details,
                created_at=now,
                answers=tuple(a.id for a in answered),
            )
            uow.buyer_requests.add(recorded)
            # Always: a note changes no column but is a change of the shipment all the same.
            uow.shipments.correct_buyer(
                shipment.merchant_id, shipment.id, phone=phone, destination=destination, at=now
            )
            messages = [self._message(shipment, recorded, answered)]
            settled = self._settled(shipment, details, answered, phone, destination)
            if settled:
                uow.alerts.resolve([a.id for a in settled], now)
                messages += [
                    alert_message(a, Topic.ALERT_RESOLVED, self._ids, now) for a in settled
                ]
            uow.outbox.add_many(messages)
            uow.commit()
        return recorded

    def _settled(
        self,
        shipment: Shipment,
        details: Mapping[str, object],
        answered: Sequence[StoredAlert],
        phone: str | None,
        destination: Endpoint | None,
    ) -> list[StoredAlert]:
        """The ``address_risk`` alerts a phone or address correction settles: the corrected
        address (or phone) passes the check, and no other problem of the alert stands."""
        risks = [a for a in answered if a.kind is AlertKind.ADDRESS_RISK]
        where = destination or shipment.destination
        if not risks or self._addresses is None or where is None:
            return []
        address = details.get("address")
        lines = (
            (address.get("line1", ""), address.get("line2", ""))
            if isinstance(address, dict)
            else ()
        )
        corrected = ADDRESS_FIELDS if destination is not None else {AddressField.PHONE}
        return [
            alert
            for alert in risks
            if self._addresses.settled(
                alert,
                destination=where,
                phone=phone or (shipment.buyer.phone if shipment.buyer else None),
                address_lines=lines,
                corrected=corrected,
            )
        ]

    def requests(self, merchant_id: str, shipment_id: str) -> list[BuyerRequest]:
        """The merchant's view: every request a shipment's buyer sent, oldest first."""
        with self._uow() as uow:
            return uow.buyer_requests.for_shipment(merchant_id, shipment_id)

    def _contacts(self, shipment: Shipment) -> tuple[CarrierContact, ...]:
        legs = sorted(shipment.legs, key=lambda leg: leg.position)
        destination = shipment.destination
        out = []
        for index, leg in enumerate(legs):
            info = self._carriers.get(leg.carrier) if leg.carrier else None
            links = self._links.get(leg.carrier or "")
            out.append(
                CarrierContact(
                    carrier=leg.carrier,
                    name=info.name if info else None,
                    tracking_number=leg.tracking_number,
                    last_mile=index == len(legs) - 1,
                    website=links.website if links else None,
                    tracking_url=(
                        links.tracking_page(
                            leg.tracking_number,
                            postcode=destination.postcode if destination else None,
                            country=destination.country if destination else None,
                        )
                        if links
                        else None
                    ),
                )
            )
        return tuple(out)

    def _message(
        self, shipment: Shipment, request: BuyerRequest, answered: list[StoredAlert]
    ) -> OutboxMessage:
        return OutboxMessage(
            id=self._ids(),
            merchant_id=shipment.merchant_id,
            shipment_id=shipment.id,
            topic=Topic.BUYER_REQUEST,
            payload={
                "shipment_id": shipment.id,
                "order_ref": shipment.order_ref,
                "request_id": request.id,
                "kind": request.kind.value,
                "details": dict(request.details),
                "answers": [{"alert_id": a.id, "kind": a.kind.value} for a in answered],
                "legs": [
                    {"carrier": leg.carrier, "tracking_number": leg.tracking_number}
                    for leg in shipment.legs
                ],
                "created_at": request.created_at.isoformat(),
            },
            idempotency_key=f"{shipment.id}:buyer_request:{request.id}",
            created_at=request.created_at,
        )


def issue_link(
    shipment: Shipment, *, tokens: Callable[[], str] = new_tracking_token
) -> TrackingLink:
    """A new tracking link for a shipment being registered."""
    return TrackingLink(
        token=tokens(),
        merchant_id=shipment.merchant_id,
        shipment_id=shipment.id,
        created_at=shipment.created_at,
    )


def _matches(shipment: Shipment, contact: str) -> bool:
    """Whether ``contact`` is the buyer's email or the destination postcode."""
    given = contact.strip().casefold().replace(" ", "")
    buyer = shipment.buyer
    email = (buyer.email or "").strip().casefold() if buyer else ""
    postcode = (shipment.destination.postcode or "") if shipment.destination else ""
    return bool(given) and given in {email, postcode.casefold().replace(" ", "")} - {""}


def _find(link: TrackingLink | None) -> TrackingLink:
    if link is None:
        raise NotFound("no shipment for this tracking link")
    return link


def _checked(
    request: SendRequest, shipment: Shipment, phones: PhoneChecker
) -> tuple[dict[str, object], str | None, Endpoint | None]:
    """(details to record, new phone, new destination) of a request, checked."""
    destination = shipment.destination
    country = destination.country if destination else None
    if request.kind is BuyerRequestKind.PHONE:
        if request.phone is None:
            raise InvalidInput("phone is required for a phone correction", field="phone")
        phone = phones.check(request.phone, country)
        return {"phone": phone}, phone, None
    if request.kind is BuyerRequestKind.ADDRESS:
        if request.address is None:
            raise InvalidInput("address is required for an address correction", field="address")
        address = _address(request.address, country)
        moved = (
            replace(
                destination,
                region=address.region or destination.region,
                postcode=address.postcode,
                city=address.city,
            )
            if destination
            else None
        )
        return {"address": address.to_document()}, None, moved
    if request.note is None:
        raise InvalidInput("note is required for a delivery note", field="note")
    return {"note": checked_note(request.note)}, None, None


def _address(parts: Mapping[str, str], country: str | None) -> AddressCorrection:
    given = (parts.get("country") or "").strip().upper()
    if given and given != (country or "").upper():
        raise InvalidInput(
            "the country cannot be changed from the tracking page; please contact the shop",
            field="address.country",
        )
    return checked_address(
        line1=parts.get("line1", ""),
        line2=parts.get("line2", ""),
        city=parts.get("city", ""),
        postcode=parts.get("postcode", ""),
        region=parts.get("region", ""),
    )
