"""The dashboard's analytics pages over the hand-worked data set of tests/analytics_journeys.py:
each view's chart and table, the filters, the CSV, and one merchant's figures only."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from analytics_journeys import END, analytics_services, load
from crosstrack.api.app import create_app
from crosstrack.api.settings import ApiSettings
from crosstrack.services.analytics import View
from crosstrack.services.facade import Services
from crosstrack.testing import FrozenClock, InMemoryStore

PERIOD = "from=2026-02-01&to=2026-03-14"


@pytest.fixture
def signed_in() -> Iterator[TestClient]:
    clock = FrozenClock(END)
    services: Services = analytics_services(InMemoryStore().unit_of_work, clock)
    merchant_a, _merchant_b = load(services, clock)
    _key, plaintext = services.accounts.create_key(merchant_a)
    with TestClient(create_app(services, settings=ApiSettings(secret_key="test-secret"))) as client:
        answer = client.post(
            "/dashboard/login", data={"api_key": plaintext}, follow_redirects=False
        )
        assert answer.status_code == 303
        yield client


def _rows(html: str, first_cell: str) -> list[str]:
    """The table rows (as text) whose first cell is ``first_cell``."""
    return [row for row in html.split("<tr>") if row.startswith(f"<td>{first_cell}</td>")]


def test_transit_shows_each_lane_with_its_percentiles_and_a_chart(signed_in: TestClient) -> None:
    html = signed_in.get(f"/dashboard/analytics/transit?{PERIOD}").text
    assert "<svg" in html and "Transit time by lane" in html
    (yanwen,) = [r for r in _rows(html, "CN") if "yanwen" in r]
    # Two delivered parcels (8 and 10 days): P10 8.25, P50 8.25, P90 10.25 in 12-hour buckets.
    cells = [c.split("</td>")[0] for c in yanwen.split('class="num">')[1:]]
    assert cells == ["2", "8.2", "8.2", "10.2"]
    assert "All delivered parcels: 4" in html  # merchant B's parcel is not counted


def test_every_view_renders_with_charts_or_tables(signed_in: TestClient) -> None:
    for view in View:
        page = signed_in.get(f"/dashboard/analytics/{view.value}?{PERIOD}")
        assert page.status_code == 200, view
        assert 'aria-current="page">' in page.text and "<table>" in page.text
    customs = signed_in.get(f"/dashboard/analytics/customs?{PERIOD}").text
    assert "Held: customs_documents_or_duties" in customs
    declarations = signed_in.get(f"/dashboard/analytics/declarations?{PERIOD}").text
    assert "<td>85</td>" in declarations  # HS chapter 85 (electronics), P1 and P2


def test_filters_narrow_the_figures_and_bad_input_is_explained(signed_in: TestClient) -> None:
    us = signed_in.get(f"/dashboard/analytics/transit?{PERIOD}&destination=us").text
    assert "All delivered parcels: 1" in us
    odd = signed_in.get("/dashboard/analytics/transit?from=yesterday&carrier=nope")
    assert odd.status_code == 200
    assert "unknown carrier &#39;nope&#39;" in odd.text  # the API's own words
    assert "&#39;yesterday&#39; is not a valid from." in odd.text
    backwards = signed_in.get("/dashboard/analytics/transit?from=2026-03-14&to=2026-02-01")
    assert "before" in backwards.text and 'role="alert"' in backwards.text
    assert signed_in.get("/dashboard/analytics/bogus").status_code == 404


def test_the_csv_is_the_apis_table(signed_in: TestClient) -> None:
    answer = signed_in.get(f"/dashboard/analytics/transit.csv?{PERIOD}")
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    lanes = [r for r in rows if r["section"] == "lanes"]
    assert {r["lane_carrier"] for r in lanes} == {"yanwen", "4px", "dhl"}


def test_analytics_need_a_session(signed_in: TestClient) -> None:
    signed_in.cookies.clear()
    away = signed_in.get("/dashboard/analytics/transit", follow_redirects=False)
    assert away.status_code == 303 and away.headers["location"].startswith("/dashboard/login")
