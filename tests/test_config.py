"""Settings: read from CROSSTRACK_* variables, validated at start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosstrack.config import ConfigurationError, load_settings


def test_the_default_database_is_an_sqlite_file_in_the_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CROSSTRACK_DATA_DIR", str(tmp_path))
    settings = load_settings()
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'crosstrack.db'}"


def test_variables_override_defaults_and_are_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSTRACK_PORT", "9001")
    monkeypatch.setenv("CROSSTRACK_DATABASE_URL", "postgresql://u:p@localhost/ct")
    settings = load_settings()
    assert settings.port == 9001
    assert settings.resolved_database_url == "postgresql://u:p@localhost/ct"


def test_production_refuses_a_placeholder_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSTRACK_ENVIRONMENT", "production")
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        load_settings()
    monkeypatch.setenv("CROSSTRACK_SECRET_KEY", "a-real-and-long-random-secret")
    assert load_settings().environment == "production"


def test_bad_values_are_a_clear_error_and_secrets_are_not_echoed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CROSSTRACK_PORT", "not-a-port")
    monkeypatch.setenv("CROSSTRACK_SECRET_KEY", "hunter2-super-secret")
    with pytest.raises(ConfigurationError) as caught:
        load_settings()
    assert "port" in str(caught.value)
    assert "hunter2" not in str(caught.value)
    monkeypatch.delenv("CROSSTRACK_PORT")
    assert "hunter2" not in repr(load_settings())
