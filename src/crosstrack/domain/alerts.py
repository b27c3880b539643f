"""Exception alerts: which problems a shipment has now, from its timeline and the clock.

:func:`detect_alerts` is pure: given a timeline, what is known about the shipment (when it was
created, whether it crosses a border, its service class, its delivery estimate and promise,
the lane's normal dwell and gaps when known) and ``now``, it returns the conditions that hold
*now*, each with a stable ``cause``. The service compares them with the alerts already open:
a new cause raises an alert, a cause no longer detected resolves it, and a cause is never
raised twice. Kinds, thresholds and their reasoning: docs/alerts.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from crosstrack.domain.eta import DeliveryEstimate
from crosstrack.domain.timeline import Timeline, TimelineEvent
from crosstrack.domain.vocabulary import Milestone, Reason, Status


class AlertKind(StrEnum):
    """What is wrong."""

    ADDRESS_PROBLEM = "address_problem"
    CONTACT_PROBLEM = "contact_problem"
    FAILED_ATTEMPT = "failed_attempt"
    CUSTOMS_DOCUMENTS = "customs_documents"
    CUSTOMS_HELD = "customs_held"
    REFUSED = "refused"
    DAMAGED = "damaged"
    LOST = "lost"
    RETURNING = "returning"
    CARRIER_EXCEPTION = "carrier_exception"
    NOT_COLLECTED = "not_collected"
    NO_FIRST_SCAN = "no_first_scan"
    STALLED = "stalled"
    CUSTOMS_DWELL = "customs_dwell"
    LATE_RISK = "late_risk"
    ADDRESS_RISK = "address_risk"


class Severity(StrEnum):
    """How urgently someone should act."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class AlertActions:
    """What the buyer and the merchant can do about it (English; pages translate by kind)."""

    buyer: str
    merchant: str


@dataclass(frozen=True, slots=True)
class AlertPolicy:
    """Thresholds: these defaults are docs/alerts.md's; merchants override them per lane
    (``crosstrack.domain.alert_settings``)."""

    no_first_scan_business_days: int = 3
    stalled_business_days_domestic: int = 3
    stalled_business_days_international: int = 5
    customs_dwell_floor: Mapping[str, timedelta] = field(
        default_factory=lambda: {
            "express": timedelta(days=2),
            "postal": timedelta(days=5),
            "": timedelta(days=3),
        }
    )
    """The least dwell in customs that is alarming, by service class, whatever the lane's P95."""
    not_collected_days: int = 5
    late_risk_probability: float = 0.5
    """Raise a late-risk alert when P(missing the promised day) reaches this."""
    expire_after: timedelta = timedelta(days=30)
    """A shipment silent this long is expired (shown so): no time-based alerts any more."""
    disabled: frozenset[AlertKind] = frozenset()
    """Kinds the merchant has switched off."""


@dataclass(frozen=True, slots=True)
class LaneNorms:
    """What is normal on the shipment's lane (P95s from history), when the service knows it."""

    dwell_p95: Mapping[Milestone, timedelta] = field(default_factory=dict)
    """Time normally spent at a milestone (customs above all)."""
    gap_p95: Mapping[Milestone, timedelta] = field(default_factory=dict)
    """Time normally without a scan after an event at this milestone."""


@dataclass(frozen=True, slots=True)
class AlertContext:
    """What the detector knows besides the timeline."""

    created_at: datetime
    now: datetime
    international: bool = True
    service_class: str = ""
    """``postal``, ``express`` or ``""`` (unknown)."""
    promised_on: date | None = None
    eta: DeliveryEstimate | None = None
    norms: LaneNorms = field(default_factory=LaneNorms)
    holidays: frozenset[date] = frozenset()
    """Days that do not count as business days (the destination's public holidays)."""


@dataclass(frozen=True, slots=True)
class DetectedAlert:
    """A problem that holds now."""

    kind: AlertKind
    cause: str
    """Stable identity of this occurrence (the same problem gives the same cause)."""
    since: datetime
    """When the problem began (the event, or when the threshold was crossed)."""
    severity: Severity
    actions: AlertActions
    evidence: Mapping[str, str | int | float]


