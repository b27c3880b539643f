"""The OpenAPI description of AfterShip's envelope (the answers themselves are built as
dictionaries in ``documents``; their fields are listed in docs/aftership-compat.md)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class AfterShipMeta(BaseModel):
    code: int = Field(description="200 or 201; on an error AfterShip's code (4004...).")
    type: str = Field(description="`OK`, or `BadRequest`, `Unauthorized`, `NotFound`...")
    message: str


class AfterShipEnvelope(BaseModel):
    """Every answer of the AfterShip-compatible routes."""

    meta: AfterShipMeta
    data: dict[str, Any] = Field(
        description="AfterShip's object (docs/aftership-compat.md); `{}` on an error."
    )


def documented(success: int = 200) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a compatibility route: its success and AfterShip's errors."""
    return {
        success: {"model": AfterShipEnvelope, "description": "AfterShip's envelope."},
        "4XX": {
            "model": AfterShipEnvelope,
            "description": "An error with AfterShip's `meta.code` (docs/aftership-compat.md).",
        },
    }
