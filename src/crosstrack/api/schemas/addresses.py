"""Address checks (``POST /v1/addresses/validate``): the address to check and the answer."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crosstrack.domain.address_checks import AddressField, ProblemCode, ProblemSeverity

AddressLine = Annotated[str, Field(max_length=200)]
MAX_ADDRESS_LINES = 5


class ValidateAddress(BaseModel):
    """A delivery address as a checkout form has it. Only the country is required."""

    model_config = ConfigDict(extra="forbid")

    country: str = Field(
        pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.", examples=["GB"]
    )
    region: str | None = Field(
        default=None, max_length=100, description="State, province or prefecture, by name or code."
    )
    city: str | None = Field(default=None, max_length=100, examples=["London"])
    postcode: str | None = Field(default=None, max_length=32, examples=["SW1A1AA"])
    address_lines: list[AddressLine] | None = Field(
        default=None,
        max_length=MAX_ADDRESS_LINES,
        description="The street lines: street, house number, flat.",
        examples=[["10 Downing Street"]],
    )
    phone: str | None = Field(
        default=None,
        max_length=40,
        description="The buyer's phone: international (`+44...`) or national to `country`.",
    )

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()


class AddressProblemOut(BaseModel):
    """One thing wrong with the address (docs/addresses.md lists the codes)."""

    field: AddressField = Field(description="The request field at fault.")
    code: ProblemCode
    severity: ProblemSeverity = Field(
        description="`error`: the parcel cannot be delivered as addressed; `warning`: likely "
        "trouble."
    )
    message: str = Field(description="In English, for people; may change between releases.")
    suggestion: str | None = Field(
        description="A value to put in `field` instead, when one is clear; else null."
    )


class NormalizedAddressOut(BaseModel):
    """The address as the destination's post writes it (fields not given are null)."""

    country: str
    region: str | None = Field(description="The region's key (`CA` for California).")
    city: str | None
    postcode: str | None = Field(description="In the post's layout when it is valid.")
    address_lines: list[str]
    phone: str | None = Field(description="E.164 when valid; as given otherwise.")


class AddressValidation(BaseModel):
    """Whether the address can be delivered as it is, and what to fix."""

    valid: bool = Field(description="No problem of severity `error` (warnings allowed).")
    problems: list[AddressProblemOut]
    normalized: NormalizedAddressOut
