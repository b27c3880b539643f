"""`crosstrack normalize`: JSON Lines in, the same objects plus their meaning out."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from crosstrack.cli import main

EVENTS = [
    {
        "carrier": "fedex",
        "raw_status_code": "OD",
        "description": "On FedEx vehicle for delivery",
        "location": "MEMPHIS, TN, 38118, US",
        "timestamp": "2024-04-25T08:01:00-05:00",
        "order_ref": "A-1001",
    },
    {
        "carrier": "colissimo",
        "raw_status_code": "DI1",
        "description": "Votre colis est livré.",
        "location": "Lyon",
        "timestamp": "2023-02-23 11:37:00",
        "language": "fr",
    },
]


def _run(tmp_path: Path, lines: list[str]) -> tuple[int, list[dict[str, object]]]:
    source = tmp_path / "events.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    code = main(["normalize", "--input", str(source)], out=out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_normalize_adds_meaning_place_and_utc_time_and_passes_extra_keys_through(
    tmp_path: Path,
) -> None:
    code, rows = _run(tmp_path, [json.dumps(e) for e in EVENTS])
    assert code == 0
    fedex, colissimo = rows
    assert fedex["order_ref"] == "A-1001"
    assert (fedex["status"], fedex["milestone"], fedex["reason"]) == (
        "out_for_delivery",
        "out_for_delivery",
        "none",
    )
    assert fedex["country"] == "US"
    assert fedex["occurred_at"] == "2024-04-25T13:01:00+00:00"
    assert colissimo["status"] == "delivered" and colissimo["country"] == "FR"
    # No offset given: read in Lyon's zone (CET, UTC+1 in February).
    assert colissimo["occurred_at"] == "2023-02-23T10:37:00+00:00"
    assert 0 < float(str(colissimo["confidence"])) <= 1


def test_bad_lines_get_a_clear_error_line_and_nothing_else_is_lost(tmp_path: Path) -> None:
    code, rows = _run(
        tmp_path, [json.dumps(EVENTS[0]), "{not json", "[1, 2]", json.dumps(EVENTS[1])]
    )
    assert code == 1
    assert [r.get("status") for r in rows] == ["out_for_delivery", None, None, "delivered"]
    assert rows[1]["line"] == 2 and "not JSON" in str(rows[1]["error"])
    assert rows[2]["input"] == "[1, 2]"


def test_unknown_text_is_kept_with_zero_confidence(tmp_path: Path) -> None:
    code, rows = _run(tmp_path, [json.dumps({"description": "Xpresspost USA", "carrier": "??"})])
    assert code == 0
    assert rows[0]["status"] == "unknown" and rows[0]["confidence"] == 0
    assert rows[0]["occurred_at"] is None


def test_normalize_reads_standard_input_in_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "crosstrack.cli", "normalize"],
        input=json.dumps(EVENTS[0]) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["status"] == "out_for_delivery"


def test_a_missing_input_file_is_a_clear_error(tmp_path: Path) -> None:
    assert main(["normalize", "--input", str(tmp_path / "absent.jsonl")], out=io.StringIO()) == 2
