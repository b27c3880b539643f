"""The demo's past shipments give every analytics view something to show (synthetic data)."""

from __future__ import annotations

from pathlib import Path

from crosstrack.domain.analytics import AnalyticsFilter
from crosstrack.sim.demo import DemoOptions, start_demo


def test_the_demo_history_fills_every_view(tmp_path: Path) -> None:
    options = DemoOptions(
        database_url=f"sqlite:///{tmp_path / 'demo.db'}", history=150, live=3, port=8797
    )
    lines: list[str] = []
    state = start_demo(options, say=lines.append, background=False)
    try:
        analytics, merchant, every = state.services.analytics, state.merchant_id, AnalyticsFilter()
        assert any(line.startswith("analytics: ") for line in lines)
        assert analytics.stale(merchant) == []  # summed as soon as loaded
        transit = analytics.transit(merchant, every)
        assert transit.overall.count > 100 and len(transit.weeks) > 20
        assert {lane.lane.service for lane in transit.lanes} == {
            "postal",
            "dedicated_line",
            "express",
        }
        on_time = analytics.on_time(merchant, every).overall
        assert on_time.promise.denominator > 100 and on_time.eta.denominator > 100
        customs = analytics.customs(merchant, every)
        assert customs.overall.clearance.count > 100 and customs.weeks
        assert analytics.exceptions(merchant, every).overall.causes
        seasons = analytics.seasonality(merchant, every).seasons
        assert all(
            season.shipments > 0 for season in seasons if season.season.value != "chinese_new_year"
        )
        assert analytics.carriers(merchant, every).lanes
        declared = analytics.declarations(merchant, every)
        assert declared.categories and declared.chapters and declared.headings
    finally:
        state.close()
