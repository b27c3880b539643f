"""Registering shipments: validate, normalize numbers, detect carriers, store, announce.

Idempotent on (merchant, order reference, tracking number): registering the same shipment
again returns the stored one instead of a copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from crosstrack.domain.alert_settings import policy_for
from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.carriers import CarrierDirectory
from crosstrack.domain.declared_items import (
    MAX_SERVICE,
    DeclaredItem,
    checked_items,
    service_key,
)
from crosstrack.domain.errors import DomainError
from crosstrack.domain.numbers import TrackingNumberDetector, normalize_number
from crosstrack.domain.shipment import BuyerContact, Endpoint, Shipment, ShipmentLeg
from crosstrack.domain.units import Measure, parse_weight
from crosstrack.services.addresses import AddressChecker
from crosstrack.services.alerting import alert_message
from crosstrack.services.analytics_facts import Saved, record_facts
from crosstrack.services.buyers import issue_link, new_tracking_token
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.services.estimates import estimate_for
from crosstrack.services.ports import (
    Clock,
    EtaEstimator,
    IdFactory,
    NoEtaEstimator,
    UnitOfWork,
    UnitOfWorkFactory,
)
from crosstrack.services.records import OutboxMessage, ShipmentChanges, StoredAlert, Topic
from crosstrack.services.subscriptions import subscriptions_at_registration

#: Below this detection confidence a carrier is not assumed (the leg's carrier stays unknown).
MIN_DETECTION_CONFIDENCE = 0.3


@dataclass(frozen=True, slots=True)
class NumberInput:
    """A tracking number as the merchant gave it, with its carrier if they know it."""

    number: str
    carrier: str | None = None


@dataclass(frozen=True, slots=True)
class RegisterShipment:
    """The command to register one shipment."""

    merchant_id: str
    order_ref: str
    numbers: tuple[NumberInput, ...]
    origin: Endpoint | None = None
    destination: Endpoint | None = None
    promised_date: date | None = None
    buyer: BuyerContact | None = None
    weight: Measure | None = None
    """The parcel's weight as the merchant declares it (a positive mass)."""
    service: str | None = None
    """The service booked (``express``, ``postal``, ``dedicated_line``...; stored lower case)."""
    items: tuple[DeclaredItem, ...] = ()
    """What the parcel contains (HS codes checked: 6 to 10 digits)."""
    address_lines: tuple[str, ...] = ()
    """The destination's street lines: checked for the ``address_risk`` alert, never stored
    (contact data; docs/addresses.md)."""


@dataclass(frozen=True, slots=True)
class Registration:
    """The stored shipment, and whether this call created it."""

    shipment: Shipment
    created: bool


