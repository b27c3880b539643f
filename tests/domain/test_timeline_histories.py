"""The timeline on 102 real tracking histories (``../shared/data/histories-dev.jsonl``).

Each history's events are turned into ``NormalizedEvent``s from their human labels (status,
milestone, reason) and a simple timestamp reading — not from the normalizer, which this test
must not depend on. The data stays outside the repository; the tests skip when it is absent.
``CROSSTRACK_DATA_DIR`` points elsewhere.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crosstrack.domain.model import Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.timeline import Timeline, build_timeline
from crosstrack.domain.vocabulary import Milestone, Reason, Status

DATA = Path(
    os.environ.get("CROSSTRACK_DATA_DIR", Path(__file__).resolve().parents[3] / "shared/data")
)
HISTORIES = DATA / "histories-dev.jsonl"
LABELLED_EVENTS = DATA / "events-dev.jsonl"
LONG_AFTER = datetime(2030, 1, 1, tzinfo=UTC)
EXPIRE_AFTER = timedelta(days=30)

#: Histories whose derived status knowingly differs from "the status of the last labelled
#: meaningful event", and why. Every entry is checked to still differ (no stale excuses).
EXPLAINED: dict[str, str] = {}

_FORMATS = (
    "%Y%m%d %H%M%S",
    "%Y-%m-%d %H%M%S",
    "%d.%m.%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M:%S.%f",
    "%B %d, %Y %I:%M %p",
)
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})(?: ?([AP]M))?$", re.I)


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _load() -> list[dict[str, Any]]:
    if not HISTORIES.exists():
        return []
    labels: dict[str, dict[str, str]] = {}
    if LABELLED_EVENTS.exists():
        labels = {r["event_id"]: r["label"] for r in _records(LABELLED_EVENTS) if "label" in r}
    histories = []
    for history in _records(HISTORIES):
        for event in history["events"]:
            event.setdefault("label", labels.get(event["event_id"]))
        histories.append(history)
    return histories


HISTORY_LIST = _load()
pytestmark = pytest.mark.skipif(not HISTORY_LIST, reason=f"{HISTORIES} is not available")


def _day_first(history: dict[str, Any]) -> bool:
    """Slashed dates are day-first when any of the history's first fields exceeds 12."""
    firsts = [_SLASHED.match(e.get("timestamp") or "") for e in history["events"]]
    return any(int(m.group(1)) > 12 for m in firsts if m)


def parse_time(text: str | None, day_first: bool) -> tuple[datetime | None, TimeBasis]:
    """``fromisoformat``, then a few fixed formats; no offset → read as UTC."""
    if not text:
        return None, TimeBasis.MISSING
    moment: datetime | None = None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        if m := _SLASHED.match(text.strip()):
            a, b, year, hour, minute, half = m.groups()
            day, month = (a, b) if day_first else (b, a)
            hours = (
                int(hour) % 12 + (12 if half and half.upper() == "PM" else 0) if half else int(hour)
            )
            moment = datetime(int(year), int(month), int(day), hours, int(minute))
        for fmt in _FORMATS:
            if moment is None:
                try:
                    moment = datetime.strptime(text.strip(), fmt)
                except ValueError:
                    continue
    if moment is None:
        return None, TimeBasis.MISSING
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC), TimeBasis.ASSUMED_UTC
    return moment.astimezone(UTC), TimeBasis.OFFSET_GIVEN


