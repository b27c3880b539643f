"""docs/crosswalk.md carries every row of the crosswalk tables, so the docs cannot drift."""

from __future__ import annotations

from pathlib import Path

from crosstrack.domain.crosswalk import VENDORS
from crosstrack.domain.crosswalk_render import COMMAND, mapping_rows, render_markdown, table_row

DOC = Path(__file__).resolve().parents[2] / "docs" / "crosswalk.md"
REGENERATE = f"Regenerate with: {COMMAND}"


def _doc_lines() -> set[str]:
    return {line.rstrip() for line in DOC.read_text(encoding="utf-8").splitlines()}


def test_the_crosswalk_doc_contains_every_mapping_row() -> None:
    lines = _doc_lines()
    missing = [row for row in mapping_rows() if row not in lines]
    assert missing == [], f"docs/crosswalk.md is stale. {REGENERATE}"


def test_the_crosswalk_doc_says_how_to_regenerate_it_at_the_top() -> None:
    head = DOC.read_text(encoding="utf-8").splitlines()[:10]
    assert any(COMMAND in line for line in head)


def test_the_crosswalk_doc_names_the_lossy_round_trips_of_every_vendor() -> None:
    text = DOC.read_text(encoding="utf-8")
    for vendor in VENDORS:
        for status in vendor.lossy:
            assert f"`{status.value}`" in text


def test_the_rendered_document_contains_its_own_rows() -> None:
    rendered = set(render_markdown().splitlines())
    assert all(row in rendered for row in mapping_rows())


def test_the_renderer_escapes_pipes_in_cells() -> None:
    assert table_row(["a|b", "c"]) == "| a\\|b | c |"


def test_the_mapping_rows_cover_every_forward_rule_and_vendor_value() -> None:
    expected = sum(
        len(vendor.forward) + sum(len(codes) for _, codes in vendor.reverse) for vendor in VENDORS
    )
    assert len(mapping_rows()) >= expected
