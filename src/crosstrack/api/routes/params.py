"""Path and header parameters several routes share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Path

from crosstrack.api.idempotency import HEADER, MAX_KEY_LENGTH

ShipmentId = Annotated[str, Path(min_length=1, max_length=200, description="The shipment's id.")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias=HEADER,
        min_length=1,
        max_length=MAX_KEY_LENGTH,
        description="Any unique string (a UUID): the first response is replayed for it.",
    ),
]
