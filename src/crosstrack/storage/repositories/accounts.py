"""Merchants, API keys and stored idempotent responses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update

from crosstrack.services.records import ApiKey, Branding, IdempotentResponse, Merchant, Scope
from crosstrack.storage.repositories.conflicts import insert_or_replace
from crosstrack.storage.tables import api_keys, idempotency_keys, merchant_branding, merchants


class SqlMerchantRepository:
    """``MerchantRepository`` over the ``merchants`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(self, merchant: Merchant) -> None:
        self._conn.execute(
            merchants.insert().values(
                id=merchant.id, name=merchant.name, created_at=merchant.created_at
            )
        )

    def get(self, merchant_id: str) -> Merchant | None:
        row = self._conn.execute(select(merchants).where(merchants.c.id == merchant_id)).first()
        return None if row is None else _merchant(row)

    def by_name(self, name: str) -> Merchant | None:
        row = self._conn.execute(select(merchants).where(merchants.c.name == name)).first()
        return None if row is None else _merchant(row)

    def all_ids(self) -> list[str]:
        query = select(merchants.c.id).order_by(merchants.c.created_at, merchants.c.id)
        return [row.id for row in self._conn.execute(query)]


def _merchant(row: Row[Any]) -> Merchant:
    return Merchant(id=row.id, name=row.name, created_at=row.created_at)


class SqlApiKeyRepository:
    """``ApiKeyRepository`` over the ``api_keys`` table (scopes stored space-separated)."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(self, key: ApiKey) -> None:
        self._conn.execute(
            api_keys.insert().values(
                id=key.id,
                merchant_id=key.merchant_id,
                key_hash=key.key_hash,
                prefix=key.prefix,
                scopes=" ".join(sorted(scope.value for scope in key.scopes)),
                name=key.name,
                created_at=key.created_at,
                revoked_at=key.revoked_at,
            )
        )

    def by_hash(self, key_hash: str) -> ApiKey | None:
        row = self._conn.execute(select(api_keys).where(api_keys.c.key_hash == key_hash)).first()
        return None if row is None else _key(row)

    def for_merchant(self, merchant_id: str) -> list[ApiKey]:
        rows = self._conn.execute(
            select(api_keys)
            .where(api_keys.c.merchant_id == merchant_id)
            .order_by(api_keys.c.created_at, api_keys.c.id)
        )
        return [_key(row) for row in rows]

    def revoke(self, merchant_id: str, key_id: str, at: datetime) -> ApiKey | None:
        self._conn.execute(
            update(api_keys)
            .where(
                api_keys.c.merchant_id == merchant_id,
                api_keys.c.id == key_id,
                api_keys.c.revoked_at.is_(None),
            )
            .values(revoked_at=at)
        )
        row = self._conn.execute(
            select(api_keys).where(api_keys.c.merchant_id == merchant_id, api_keys.c.id == key_id)
        ).first()
        return None if row is None else _key(row)


def _key(row: Row[Any]) -> ApiKey:
    return ApiKey(
        id=row.id,
        merchant_id=row.merchant_id,
        key_hash=row.key_hash,
        prefix=row.prefix,
        scopes=frozenset(Scope(s) for s in row.scopes.split()),
        created_at=row.created_at,
        name=row.name,
        revoked_at=row.revoked_at,
    )


class SqlIdempotencyRepository:
    """``IdempotencyRepository`` over ``idempotency_keys``; ``put`` replaces a stored response."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def get(self, merchant_id: str, key: str) -> IdempotentResponse | None:
        row = self._conn.execute(
            select(idempotency_keys).where(
                idempotency_keys.c.merchant_id == merchant_id, idempotency_keys.c.key == key
            )
        ).first()
        if row is None:
            return None
        return IdempotentResponse(
            merchant_id=row.merchant_id,
            key=row.key,
            request_hash=row.request_hash,
            status_code=row.status_code,
            body=row.body,
            created_at=row.created_at,
            extra=row.extra or {},
        )

    def put(self, response: IdempotentResponse) -> None:
        stmt = insert_or_replace(self._conn.dialect.name, idempotency_keys, ("merchant_id", "key"))
        self._conn.execute(
            stmt.values(
                merchant_id=response.merchant_id,
                key=response.key,
                request_hash=response.request_hash,
                status_code=response.status_code,
                body=response.body,
                extra=dict(response.extra) if response.extra else None,
                created_at=response.created_at,
            )
        )


class SqlBrandingRepository:
    """``BrandingRepository`` over the ``merchant_branding`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def get(self, merchant_id: str) -> Branding | None:
        row = self._conn.execute(
            select(merchant_branding).where(merchant_branding.c.merchant_id == merchant_id)
        ).first()
        if row is None:
            return None
        return Branding(
            merchant_id=row.merchant_id,
            updated_at=row.updated_at,
            display_name=row.display_name,
            logo_url=row.logo_url,
            accent_color=row.accent_color,
            support_url=row.support_url,
            default_locale=row.default_locale,
        )

    def put(self, branding: Branding) -> None:
        self._conn.execute(
            delete(merchant_branding).where(merchant_branding.c.merchant_id == branding.merchant_id)
        )
        self._conn.execute(
            insert(merchant_branding).values(
                merchant_id=branding.merchant_id,
                display_name=branding.display_name,
                logo_url=branding.logo_url,
                accent_color=branding.accent_color,
                support_url=branding.support_url,
                default_locale=branding.default_locale,
                updated_at=branding.updated_at,
            )
        )
