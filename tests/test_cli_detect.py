"""``crosstrack detect``: one answer per input, as text or as JSON Lines."""

from __future__ import annotations

import io
import json

from crosstrack.cli import main


def _run(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out=out) == 0
    return out.getvalue()


def test_detect_json_prints_one_object_per_input_with_the_documented_fields() -> None:
    lines = _run("detect", "--json", "--", "rb 123 456 785 gb", "---", "986578788855").splitlines()
    assert len(lines) == 3
    s10, junk, numeric = (json.loads(line) for line in lines)
    assert set(s10) == {"input", "normalized", "candidates"}
    assert s10["input"] == "rb 123 456 785 gb"
    assert s10["normalized"] == "RB123456785GB"
    assert list(s10["candidates"][0]) == [
        "carrier",
        "name",
        "confidence",
        "checksum_valid",
        "standard",
        "country",
        "service",
    ]
    assert s10["candidates"][0] == {
        "carrier": "royal-mail",
        "name": "Royal Mail (UPU S10)",
        "confidence": s10["candidates"][0]["confidence"],
        "checksum_valid": True,
        "standard": "upu-s10",
        "country": "GB",
        "service": "Letter Post Registered",
    }
    assert junk == {"input": "---", "normalized": "", "candidates": []}
    assert [c["carrier"] for c in numeric["candidates"]][:2] == ["fedex", "sf-express"]


def test_detect_text_output_names_the_carrier_and_the_check_digit_verdict() -> None:
    text = _run("detect", "1Z5R89390357567127", "nothing here")
    assert "ups" in text and "check digit ok" in text
    assert "no known carrier format" in text
