"""A fake carrier connector for the poller's tests: answers from a table, records each call."""

from __future__ import annotations

from collections.abc import Sequence

from crosstrack.carriers.connector import Outcome, TrackingResult
from crosstrack.domain.model import RawEvent


class FakeConnector:
    """``CarrierConnector`` answering from ``answers`` (number → result; unknown numbers are
    ``not_found``), or raising ``failure`` when one is set."""

    requests_per_second = 100.0

    def __init__(self, slug: str, *, batch_size: int = 40) -> None:
        self.slug = slug
        self.batch_size = batch_size
        self.answers: dict[str, TrackingResult] = {}
        self.failure: Exception | None = None
        self.calls: list[list[str]] = []

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingResult]:
        self.calls.append(list(tracking_numbers))
        if self.failure is not None:
            raise self.failure
        return [self.answers.get(n, TrackingResult(n, Outcome.NOT_FOUND)) for n in tracking_numbers]

    def found(self, number: str, *scans: tuple[str, str]) -> None:
        """Answer ``number`` with these (description, ISO time) scans."""
        events = tuple(
            RawEvent(
                description=text,
                timestamp=stamp,
                location="Memphis, TN, US",
                tracking_number=number,
                carrier=self.slug,
            )
            for text, stamp in scans
        )
        self.answers[number] = TrackingResult(number, Outcome.FOUND, events)
