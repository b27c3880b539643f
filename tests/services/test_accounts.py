"""Merchants and API keys."""

from __future__ import annotations

import pytest

from crosstrack.services.accounts import hash_key
from crosstrack.services.errors import AuthenticationFailed, Conflict, InvalidInput, NotFound
from crosstrack.services.facade import Services
from crosstrack.services.records import Merchant, Scope
from crosstrack.testing import InMemoryStore


def test_a_new_key_is_shown_once_and_only_its_hash_is_stored(
    services: Services, merchant: Merchant, store: InMemoryStore
) -> None:
    key, plaintext = services.accounts.create_key(merchant.id, [Scope.READ])
    assert plaintext.startswith("ct_") and len(plaintext) > 40
    stored = store.data.api_keys[key.key_hash]
    assert stored.key_hash == hash_key(plaintext) != plaintext
    assert plaintext not in repr(stored)
    assert services.accounts.authenticate(plaintext).scopes == frozenset({Scope.READ})


@pytest.mark.parametrize("bad", [None, "", "ct_wrong", "Bearer ct_x", "not-a-key"])
def test_unknown_or_malformed_keys_are_refused(services: Services, bad: str | None) -> None:
    with pytest.raises(AuthenticationFailed):
        services.accounts.authenticate(bad)


def test_merchant_names_are_unique_and_required(services: Services, merchant: Merchant) -> None:
    with pytest.raises(Conflict):
        services.accounts.create_merchant("Shenzhen Gadgets")
    with pytest.raises(InvalidInput):
        services.accounts.create_merchant("  ")


def test_a_key_for_a_missing_merchant_is_not_found(services: Services) -> None:
    with pytest.raises(NotFound):
        services.accounts.create_key("no-such-merchant")


def test_merchants_are_found_by_id_or_name(services: Services, merchant: Merchant) -> None:
    assert services.accounts.find_merchant(merchant.id) == merchant
    assert services.accounts.find_merchant("Shenzhen Gadgets") == merchant


def test_a_live_key_is_remembered_briefly_and_a_revoked_one_stops_working(
    store: InMemoryStore,
) -> None:
    from dataclasses import replace

    from crosstrack.services.accounts import KEY_CACHE_SECONDS, Accounts
    from crosstrack.testing import FrozenClock, SequentialIds

    ticks = [0.0]
    accounts = Accounts(
        uow=store.unit_of_work, clock=FrozenClock(), ids=SequentialIds(), monotonic=lambda: ticks[0]
    )
    merchant = accounts.create_merchant("Cached")
    key, plaintext = accounts.create_key(merchant.id, [Scope.READ])
    assert accounts.authenticate(plaintext) == key
    store.data.api_keys[key.key_hash] = replace(key, revoked_at=key.created_at)
    assert accounts.authenticate(plaintext) == key  # still remembered
    ticks[0] += KEY_CACHE_SECONDS + 1
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(plaintext)
