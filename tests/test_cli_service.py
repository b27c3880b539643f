"""The service's commands, end to end on a real SQLite file, and `serve` over real HTTP."""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx
import pytest

from crosstrack.cli import main
from crosstrack.testing.server import serve_in_subprocess


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_merchants_create_prints_a_new_key_once_as_json(database: str) -> None:
    code, text = _run(
        "merchants", "create", "Shenzhen Gadgets", "--json", "--database-url", database
    )
    assert code == 0
    printed = json.loads(text)
    assert set(printed) == {"merchant_id", "api_key"}
    assert printed["api_key"].startswith("ct_")


def test_keys_create_finds_the_merchant_by_name_and_limits_scopes(database: str) -> None:
    _run("merchants", "create", "Lyon Books", "--database-url", database)
    code, text = _run(
        "keys", "create", "Lyon Books", "--scope", "read", "--json", "--database-url", database
    )
    assert code == 0 and json.loads(text)["api_key"].startswith("ct_")


def test_keys_are_listed_without_their_secret_and_a_revoked_key_stops_working(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from crosstrack import bootstrap
    from crosstrack.config import load_settings
    from crosstrack.services.errors import AuthenticationFailed

    _code, text = _run("merchants", "create", "Lyon Books", "--json", "--database-url", database)
    first = json.loads(text)["api_key"]
    _run("keys", "create", "Lyon Books", "--name", "shop plugin", "--database-url", database)
    code, listing = _run("keys", "list", "Lyon Books", "--json", "--database-url", database)
    keys = json.loads(listing)
    assert code == 0 and len(keys) == 2 and keys[1]["name"] == "shop plugin"
    assert first not in listing and any(first.startswith(k["prefix"]) for k in keys)
    assert all(k["revoked_at"] is None for k in keys)
    code, said = _run("keys", "revoke", "Lyon Books", keys[0]["id"], "--database-url", database)
    assert code == 0 and said.startswith(f"revoked {keys[0]['id']}")
    services = bootstrap.build_services(load_settings(database_url=database))
    with pytest.raises(AuthenticationFailed):
        services.accounts.authenticate(first)
    again = json.loads(_run("keys", "list", "Lyon Books", "--json", "--database-url", database)[1])
    assert again[0]["revoked_at"] is not None and again[1]["revoked_at"] is None
    assert "live" in _run("keys", "list", "Lyon Books", "--database-url", database)[1]
    assert _run("keys", "revoke", "Lyon Books", "nope", "--database-url", database)[0] == 2
    assert "no API key 'nope'" in capsys.readouterr().err


def test_an_unknown_merchant_or_scope_is_a_clear_error(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run("keys", "create", "Nobody", "--database-url", database)[0] == 2
    assert "no merchant 'Nobody'" in capsys.readouterr().err
    _run("merchants", "create", "Lyon Books", "--database-url", database)
    assert (
        _run("keys", "create", "Lyon Books", "--scope", "root", "--database-url", database)[0] == 2
    )


def test_import_reports_good_and_bad_rows(database: str, tmp_path: Path) -> None:
    _run("merchants", "create", "Lyon Books", "--database-url", database)
    csv_file = tmp_path / "orders.csv"
    csv_file.write_text(
        "order_ref,tracking_number,destination_country\nSO-1,RB123456785GB,FR\nSO-2,,FR\n",
        encoding="utf-8",
    )
    code, text = _run(
        "import", str(csv_file), "--merchant", "Lyon Books", "--json", "--database-url", database
    )
    report = json.loads(text)
    assert code == 1
    assert (report["created"], [e["line"] for e in report["errors"]]) == (1, [3])


def test_db_upgrade_says_the_revision(database: str) -> None:
    code, text = _run("db", "upgrade", "--database-url", database)
    assert code == 0 and "database at revision" in text


def test_serve_answers_real_http_with_the_key_merchants_create_printed(database: str) -> None:
    _, text = _run("merchants", "create", "Shenzhen Gadgets", "--json", "--database-url", database)
    key = json.loads(text)["api_key"]
    with serve_in_subprocess(database) as served:
        base = served.base_url
        headers = {"Authorization": f"Bearer {key}"}
        created = httpx.post(
            f"{base}/v1/shipments",
            json={"order_ref": "SO-1", "tracking_numbers": [{"number": "RB123456785GB"}]},
            headers=headers,
        )
        assert created.status_code == 201, created.text
        shipment_id = created.json()["id"]
        read = httpx.get(f"{base}/v1/shipments/{shipment_id}", headers=headers)
        assert read.status_code == 200 and read.json()["order_ref"] == "SO-1"
        assert httpx.get(f"{base}/v1/shipments/{shipment_id}").status_code == 401
    assert key not in served.output and "Bearer" not in served.output


def test_alerts_norms_reports_what_it_learnt(database: str) -> None:
    code, text = _run("alerts", "norms", "--database-url", database)
    assert code == 0
    assert text == "lane norms: 0 P95s in 0 scopes from 0 shipments\n"  # an empty database


def test_notifications_replay_needs_a_merchant_for_one_delivery_and_a_valid_time(
    database: str,
) -> None:
    code, text = _run(
        "notifications", "replay", "--dead-since", "2026-01-01", "--database-url", database
    )
    assert (code, text) == (0, "queued again: 0 deliveries\n")
    assert (
        _run("notifications", "replay", "--dead-since", "soon", "--database-url", database)[0] == 2
    )
    assert _run("notifications", "replay", "--delivery", "d-1", "--database-url", database)[0] == 2
