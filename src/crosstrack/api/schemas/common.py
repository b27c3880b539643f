"""Schemas shared by requests and responses: places, the buyer, and the error body."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Endpoint(BaseModel):
    """Where a shipment starts or ends. Only the country is required."""

    model_config = ConfigDict(extra="forbid")

    country: str = Field(
        pattern=r"^[A-Za-z]{2}$",
        description="ISO 3166-1 alpha-2 code (upper-cased).",
        examples=["CN"],
    )
    region: str | None = Field(default=None, max_length=100)
    postcode: str | None = Field(default=None, max_length=32)
    city: str | None = Field(default=None, max_length=100)

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()


class Buyer(BaseModel):
    """How to reach the buyer: returned to the merchant who owns it, never on public pages."""

    model_config = ConfigDict(extra="forbid")

    email: str | None = Field(default=None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str | None = Field(default=None, max_length=32, pattern=r"^\+?[0-9][0-9 ()./-]{3,30}$")
    locale: str | None = Field(
        default=None,
        max_length=35,
        pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$",
        description="BCP 47 language tag, e.g. `fr-FR`.",
    )
    timezone: str | None = Field(
        default=None, max_length=64, description="IANA time zone, e.g. `Europe/Paris`."
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value


class ErrorDetail(BaseModel):
    """What went wrong, in a stable code clients can match on."""

    code: str = Field(description="Stable machine-readable code, e.g. `not_found`.")
    message: str = Field(description="For people; may change between releases.")
    field: str | None = Field(
        default=None,
        description="Dotted path of the input at fault (`tracking_numbers.0.number`), if any.",
    )


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorDetail
