"""The dashboard's analytics pages: each view of docs/analytics.md as charts and the tables
behind them, filtered by period and lane, and downloadable as the API's CSV."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from crosstrack.api.routes.analytics import CSV, VIEWS
from crosstrack.api.routes.analytics_csv import report_csv
from crosstrack.domain.analytics import AnalyticsFilter
from crosstrack.domain.errors import DomainError
from crosstrack.services.analytics import View
from crosstrack.web.dashboard.access import page, services_of, signed_in, to_sign_in
from crosstrack.web.dashboard.analytics_sections import sections

router = APIRouter(prefix="/dashboard/analytics", include_in_schema=False)
TITLES = {
    View.TRANSIT: "Transit times",
    View.ON_TIME: "On time",
    View.CUSTOMS: "Customs",
    View.EXCEPTIONS: "Problems",
    View.SEASONALITY: "Seasonality",
    View.CARRIERS: "Carrier comparison",
    View.DECLARATIONS: "Declarations",
}
DEFAULT_WEEKS = 26
"""Without dates, a view covers the last 26 weeks."""


@router.get("")
def analytics_home() -> Response:
    return RedirectResponse("/dashboard/analytics/transit", status_code=303)


@router.get("/{name}")
def analytics_view(request: Request, name: str) -> Response:
    """One view: the filter form, its sections (chart and table), and its CSV link."""
    staff = signed_in(request)
    if staff is None:
        return to_sign_in(request)
    csv = name.endswith(".csv")
    view = next((v for v in View if v.value == name.removesuffix(".csv")), None)
    if view is None:
        return page("message.html", 404, staff=staff, title="Not found", message="No such view.")
    services = services_of(request)
    query = dict(request.query_params)
    problem = None
    if query.get("carrier", "").strip():
        found = services.carriers.resolve(query["carrier"].strip()[:64])
        if found is None:
            problem = f"{query.pop('carrier')[:64]!r} is not a carrier crosstrack knows."
        else:
            query["carrier"] = found.slug
    kept, filters, wrong = _filters(query, services.clock().date())
    problem = problem or wrong
    report = services.analytics.view(view, staff.merchant_id, filters)
    if csv:
        model = VIEWS[view][0].model_validate(report)
        return Response(
            report_csv(model),
            media_type=CSV,
            headers={"Content-Disposition": f'attachment; filename="{view.value}.csv"'},
        )
    return page(
        "analytics.html",
        staff=staff,
        views=[(v.value, TITLES[v]) for v in View],
        current=view.value,
        title=TITLES[view],
        kept=kept,
        problem=problem,
        sections=sections(report),
        csv_link=f"/dashboard/analytics/{view.value}.csv?{urlencode(kept)}",
    )


def _filters(
    query: Mapping[str, str], today: date
) -> tuple[dict[str, str], AnalyticsFilter, str | None]:
    """The form's fields as understood, the filter, and what was wrong with them (if any)."""
    kept: dict[str, str] = {}
    for name in ("from", "to", "origin", "destination", "carrier", "service"):
        value = (query.get(name) or "").strip()[:64]
        if value:
            kept[name] = value.upper() if name in ("origin", "destination") else value
    problem = None
    days: dict[str, date] = {}
    for name in ("from", "to"):
        if name in kept:
            try:
                days[name] = date.fromisoformat(kept[name])
            except ValueError:
                problem = f"{kept.pop(name)!r} is not a date (YYYY-MM-DD)."
    first = days.get("from", today - timedelta(weeks=DEFAULT_WEEKS))
    last = days.get("to", today)
    try:
        filters = AnalyticsFilter(
            first_day=first,
            last_day=last,
            origin=kept.get("origin"),
            destination=kept.get("destination"),
            carrier=kept.get("carrier"),
            service=kept["service"].lower() if "service" in kept else None,
        )
    except DomainError as exc:
        problem = exc.message
        filters = AnalyticsFilter(first_day=last, last_day=last)
    kept.setdefault("from", first.isoformat())
    kept.setdefault("to", last.isoformat())
    return kept, filters, problem
