"""docs/vocabulary.md documents every status, milestone and reason, and the precedence rule."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

import pytest

from crosstrack.domain.vocabulary import STATUS_PRECEDENCE, Milestone, Reason, Status

DOC = Path(__file__).resolve().parents[1] / "docs" / "vocabulary.md"


def _section(title: str) -> str:
    """The text of the ``## title`` section, up to the next ``## `` heading."""
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"^## {title}\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert match, f"docs/vocabulary.md has no '## {title}' section"
    return match.group(1)


def _documented_rows(title: str) -> dict[str, list[str]]:
    """Table rows of a section, keyed by the backquoted value in the first cell."""
    rows: dict[str, list[str]] = {}
    for line in _section(title).splitlines():
        match = re.match(r"^\| `([a-z_]+)` \|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    return rows


@pytest.mark.parametrize(
    ("title", "vocabulary"), [("Status", Status), ("Milestone", Milestone), ("Reason", Reason)]
)
def test_every_value_has_a_definition_and_an_example(title: str, vocabulary: type[StrEnum]) -> None:
    rows = _documented_rows(title)
    missing = [value.value for value in vocabulary if value.value not in rows]
    assert missing == [], f"docs/vocabulary.md does not document {title.lower()} {missing}"
    for value in vocabulary:
        definition, example = rows[value.value][:2]
        assert len(definition) > 20, value
        assert example, value


@pytest.mark.parametrize(
    ("title", "vocabulary"), [("Status", Status), ("Milestone", Milestone), ("Reason", Reason)]
)
def test_no_value_is_documented_that_the_code_does_not_have(
    title: str, vocabulary: type[StrEnum]
) -> None:
    known = {value.value for value in vocabulary}
    assert set(_documented_rows(title)) <= known


def test_the_precedence_rule_is_documented_in_the_order_of_the_code() -> None:
    text = " ".join(_section("Status").split())
    chain = " > ".join(f"`{status.value}`" for status in STATUS_PRECEDENCE)
    assert chain in text


def test_the_meaning_of_unknown_is_explained() -> None:
    assert "### What `unknown` means" in _section("Status")
