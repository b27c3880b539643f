"""Every built-in carrier's status-code table, keyed by carrier slug (``*``: any carrier).

Aggregators (AfterShip, 17TRACK, EasyPost, karrio) report in their own normalized
vocabularies; their tables come from the crosswalk in ``crosstrack.domain.crosswalk``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from crosstrack.carriers.cainiao.statuses import CODES as CAINIAO
from crosstrack.carriers.dhl.statuses import CODES as DHL
from crosstrack.carriers.fedex.statuses import CODES as FEDEX
from crosstrack.carriers.fourpx.statuses import CODES as FOURPX
from crosstrack.carriers.generic_statuses import CODES as GENERIC
from crosstrack.carriers.la_poste.statuses import CODES as LA_POSTE
from crosstrack.carriers.postnl.statuses import CODES as POSTNL
from crosstrack.carriers.ups.statuses import CODES as UPS
from crosstrack.carriers.usps.statuses import CODES as USPS
from crosstrack.carriers.yunexpress.statuses import CODES as YUNEXPRESS
from crosstrack.domain.codes import GENERIC_CODES, CodeMeaning, CodeTable, code_key
from crosstrack.domain.crosswalk_aftership import AFTERSHIP_SUBTAGS, AFTERSHIP_TAGS, from_aftership
from crosstrack.domain.crosswalk_easypost import EASYPOST_STATUS_DETAILS, EASYPOST_STATUSES
from crosstrack.domain.crosswalk_karrio import KARRIO_INCIDENT_REASONS, KARRIO_STATUSES
from crosstrack.domain.crosswalk_model import Meaning, VendorCode
from crosstrack.domain.crosswalk_seventeentrack import (
    SEVENTEENTRACK_STATUSES,
    SEVENTEENTRACK_SUB_STATUSES,
    from_seventeentrack,
)
from crosstrack.domain.vocabulary import Milestone, Reason, Status


def _entry(meaning: Meaning) -> CodeMeaning:
    # A vendor value that names a milestone or a reason is one event kind; a bare status
    # word ("InTransit", "in_transit") is a family the event text may refine.
    # Shipment-only statuses become event statuses: "pending" data is info received, and an
    # "expired" report says only that nothing happened, which is no tracking step.
    exact = meaning.milestone is not Milestone.NONE or meaning.reason is not Reason.NONE
    status = _EVENT_STATUS.get(meaning.status, meaning.status)
    return CodeMeaning(status, meaning.milestone, meaning.reason, exact)


_EVENT_STATUS = {Status.PENDING: Status.INFO_RECEIVED, Status.EXPIRED: Status.UNKNOWN}


def _vendor_table(codes: Iterable[VendorCode], words: Mapping[str, Meaning | None]) -> CodeTable:
    table = {code_key(word): _entry(m) for word, m in words.items() if m is not None}
    table.update({code_key(c.code): _entry(c.meaning) for c in codes})
    return table


AFTERSHIP = _vendor_table(AFTERSHIP_SUBTAGS, {tag: from_aftership(tag) for tag in AFTERSHIP_TAGS})
SEVENTEENTRACK = _vendor_table(
    SEVENTEENTRACK_SUB_STATUSES, {s: from_seventeentrack(s) for s in SEVENTEENTRACK_STATUSES}
)
EASYPOST = _vendor_table((*EASYPOST_STATUSES, *EASYPOST_STATUS_DETAILS), {})
KARRIO = _vendor_table((*KARRIO_STATUSES, *KARRIO_INCIDENT_REASONS), {})


def code_tables() -> Mapping[str, CodeTable]:
    """Code tables for the normalizer: carrier slug → code key → meaning."""
    return {
        GENERIC_CODES: GENERIC,
        "fedex": FEDEX,
        "ups": UPS,
        "usps": USPS,
        "dhl": DHL,
        "la-poste-colissimo": LA_POSTE,
        "colissimo": LA_POSTE,
        "la-poste": LA_POSTE,
        "aftership": AFTERSHIP,
        "17track": SEVENTEENTRACK,
        "easypost": EASYPOST,
        "karrio": KARRIO,
        "cainiao": CAINIAO,
        "yunexpress": YUNEXPRESS,
        "4px": FOURPX,
        "postnl": POSTNL,
    }