ACTIONS: dict[AlertKind, AlertActions] = {
    AlertKind.ADDRESS_PROBLEM: AlertActions(
        "Check and correct your delivery address.",
        "Confirm the address with the buyer and send the correction to the carrier.",
    ),
    AlertKind.CONTACT_PROBLEM: AlertActions(
        "The courier could not reach you: check your phone number.",
        "Confirm the buyer's phone number and pass it to the carrier.",
    ),
    AlertKind.FAILED_ATTEMPT: AlertActions(
        "Delivery was attempted: arrange a new delivery or collect the parcel.",
        "Tell the buyer how to rebook or collect before the parcel is returned.",
    ),
    AlertKind.CUSTOMS_DOCUMENTS: AlertActions(
        "Customs needs documents or duties: follow the carrier's instructions to pay or reply.",
        "Send the buyer the invoice and duty instructions; answer customs if you are the shipper.",
    ),
    AlertKind.CUSTOMS_HELD: AlertActions(
        "Customs is holding the parcel; the seller has been told.",
        "Contact the carrier's customs broker; prepare a refund or reshipment if it is seized.",
    ),
    AlertKind.REFUSED: AlertActions(
        "The parcel was refused; contact the seller if this is a mistake.",
        "Contact the buyer; expect a return to sender.",
    ),
    AlertKind.DAMAGED: AlertActions(
        "The carrier reported damage; the seller has been told.",
        "Open a claim with the carrier and offer the buyer a replacement or refund.",
    ),
    AlertKind.LOST: AlertActions(
        "The carrier reports the parcel missing; the seller has been told.",
        "Open a trace or claim with the carrier and reship or refund.",
    ),
    AlertKind.RETURNING: AlertActions(
        "The parcel is on its way back to the seller; contact them to arrange a new delivery.",
        "Contact the buyer: reship on arrival or refund.",
    ),
    AlertKind.CARRIER_EXCEPTION: AlertActions(
        "The carrier reported a delay; no action is needed yet.",
        "Watch the shipment; contact the carrier if it does not move.",
    ),
    AlertKind.NOT_COLLECTED: AlertActions(
        "Your parcel is waiting at the pick-up point: collect it before it is sent back.",
        "Remind the buyer to collect the parcel.",
    ),
    AlertKind.NO_FIRST_SCAN: AlertActions(
        "The parcel has not been handed to the carrier yet; the seller has been told.",
        "Hand the parcel to the carrier or check the label and tracking number.",
    ),
    AlertKind.STALLED: AlertActions(
        "The parcel has had no update for a while; the seller is looking into it.",
        "Ask the carrier for a trace; tell the buyer before they ask.",
    ),
    AlertKind.CUSTOMS_DWELL: AlertActions(
        "Customs clearance is taking longer than usual.",
        "Check with the carrier whether customs needs anything; tell the buyer about the delay.",
    ),
    AlertKind.LATE_RISK: AlertActions(
        "Your parcel may arrive after the promised date.",
        "Warn the buyer now and offer options before the promised date passes.",
    ),
    AlertKind.ADDRESS_RISK: AlertActions(
        "Your delivery details may be incomplete: check your address and phone number.",
        "Confirm the address and phone number with the buyer before the parcel leaves; "
        "correct the label if needed.",
    ),
}

SEVERITY: dict[AlertKind, Severity] = {
    AlertKind.ADDRESS_PROBLEM: Severity.HIGH,
    AlertKind.CONTACT_PROBLEM: Severity.HIGH,
    AlertKind.FAILED_ATTEMPT: Severity.MEDIUM,
    AlertKind.CUSTOMS_DOCUMENTS: Severity.HIGH,
    AlertKind.CUSTOMS_HELD: Severity.HIGH,
    AlertKind.REFUSED: Severity.HIGH,
    AlertKind.DAMAGED: Severity.HIGH,
    AlertKind.LOST: Severity.HIGH,
    AlertKind.RETURNING: Severity.HIGH,
    AlertKind.CARRIER_EXCEPTION: Severity.LOW,
    AlertKind.NOT_COLLECTED: Severity.MEDIUM,
    AlertKind.NO_FIRST_SCAN: Severity.MEDIUM,
    AlertKind.STALLED: Severity.MEDIUM,
    AlertKind.CUSTOMS_DWELL: Severity.MEDIUM,
    AlertKind.LATE_RISK: Severity.MEDIUM,
    AlertKind.ADDRESS_RISK: Severity.HIGH,
}

HELD_UNTIL_DELIVERED = frozenset({AlertKind.ADDRESS_RISK})
"""Kinds the detector does not look for (the address check raises them at registration): an
open one stays open until its own service resolves it (the buyer's correction passes the
check) or the parcel is delivered."""

