"""The shapes every vendor crosswalk shares: our meaning, a vendor code, a forward rule.

A crosswalk has two directions. *Forward* (ours → theirs) is an ordered list of
:class:`ForwardRule`; the first rule whose status, milestone and reason fit wins, so specific
rules come first and a catch-all per status closes the list. *Reverse* (theirs → ours) is a
table of :class:`VendorCode`, each with the :class:`Meaning` we give it. The vendor modules
(``crosswalk_aftership``, ``crosswalk_seventeentrack``, ``crosswalk_karrio``,
``crosswalk_easypost``) hold only data and thin functions over these shapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from crosstrack.domain.errors import DomainError
from crosstrack.domain.vocabulary import STATUS_PRECEDENCE, Milestone, Reason, Status

#: Statuses that may carry a reason (``docs/vocabulary.md``: "why an exception or a failed
#: attempt happened"); every other status has ``Reason.NONE``.
REASON_BEARING_STATUSES: frozenset[Status] = frozenset({Status.EXCEPTION, Status.ATTEMPT_FAILED})

#: Statuses that only a shipment has, never an event: they carry neither milestone nor reason.
SHIPMENT_ONLY_STATUSES: frozenset[Status] = frozenset({Status.PENDING, Status.EXPIRED})

#: Marker used in notes of entries we could not confirm against the vendor's public docs.
UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class Meaning:
    """One point in our vocabularies: a (status, milestone, reason) triple that is consistent.

    Raises :class:`~crosstrack.domain.errors.DomainError` when the triple breaks a vocabulary
    rule: a reason on a status that cannot have one, or a milestone or reason on a
    shipment-only status.
    """

    status: Status
    milestone: Milestone = Milestone.NONE
    reason: Reason = Reason.NONE

    def __post_init__(self) -> None:
        if self.reason is not Reason.NONE and self.status not in REASON_BEARING_STATUSES:
            raise DomainError(f"status {self.status} cannot carry reason {self.reason}")
        if self.status in SHIPMENT_ONLY_STATUSES and self.milestone is not Milestone.NONE:
            raise DomainError(f"shipment-only status {self.status} has no milestone")

    def as_tuple(self) -> tuple[Status, Milestone, Reason]:
        """The triple as a plain tuple, in (status, milestone, reason) order."""
        return (self.status, self.milestone, self.reason)


@dataclass(frozen=True, slots=True)
class VendorCode:
    """One value of a vendor's vocabulary, what it says, and what it means in ours.

    ``note`` is empty for values checked against the vendor's public documentation; it starts
    with ``"unverified"`` when the value or its description is recalled, not confirmed, and
    says ``"legacy"`` for values the vendor has retired but old payloads still carry.
    """

    code: str
    description: str
    meaning: Meaning
    note: str = ""

    @property
    def verified(self) -> bool:
        """Whether the value was confirmed against public documentation."""
        return not self.note.startswith(UNVERIFIED)


T_co = TypeVar("T_co", covariant=True)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ForwardRule(Generic[T_co]):
    """Ours → theirs: when status, milestone and reason fit, answer ``target``.

    ``None`` for milestone or reason fits any value.
    """

    status: Status
    milestone: Milestone | None
    reason: Reason | None
    target: T_co

    def fits(self, status: Status, milestone: Milestone, reason: Reason) -> bool:
        """Whether this rule applies to the given triple."""
        return (
            self.status is status
            and (self.milestone is None or self.milestone is milestone)
            and (self.reason is None or self.reason is reason)
        )


def first_fit(
    rules: Iterable[ForwardRule[T]], status: Status, milestone: Milestone, reason: Reason
) -> T:
    """The target of the first rule that fits; raises ``DomainError`` if none does.

    Every vendor table ends each status with a catch-all rule (tests check that every
    combination of our vocabularies maps), so the error means a broken table, not bad input.
    """
    for rule in rules:
        if rule.fits(status, milestone, reason):
            return rule.target
    raise DomainError(f"no crosswalk rule for ({status}, {milestone}, {reason})")


def index_codes(codes: Iterable[VendorCode]) -> Mapping[str, VendorCode]:
    """A case-insensitive index of vendor codes (keys are lower-cased, stripped codes)."""
    index: dict[str, VendorCode] = {}
    for entry in codes:
        key = entry.code.strip().lower()
        if key in index:
            raise DomainError(f"duplicate vendor code {entry.code!r}")
        index[key] = entry
    return index


def look_up(index: Mapping[str, VendorCode], code: str | None) -> VendorCode | None:
    """The entry for ``code`` (case and surrounding blanks ignored), or ``None``."""
    if code is None:
        return None
    return index.get(code.strip().lower())


def _ranking() -> tuple[Status, ...]:
    ranked: list[Status] = [s for s in STATUS_PRECEDENCE if s is not Status.UNKNOWN]
    ranked += [Status.EXPIRED, Status.UNKNOWN, Status.PENDING]
    ranked += [s for s in Status if s not in ranked]
    return tuple(dict.fromkeys(ranked))


#: ``STATUS_PRECEDENCE`` extended with the shipment-only statuses (highest first): ``expired``
#: outranks ``unknown``, ``pending`` ranks last.
RANKING: tuple[Status, ...] = _ranking()


def rank(status: Status) -> int:
    """Position of ``status`` in :data:`RANKING` (0 is the highest precedence)."""
    return RANKING.index(status)


def _finer_reason(detail: Reason, base: Reason) -> Reason:
    """The detail's reason when it says something specific, else the base's, else ``other``."""
    if detail not in (Reason.NONE, Reason.OTHER):
        return detail
    return base if base is not Reason.NONE else detail


def refine(base: Meaning, detail: Meaning, *, detail_may_change_status: bool) -> Meaning:
    """Combine a vendor's status (``base``) with its finer code (``detail``).

    The status is ``base.status`` unless ``detail_may_change_status`` and the detail's status
    has higher precedence (``STATUS_PRECEDENCE``). The milestone comes from whichever side
    gave the status, falling back to the other side when that one says ``none``. The reason
    is the detail's when it is specific (not ``none`` or ``other``), else the base's; it
    survives only on a status that can carry one.
    """
    status = base.status
    if detail_may_change_status and rank(detail.status) < rank(base.status):
        status = detail.status
    source, other = (detail, base) if status is detail.status else (base, detail)
    milestone = source.milestone if source.milestone is not Milestone.NONE else other.milestone
    reason = _finer_reason(detail.reason, base.reason)
    if status not in REASON_BEARING_STATUSES:
        reason = Reason.NONE
    if status in SHIPMENT_ONLY_STATUSES:
        milestone = Milestone.NONE
    return Meaning(status, milestone, reason)
