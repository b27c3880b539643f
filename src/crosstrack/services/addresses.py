"""Address checks: at checkout (``POST /v1/addresses/validate``), at registration (the
``address_risk`` alert) and when the buyer corrects a risky address or phone.

The rules are the domain's (``crosstrack.domain.address_checks``); the country's postal data
comes through the ``AddressRules`` port and phone numbers through ``PhoneChecker``. Street
lines given at registration are checked and forgotten: only the problems are kept, in the
alert's evidence, and their messages never repeat the lines. docs/addresses.md.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime

from crosstrack.domain.address_checks import (
    AddressCheck,
    AddressField,
    PostalAddress,
    check_address,
    phone_problem,
)
from crosstrack.domain.address_risk import (
    problems_in,
    risk_cause,
    risk_evidence,
    risk_severity,
    still_risky,
)
from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.buyer_requests import InvalidBuyerRequest
from crosstrack.domain.shipment import Endpoint, Shipment
from crosstrack.services.errors import InvalidInput
from crosstrack.services.ports import AddressRules, IdFactory, PhoneChecker
from crosstrack.services.records import StoredAlert


class AddressChecker:
    """Checks addresses against their country's postal data and the domain's rules."""

    def __init__(self, *, rules: AddressRules, phones: PhoneChecker) -> None:
        self._rules = rules
        self._phones = phones

    def validate(self, address: PostalAddress, *, phone: str = "") -> AddressCheck:
        """Every problem of a whole address and its phone (a field left out is a problem when
        the country requires it); an unknown country is ``InvalidInput``."""
        if self._rules.rules_for(address.country.strip().upper()) is None:
            raise InvalidInput(f"unknown country {address.country!r}", field="country")
        return self.check(address, phone=phone, complete=True)

    def check(self, address: PostalAddress, *, phone: str, complete: bool) -> AddressCheck:
        """The problems of ``address`` and ``phone``; with ``complete`` false, the fields left
        out are not problems (the address is known to be partial)."""
        address = replace(address, country=address.country.strip().upper())
        found = check_address(address, self._rules.rules_for(address.country), complete=complete)
        if not phone.strip():
            return found
        try:
            e164 = self._phones.check(phone, address.country)
        except InvalidBuyerRequest as exc:
            return replace(found, problems=(*found.problems, phone_problem(exc.message)))
        return replace(found, phone=e164)

    def check_destination(
        self, destination: Endpoint, *, address_lines: Sequence[str] = (), phone: str | None
    ) -> AddressCheck:
        """A shipment's destination and buyer phone, with its street lines when given: a
        destination without street lines is partial (nothing left out is a problem)."""
        lines = tuple(line for line in address_lines if line.strip())
        address = PostalAddress(
            country=destination.country,
            region=destination.region or "",
            city=destination.city or "",
            postcode=destination.postcode or "",
            address_lines=lines,
        )
        return self.check(address, phone=phone or "", complete=bool(lines))

    def risk_of(
        self,
        shipment: Shipment,
        *,
        address_lines: Sequence[str] = (),
        ids: IdFactory,
        now: datetime,
    ) -> StoredAlert | None:
        """The ``address_risk`` alert of a shipment being registered, when its destination
        or buyer phone has a problem that puts the delivery at risk; else ``None``."""
        if shipment.destination is None:
            return None
        phone = shipment.buyer.phone if shipment.buyer else None
        found = self.check_destination(
            shipment.destination, address_lines=address_lines, phone=phone
        )
        risky = found.risky()
        if not risky:
            return None
        return StoredAlert(
            id=ids(),
            merchant_id=shipment.merchant_id,
            shipment_id=shipment.id,
            kind=AlertKind.ADDRESS_RISK,
            cause=risk_cause(risky),
            severity=risk_severity(risky),
            since=now,
            opened_at=now,
            evidence=risk_evidence(found.problems),
        )

    def settled(
        self,
        alert: StoredAlert,
        *,
        destination: Endpoint,
        phone: str | None,
        address_lines: Sequence[str] = (),
        corrected: Collection[AddressField],
    ) -> bool:
        """Whether a buyer's correction of the ``corrected`` fields (the destination and
        phone now, with the street lines the buyer sent) leaves nothing risky of what the
        ``address_risk`` ``alert`` found: the corrected fields are checked again, the others'
        problems stand."""
        after = self.check_destination(destination, address_lines=address_lines, phone=phone)
        return not still_risky(problems_in(alert.evidence), after.problems, corrected)