def normalized_events(history: dict[str, Any]) -> list[NormalizedEvent]:
    day_first = _day_first(history)
    events = []
    for raw in history["events"]:
        label = raw["label"] or {"status": "unknown", "milestone": "none", "reason": "none"}
        when, basis = parse_time(raw.get("timestamp"), day_first)
        offset = None
        if when is not None and basis is TimeBasis.OFFSET_GIVEN:
            parsed = datetime.fromisoformat(raw["timestamp"].strip())
            delta = parsed.utcoffset() or timedelta(0)
            offset = int(delta.total_seconds() // 60)
        events.append(
            NormalizedEvent(
                raw=RawEvent(
                    description=raw.get("description") or "",
                    carrier=history["carrier"],
                    raw_status_code=raw.get("raw_status_code"),
                    location=raw.get("location"),
                    timestamp=raw.get("timestamp"),
                    language=raw.get("language"),
                    tracking_number=history["history_id"],
                    extra={"event_id": raw["event_id"]},
                ),
                status=Status(label["status"]),
                milestone=Milestone(label["milestone"]),
                reason=Reason(label["reason"]),
                confidence=1.0,
                location=Location(text=raw.get("location") or None, country=label.get("country")),
                occurred_at=when,
                utc_offset_minutes=offset if basis is TimeBasis.OFFSET_GIVEN else 0,
                time_basis=basis,
            )
        )
    return events


def day_after(events: list[NormalizedEvent]) -> datetime:
    """A ``now`` just after the history's last event, so that nothing has expired yet."""
    times = [e.occurred_at for e in events if e.occurred_at is not None]
    return max(times, default=LONG_AFTER) + timedelta(days=1)


def build(events: list[NormalizedEvent], now: datetime | None = None) -> Timeline:
    now = now or day_after(events)
    return build_timeline(events, now=now, expire_after=EXPIRE_AFTER)


def expected_statuses(events: list[NormalizedEvent]) -> set[Status]:
    """The statuses of the chronologically last labelled meaningful events (a tie gives several).

    Returns win: a return anywhere means ``returned``. Untimed events count only when no event
    has a time.
    """
    meaningful = [e for e in events if e.status is not Status.UNKNOWN]
    if not meaningful:
        return {Status.PENDING}
    if any(e.status is Status.RETURNED or e.milestone is Milestone.RETURN for e in meaningful):
        return {Status.RETURNED}
    timed = [e for e in meaningful if e.occurred_at is not None]
    if timed:
        last = max(e.occurred_at for e in timed if e.occurred_at is not None)
        minute = last.replace(second=0, microsecond=0)
        statuses = {e.status for e in timed if e.occurred_at and e.occurred_at >= minute}
    else:
        statuses = {e.status for e in meaningful}
    return statuses


IDS = [h["history_id"] for h in HISTORY_LIST]


@pytest.mark.parametrize("history", HISTORY_LIST, ids=IDS)
def test_a_real_history_builds_without_error_and_independently_of_order(
    history: dict[str, Any],
) -> None:
    events = normalized_events(history)
    timeline = build(events)
    assert build(list(reversed(events))) == timeline
    shuffled = list(events)
    random.Random(history["history_id"]).shuffle(shuffled)
    assert build(shuffled) == timeline
    assert build(events + events) == timeline
    distinct_ids = {e["event_id"] for e in history["events"]}
    assert len(timeline.events) <= len(distinct_ids)
    assert len(timeline.sources) == len(distinct_ids)


@pytest.mark.parametrize("history", HISTORY_LIST, ids=IDS)
def test_the_derived_status_is_that_of_the_last_labelled_meaningful_event(
    history: dict[str, Any],
) -> None:
    events = normalized_events(history)
    derived = build(events).status
    matches = derived in expected_statuses(events)
    if history["history_id"] in EXPLAINED:
        assert not matches, f"{history['history_id']} no longer needs its explanation"
    else:
        assert matches, (derived, expected_statuses(events))


@pytest.mark.parametrize("history", HISTORY_LIST, ids=IDS)
def test_years_later_a_real_history_is_finished_or_expired(history: dict[str, Any]) -> None:
    events = normalized_events(history)
    timeline = build(events, now=LONG_AFTER)
    timed = any(e.occurred_at for e in events)
    if timeline.is_terminal or not timed:
        assert timeline.status is build(events).status
    else:
        assert timeline.status is Status.EXPIRED
        assert timeline.milestone is build(events).milestone


def test_real_handover_texts_name_the_next_leg() -> None:
    by_id = {h["history_id"]: h for h in HISTORY_LIST}
    if "hist-0027" not in by_id:
        pytest.skip("hist-0027 (PARCEL.ONE hand-over to USPS) is not in this data set")
    (handover,) = build(normalized_events(by_id["hist-0027"])).unresolved_handovers
    assert handover.target.tracking_number == "LX035843846BE"
    assert handover.target.carrier_name == "USPS"
