"""Merchants and their API keys: create them, and authenticate a key.

A key is shown once, when created; only its SHA-256 hash and a short prefix are stored. Keys
are 256-bit random strings, so a fast hash is enough (no password stretching needed).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable, Iterable

from crosstrack.services.errors import AuthenticationFailed, Conflict, InvalidInput, NotFound
from crosstrack.services.ports import Clock, IdFactory, UnitOfWorkFactory
from crosstrack.services.records import ApiKey, Merchant, Scope

KEY_PREFIX = "ct_"
KEY_CACHE_SECONDS = 10.0
ALL_SCOPES = frozenset(Scope)


def hash_key(plaintext: str) -> str:
    """The stored form of an API key."""
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


class Accounts:
    """Use cases around merchants and keys."""

    def __init__(
        self,
        *,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdFactory,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._monotonic = monotonic
        self._live: dict[str, tuple[float, ApiKey]] = {}

    def create_merchant(self, name: str) -> Merchant:
        """A new merchant; names are unique (a second one with the same name is a conflict)."""
        name = name.strip()
        if not name:
            raise InvalidInput("a merchant needs a name", field="name")
        with self._uow() as uow:
            if uow.merchants.by_name(name) is not None:
                raise Conflict(f"a merchant named {name!r} exists already", field="name")
            merchant = Merchant(id=self._ids(), name=name, created_at=self._clock())
            uow.merchants.add(merchant)
            uow.commit()
        return merchant

    def find_merchant(self, id_or_name: str) -> Merchant:
        """A merchant by id, or by name."""
        with self._uow() as uow:
            found = uow.merchants.get(id_or_name) or uow.merchants.by_name(id_or_name)
        if found is None:
            raise NotFound(f"no merchant {id_or_name!r}")
        return found

    def create_key(
        self, merchant_id: str, scopes: Iterable[Scope] = ALL_SCOPES, name: str | None = None
    ) -> tuple[ApiKey, str]:
        """A new key for the merchant: the stored record and the plaintext (shown once)."""
        wanted = frozenset(scopes)
        if not wanted:
            raise InvalidInput("a key needs at least one scope", field="scopes")
        plaintext = KEY_PREFIX + secrets.token_urlsafe(32)
        with self._uow() as uow:
            if uow.merchants.get(merchant_id) is None:
                raise NotFound(f"no merchant {merchant_id!r}")
            key = ApiKey(
                id=self._ids(),
                merchant_id=merchant_id,
                key_hash=hash_key(plaintext),
                prefix=plaintext[: len(KEY_PREFIX) + 6],
                scopes=wanted,
                created_at=self._clock(),
                name=name,
            )
            uow.api_keys.add(key)
            uow.commit()
        return key, plaintext

    def keys(self, merchant_id: str) -> list[ApiKey]:
        """The merchant's keys (hashes and prefixes only), oldest first, revoked ones too."""
        with self._uow() as uow:
            return uow.api_keys.for_merchant(merchant_id)

    def revoke_key(self, merchant_id: str, key_id: str) -> ApiKey:
        """Revoke one of the merchant's keys: it stops working at once in this process (and
        within ``KEY_CACHE_SECONDS`` in others), and its dashboard sessions end with it."""
        with self._uow() as uow:
            key = uow.api_keys.revoke(merchant_id, key_id, self._clock())
            if key is None:
                raise NotFound(f"no API key {key_id!r}")
            uow.commit()
        self._live.pop(key.key_hash, None)
        return key

    def authenticate(self, plaintext: str | None) -> ApiKey:
        """The live key behind ``plaintext``; raises :class:`AuthenticationFailed` otherwise.

        A live key is remembered for :data:`KEY_CACHE_SECONDS` (every API request
        authenticates); unknown keys are never remembered, so a new key works at once and a
        revoked one stops working within that time.
        """
        if not plaintext or not plaintext.startswith(KEY_PREFIX):
            raise AuthenticationFailed("missing or malformed API key")
        return self.live_key(hash_key(plaintext))

    def live_key(self, digest: str) -> ApiKey:
        """The live key whose SHA-256 hash is ``digest`` (a dashboard session holds the hash,
        never the key); raises :class:`AuthenticationFailed` when unknown or revoked."""
        cached = self._live.get(digest)
        if cached is not None and cached[0] > self._monotonic():
            return cached[1]
        with self._uow() as uow:
            key = uow.api_keys.by_hash(digest)
        if key is None or key.revoked_at is not None:
            self._live.pop(digest, None)
            raise AuthenticationFailed("unknown or revoked API key")
        if len(self._live) > 10_000:
            self._live.clear()
        self._live[digest] = (self._monotonic() + KEY_CACHE_SECONDS, key)
        return key
