"""What a carrier connector is: the protocol every carrier and aggregator package implements.

A connector has a pure half (``parse.py``: the carrier's documented payloads → our records)
and an HTTP half (``client.py``: requests through :class:`crosstrack.carriers.http.CarrierHttp`).
Errors from a carrier are data per tracking number (:class:`TrackingResult`), so one bad
number never sinks a batch; only a carrier-wide failure (down, bad credentials) raises
:class:`~crosstrack.carriers.errors.CarrierError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from crosstrack.domain.model import RawEvent
from crosstrack.domain.units import Measure


class Outcome(StrEnum):
    """What the carrier said about one tracking number."""

    FOUND = "found"
    """Events (possibly none yet) were returned."""
    NOT_FOUND = "not_found"
    """The carrier does not know the number (yet): try again later."""
    INVALID = "invalid"
    """The carrier says the number cannot be one of its numbers: stop asking."""
    ERROR = "error"
    """The carrier answered with an error for this number only (see ``error``)."""


@dataclass(frozen=True, slots=True)
class TrackingResult:
    """The answer for one tracking number.

    ``events`` are raw events exactly as the carrier gave them (``tracking_number`` and
    ``carrier`` set on each, ``extra`` keeping fields we do not model). An aggregator puts the
    real carrier's slug or name in ``RawEvent.carrier`` when it says which carrier scanned.
    ``linked_numbers`` are other numbers the carrier reports for the same parcel (a last-mile
    number, say), for leg linking.
    """

    tracking_number: str
    outcome: Outcome
    events: tuple[RawEvent, ...] = ()
    error: str | None = None
    carrier: str | None = None
    """The carrier the answer is about, when the connector (an aggregator) knows it."""
    linked_numbers: tuple[str, ...] = ()
    estimated_delivery: str | None = None
    """The carrier's own delivery estimate as given (kept for comparison, never shown as ours)."""
    weight: Measure | None = None
    """The parcel's weight in the value and unit the carrier gave (``None`` when it gave none,
    or none we could read: a bad weight never fails the result)."""


@dataclass(frozen=True, slots=True)
class WebhookRequest:
    """An inbound webhook as received: headers (lower-case names) and the raw body."""

    headers: Mapping[str, str]
    body: bytes


@dataclass(frozen=True, slots=True)
class WebhookBatch:
    """What a verified webhook delivery carried."""

    results: tuple[TrackingResult, ...] = ()
    acknowledgement: Mapping[str, object] = field(default_factory=dict)
    """A body the carrier expects in the answer, if it expects one."""


class CarrierConnector(Protocol):
    """One carrier or aggregator API."""

    slug: str
    """The carrier's slug in the directory (docs/carriers.md)."""
    batch_size: int
    """The most tracking numbers one request may carry."""
    requests_per_second: float
    """The carrier's documented rate limit (the client keeps under it)."""

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        """Ask the carrier about up to ``batch_size`` numbers: one result per number asked,
        in order. Raises ``CarrierError`` only when the whole request failed."""
        ...


class WebhookReceiver(Protocol):
    """A connector that can also receive the carrier's pushed updates."""

    slug: str

    def verify(self, request: WebhookRequest) -> bool:
        """Whether the delivery is authentic (the carrier's own signature scheme)."""
        ...

    def receive(self, request: WebhookRequest) -> WebhookBatch:
        """The results a verified delivery carries. Raises ``MalformedPayload`` when the body
        is not the carrier's documented shape."""
        ...
