"""Preview buyer emails without sending anything: ``python -m crosstrack.notify.email_preview``.

Renders a sample shipment update for each locale and topic asked for and writes
``<locale>.<topic>.html`` and ``.txt`` files into ``--out`` (open the HTML in a browser), or
prints the subject and text part when no directory is given. docs/email.md shows how.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from crosstrack.i18n import SHIPPED
from crosstrack.notify.email import ShipmentEmail, TimelineLine, render

TOPICS = (
    "shipment.status_changed",
    "shipment.milestone_reached",
    "shipment.eta_changed",
    "alert.raised",
    "alert.resolved",
    "shipment.delivered",
)

#: What each topic's sample says about the parcel: status, milestone, alert kind.
_SAMPLES = {
    "shipment.status_changed": ("out_for_delivery", "out_for_delivery", None),
    "shipment.milestone_reached": ("in_transit", "import_customs", None),
    "shipment.eta_changed": ("in_transit", "arrived_destination_country", None),
    "alert.raised": ("exception", "out_for_delivery", "contact_problem"),
    "alert.resolved": ("in_transit", "out_for_delivery", "contact_problem"),
    "shipment.delivered": ("delivered", "delivered", None),
}

_BUYER_ACTIONS = {"contact_problem": "The courier could not reach you: check your phone number."}


def sample(locale: str, topic: str) -> ShipmentEmail:
    """A realistic update for ``topic`` in ``locale`` (example.com addresses only)."""
    status, milestone, alert_kind = _SAMPLES.get(topic, ("in_transit", "facility", None))
    return ShipmentEmail(
        to="buyer@example.com",
        locale=locale,
        merchant_name="Maison Lune",
        order_ref="ML-1042",
        topic=topic,
        status=status,
        milestone=milestone,
        tracking_url="https://track.example.com/t/8f3a2c",
        unsubscribe_url="https://track.example.com/unsubscribe/8f3a2c?sig=preview",
        eta_from=date(2026, 12, 1),
        eta_to=date(2026, 12, 3),
        alert_kind=alert_kind,
        buyer_action=_BUYER_ACTIONS.get(alert_kind or ""),
        timeline=(
            TimelineLine("1 Dec, 07:12 (Europe/Paris)", "Out for delivery", "Lyon"),
            TimelineLine("30 Nov, 18:40 (Europe/Paris)", "Arrived at delivery depot", "Lyon"),
            TimelineLine("29 Nov, 09:05 (Europe/Paris)", "Customs clearance completed", None),
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Render the samples; write them to ``--out`` or print subject and text."""
    parser = argparse.ArgumentParser(
        prog="python -m crosstrack.notify.email_preview", description="Preview buyer emails."
    )
    parser.add_argument(
        "--locale", action="append", help="BCP 47 tag, repeatable (default: every shipped one)"
    )
    parser.add_argument(
        "--topic", action="append", choices=TOPICS, help="repeatable (default: every topic)"
    )
    parser.add_argument("--out", type=Path, help="directory for the .html and .txt files")
    arguments = parser.parse_args(argv)
    for locale in arguments.locale or SHIPPED:
        for topic in arguments.topic or TOPICS:
            rendered = render(sample(locale, topic))
            if arguments.out is None:
                print(f"Subject: {rendered.subject}\n\n{rendered.text}")
                continue
            arguments.out.mkdir(parents=True, exist_ok=True)
            stem = arguments.out / f"{locale}.{topic}"
            stem.with_name(stem.name + ".html").write_text(rendered.html, encoding="utf-8")
            stem.with_name(stem.name + ".txt").write_text(rendered.text, encoding="utf-8")
            print(f"{stem}.html ({rendered.locale}): {rendered.subject}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
