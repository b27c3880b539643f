"""The dashboard's analytics pages: each view of docs/analytics.md as charts and the tables
behind them, filtered by period and lane, and downloadable as the API's CSV."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from crosstrack.api.dependencies import services_of
from crosstrack.api.routes.analytics import CSV, VIEWS, analytics_filter
from crosstrack.api.routes.analytics_csv import report_csv
from crosstrack.api.schemas.analytics import AnalyticsQuery
from crosstrack.domain.analytics import AnalyticsFilter
from crosstrack.domain.carriers import CarrierDirectory
from crosstrack.services.analytics import View
from crosstrack.services.errors import InvalidInput
from crosstrack.web.dashboard.access import page, signed_in, to_sign_in
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
    kept, filters, problem = _filters(
        request.query_params, services.clock().date(), services.carriers
    )
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


FIELDS = ("from", "to", "origin", "destination", "carrier", "service")


def _filters(
    params: Mapping[str, str], today: date, carriers: CarrierDirectory
) -> tuple[dict[str, str], AnalyticsFilter, str | None]:
    """The form's fields as understood, the filter, and what was wrong with them (if any).

    The fields are read as the API reads them (``AnalyticsQuery``, ``analytics_filter``); a
    field the API would refuse is dropped and said, and the dates default to the last
    :data:`DEFAULT_WEEKS` weeks."""
    kept = {name: value for name in FIELDS if (value := (params.get(name) or "").strip()[:64])}
    problems: list[str] = []
    while True:
        try:
            query = AnalyticsQuery.model_validate(kept)
            break
        except ValidationError as exc:
            name = str(exc.errors()[0]["loc"][0])
            problems.append(f"{kept.pop(name)!r} is not a valid {name}.")
    query.first_day = query.first_day or today - timedelta(weeks=DEFAULT_WEEKS)
    query.last_day = query.last_day or today
    while True:  # an unknown carrier is dropped; `to` before `from` keeps only `to`
        try:
            filters = analytics_filter(query, carriers)
            break
        except InvalidInput as exc:
            problems.append(exc.message)
            kept.pop(exc.field or "", None)
            if exc.field == "carrier":
                query.carrier = None
            else:
                kept.pop("from", None)
                query.first_day = query.last_day
    kept.setdefault("from", query.first_day.isoformat())
    kept.setdefault("to", query.last_day.isoformat())
    kept.update({k: v.upper() for k, v in kept.items() if k in ("origin", "destination")})
    return kept, filters, " ".join(problems) or None
