"""Render the crosswalk tables as Markdown: the source of ``docs/crosswalk.md``.

Run ``python -m crosstrack.domain.crosswalk_render > docs/crosswalk.md`` after changing a
table; ``tests/domain/test_crosswalk_docs.py`` fails while the file lacks a row the tables
produce. Pure: it only formats module-level data into a string.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from crosstrack.domain.crosswalk import VENDORS, VendorCrosswalk
from crosstrack.domain.crosswalk_model import VendorCode
from crosstrack.domain.crosswalk_seventeentrack import SEVENTEENTRACK_KEY_STAGES
from crosstrack.domain.vocabulary import Status

COMMAND = "python -m crosstrack.domain.crosswalk_render > docs/crosswalk.md"

_INTRO = f"""\
# Crosswalk: our vocabularies and AfterShip, 17TRACK, karrio, EasyPost

<!-- Generated from src/crosstrack/domain/crosswalk_*.py; do not edit by hand. -->
Regenerate after changing a table (a test fails while this file misses a row):

    {COMMAND}

Our vocabularies (`status`, `milestone`, `reason`) are defined in
[vocabulary.md](vocabulary.md). Each vendor has two tables:

- **Ours → theirs** is an ordered rule list: the first row whose status, milestone and reason
  fit wins (`any` fits every value), so the most specific code comes first. Used when we
  speak a vendor's language (exports, compatibility webhooks).
- **Theirs → ours** gives every value of the vendor's vocabulary the meaning we read into it.
  The normalizer uses it when an aggregator sends its own normalised code; a value not listed
  reads as "not known" (`None`), never as an error. AfterShip subtags and 17TRACK sub-statuses
  we do not know fall back to their tag or main status.

A note starting with *unverified* marks a value or a description we recalled but could not
confirm against the vendor's public documentation; *legacy* marks retired values that old
payloads still carry.
"""


_OURS = ("our status", "our milestone", "our reason")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_row(cells: Iterable[str]) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = [table_row(header), table_row("---" for _ in header)]
    lines += [table_row(row) for row in rows]
    return lines


def forward_rows(vendor: VendorCrosswalk) -> list[list[str]]:
    """The ours → theirs rules of ``vendor`` as table cells."""
    return [
        [
            rule.status.value,
            "any" if rule.milestone is None else rule.milestone.value,
            "any" if rule.reason is None else rule.reason.value,
            *rule.target.cells(),
        ]
        for rule in vendor.forward
    ]


def reverse_rows(codes: Iterable[VendorCode]) -> list[list[str]]:
    """Vendor codes and our meaning of each as table cells."""
    return [
        [
            f"`{entry.code}`",
            entry.description,
            entry.meaning.status.value,
            entry.meaning.milestone.value,
            entry.meaning.reason.value,
            entry.note,
        ]
        for entry in codes
    ]


def _vendor_section(vendor: VendorCrosswalk) -> list[str]:
    lines = [f"## {vendor.name}", "", f"Source: {vendor.source}.", ""]
    lines += [f"### Ours → {vendor.name}", ""]
    theirs = [f"{vendor.name} {column}" for column in vendor.forward_columns]
    header = ["our status", "our milestone", "our reason", *theirs]
    lines += _table(header, forward_rows(vendor))
    for title, codes in vendor.reverse:
        lines += ["", f"### {vendor.name} {title} → ours", ""]
        header = [f"{vendor.name} {title}", "description", *_OURS, "note"]
        lines += _table(header, reverse_rows(codes))
    lossy = ", ".join(f"`{status.value}`" for status in Status if status in vendor.lossy)
    lines += [
        "",
        f"Round trip: every status survives ours → {vendor.name} → ours except {lossy}"
        f" ({vendor.name} has no equivalent).",
        "",
    ]
    return lines


def key_stage_rows() -> list[list[str]]:
    """17TRACK ``key_stage`` values and our milestone for each, as table cells."""
    return [
        [f"`{stage}`", milestone.value] for stage, milestone in SEVENTEENTRACK_KEY_STAGES.items()
    ]


def mapping_rows() -> list[str]:
    """Every table row the document must contain (what the docs test checks)."""
    rows: list[str] = []
    for vendor in VENDORS:
        rows += [table_row(row) for row in forward_rows(vendor)]
        for _, codes in vendor.reverse:
            rows += [table_row(row) for row in reverse_rows(codes)]
    rows += [table_row(row) for row in key_stage_rows()]
    return rows


def render_markdown() -> str:
    """The whole of ``docs/crosswalk.md``."""
    lines = [_INTRO]
    for vendor in VENDORS:
        lines += _vendor_section(vendor)
    lines += ["## 17TRACK key_stage → our milestone", ""]
    lines += _table(["17TRACK key_stage", "our milestone"], key_stage_rows())
    return "\n".join(lines) + "\n"


def main() -> None:
    """Print the document to standard output."""
    print(render_markdown(), end="")


if __name__ == "__main__":
    main()
