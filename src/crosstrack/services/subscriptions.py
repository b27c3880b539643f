"""Who hears about a shipment, and what each merchant tells buyers.

A buyer given at registration (email, phone) is subscribed on each channel; the merchant can
add or remove subscriptions; a buyer can subscribe from the tracking page ("notify me") and
unsubscribe with the signed link of every message. Each merchant's rule per channel says
which changes reach buyers and their quiet hours (``domain/buyer_notifications.py``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from crosstrack.domain.buyer_notifications import (
    DEFAULT_RULES,
    BuyerRule,
    QuietHours,
    Trigger,
)
from crosstrack.domain.delivery import Channel
from crosstrack.domain.errors import DomainError
from crosstrack.domain.shipment import Shipment
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.services.links import Links
from crosstrack.services.ports import Clock, IdFactory, PhoneChecker, UnitOfWorkFactory
from crosstrack.services.records import Subscription

BUYER_CHANNELS = (Channel.EMAIL, Channel.SMS)
MAX_PER_SHIPMENT = 10
_EMAIL = re.compile(r"^[^@\s<>\"]{1,64}@[^@\s<>\"]+\.[^@\s<>\"]{2,}$")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def subscriptions_at_registration(shipment: Shipment, ids: IdFactory) -> list[Subscription]:
    """The buyer the merchant gave, on each channel there is an address for."""
    buyer = shipment.buyer
    if buyer is None:
        return []
    found = []
    if buyer.email and _EMAIL.match(buyer.email.strip()):
        found.append(_subscription(shipment, Channel.EMAIL, buyer.email.strip(), ids))
    if buyer.phone and _E164.match(buyer.phone.replace(" ", "")):
        found.append(_subscription(shipment, Channel.SMS, buyer.phone.replace(" ", ""), ids))
    return found


def _subscription(
    shipment: Shipment, channel: Channel, address: str, ids: IdFactory, source: str = "registration"
) -> Subscription:
    return Subscription(
        id=ids(),
        merchant_id=shipment.merchant_id,
        shipment_id=shipment.id,
        channel=channel,
        address=address,
        source=source,
        created_at=shipment.updated_at,
        locale=shipment.buyer.locale if shipment.buyer else None,
    )


@dataclass(frozen=True, slots=True)
class RuleView:
    """A channel's rule, and whether it is the default (the merchant set none)."""

    channel: Channel
    rule: BuyerRule
    default: bool


class SubscriptionDesk:
    """Subscriptions and rules."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdFactory,
        phones: PhoneChecker,
        links: Links,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._phones = phones
        self._links = links

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[Subscription]:
        with self._uow() as uow:
            if uow.shipments.get(merchant_id, shipment_id) is None:
                raise NotFound(f"no shipment {shipment_id!r}")
            return uow.subscriptions.for_shipment(merchant_id, shipment_id)

    def add(
        self,
        merchant_id: str,
        shipment_id: str,
        channel: Channel,
        address: str,
        *,
        locale: str | None = None,
        source: str = "merchant",
    ) -> Subscription:
        """Subscribe ``address`` (checked) to a shipment; the existing one if already there."""
        now = self._clock()
        with self._uow() as uow:
            shipment = uow.shipments.get(merchant_id, shipment_id)
            if shipment is None:
                raise NotFound(f"no shipment {shipment_id!r}")
            checked = self._checked(channel, address, shipment)
            existing = uow.subscriptions.for_shipment(merchant_id, shipment_id)
            for s in existing:
                if s.channel is channel and s.address == checked:
                    return s
            if len(existing) >= MAX_PER_SHIPMENT:
                raise InvalidInput(f"a shipment has at most {MAX_PER_SHIPMENT} subscriptions")
            made = Subscription(
                id=self._ids(),
                merchant_id=merchant_id,
                shipment_id=shipment_id,
                channel=channel,
                address=checked,
                source=source,
                created_at=now,
                locale=locale or (shipment.buyer.locale if shipment.buyer else None),
            )
            uow.subscriptions.add(made)
            uow.commit()
        return made

    def subscribe_buyer(
        self, token: str, channel: Channel, address: str, *, locale: str | None
    ) -> Subscription:
        """ "Notify me" from the tracking page."""
        with self._uow() as uow:
            link = uow.tracking_links.find(token)
        if link is None:
            raise NotFound("no shipment for this tracking link")
        return self.add(
            link.merchant_id, link.shipment_id, channel, address, locale=locale, source="buyer"
        )

    def remove(self, merchant_id: str, shipment_id: str, subscription_id: str) -> None:
        with self._uow() as uow:
            found = uow.subscriptions.get(merchant_id, subscription_id)
            if found is None or found.shipment_id != shipment_id:
                raise NotFound(f"no subscription {subscription_id!r}")
            uow.subscriptions.unsubscribe(subscription_id, self._clock())
            uow.commit()

    def unsubscribe(self, token: str) -> bool:
        """The signed link of a message; False when it was already done. A forged or
        unknown link is ``NotFound``."""
        subscription_id = self._links.subscription_of(token)
        if subscription_id is None:
            raise NotFound("this unsubscribe link is not valid")
        with self._uow() as uow:
            if subscription_id not in uow.subscriptions.get_many([subscription_id]):
                raise NotFound("this unsubscribe link is not valid")
            done = uow.subscriptions.unsubscribe(subscription_id, self._clock())
            uow.commit()
        return done

    def rules(self, merchant_id: str) -> list[RuleView]:
        with self._uow() as uow:
            mine = uow.notification_rules.for_merchants([merchant_id]).get(merchant_id, {})
        return [
            RuleView(c, mine.get(c.value) or DEFAULT_RULES[c.value], c.value not in mine)
            for c in BUYER_CHANNELS
        ]

    def put_rule(
        self,
        merchant_id: str,
        channel: Channel,
        *,
        enabled: bool,
        triggers: Collection[str],
        quiet_hours: str | None,
    ) -> RuleView:
        if channel not in BUYER_CHANNELS:
            raise InvalidInput("rules are for email and sms", field="channel")
        try:
            chosen = frozenset(Trigger(t) for t in triggers)
        except ValueError:
            known = ", ".join(t.value for t in Trigger)
            raise InvalidInput(f"triggers are among: {known}", field="triggers") from None
        try:
            quiet = QuietHours.parse(quiet_hours) if quiet_hours else None
        except ValueError:
            raise InvalidInput(
                "quiet_hours is HH:MM-HH:MM (e.g. 21:00-08:00)", field="quiet_hours"
            ) from None
        rule = BuyerRule(enabled=enabled, triggers=chosen, quiet=quiet)
        with self._uow() as uow:
            uow.notification_rules.put(merchant_id, channel.value, rule, self._clock())
            uow.commit()
        return RuleView(channel, rule, default=False)

    def _checked(self, channel: Channel, address: str, shipment: Shipment) -> str:
        value = address.strip()
        if channel is Channel.EMAIL:
            if not _EMAIL.match(value) or len(value) > 320:
                raise InvalidInput("not an email address", field="address")
            return value
        if channel is Channel.SMS:
            country = shipment.destination.country if shipment.destination else None
            try:
                return self._phones.check(value, country)
            except DomainError as exc:
                raise InvalidInput(exc.message, field="address") from exc
        raise InvalidInput("subscriptions are by email or sms", field="channel")
