"""`crosstrack demo`, the main job: it runs end to end and tells a coherent journey."""

from __future__ import annotations

import io

from crosstrack.cli import main


def test_demo_detects_numbers_and_merges_three_languages_into_one_delivered_timeline() -> None:
    out = io.StringIO()
    assert main(["demo"], out=out) == 0
    text = out.getvalue()
    assert "RB123456785GB              -> royal-mail" in text
    assert "shipment: delivered, last milestone delivered" in text
    assert "legs: yanwen UG123456785CN, la-poste-colissimo 6A12345678901" in text
    for milestone in ("export_customs", "departed_origin_country", "customs_released"):
        assert milestone in text
    assert "unknown" not in text
