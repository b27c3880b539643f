"""Who refreshes the rollups: the sweep worker and ``crosstrack analytics refresh``."""

from __future__ import annotations

import io
import json
from pathlib import Path

from analytics_journeys import analytics_services, load
from crosstrack.cli import main
from crosstrack.storage import create_engine_for, unit_of_work_factory, upgrade
from crosstrack.testing import FrozenClock, InMemoryStore
from crosstrack.workers.eta_refresher import refresh_analytics


def test_the_sweep_worker_rebuilds_the_stale_weeks() -> None:
    clock = FrozenClock()
    services = analytics_services(InMemoryStore().unit_of_work, clock)
    a, _ = load(services, clock)
    assert services.analytics.stale(a) != []
    refresh_analytics(services)
    assert services.analytics.stale(a) == []


def test_the_command_rebuilds_and_reports_in_json(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'crosstrack.db'}"
    engine = create_engine_for(url)
    upgrade(engine)
    clock = FrozenClock()
    services = analytics_services(unit_of_work_factory(engine), clock)
    a, _ = load(services, clock)
    out = io.StringIO()
    assert main(["analytics", "refresh", "--database-url", url, "--json"], out=out) == 0
    report = json.loads(out.getvalue())
    assert (report["weeks"], report["merchants"], report["facts"]) == (4, 2, 0)
    out = io.StringIO()
    argv = ["analytics", "refresh", "--database-url", url, "--merchant", "Shenzhen Gadgets"]
    assert main([*argv, "--full", "--facts"], out=out) == 0
    assert "3 weeks of 1 merchants rebuilt" in out.getvalue()
    assert services.analytics.stale(a) == []
