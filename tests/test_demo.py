"""`crosstrack demo`, the main job: a coherent tour, then the service with simulated data."""

from __future__ import annotations

import io
import json
from pathlib import Path

from crosstrack.cli import main


def _demo(tmp_path: Path, *extra: str) -> str:
    out = io.StringIO()
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    argv = ["demo", "--no-serve", "--database-url", database, "--history", "20"]
    assert main([*argv, "--shipments", "12", *extra], out=out) == 0
    return out.getvalue()


def test_the_tour_merges_three_languages_into_one_delivered_timeline(tmp_path: Path) -> None:
    text = _demo(tmp_path)
    assert "RB123456785GB              -> royal-mail" in text
    assert "shipment: delivered, last milestone delivered" in text
    assert "legs: yanwen UG123456785CN, la-poste-colissimo 6A12345678901" in text
    for milestone in ("export_customs", "departed_origin_country", "customs_released"):
        assert milestone in text


def test_a_second_run_reuses_the_data_and_prints_a_new_working_key(tmp_path: Path) -> None:
    first = _demo(tmp_path)
    assert "history: 20 synthetic past shipments (20 new)" in first
    assert "live: 12 synthetic shipments" in first
    info = tmp_path / "info.json"
    again = _demo(tmp_path, "--info-file", str(info))
    assert "history: 20 synthetic past shipments (0 new)" in again
    details = json.loads(info.read_text())
    assert set(details) >= {"api_url", "api_key", "tracking_urls"}
    assert details["api_key"].startswith("ct_") and details["api_key"] in again
    assert len(details["tracking_urls"]) == 12 and details["data"] == "synthetic"


def test_reset_starts_from_an_empty_database(tmp_path: Path) -> None:
    _demo(tmp_path)
    assert "(20 new)" in _demo(tmp_path, "--reset")


def test_the_running_demo_sends_buyer_emails_and_webhooks_it_can_show(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from crosstrack import bootstrap
    from crosstrack.sim.demo import DemoOptions, start_demo
    from crosstrack.sim.demo_inbox import inbox_router

    options = DemoOptions(
        database_url=f"sqlite:///{tmp_path / 'demo.db'}", history=40, live=30, port=8799
    )
    state = start_demo(options, say=lambda line: None)
    try:
        assert state.smtp is not None and state.hooks is not None
        assert state.hooks.wait_for(1, timeout=90), "no webhook reached the demo's receiver"
        assert state.smtp.wait_for(1, timeout=90), "no buyer email reached the demo's inbox"
        app = bootstrap.build_app(state.settings, state.services)
        app.include_router(inbox_router(state.smtp, state.hooks))
        with TestClient(app) as client:
            inbox = client.get("/demo/inbox")
            assert inbox.status_code == 200 and "Emails sent to buyers" in inbox.text
            first = client.get("/demo/inbox/0")
            assert first.status_code == 200 and "<html" in first.text.lower()
            hooks = client.get("/demo/webhooks").json()
            assert hooks and hooks[0]["signature"].startswith("t=")
    finally:
        state.close()
