"""`crosstrack eta simulate | train | predict | backtest`: the contracts of docs/eta.md."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from crosstrack import bootstrap
from crosstrack.cli import main

zone_of = bootstrap.build_zone_lookup()


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("eta") / "history.csv"
    code, text = _run(
        "eta",
        "simulate",
        "--output",
        str(path),
        "--shipments",
        "1800",
        "--days",
        "200",
        "--end",
        "2026-06-01",
        "--seed",
        "3",
    )
    assert code == 0 and "1800 synthetic shipments" in text
    return path


@pytest.fixture(scope="module")
def model_dir(history: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("model")
    code, text = _run("eta", "train", "--history", str(history), "--model", str(directory))
    assert code == 0, text
    assert "trained on" in text
    return directory


def test_train_writes_a_versioned_model_with_its_training_window(model_dir: Path) -> None:
    version = (model_dir / "CURRENT").read_text().strip()
    meta = json.loads((model_dir / "versions" / version / "model.json").read_text())
    assert meta["version"] == version
    trained = meta["info"]["trained_on"]
    assert trained["from"] < trained["to"] < trained["cutoff"]
    assert trained["shipments"] > 500
    assert {"all", "origin"} <= set(meta["offsets"])
    held_out = meta["info"]["held_out"]
    assert held_out["n"] > 100 and 0 < held_out["mae"] < 10
    assert 0.7 < held_out["coverage_80"] <= 1.0


def test_predict_writes_dates_and_the_chance_of_meeting_the_promise(
    history: Path, model_dir: Path, tmp_path: Path
) -> None:
    with history.open() as stream:
        rows = [r for r in csv.DictReader(stream) if r["status"] == "delivered"][-30:]
    source = tmp_path / "open.csv"
    with source.open("w", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            # Open shipments as of their departure: no delivery, no later milestones.
            writer.writerow(
                row
                | {
                    "delivered_at": "",
                    "arrived_destination_at": "",
                    "customs_released_at": "",
                    "out_for_delivery_at": "",
                }
            )
    output = tmp_path / "eta.csv"
    code, text = _run(
        "eta", "predict", "--model", str(model_dir), "--input", str(source), "--output", str(output)
    )
    assert code == 0, text
    with output.open() as stream:
        predicted = list(csv.DictReader(stream))
    assert [p["shipment_id"] for p in predicted] == [r["shipment_id"] for r in rows]
    assert list(predicted[0])[:5] == ["shipment_id", "p10", "p50", "p90", "p_on_time"]
    for p, row in zip(predicted, rows, strict=True):
        assert p["p10"] <= p["p50"] <= p["p90"]
        # Never a day before the as-of time (the latest time the row still has), counted in
        # the destination's calendar.
        known = [row[c] for c in ("created_at", "picked_up_at", "departed_origin_at") if row[c]]
        as_of = max(datetime.fromisoformat(t) for t in known)
        zone = zone_of(row["destination_country"], "")
        assert p["p10"] >= as_of.astimezone(zone).date().isoformat()
        assert 0.0 <= float(p["p_on_time"]) <= 1.0  # every simulated row has a promise
        assert p["basis"] in {"model", "not_enough_history"}
    # The real delivery day falls in most windows (loose: a small model on 30 parcels).
    inside = sum(
        p["p10"] <= r["delivered_at"][:10] <= p["p90"] for p, r in zip(predicted, rows, strict=True)
    )
    assert inside >= 15


def test_predict_as_of_a_later_time_moves_the_dates_forward(
    history: Path, model_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "one.csv"
    with history.open() as stream:
        reader = csv.DictReader(stream)
        row = next(r for r in reader if r["status"] == "delivered" and r["service"] == "postal")
    with source.open("w", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(
            {
                k: (
                    v
                    if k
                    in (
                        "shipment_id",
                        "carrier",
                        "service",
                        "origin_country",
                        "destination_country",
                        "created_at",
                        "promised_at",
                    )
                    else ""
                )
                for k, v in row.items()
            }
        )
    early, late = tmp_path / "early.csv", tmp_path / "late.csv"
    created = row["created_at"][:10]
    _run(
        "eta", "predict", "--model", str(model_dir), "--input", str(source), "--output", str(early)
    )
    code, _ = _run(
        "eta",
        "predict",
        "--model",
        str(model_dir),
        "--input",
        str(source),
        "--output",
        str(late),
        "--as-of",
        f"{created}T00:00:00Z".replace(created, _plus(created, 20)),
    )
    assert code == 0
    first = next(csv.DictReader(early.open()))
    second = next(csv.DictReader(late.open()))
    assert second["p10"] >= _plus(created, 20)
    assert second["p50"] > first["p50"]


def _plus(day: str, days: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def test_bad_rows_are_named_and_the_exit_code_says_so(
    model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(
        "shipment_id,origin_country,destination_country,created_at\n"
        "ok,CN,FR,2026-05-01T10:00:00+08:00\n"
        "bad,CN,FR,last tuesday\n"
    )
    output = tmp_path / "out.csv"
    code, _ = _run(
        "eta", "predict", "--model", str(model_dir), "--input", str(source), "--output", str(output)
    )
    assert code == 1
    assert "line 3: created_at 'last tuesday' is not an ISO 8601 time" in capsys.readouterr().err
    assert [r["shipment_id"] for r in csv.DictReader(output.open())] == ["ok"]


def test_a_missing_model_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "x.csv"
    source.write_text("shipment_id,origin_country,destination_country,created_at\n")
    code, _ = _run(
        "eta",
        "predict",
        "--model",
        str(tmp_path / "none"),
        "--input",
        str(source),
        "--output",
        str(tmp_path / "o.csv"),
    )
    assert code == 2
    assert "no model in" in capsys.readouterr().err


def test_backtest_writes_the_report_tables_and_plots(history: Path, tmp_path: Path) -> None:
    report = tmp_path / "report"
    code, text = _run(
        "eta",
        "backtest",
        "--history",
        str(history),
        "--report",
        str(report),
        "--folds",
        "2",
        "--fold-days",
        "30",
        "--min-train-days",
        "120",
    )
    assert code == 0, text
    for method in ("model", "B0", "B1", "B2", "promise"):
        assert f"| {method} |" in text
    markdown = (report / "report.md").read_text()
    for heading in (
        "## At creation",
        "## By checkpoint",
        "## By service",
        "## By lane",
        "## Folds",
    ):
        assert heading in markdown
    metrics = json.loads((report / "metrics.json").read_text())
    assert len(metrics["folds"]) == 2
    overall = metrics["overall"]
    assert overall["model"]["n"] == overall["B2"]["n"] > 100
    assert overall["model"]["mae"] < overall["B0"]["mae"]
    for plot in ("coverage_by_checkpoint.png", "mae_by_checkpoint.png", "on_time_reliability.png"):
        assert (report / plot).read_bytes()[:4] == b"\x89PNG"


def test_train_without_a_file_learns_from_the_database_into_the_services_model_directory(
    tmp_path: Path,
) -> None:
    from datetime import UTC, datetime

    from crosstrack.sim.history import export_csv
    from crosstrack.sim.journeys import generate

    database = f"sqlite:///{tmp_path / 'service.db'}"
    assert _run("merchants", "create", "Shenzhen Gadgets", "--database-url", database)[0] == 0
    parcels = generate(
        8, 400, start=datetime(2026, 1, 1, tzinfo=UTC), end=datetime(2026, 4, 1, tzinfo=UTC)
    )
    export_csv(parcels, tmp_path / "past.csv")
    code, text = _run(
        "import",
        str(tmp_path / "past.csv"),
        "--merchant",
        "Shenzhen Gadgets",
        "--database-url",
        database,
    )
    assert "400 rows: 400 created" in text
    code, text = _run("eta", "train", "--database-url", database)
    assert code == 0, text
    # The default model directory sits beside the SQLite file, where the service looks.
    assert f"written to {tmp_path / 'eta-model'}" in text
    version = (tmp_path / "eta-model" / "CURRENT").read_text().strip()
    meta = json.loads((tmp_path / "eta-model" / "versions" / version / "model.json").read_text())
    assert meta["info"]["trained_on"]["shipments"] > 200


def test_predict_ignores_whatever_delivered_at_holds(model_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "filled.csv"
    source.write_text(
        "shipment_id,carrier,service,origin_country,destination_country,created_at,delivered_at\n"
        "a,cainiao,postal,CN,FR,2026-05-01T10:00:00+08:00,2026-04-01T10:00:00+08:00\n"
        "b,cainiao,postal,CN,FR,2026-05-01T10:00:00+08:00,2026-05-20T10:00:00+02:00\n"
    )
    output = tmp_path / "out.csv"
    code, _ = _run(
        "eta", "predict", "--model", str(model_dir), "--input", str(source), "--output", str(output)
    )
    assert code == 0
    rows = list(csv.DictReader(output.open()))
    assert [r["shipment_id"] for r in rows] == ["a", "b"]
    assert rows[0]["p50"] == rows[1]["p50"]  # the delivery cell changed nothing
