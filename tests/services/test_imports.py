"""CSV imports: good rows kept, bad rows reported by line and column, outcomes become events."""

from __future__ import annotations

from crosstrack.domain.vocabulary import Status
from crosstrack.services.facade import Services
from crosstrack.services.records import EventSource, Merchant, ShipmentFilter

CSV = """order_ref,tracking_number,carrier,origin_country,destination_country,destination_city,promised_date,shipped_at,delivered_at,buyer_email
SO-1,RB123456785GB,,CN,FR,Lyon,2026-01-20,2025-12-20T10:00:00+08:00,2025-12-30T14:30:00+01:00,ana@example.com
SO-2,LP00123456789012,cainiao,CN,ES,Madrid,,,,
SO-3,,,CN,FR,,,,,
SO-4,RR123456785CN,pigeon,CN,FR,,,,,
SO-5,RR123456785CN,,CHN,FR,,,,,
SO-6,RR123456785CN,,CN,FR,,2026-13-01,,,
SO-7,RR123456785CN,,CN,FR,,,2026-01-02 10:00,,
SO-1,RB123456785GB,,CN,FR,Lyon,2026-01-20,2025-12-20T10:00:00+08:00,2025-12-30T14:30:00+01:00,ana@example.com
"""


def test_good_rows_are_kept_and_bad_rows_named_by_line_and_column(
    services: Services, merchant: Merchant
) -> None:
    report = services.importer.import_csv(merchant.id, CSV)
    assert (report.rows, report.created, report.existing) == (8, 2, 1)
    assert [(e.line, e.field) for e in report.errors] == [
        (4, "tracking_number"),
        (5, "carrier"),
        (6, "origin_country"),
        (7, "promised_date"),
        (8, "shipped_at"),
    ]
    assert report.events_stored == 2  # the repeated SO-1 row adds nothing


def test_imported_outcomes_become_events_through_the_same_ingestion(
    services: Services, merchant: Merchant
) -> None:
    services.importer.import_csv(merchant.id, CSV)
    (shipment,) = services.queries.shipments(
        merchant.id, ShipmentFilter(order_ref="SO-1"), limit=5
    ).items
    view = services.queries.shipment(merchant.id, shipment.id)
    assert view.shipment.state.status is Status.DELIVERED
    assert {e.source for e in view.events} == {EventSource.IMPORT}
    assert view.shipment.buyer is not None and view.shipment.buyer.email == "ana@example.com"
    assert view.shipment.destination is not None and view.shipment.destination.city == "Lyon"


def test_a_file_without_the_required_columns_is_refused_whole(
    services: Services, merchant: Merchant
) -> None:
    report = services.importer.import_csv(merchant.id, "order,number\nA,B\n")
    assert report.rows == 0
    assert [(e.line, e.field) for e in report.errors] == [(1, "order_ref")]


def test_unknown_columns_are_reported_and_ignored(services: Services, merchant: Merchant) -> None:
    report = services.importer.import_csv(
        merchant.id, "order_ref,tracking_number,colour\nSO-9,RB123456785GB,blue\n"
    )
    assert report.created == 1
    assert [(e.line, e.field) for e in report.errors] == [(1, "colour")]
