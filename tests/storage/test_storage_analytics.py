"""Contract: shipment facts and their rollups, alike in memory, on SQLite and on PostgreSQL.

The SQL back-ends sum the rollups with ``INSERT ... SELECT ... GROUP BY``; the in-memory
store sums what each shipment adds in Python. Every read must give the same answer.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from analytics_samples import AT, facts, random_facts, store_shipments
from sqlalchemy import Engine

from crosstrack.domain.analytics import (
    LANE,
    SUMMED_TAGS,
    AnalyticsFilter,
    Dim,
    Metric,
    TagKind,
)
from crosstrack.domain.analytics_rollup import Counters, TagCounts
from crosstrack.domain.shipment_facts import Outcome
from crosstrack.domain.vocabulary import Reason
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.storage import unit_of_work_factory
from crosstrack.testing import InMemoryStore

A, B = "m-a", "m-b"
WEEK1, WEEK2 = date(2025, 3, 3), date(2025, 3, 10)
ALL = AnalyticsFilter()
FR_LANE = ("CN", "FR", "yanwen", "dedicated_line")


def _hand_made() -> list[Any]:
    return [
        facts(
            "s1",
            transit_days=9.4,
            on_time_promise=True,
            promised_date=date(2025, 3, 14),
            clearance=timedelta(hours=30),
        ),
        facts(
            "s2",
            shipped_on=date(2025, 3, 5),
            transit_days=12,
            on_time_promise=False,
            promised_date=date(2025, 3, 14),
            exception_reasons=(Reason.CUSTOMS_DOCUMENTS_OR_DUTIES,),
            clearance=timedelta(hours=80.5),
            categories=("electronics",),
            hs_codes=("851762",),
        ),
        facts(
            "s3",
            shipped_on=date(2025, 3, 10),
            destination="US",
            carrier="4px",
            exception_reasons=(Reason.RECIPIENT_UNAVAILABLE,),
            failed_attempts=1,
        ),
        facts(
            "s4",
            shipped_on=date(2025, 3, 4),
            origin="HK",
            carrier="dhl",
            service="express",
            outcome=Outcome.RETURNED,
        ),
        facts("s5", B, transit_days=5),
        facts("s6", shipped_on=None),
    ]


def _stored(uow_factory: UnitOfWorkFactory, items: list[Any]) -> None:
    store_shipments(uow_factory, items)
    with uow_factory() as uow:
        uow.analytics.put_facts(items, AT)
        uow.commit()


def _refreshed(uow_factory: UnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        for merchant_id in (A, B):
            weeks = [w for _, w in uow.analytics.stale_weeks(merchant_id)]
            uow.analytics.refresh(merchant_id, weeks)
        uow.commit()


def test_facts_read_back_equal_to_what_was_written(uow_factory: UnitOfWorkFactory) -> None:
    items = _hand_made() + random_facts(40)
    _stored(uow_factory, items)
    with uow_factory() as uow:
        found = uow.analytics.facts_for([(f.merchant_id, f.shipment_id) for f in items])
        assert uow.analytics.facts_for([(B, "s1"), (A, "nothing")]) == {}
    assert found == {(f.merchant_id, f.shipment_id): f for f in items}


def test_writing_facts_marks_their_weeks_stale_and_a_refresh_takes_the_marks(
    uow_factory: UnitOfWorkFactory,
) -> None:
    _stored(uow_factory, _hand_made())
    with uow_factory() as uow:
        assert sorted(uow.analytics.stale_weeks(A)) == [(A, WEEK1), (A, WEEK2)]
        assert uow.analytics.stale_weeks(A, first=WEEK2) == [(A, WEEK2)]
        assert uow.analytics.stale_weeks(B) == [(B, WEEK1)]
        assert uow.analytics.refresh(A, [WEEK1, WEEK2, date(2025, 1, 6)]) == [WEEK1, WEEK2]
        assert uow.analytics.refresh(A, [WEEK1]) == []  # already taken
        uow.commit()
    with uow_factory() as uow:
        assert uow.analytics.stale_weeks() == [(B, WEEK1)]


def test_moving_a_shipment_to_another_week_makes_both_weeks_stale(
    uow_factory: UnitOfWorkFactory,
) -> None:
    _stored(uow_factory, _hand_made())
    _refreshed(uow_factory)
    with uow_factory() as uow:
        uow.analytics.put_facts([facts("s1", shipped_on=date(2025, 3, 11))], AT)
        uow.commit()
    with uow_factory() as uow:
        assert sorted(uow.analytics.stale_weeks(A)) == [(A, WEEK1), (A, WEEK2)]


def test_the_rollups_count_each_shipment_once_where_it_was_shipped(
    uow_factory: UnitOfWorkFactory,
) -> None:
    _stored(uow_factory, _hand_made())
    _refreshed(uow_factory)
    with uow_factory() as uow:
        total = uow.analytics.days(A, ALL, ())[()]
        by_carrier = uow.analytics.days(A, ALL, (Dim.CARRIER,))
        by_weekday = uow.analytics.days(A, ALL, (Dim.WEEKDAY,))
        lanes = uow.analytics.histograms(A, Metric.TRANSIT, ALL, LANE)
        weeks = uow.analytics.histograms(A, Metric.TRANSIT, ALL, (Dim.WEEK,))
        weekdays = uow.analytics.histograms(A, Metric.TRANSIT_BY_WEEKDAY, ALL, (Dim.WEEKDAY,))
        clearance = uow.analytics.histograms(A, Metric.CLEARANCE, ALL, ())
        reasons = uow.analytics.tags(A, [TagKind.REASON], ALL, (Dim.DESTINATION,))
        declared = uow.analytics.tags(A, SUMMED_TAGS, ALL, ())
    assert total == Counters(
        shipments=4,
        delivered=2,
        returned=1,
        open=1,
        promise_judged=2,
        promise_on_time=1,
        customs_reached=2,
        customs_cleared=2,
        customs_held=1,
        excepted=2,
        attempted=1,
        failed_attempts=1,
    )
    assert by_carrier[("yanwen",)].shipments == 2 and by_carrier[("dhl",)].returned == 1
    assert {k: v.shipments for k, v in by_weekday.items()} == {(1,): 2, (2,): 1, (3,): 1}
    assert lanes == {FR_LANE: {18: 1, 24: 1}}
    assert weeks == {(WEEK1,): {18: 1, 24: 1}}
    assert weekdays == {(1,): {9: 1}, (3,): {12: 1}}
    assert clearance == {(): {30: 1, 80: 1}}
    assert reasons == {
        (TagKind.REASON, "customs_documents_or_duties", "FR"): TagCounts(1, 1, 1),
        (TagKind.REASON, "recipient_unavailable", "US"): TagCounts(1, 0, 0),
    }
    assert declared[(TagKind.CATEGORY, "electronics")] == TagCounts(1, 1, 1)
    assert declared[(TagKind.HS_HEADING, "8517")] == TagCounts(1, 1, 1)
    assert declared[(TagKind.HS_CHAPTER, "85")] == TagCounts(1, 1, 1)


def test_filters_keep_whole_weeks_and_the_dimensions_asked_for(
    uow_factory: UnitOfWorkFactory,
) -> None:
    _stored(uow_factory, _hand_made())
    _refreshed(uow_factory)
    second_week = AnalyticsFilter(first_day=date(2025, 3, 12), last_day=date(2025, 3, 12))
    with uow_factory() as uow:
        assert uow.analytics.days(A, second_week, ())[()].shipments == 1
        assert uow.analytics.days(A, AnalyticsFilter(origin="HK"), ())[()].returned == 1
        assert uow.analytics.days(A, AnalyticsFilter(service="postal"), ()) == {}
        first = AnalyticsFilter(last_day=date(2025, 3, 9), carrier="yanwen")
        assert uow.analytics.histograms(A, Metric.TRANSIT, first, ()) == {(): {18: 1, 24: 1}}


def test_a_merchant_never_sums_another_merchants_rows(uow_factory: UnitOfWorkFactory) -> None:
    _stored(uow_factory, _hand_made())
    _refreshed(uow_factory)
    with uow_factory() as uow:
        assert uow.analytics.days(B, ALL, ())[()].shipments == 1
        assert uow.analytics.histograms(B, Metric.TRANSIT, ALL, ()) == {(): {10: 1}}
        assert uow.analytics.tags(B, SUMMED_TAGS, ALL, ()) == {}
        assert uow.analytics.days("m-nobody", ALL, ()) == {}


def test_a_deleted_shipment_leaves_the_rollups_at_the_next_refresh(
    uow_factory: UnitOfWorkFactory,
) -> None:
    _stored(uow_factory, _hand_made())
    _refreshed(uow_factory)
    with uow_factory() as uow:
        assert uow.shipments.delete(A, "s2")
        uow.commit()
    with uow_factory() as uow:
        assert uow.analytics.stale_weeks() == [(A, WEEK1)]
        assert uow.analytics.facts_for([(A, "s2")]) == {}
    _refreshed(uow_factory)
    with uow_factory() as uow:
        assert uow.analytics.days(A, ALL, ())[()].shipments == 3
        assert uow.analytics.tags(A, [TagKind.CATEGORY], ALL, ()) == {}


def test_a_full_refresh_marks_every_week_with_facts_or_rollups(
    uow_factory: UnitOfWorkFactory,
) -> None:
    _stored(uow_factory, _hand_made())
    _refreshed(uow_factory)
    with uow_factory() as uow:
        assert uow.analytics.mark_all_stale(A, AT) == 2
        assert uow.analytics.mark_all_stale(None, AT) == 3
        uow.commit()
    _refreshed(uow_factory)
    with uow_factory() as uow:
        assert uow.analytics.days(A, ALL, ())[()].shipments == 4


def _reads(uow_factory: UnitOfWorkFactory) -> dict[str, Any]:
    """Many reads of both merchants, grouped and filtered every way the views use."""
    groupings: list[tuple[Dim, ...]] = [
        (),
        LANE,
        (Dim.WEEK,),
        (Dim.WEEKDAY,),
        (Dim.CARRIER,),
        (Dim.DESTINATION,),
        (Dim.WEEK, Dim.WEEKDAY, Dim.ORIGIN),
    ]
    filters = [
        ALL,
        AnalyticsFilter(first_day=date(2025, 1, 20), last_day=date(2025, 2, 20)),
        AnalyticsFilter(destination="FR", carrier="4px"),
        AnalyticsFilter(origin="", service="express"),
    ]
    found: dict[str, Any] = {}
    with uow_factory() as uow:
        for merchant_id in (A, B):
            for f, period in enumerate(filters):
                for by in groupings:
                    key = f"{merchant_id}/{f}/{[d.value for d in by]}"
                    found[f"days {key}"] = uow.analytics.days(merchant_id, period, by)
                    if Dim.WEEKDAY not in by:  # tags are kept by week
                        tags = uow.analytics.tags(merchant_id, SUMMED_TAGS, period, by)
                        found[f"tags {key}"] = tags
                    for metric in Metric:
                        found[f"{metric} {key}"] = uow.analytics.histograms(
                            merchant_id, metric, period, by
                        )
    return found


@pytest.mark.parametrize("count", [400])
def test_every_back_end_sums_the_same_rollups_as_the_in_memory_reference(
    sql_engine: Engine, count: int
) -> None:
    """On the SQL back-ends only: the in-memory store is the reference itself."""
    items = random_facts(count)
    reference = InMemoryStore().unit_of_work
    uow_factory = unit_of_work_factory(sql_engine)
    for target in (reference, uow_factory):
        _stored(target, items)
        _refreshed(target)
    expected, found = _reads(reference), _reads(uow_factory)
    assert sum(1 for value in expected.values() if value) > 200  # the data reaches every read
    assert found == expected


def test_a_shipments_service_and_declared_items_read_back_equal(
    uow_factory: UnitOfWorkFactory,
) -> None:
    from dataclasses import replace
    from decimal import Decimal

    from storage_samples import seed, shipment

    from crosstrack.domain.declared_items import DeclaredItem

    items = (
        DeclaredItem("Phone case", "Accessories", "39269097", 2, Decimal("4.50")),
        DeclaredItem(category="Toys"),
    )
    declared = replace(shipment("s-9"), service="express", items=items)
    seed(uow_factory, declared, shipment("s-10", order_ref="ORDER-2"))
    with uow_factory() as uow:
        found = uow.shipments.get(A, "s-9")
        plain = uow.shipments.get(A, "s-10")
    assert found == declared
    assert found is not None and found.items[0].value == Decimal("4.50")
    assert plain is not None and (plain.service, plain.items) == (None, ())
