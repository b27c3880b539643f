"""An endpoint disabled after three days of failures: its contact gets an email (over a real
SMTP server on loopback), sent once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from crosstrack.notify.email import SmtpSender, SmtpSettings
from crosstrack.notify.errors import DeliveryFailed
from crosstrack.services.records import OutboxMessage, Topic
from crosstrack.testing import FrozenClock, InMemoryStore
from crosstrack.testing.smtp_sink import SmtpSink
from crosstrack.testing.wiring import wired_services


class Unreachable:
    def send(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        raise DeliveryFailed("cannot connect: connection refused", retryable=True)


def test_the_contact_of_a_disabled_endpoint_is_told_by_email() -> None:
    clock = FrozenClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    with SmtpSink() as smtp:
        services = wired_services(
            InMemoryStore().unit_of_work,
            clock,
            webhook_sender=Unreachable(),
            allow_private_webhooks=True,
            notices=SmtpSender(SmtpSettings(host="127.0.0.1", port=smtp.port, starttls="never")),
        )
        merchant = services.accounts.create_merchant("Shop")
        endpoint = services.endpoints.create(
            merchant.id, "http://127.0.0.1:9/hooks", ["*"], contact_email="ops@shop.example"
        )
        for n in range(14):
            with services.uow() as uow:
                uow.outbox.add_many(
                    [
                        OutboxMessage(
                            id=f"m-{n}",
                            merchant_id=merchant.id,
                            shipment_id=None,
                            topic=Topic.PING,
                            payload={},
                            idempotency_key=f"m-{n}",
                            created_at=clock.now,
                        )
                    ]
                )
                uow.commit()
            services.dispatcher.run_once()
            clock.advance(timedelta(hours=7))
        services.dispatcher.run_once()
        assert not services.endpoints.get(merchant.id, endpoint.id).active
        assert smtp.wait_for(1, timeout=10)
        services.dispatcher.run_once()
        (notice,) = smtp.messages
        assert notice["To"] == "ops@shop.example"
        assert "disabled" in notice["Subject"]
        body = notice.get_content()
        assert "http://127.0.0.1:9/hooks" in body and "replay" in body
        services.dispatcher.close()
