"""When a buyer hears from us: which changes go to which channel, and when (pure).

A merchant's rule per channel (email, SMS) lists the *triggers* that reach buyers and the
buyer's quiet hours. Messages of the outbox map to triggers (a status change to ``delivered``
is also the ``delivered`` trigger; an ETA change only counts as ``eta_moved`` when the P50 day
moved by a day or more). Buyer messages of one shipment are coalesced: each waits
``BUYER_COALESCE`` and a newer one replaces it, so five scans in ten minutes make one email,
written from the shipment as it is when it is sent. A moved date alone reaches a buyer at
most once a day. Nothing is sent in the buyer's quiet hours, in the buyer's time zone: it
waits for their end.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

BUYER_COALESCE = timedelta(minutes=10)
ETA_NEWS_GAP = timedelta(hours=24)
"""A moved delivery date alone is news at most once a day per buyer (estimates move as a
parcel goes; a buyer told every few hours stops reading)."""


class Trigger(StrEnum):
    STATUS_CHANGED = "status_changed"
    DELIVERED = "delivered"
    OUT_FOR_DELIVERY = "out_for_delivery"
    MILESTONE_REACHED = "milestone_reached"
    ETA_MOVED = "eta_moved"
    ALERT_RAISED = "alert_raised"
    ALERT_RESOLVED = "alert_resolved"


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily span in the buyer's local time (it may run past midnight: 21:00–08:00)."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def to_text(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    @classmethod
    def parse(cls, text: str) -> QuietHours:
        """``"21:00-08:00"``; raises ``ValueError``."""
        first, _, last = text.partition("-")
        start, end = time.fromisoformat(first.strip()), time.fromisoformat(last.strip())
        if start == end:
            raise ValueError("quiet hours need a start and a different end")
        return cls(start, end)


@dataclass(frozen=True, slots=True)
class BuyerRule:
    """What one channel tells buyers."""

    enabled: bool
    triggers: frozenset[Trigger]
    quiet: QuietHours | None = None


DEFAULT_RULES: Mapping[str, BuyerRule] = {
    "email": BuyerRule(
        enabled=True,
        triggers=frozenset(
            {Trigger.OUT_FOR_DELIVERY, Trigger.DELIVERED, Trigger.ETA_MOVED, Trigger.ALERT_RAISED}
        ),
        quiet=QuietHours(time(21, 0), time(8, 0)),
    ),
    "sms": BuyerRule(
        enabled=False,
        triggers=frozenset({Trigger.OUT_FOR_DELIVERY, Trigger.ALERT_RAISED}),
        quiet=QuietHours(time(21, 0), time(8, 0)),
    ),
}
"""Without a merchant's rule: emails for the moments that matter, no SMS (it costs money)."""


def triggers_of(topic: str, payload: Mapping[str, Any]) -> frozenset[Trigger]:
    """The triggers an outbox message is (none for messages buyers never get)."""
    if topic == "shipment.status_changed":
        found = {Trigger.STATUS_CHANGED}
        if payload.get("status") == "delivered":
            found.add(Trigger.DELIVERED)
        if payload.get("status") == "out_for_delivery":
            found.add(Trigger.OUT_FOR_DELIVERY)
        return frozenset(found)
    if topic == "shipment.milestone_reached":
        return frozenset({Trigger.MILESTONE_REACHED})
    if topic == "shipment.eta_changed":
        return frozenset({Trigger.ETA_MOVED}) if _moved_a_day(payload) else frozenset()
    if topic == "alert.raised":
        return frozenset({Trigger.ALERT_RAISED})
    if topic == "alert.resolved":
        return frozenset({Trigger.ALERT_RESOLVED})
    return frozenset()


def send_at(earliest: datetime, zone: tzinfo | None, quiet: QuietHours | None) -> datetime:
    """``earliest``, or the end of the buyer's quiet hours when it falls inside them."""
    if quiet is None or zone is None:
        return earliest
    local = earliest.astimezone(zone)
    if not quiet.contains(local.time()):
        return earliest
    day: date = local.date()
    if quiet.start > quiet.end and local.time() >= quiet.start:
        day += timedelta(days=1)
    end = datetime.combine(day, quiet.end, tzinfo=zone)
    return end.astimezone(earliest.tzinfo)


def _moved_a_day(payload: Mapping[str, Any]) -> bool:
    previous = (payload.get("previous") or {}).get("p50")
    current = (payload.get("eta") or {}).get("p50")
    if not previous or not current:
        return False
    return abs((date.fromisoformat(current) - date.fromisoformat(previous)).days) >= 1
