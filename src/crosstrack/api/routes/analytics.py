"""The merchant's logistics analytics: seven views, as JSON or CSV (docs/analytics.md).

``GET /v1/analytics/{view}?from=&to=&origin=&destination=&carrier=&service=&format=``; a
``read`` key sees its own merchant's parcels only.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from crosstrack.api.auth import Reader
from crosstrack.api.commands import carrier_slug
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.api.routes.analytics_csv import report_csv
from crosstrack.api.schemas import analytics as schemas
from crosstrack.domain.analytics import AnalyticsFilter
from crosstrack.domain.carriers import CarrierDirectory
from crosstrack.domain.declared_items import service_key
from crosstrack.domain.errors import DomainError
from crosstrack.services.analytics import View
from crosstrack.services.errors import InvalidInput

router = APIRouter(prefix="/v1/analytics", tags=["analytics"])

VIEWS: dict[View, tuple[type[BaseModel], str]] = {
    View.TRANSIT: (schemas.TransitOut, "Transit times by lane, carrier, service and week"),
    View.ON_TIME: (schemas.OnTimeReportOut, "On-time rates by carrier and destination"),
    View.CUSTOMS: (schemas.CustomsOut, "Import customs clearance and holds"),
    View.EXCEPTIONS: (schemas.ExceptionsOut, "Exception causes by carrier and destination"),
    View.SEASONALITY: (schemas.SeasonalityOut, "Volume and transit by season, week and weekday"),
    View.CARRIERS: (schemas.CarriersOut, "Carriers compared on the same lane"),
    View.DECLARATIONS: (schemas.DeclarationsOut, "Customs problems by product and HS code"),
}

CSV = "text/csv; charset=utf-8"


def analytics_filter(query: schemas.AnalyticsQuery, carriers: CarrierDirectory) -> AnalyticsFilter:
    """The service's filter; a carrier label must name a known carrier (422 otherwise)."""
    carrier = carrier_slug(query.carrier, carriers)
    try:
        return AnalyticsFilter(
            first_day=query.first_day,
            last_day=query.last_day,
            origin=query.origin,
            destination=query.destination,
            carrier=carrier,
            service=service_key(query.service),
        )
    except DomainError as exc:  # `to` before `from`
        raise InvalidInput(exc.message, field=exc.field) from exc


def _add_route(view: View, model: type[BaseModel], summary: str) -> None:
    def read_view(
        query: Annotated[schemas.AnalyticsQuery, Query()], key: Reader, services: ServicesDep
    ) -> Any:
        filters = analytics_filter(query, services.carriers)
        report = model.model_validate(services.analytics.view(view, key.merchant_id, filters))
        if query.format == "csv":
            disposition = f'attachment; filename="{view.value}.csv"'
            return Response(
                report_csv(report), media_type=CSV, headers={"Content-Disposition": disposition}
            )
        return report

    read_view.__name__ = f"analytics_{view.value.replace('-', '_')}"
    read_view.__doc__ = (
        f"{summary}: the `{view.value}` view of docs/analytics.md, over the parcels shipped "
        "in the weeks of `from`..`to` that match the filters; `format=csv` for a CSV table."
    )
    router.get(
        f"/{view.value}",
        response_model=model,
        summary=summary,
        responses={
            200: {"content": {CSV: {"schema": {"type": "string"}}}},
            **documented(401, 403, 422, 429),
        },
    )(read_view)


for _view, (_model, _summary) in VIEWS.items():
    _add_route(_view, _model, _summary)