_BY_REASON: dict[Reason, AlertKind] = {
    Reason.ADDRESS_ISSUE: AlertKind.ADDRESS_PROBLEM,
    Reason.RECIPIENT_UNAVAILABLE: AlertKind.FAILED_ATTEMPT,
    Reason.CUSTOMS_DOCUMENTS_OR_DUTIES: AlertKind.CUSTOMS_DOCUMENTS,
    Reason.CUSTOMS_HELD_OR_SEIZED: AlertKind.CUSTOMS_HELD,
    Reason.REFUSED: AlertKind.REFUSED,
    Reason.DAMAGED: AlertKind.DAMAGED,
    Reason.LOST_OR_MISSING: AlertKind.LOST,
}
CONTACT_CUES = (
    "phone",
    "telephone",
    "call",
    "contact",
    "reach",
    "电话",
    "聯絡",
    "联系",
    "téléphone",
    "joindre",
    "telefon",
    "teléfono",
    "telefone",
    "contato",
    "連絡",
    "전화",
)
"""Words that turn an address or absence report into a contact problem (lower case)."""
_PROGRESS = frozenset(
    {Status.IN_TRANSIT, Status.OUT_FOR_DELIVERY, Status.AVAILABLE_FOR_PICKUP, Status.DELIVERED}
)
_FIRST_SCAN_BEFORE = frozenset({Milestone.LABEL_CREATED, Milestone.NONE})
_CUSTOMS = (Milestone.IMPORT_CUSTOMS, Milestone.EXPORT_CUSTOMS)


def detect_alerts(
    timeline: Timeline, context: AlertContext, policy: AlertPolicy | None = None
) -> list[DetectedAlert]:
    """The problems that hold at ``context.now`` (none once delivered)."""
    policy = policy or AlertPolicy()
    if timeline.status is Status.DELIVERED:
        return []
    found = _from_events(timeline)
    found.extend(_from_time(timeline, context, policy))
    return [problem for problem in found if problem.kind not in policy.disabled]


def _events(timeline: Timeline) -> list[TimelineEvent]:
    return [e for e in timeline.events if e.affects_state and e.event.occurred_at is not None]


def _from_events(timeline: Timeline) -> list[DetectedAlert]:
    events = _events(timeline)
    out: list[DetectedAlert] = []
    returning = next(
        (
            e
            for e in events
            if e.event.status is Status.RETURNED or e.event.milestone is Milestone.RETURN
        ),
        None,
    )
    if returning is not None:
        out.append(_alert(AlertKind.RETURNING, returning, f"returning:{_id(returning)}"))
    last_progress = max(
        (i for i, e in enumerate(events) if e.event.status in _PROGRESS), default=-1
    )
    attempts = [e for e in events if e.event.status is Status.ATTEMPT_FAILED]
    for entry in events[last_progress + 1 :]:
        event = entry.event
        if event.status not in (Status.EXCEPTION, Status.ATTEMPT_FAILED):
            continue
        kind = _BY_REASON.get(event.reason)
        if kind is None:
            kind = (
                AlertKind.FAILED_ATTEMPT
                if event.status is Status.ATTEMPT_FAILED
                else AlertKind.CARRIER_EXCEPTION
            )
        if kind in (AlertKind.ADDRESS_PROBLEM, AlertKind.FAILED_ATTEMPT) and _mentions_contact(
            entry
        ):
            kind = AlertKind.CONTACT_PROBLEM
        extra: dict[str, str | int | float] = {}
        if kind is AlertKind.FAILED_ATTEMPT:
            extra["attempts"] = len(attempts)
        out.append(_alert(kind, entry, f"{kind.value}:{_id(entry)}", **extra))
    return _latest_per_kind(out)


