"""The ``address_risk`` alert's side of the address checks: its cause, severity and evidence,
and whether a buyer's correction leaves anything risky.

The alert is raised when a shipment is registered (``crosstrack.services.addresses``), with
every problem of the check as evidence, and settled when the corrected fields pass the check
again. Pure.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from crosstrack.domain.address_checks import AddressField, AddressProblem, ProblemSeverity
from crosstrack.domain.alerts import Severity


def still_risky(
    before: Sequence[AddressProblem],
    after: Sequence[AddressProblem],
    corrected: Collection[AddressField],
) -> list[AddressProblem]:
    """The risky problems left once the ``corrected`` fields were sent again and checked
    (``after``): those of the fields not corrected stay as they were (``before``)."""
    kept = [p for p in before if p.field not in corrected]
    kept.extend(p for p in after if p.field in corrected)
    return [p for p in kept if p.risky]


def risk_cause(problems: Sequence[AddressProblem]) -> str:
    """The ``address_risk`` alert's cause: which fields had which problems (one alert per
    shipment: the check runs when it is registered)."""
    found = sorted({f"{p.field.value}.{p.code.value}" for p in problems})
    return "address_risk:" + "+".join(found)


def risk_severity(problems: Sequence[AddressProblem]) -> Severity:
    """``high`` when the address cannot be delivered as it is (an error), else ``medium``."""
    if any(p.severity is ProblemSeverity.ERROR for p in problems):
        return Severity.HIGH
    return Severity.MEDIUM


def risk_evidence(problems: Sequence[AddressProblem]) -> dict[str, object]:
    """The ``address_risk`` alert's evidence: every problem found, and how many are errors."""
    errors = sum(p.severity is ProblemSeverity.ERROR for p in problems)
    return {
        "problems": [p.to_document() for p in problems],
        "errors": errors,
        "warnings": len(problems) - errors,
    }


def problems_in(evidence: Mapping[str, object]) -> list[AddressProblem]:
    """The problems an ``address_risk`` alert's evidence lists (any it cannot read skipped)."""
    listed = evidence.get("problems")
    found = []
    for item in listed if isinstance(listed, list) else []:
        try:
            found.append(AddressProblem.from_document(item))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return found
