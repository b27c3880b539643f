"""Merchants' shipping rates (what checkout advice quotes) and the notes customer service
leaves on alerts: two small tables of merchant-owned settings and records."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import Connection, delete, insert, select

from crosstrack.services.records import AlertNote, ShippingRate
from crosstrack.storage.tables import alert_notes, shipping_rates


class SqlShippingRateRepository:
    """``ShippingRateRepository`` over ``shipping_rates`` (amounts kept as decimal text)."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def for_merchant(self, merchant_id: str) -> list[ShippingRate]:
        rows = self._conn.execute(
            select(shipping_rates)
            .where(shipping_rates.c.merchant_id == merchant_id)
            .order_by(shipping_rates.c.position)
        )
        return [
            ShippingRate(
                carrier=row.carrier,
                service=row.service,
                destination=row.destination,
                max_weight_grams=row.max_weight_grams,
                amount=Decimal(row.amount),
                currency=row.currency,
            )
            for row in rows
        ]

    def replace(self, merchant_id: str, rates: Sequence[ShippingRate]) -> None:
        self._conn.execute(
            delete(shipping_rates).where(shipping_rates.c.merchant_id == merchant_id)
        )
        if rates:
            self._conn.execute(
                insert(shipping_rates),
                [
                    {
                        "merchant_id": merchant_id,
                        "position": n,
                        "carrier": rate.carrier,
                        "service": rate.service,
                        "destination": rate.destination,
                        "max_weight_grams": rate.max_weight_grams,
                        "amount": str(rate.amount),
                        "currency": rate.currency,
                    }
                    for n, rate in enumerate(rates)
                ],
            )


class SqlAlertNoteRepository:
    """``AlertNoteRepository`` over ``alert_notes``."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def add(self, note: AlertNote) -> None:
        self._conn.execute(
            insert(alert_notes).values(
                id=note.id,
                merchant_id=note.merchant_id,
                alert_id=note.alert_id,
                author=note.author,
                text=note.text,
                created_at=note.created_at,
            )
        )

    def for_alerts(self, merchant_id: str, alert_ids: Sequence[str]) -> dict[str, list[AlertNote]]:
        found: dict[str, list[AlertNote]] = {}
        for start in range(0, len(alert_ids), 500):
            rows = self._conn.execute(
                select(alert_notes)
                .where(
                    alert_notes.c.merchant_id == merchant_id,
                    alert_notes.c.alert_id.in_(list(alert_ids[start : start + 500])),
                )
                .order_by(alert_notes.c.created_at, alert_notes.c.id)
            )
            for row in rows:
                found.setdefault(row.alert_id, []).append(
                    AlertNote(
                        id=row.id,
                        merchant_id=row.merchant_id,
                        alert_id=row.alert_id,
                        text=row.text,
                        created_at=row.created_at,
                        author=row.author,
                    )
                )
        return found
