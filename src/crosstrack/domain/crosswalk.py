"""The crosswalk between our status/milestone/reason and AfterShip, 17TRACK, karrio, EasyPost.

Forward (ours → theirs) answers the most specific vendor code for one of our triples::

    to_aftership(Status.EXCEPTION, Milestone.NONE, Reason.ADDRESS_ISSUE)
    # AfterShipTag(tag="Exception", subtag="Exception_007")

Reverse (theirs → ours) reads a vendor's own normalised code, as aggregators send it, into a
:class:`Meaning`; every value of the four vocabularies maps, and a value we do not know gives
``None`` (never an exception)::

    from_aggregator("17track", "InTransit_CustomsProcessing")
    # Meaning(status=in_transit, milestone=import_customs, reason=none)

The tables live in one module per vendor (``crosswalk_aftership`` ...); this module gathers
them, dispatches by aggregator name, and describes each vendor for ``crosswalk_render``, which
writes ``docs/crosswalk.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar, Protocol

from crosstrack.domain.crosswalk_aftership import (
    AFTERSHIP_FORWARD,
    AFTERSHIP_SUBTAGS,
    AFTERSHIP_TAGS,
    AfterShipTag,
    from_aftership,
    to_aftership,
)
from crosstrack.domain.crosswalk_easypost import (
    EASYPOST_FORWARD,
    EASYPOST_STATUS_DETAILS,
    EASYPOST_STATUSES,
    EasyPostStatus,
    from_easypost,
    to_easypost,
)
from crosstrack.domain.crosswalk_karrio import (
    KARRIO_FORWARD,
    KARRIO_INCIDENT_REASONS,
    KARRIO_STATUSES,
    KarrioStatus,
    from_karrio,
    to_karrio,
)
from crosstrack.domain.crosswalk_model import ForwardRule, Meaning, VendorCode
from crosstrack.domain.crosswalk_seventeentrack import (
    SEVENTEENTRACK_FORWARD,
    SEVENTEENTRACK_STATUSES,
    SEVENTEENTRACK_SUB_STATUSES,
    SeventeenTrackStatus,
    from_seventeentrack,
    milestone_from_seventeentrack_key_stage,
    to_seventeentrack,
)
from crosstrack.domain.vocabulary import Status

__all__ = [
    "AFTERSHIP_TAGS",
    "AGGREGATORS",
    "SEVENTEENTRACK_STATUSES",
    "VENDORS",
    "AfterShipTag",
    "EasyPostStatus",
    "KarrioStatus",
    "Meaning",
    "SeventeenTrackStatus",
    "VendorCode",
    "VendorCrosswalk",
    "from_aftership",
    "from_aggregator",
    "from_easypost",
    "from_karrio",
    "from_seventeentrack",
    "milestone_from_seventeentrack_key_stage",
    "to_aftership",
    "to_easypost",
    "to_karrio",
    "to_seventeentrack",
]


class VendorTarget(Protocol):
    """What a forward result offers to tables: column names and cell values."""

    COLUMNS: ClassVar[tuple[str, ...]]

    def cells(self) -> tuple[str, ...]:
        """The values in ``COLUMNS`` order."""
        ...


@dataclass(frozen=True, slots=True)
class VendorCrosswalk:
    """Everything the docs say about one vendor: forward rules, reverse tables, lossy statuses.

    ``lossy`` lists our statuses that do not survive ours → theirs → ours (the vendor has no
    equivalent); a test checks the list against the tables.
    """

    slug: str
    name: str
    source: str
    forward_columns: tuple[str, ...]
    forward: tuple[ForwardRule[VendorTarget], ...]
    reverse: tuple[tuple[str, tuple[VendorCode, ...]], ...]
    lossy: frozenset[Status]


VENDORS: tuple[VendorCrosswalk, ...] = (
    VendorCrosswalk(
        slug="aftership",
        name="AfterShip",
        source="https://www.aftership.com/docs/tracking/enum/delivery-sub-statuses",
        forward_columns=AfterShipTag.COLUMNS,
        forward=AFTERSHIP_FORWARD,
        reverse=(("subtag", AFTERSHIP_SUBTAGS),),
        lossy=frozenset({Status.UNKNOWN}),
    ),
    VendorCrosswalk(
        slug="17track",
        name="17TRACK",
        source="https://api.17track.net/en/doc (API v2, sub_status)",
        forward_columns=SeventeenTrackStatus.COLUMNS,
        forward=SEVENTEENTRACK_FORWARD,
        reverse=(("sub_status", SEVENTEENTRACK_SUB_STATUSES),),
        lossy=frozenset({Status.UNKNOWN}),
    ),
    VendorCrosswalk(
        slug="karrio",
        name="karrio",
        source="karrio.core.units: TrackingStatus, TrackingIncidentReason",
        forward_columns=KarrioStatus.COLUMNS,
        forward=KARRIO_FORWARD,
        reverse=(("status", KARRIO_STATUSES), ("incident reason", KARRIO_INCIDENT_REASONS)),
        lossy=frozenset({Status.PENDING, Status.EXPIRED}),
    ),
    VendorCrosswalk(
        slug="easypost",
        name="EasyPost",
        source="https://docs.easypost.com/docs/trackers (status, status_detail)",
        forward_columns=EasyPostStatus.COLUMNS,
        forward=EASYPOST_FORWARD,
        reverse=(("status", EASYPOST_STATUSES), ("status_detail", EASYPOST_STATUS_DETAILS)),
        lossy=frozenset({Status.PENDING, Status.ATTEMPT_FAILED}),
    ),
)


def _aftership(code: str | None, detail: str | None) -> Meaning | None:
    return (from_aftership(detail) if detail else None) or from_aftership(code)


_READERS: Mapping[str, Callable[[str | None, str | None], Meaning | None]] = {
    "aftership": _aftership,
    "17track": from_seventeentrack,
    "seventeentrack": from_seventeentrack,
    "karrio": from_karrio,
    "easypost": from_easypost,
}

#: Aggregator names :func:`from_aggregator` understands (lower case).
AGGREGATORS: frozenset[str] = frozenset(_READERS)


def from_aggregator(aggregator: str, code: str | None, detail: str | None = None) -> Meaning | None:
    """An aggregator's own normalised code → our meaning, or ``None`` if we do not know it.

    ``aggregator`` is ``aftership``, ``17track`` (or ``seventeentrack``), ``karrio`` or
    ``easypost``, in any case. ``code`` is the main code (AfterShip tag or subtag, 17TRACK
    status or sub-status, karrio status, EasyPost status) and ``detail`` the finer one when
    there is one (AfterShip subtag, 17TRACK sub-status, karrio incident reason, EasyPost
    status detail). A single finer code also works as ``code`` alone. An unknown aggregator
    gives ``None`` too.
    """
    reader = _READERS.get(aggregator.strip().lower())
    return None if reader is None else reader(code, detail)