class Registrar:
    """Registers shipments and changes their legs."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        detector: TrackingNumberDetector,
        carriers: CarrierDirectory,
        clock: Clock,
        ids: IdFactory,
        eta: EtaEstimator | None = None,
        tokens: Callable[[], str] = new_tracking_token,
        addresses: AddressChecker | None = None,
    ) -> None:
        self._uow = uow
        self._addresses = addresses
        self._tokens = tokens
        self._eta: EtaEstimator = eta or NoEtaEstimator()
        self._detector = detector
        self._carriers = carriers
        self._clock = clock
        self._ids = ids

    def register(self, command: RegisterShipment) -> Registration:
        """Register a shipment (or return the one already registered for the same reference)."""
        order_ref = command.order_ref.strip()
        if not order_ref:
            raise InvalidInput("an order reference is required", field="order_ref")
        if not command.numbers:
            raise InvalidInput("at least one tracking number is required", field="tracking_numbers")
        legs = tuple(
            self._leg(given, position, f"tracking_numbers[{position}]")
            for position, given in enumerate(command.numbers)
        )
        weight = _declared_weight(command.weight)
        service, items = _declared_service(command.service), _declared_items(command.items)
        now = self._clock()
        with self._uow() as uow:
            for leg in legs:
                existing = uow.shipments.find_by_reference(
                    command.merchant_id, order_ref, leg.tracking_number
                )
                if existing is not None:
                    return Registration(existing, created=False)
            shipment = Shipment(
                id=self._ids(),
                merchant_id=command.merchant_id,
                order_ref=order_ref,
                legs=legs,
                created_at=now,
                updated_at=now,
                origin=command.origin,
                destination=command.destination,
                promised_date=command.promised_date,
                buyer=command.buyer,
                weight=weight,
                service=service,
                items=items,
            )
            # A first estimate at creation, from the lane and the promise alone.
            eta = estimate_for(self._eta, shipment, shipment.state, None, now)
            shipment = replace(shipment, state=replace(shipment.state, eta=eta))
            uow.shipments.add(shipment)
            record_facts(uow, [Saved(shipment, shipment.state, None)], now)
            link = issue_link(shipment, tokens=self._tokens)
            uow.tracking_links.add(link)
            for subscription in subscriptions_at_registration(shipment, self._ids):
                uow.subscriptions.add(subscription)
            messages = [self._created_message(shipment, link.token)]
            risk = self._address_risk(uow, shipment, command.address_lines)
            if risk is not None:
                uow.alerts.add_many([risk])
                messages.append(alert_message(risk, Topic.ALERT_RAISED, self._ids, now))
            uow.outbox.add_many(messages)
            uow.commit()
        return Registration(shipment, created=True)

    def _address_risk(
        self, uow: UnitOfWork, shipment: Shipment, address_lines: tuple[str, ...]
    ) -> StoredAlert | None:
        """The ``address_risk`` alert of a new shipment, unless its merchant switched the kind
        off for the lane (a risky address never stops a registration)."""
        if self._addresses is None or shipment.destination is None:
            return None
        risk = self._addresses.risk_of(
            shipment, address_lines=address_lines, ids=self._ids, now=shipment.created_at
        )
        if risk is None:
            return None
        settings = uow.alert_settings.for_merchants([shipment.merchant_id])
        origin = shipment.origin.country if shipment.origin else None
        policy = policy_for(
            settings.get(shipment.merchant_id, {}), origin, shipment.destination.country
        )
        return None if AlertKind.ADDRESS_RISK in policy.disabled else risk

    def add_leg(self, merchant_id: str, shipment_id: str, given: NumberInput) -> Shipment:
        """Add a tracking number to a shipment (a no-op if it has that number already)."""
        with self._uow() as uow:
            shipment = uow.shipments.get(merchant_id, shipment_id, for_update=True)
            if shipment is None:
                raise NotFound(f"no shipment {shipment_id!r}")
            leg = self._leg(given, len(shipment.legs), "tracking_number")
            if shipment.leg_for(leg.tracking_number, leg.carrier) is not None:
                return shipment
            uow.shipments.add_leg(merchant_id, shipment_id, leg, self._clock())
            updated = uow.shipments.get(merchant_id, shipment_id)
            uow.commit()
        assert updated is not None
        return updated

    def correct_carrier(
        self, merchant_id: str, shipment_id: str, leg_id: str, carrier: str
    ) -> Shipment:
        """Set a leg's carrier by hand (it is then no longer "detected")."""
        slug = self._slug(carrier, "carrier")
        with self._uow() as uow:
            shipment = uow.shipments.get(merchant_id, shipment_id, for_update=True)
            if shipment is None:
                raise NotFound(f"no shipment {shipment_id!r}")
            leg = next((leg for leg in shipment.legs if leg.id == leg_id), None)
            if leg is None:
                raise NotFound(f"no leg {leg_id!r} on shipment {shipment_id!r}")
            fixed = replace(leg, carrier=slug, carrier_detected=False, carrier_confidence=None)
            uow.shipments.update_leg(merchant_id, shipment_id, fixed, self._clock())
            updated = uow.shipments.get(merchant_id, shipment_id)
            uow.commit()
        assert updated is not None
        return updated

    def amend(self, merchant_id: str, shipment_id: str, changes: ShipmentChanges) -> Shipment:
        """Change what a shipment was registered with: its places, promise, buyer or service.

        The delivery estimate follows at the next ETA refresh, and the analytics facts at
        the next event or sweep (as after a carrier correction).
        """
        if changes.service is not None:
            changes = replace(changes, service=_declared_service(changes.service))
        with self._uow() as uow:
            if uow.shipments.get(merchant_id, shipment_id, for_update=True) is None:
                raise NotFound(f"no shipment {shipment_id!r}")
            if not changes.empty:
                uow.shipments.amend(merchant_id, shipment_id, changes, self._clock())
            updated = uow.shipments.get(merchant_id, shipment_id)
            uow.commit()
        assert updated is not None
        return updated

    def archive(self, merchant_id: str, shipment_id: str) -> None:
        """Hide a shipment from listings; it stays readable by id, and its events are kept."""
        with self._uow() as uow:
            if not uow.shipments.archive(merchant_id, shipment_id, self._clock()):
                raise NotFound(f"no shipment {shipment_id!r}")
            uow.commit()

    def delete(self, merchant_id: str, shipment_id: str) -> None:
        """Delete a shipment with its legs and events (for erasure requests)."""
        with self._uow() as uow:
            if not uow.shipments.delete(merchant_id, shipment_id):
                raise NotFound(f"no shipment {shipment_id!r}")
            uow.commit()

    def _leg(self, given: NumberInput, position: int, field: str) -> ShipmentLeg:
        number = normalize_number(given.number)
        if len(number) < 5:
            raise InvalidInput(
                f"{given.number!r} is not a tracking number", field=f"{field}.number"
            )
        if given.carrier:
            return ShipmentLeg(
                self._ids(), self._slug(given.carrier, f"{field}.carrier"), number, position
            )
        detection = self._detector.detect(number)
        best = detection.candidates[0] if detection.candidates else None
        if best is None or best.confidence < MIN_DETECTION_CONFIDENCE:
            confidence = best.confidence if best else 0.0
            return ShipmentLeg(
                self._ids(), None, number, position, confidence, carrier_detected=True
            )
        return ShipmentLeg(
            self._ids(), best.carrier, number, position, best.confidence, carrier_detected=True
        )

    def _slug(self, carrier: str, field: str) -> str:
        found = self._carriers.resolve(carrier)
        if found is None:
            raise InvalidInput(f"unknown carrier {carrier!r} (see GET /v1/carriers)", field=field)
        return found.slug

    def _created_message(self, shipment: Shipment, token: str) -> OutboxMessage:
        return OutboxMessage(
            id=self._ids(),
            merchant_id=shipment.merchant_id,
            shipment_id=shipment.id,
            topic=Topic.SHIPMENT_CREATED,
            payload={
                "shipment_id": shipment.id,
                "order_ref": shipment.order_ref,
                "tracking_token": token,
                "eta": shipment.state.eta.to_document() if shipment.state.eta else None,
            },
            idempotency_key=f"{shipment.id}:created",
            created_at=shipment.created_at,
        )


def _declared_weight(given: Measure | None) -> Measure | None:
    """The merchant's parcel weight, checked: a positive mass (else ``InvalidInput``)."""
    if given is None:
        return None
    try:
        return parse_weight(given.value, given.unit)
    except DomainError as exc:
        raise InvalidInput(exc.message, field=f"parcel.weight.{exc.field or 'value'}") from exc


def _declared_service(given: str | None) -> str | None:
    """The service as stored: trimmed, lower case (``None`` when blank)."""
    service = service_key(given)
    if service is not None and len(service) > MAX_SERVICE:
        raise InvalidInput(f"at most {MAX_SERVICE} characters", field="service")
    return service


def _declared_items(given: tuple[DeclaredItem, ...]) -> tuple[DeclaredItem, ...]:
    """The declared items, checked (HS codes kept as their digits; else ``InvalidInput``)."""
    try:
        return checked_items(given)
    except DomainError as exc:
        raise InvalidInput(exc.message, field=exc.field) from exc
