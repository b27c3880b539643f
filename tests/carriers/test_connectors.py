"""Connectors are registered by entry point and built from settings' credentials."""

from __future__ import annotations

import pytest

from crosstrack import bootstrap
from crosstrack.carriers.connectors import (
    ConnectorConfigurationError,
    build_connectors,
    receivers_among,
    registered_specs,
)
from crosstrack.config import load_settings

BUILT_IN = {"17track", "aftership", "ups", "fedex", "usps", "dhl", "postnl", "cainiao",
            "yunexpress", "4px"}  # fmt: skip


def test_every_built_in_connector_is_registered_by_entry_point() -> None:
    assert set(registered_specs()) == BUILT_IN


def test_a_carrier_with_credentials_gets_a_connector_that_hides_them() -> None:
    connectors = build_connectors(
        {"ups": {"client_id": "id-1", "client_secret": "very-secret"}},
        {"ups": "http://127.0.0.1:9/ups"},
    )
    assert list(connectors) == ["ups"]
    assert "very-secret" not in repr(connectors["ups"])
    assert "127.0.0.1:9" in repr(connectors["ups"])


def test_receivers_are_the_connectors_that_take_webhooks() -> None:
    connectors = build_connectors({"17track": {"api_key": "k"}, "dhl": {"api_key": "k"}})
    assert list(receivers_among(connectors)) == ["17track"]


@pytest.mark.parametrize(
    ("credentials", "message"),
    [
        ({"pigeon-post": {"key": "k"}}, "no connector for pigeon-post"),
        ({"ups": {"client_id": "id"}}, "needs credentials client_secret"),
        ({"dhl": {"api_key": "k", "password": "p"}}, "takes no credential password"),
    ],
)
def test_bad_credentials_are_a_clear_start_up_error(
    credentials: dict[str, dict[str, str]], message: str
) -> None:
    with pytest.raises(ConnectorConfigurationError, match=message):
        build_connectors(credentials)


def test_settings_read_credentials_as_json_and_never_echo_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CROSSTRACK_CARRIER_CREDENTIALS", '{"dhl": {"api_key": "dhl-key-123"}}')
    settings = load_settings()
    assert "dhl-key-123" not in repr(settings)
    assert list(bootstrap.build_connectors(settings)) == ["dhl"]
