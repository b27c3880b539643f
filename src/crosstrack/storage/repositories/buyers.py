"""The buyer's side of a shipment: its public tracking links and the buyer's requests."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, Row, insert, select

from crosstrack.domain.buyer_requests import BuyerRequestKind
from crosstrack.services.records import BuyerRequest, TrackingLink
from crosstrack.storage.tables import buyer_requests, tracking_links

_CHUNK = 500


class SqlTrackingLinkRepository:
    """``TrackingLinkRepository`` over the ``tracking_links`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(self, link: TrackingLink) -> None:
        self._conn.execute(
            insert(tracking_links).values(
                token=link.token,
                merchant_id=link.merchant_id,
                shipment_id=link.shipment_id,
                created_at=link.created_at,
            )
        )

    def find(self, token: str) -> TrackingLink | None:
        """System side (public pages): the link with this token, whoever owns it."""
        row = self._conn.execute(
            select(tracking_links).where(tracking_links.c.token == token)
        ).first()
        if row is None:
            return None
        return TrackingLink(row.token, row.merchant_id, row.shipment_id, row.created_at)

    def for_shipments(self, merchant_id: str, shipment_ids: Collection[str]) -> dict[str, str]:
        """Shipment id -> its (oldest) token, for the merchant's shipments that have one."""
        found: dict[str, str] = {}
        ids = sorted(set(shipment_ids))
        for start in range(0, len(ids), _CHUNK):
            rows = self._conn.execute(
                select(tracking_links.c.shipment_id, tracking_links.c.token)
                .where(
                    tracking_links.c.merchant_id == merchant_id,
                    tracking_links.c.shipment_id.in_(ids[start : start + _CHUNK]),
                )
                .order_by(tracking_links.c.created_at.desc())
            )
            found.update({row.shipment_id: row.token for row in rows})
        return found


class SqlBuyerRequestRepository:
    """``BuyerRequestRepository`` over the ``buyer_requests`` table."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(self, request: BuyerRequest) -> None:
        self._conn.execute(
            insert(buyer_requests).values(
                id=request.id,
                merchant_id=request.merchant_id,
                shipment_id=request.shipment_id,
                kind=request.kind.value,
                details=dict(request.details),
                answers=list(request.answers),
                created_at=request.created_at,
            )
        )

    def for_shipment(self, merchant_id: str, shipment_id: str) -> list[BuyerRequest]:
        """The shipment's buyer requests, oldest first."""
        rows = self._conn.execute(
            select(buyer_requests)
            .where(
                buyer_requests.c.merchant_id == merchant_id,
                buyer_requests.c.shipment_id == shipment_id,
            )
            .order_by(buyer_requests.c.created_at, buyer_requests.c.id)
        )
        return [_request(row) for row in rows]


def _request(row: Row[Any]) -> BuyerRequest:
    return BuyerRequest(
        id=row.id,
        merchant_id=row.merchant_id,
        shipment_id=row.shipment_id,
        kind=BuyerRequestKind(row.kind),
        details=dict(row.details or {}),
        created_at=row.created_at,
        answers=tuple(row.answers or ()),
    )