def _from_time(
    timeline: Timeline, context: AlertContext, policy: AlertPolicy
) -> list[DetectedAlert]:
    now = context.now
    events = _events(timeline)
    out: list[DetectedAlert] = []
    scanned = [e for e in events if e.event.milestone not in _FIRST_SCAN_BEFORE]
    if not scanned:
        waited = business_days_between(context.created_at, now, context.holidays)
        if waited >= policy.no_first_scan_business_days:
            out.append(
                _timed(
                    AlertKind.NO_FIRST_SCAN,
                    f"no_first_scan:{policy.no_first_scan_business_days}bd",
                    context.created_at,
                    business_days=waited,
                )
            )
        return out
    if timeline.status in (Status.RETURNED, Status.EXPIRED):
        return out
    last = max(events, key=lambda e: e.event.occurred_at or now)
    last_at = last.event.occurred_at or now
    if now - last_at > policy.expire_after:
        return out
    milestone = timeline.milestone
    if timeline.status is Status.AVAILABLE_FOR_PICKUP:
        since = _entered(events, Milestone.AVAILABLE_FOR_PICKUP) or last_at
        if now - since >= timedelta(days=policy.not_collected_days):
            out.append(
                _timed(
                    AlertKind.NOT_COLLECTED,
                    f"not_collected:{since.isoformat()}:{policy.not_collected_days}d",
                    since,
                    days_waiting=round((now - since).total_seconds() / 86400, 1),
                )
            )
    elif milestone in _CUSTOMS:
        since = _entered(events, milestone) or last_at
        floor = policy.customs_dwell_floor.get(
            context.service_class, policy.customs_dwell_floor.get("", timedelta(days=3))
        )
        normal = context.norms.dwell_p95.get(milestone)
        limit = max(floor, normal) if normal else floor
        if now - since > limit:
            out.append(
                _timed(
                    AlertKind.CUSTOMS_DWELL,
                    f"customs_dwell:{milestone.value}:{since.isoformat()}:{_days(limit)}d",
                    since + limit,
                    milestone=milestone.value,
                    dwell_hours=round((now - since).total_seconds() / 3600, 1),
                    limit_hours=round(limit.total_seconds() / 3600, 1),
                )
            )
    else:
        gap = context.norms.gap_p95.get(milestone)
        waited = business_days_between(last_at, now, context.holidays)
        allowed = (
            policy.stalled_business_days_international
            if context.international
            else policy.stalled_business_days_domestic
        )
        if gap is not None:
            # Never more eager than the rule of thumb; later where the lane is normally
            # quieter for longer (its P95 gap, in business days, plus one).
            allowed = max(allowed, math.ceil(gap.total_seconds() / 86400 * 5 / 7) + 1)
        if waited >= allowed:
            out.append(
                _timed(
                    AlertKind.STALLED,
                    f"stalled:{last_at.isoformat()}:{allowed}bd",
                    last_at,
                    business_days=waited,
                    allowed_business_days=allowed,
                )
            )
    eta = context.eta
    if context.promised_on and eta is not None and eta.p_on_time is not None:
        miss = 1.0 - eta.p_on_time
        if miss >= policy.late_risk_probability:
            out.append(
                _timed(
                    AlertKind.LATE_RISK,
                    f"late_risk:{context.promised_on.isoformat()}",
                    eta.as_of,
                    p_late=round(miss, 3),
                    eta_p50=eta.p50.isoformat(),
                    promised=context.promised_on.isoformat(),
                )
            )
    return out


def _days(span: timedelta) -> int:
    """Whole days, rounded up: a threshold's part of a cause (a limit moved by a few hours
    keeps the cause; one moved by a day is a new occurrence)."""
    return math.ceil(span.total_seconds() / 86400)


def business_days_between(
    start: datetime, end: datetime, holidays: frozenset[date] = frozenset()
) -> int:
    """Whole business days (Monday–Friday, not in ``holidays``) after ``start``'s day up to
    ``end``'s day: Friday evening to Monday morning is one."""
    count = 0
    day = start.date() + timedelta(days=1)
    last = end.date()
    while day <= last:
        if day.weekday() < 5 and day not in holidays:
            count += 1
        day += timedelta(days=1)
    return count


def _entered(events: list[TimelineEvent], milestone: Milestone) -> datetime | None:
    """When the parcel last arrived at ``milestone`` (the start of its current stay there)."""
    since = None
    for entry in events:
        if entry.event.milestone is milestone:
            since = since or entry.event.occurred_at
        elif entry.event.milestone is not Milestone.NONE:
            since = None
    return since


def _mentions_contact(entry: TimelineEvent) -> bool:
    text = entry.event.raw.description.lower()
    return any(cue in text for cue in CONTACT_CUES)


def _id(entry: TimelineEvent) -> str:
    when = entry.event.occurred_at
    return when.isoformat() if when else entry.event.raw.description[:40]


def _alert(
    kind: AlertKind, entry: TimelineEvent, cause: str, **extra: str | int | float
) -> DetectedAlert:
    event = entry.event
    assert event.occurred_at is not None
    evidence: dict[str, str | int | float] = {
        "event": event.raw.description,
        "carrier": event.carrier or event.raw.carrier or "",
        "occurred_at": event.occurred_at.isoformat(),
        **extra,
    }
    return DetectedAlert(kind, cause, event.occurred_at, SEVERITY[kind], ACTIONS[kind], evidence)


def _timed(
    kind: AlertKind, cause: str, since: datetime, **evidence: str | int | float
) -> DetectedAlert:
    return DetectedAlert(kind, cause, since, SEVERITY[kind], ACTIONS[kind], evidence)


def _latest_per_kind(alerts: list[DetectedAlert]) -> list[DetectedAlert]:
    """One alert per kind: the latest occurrence (three failed attempts are one alert)."""
    latest: dict[AlertKind, DetectedAlert] = {}
    for alert in alerts:
        if alert.kind not in latest or alert.since >= latest[alert.kind].since:
            latest[alert.kind] = alert
    return list(latest.values())
