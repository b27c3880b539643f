"""Address checks for checkout forms: is this address deliverable, and what to fix."""

from __future__ import annotations

from fastapi import APIRouter

from crosstrack.api.auth import Reader
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.api.schemas.addresses import (
    AddressProblemOut,
    AddressValidation,
    NormalizedAddressOut,
    ValidateAddress,
)
from crosstrack.domain.address_checks import AddressCheck, PostalAddress

router = APIRouter(prefix="/v1/addresses", tags=["addresses"])


@router.post(
    "/validate",
    response_model=AddressValidation,
    summary="Check a delivery address",
    responses=documented(401, 403, 422, 429),
)
def validate_address(body: ValidateAddress, _: Reader, services: ServicesDep) -> AddressValidation:
    """Field-level problems of a delivery address (postcode, region, the postcode against
    the region and city, house number, script, phone), each an `error` or a `warning` with a
    suggested fix when one is clear, and the address normalized. Stores nothing
    (docs/addresses.md)."""
    address = PostalAddress(
        country=body.country,
        region=body.region or "",
        city=body.city or "",
        postcode=body.postcode or "",
        address_lines=tuple(body.address_lines or ()),
    )
    return _validation(services.addresses.validate(address, phone=body.phone or ""), body.phone)


def _validation(check: AddressCheck, phone: str | None) -> AddressValidation:
    address = check.normalized
    return AddressValidation(
        valid=check.valid,
        problems=[
            AddressProblemOut.model_validate(p, from_attributes=True) for p in check.problems
        ],
        normalized=NormalizedAddressOut(
            country=address.country,
            region=address.region or None,
            city=address.city or None,
            postcode=address.postcode or None,
            address_lines=list(address.address_lines),
            phone=check.phone or (phone.strip() if phone and phone.strip() else None),
        ),
    )
