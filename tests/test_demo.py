"""`crosstrack demo`, the main job: a coherent tour, then demo data in the real service."""

from __future__ import annotations

import io
from pathlib import Path

from crosstrack.cli import main


def _demo(database: str) -> str:
    out = io.StringIO()
    assert main(["demo", "--no-serve", "--database-url", database], out=out) == 0
    return out.getvalue()


def test_demo_detects_numbers_and_merges_three_languages_into_one_delivered_timeline(
    tmp_path: Path,
) -> None:
    text = _demo(f"sqlite:///{tmp_path / 'demo.db'}")
    assert "RB123456785GB              -> royal-mail" in text
    assert "shipment: delivered, last milestone delivered" in text
    assert "legs: yanwen UG123456785CN, la-poste-colissimo 6A12345678901" in text
    for milestone in ("export_customs", "departed_origin_country", "customs_released"):
        assert milestone in text
    assert " unknown " not in text


def test_demo_seeds_the_service_once_and_prints_a_working_key(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    first = _demo(database)
    assert "(11 new events, 0 already stored)" in first
    again = _demo(database)
    assert "(0 new events, 11 already stored)" in again
    assert "API key (shown once): ct_" in again
