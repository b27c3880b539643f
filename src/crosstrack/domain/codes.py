"""Carrier status codes: what one carrier's code means, and how a code and a text combine.

Code tables themselves are data that live with each carrier (``crosstrack.carriers``); the
normalizer receives them as a mapping, so the domain never imports a carrier.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from crosstrack.domain.model import Classification
from crosstrack.domain.vocabulary import Milestone, Reason, Status


@dataclass(frozen=True, slots=True)
class CodeMeaning:
    """What a carrier's raw status code says.

    ``exact`` codes name one event kind (FedEx ``DL``: delivered). Inexact codes only name a
    family (UPS's status type ``I`` covers every in-transit scan, including "out for
    delivery"), so a confident reading of the text may refine or override them.
    """

    status: Status
    milestone: Milestone = Milestone.NONE
    reason: Reason = Reason.NONE
    exact: bool = True


CodeTable = Mapping[str, CodeMeaning]
"""Codes of one carrier, keyed by :func:`code_key`."""

#: Key of the code table used for every carrier (status words: "DELIVERED", "in_transit").
GENERIC_CODES = "*"

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def code_key(code: str) -> str:
    """The form codes are looked up by: lower case, runs of other characters as ``_``."""
    return _NON_ALNUM.sub("_", code.strip().casefold()).strip("_")


def meaning(
    status: Status,
    milestone: Milestone = Milestone.NONE,
    reason: Reason = Reason.NONE,
    *,
    exact: bool = True,
) -> CodeMeaning:
    """Shorthand for code tables."""
    return CodeMeaning(status, milestone, reason, exact)


def combine(
    code: CodeMeaning | None, text: Classification, code_rule: str = "code"
) -> Classification:
    """Merge what the code says with what the text says.

    - No code: the text decides.
    - The text says nothing (or only that this is no tracking step): an exact code decides;
      an inexact one decides too unless the text positively marked a non-event.
    - They agree on the status: the status stands with more confidence, and the more specific
      milestone and reason of the two are kept (the code's first when it is exact).
    - They disagree: an exact code wins; an inexact code yields to a confident text.
    """
    if code is None:
        return text
    from_code = Classification(
        code.status, code.milestone, code.reason, 0.9 if code.exact else 0.6, code_rule
    )
    if text.status is Status.UNKNOWN:
        if text.confidence > 0 and not code.exact:
            return text
        return from_code
    if text.status is code.status:
        first, second = (code, text) if code.exact else (text, code)
        milestone = first.milestone if first.milestone is not Milestone.NONE else second.milestone
        reason = first.reason if first.reason is not Reason.NONE else second.reason
        confidence = min(1.0, max(from_code.confidence, text.confidence) + 0.05)
        return Classification(
            code.status, milestone, reason, confidence, f"{code_rule}+{text.rule}"
        )
    if code.exact:
        return from_code
    if text.confidence >= 0.7:
        return text
    return from_code
