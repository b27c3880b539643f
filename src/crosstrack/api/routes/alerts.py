"""Customer service's work queue: the merchant's alerts, acknowledged, assigned, noted,
resolved."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from crosstrack.api import presenters, schemas
from crosstrack.api.auth import Reader, Writer
from crosstrack.api.dependencies import ServicesDep
from crosstrack.api.errors import documented
from crosstrack.services.records import AlertNote

router = APIRouter(prefix="/v1/alerts", tags=["alerts"])

AlertId = Annotated[str, Path(min_length=1, max_length=200, description="The alert's id.")]


@router.get(
    "",
    response_model=schemas.AlertList,
    summary="List alerts (the work queue)",
    responses=documented(401, 403, 422, 429),
)
def list_alerts(
    query: Annotated[schemas.AlertQuery, Query()], key: Reader, services: ServicesDep
) -> schemas.AlertList:
    """Open alerts oldest first (a queue to work through); resolved or all: newest first."""
    found = services.alert_desk.queue(
        key.merchant_id,
        state=query.status,
        kind=query.kind,
        limit=query.limit,
        include_folded=query.include_folded,
    )
    return schemas.AlertList(data=[presenters.alert(a) for a in found])


@router.post(
    "/{alert_id}/acknowledge",
    response_model=schemas.AlertOut,
    summary="Acknowledge an alert",
    responses=documented(401, 403, 404, 422, 429),
)
def acknowledge_alert(alert_id: AlertId, key: Writer, services: ServicesDep) -> schemas.AlertOut:
    """Mark the alert as taken by customer service (repeating keeps the first time)."""
    return presenters.alert(services.alert_desk.acknowledge(key.merchant_id, alert_id))


@router.post(
    "/{alert_id}/assign",
    response_model=schemas.AlertOut,
    summary="Assign an alert",
    responses=documented(401, 403, 404, 422, 429),
)
def assign_alert(
    alert_id: AlertId, body: schemas.AssignAlert, key: Writer, services: ServicesDep
) -> schemas.AlertOut:
    """Give the alert to someone; ``null`` takes it back."""
    return presenters.alert(services.alert_desk.assign(key.merchant_id, alert_id, body.assignee))


@router.post(
    "/{alert_id}/resolve",
    response_model=schemas.AlertOut,
    summary="Resolve an alert by hand",
    responses=documented(401, 403, 404, 422, 429),
)
def resolve_alert(alert_id: AlertId, key: Writer, services: ServicesDep) -> schemas.AlertOut:
    """Close the alert (the same problem is not raised again; a new one would be)."""
    return presenters.alert(services.alert_desk.resolve(key.merchant_id, alert_id))


def _note(note: AlertNote) -> schemas.NoteOut:
    return schemas.NoteOut(
        id=note.id,
        alert_id=note.alert_id,
        text=note.text,
        author=note.author,
        created_at=note.created_at,
    )


@router.post(
    "/{alert_id}/notes",
    status_code=201,
    response_model=schemas.NoteOut,
    summary="Leave a note on an alert",
    responses=documented(401, 403, 404, 422, 429),
)
def add_note(
    alert_id: AlertId, body: schemas.NoteIn, key: Writer, services: ServicesDep
) -> schemas.NoteOut:
    """What was done about it, for whoever picks it up next (at most 2,000 characters)."""
    return _note(services.alert_desk.note(key.merchant_id, alert_id, body.text, body.author))


@router.get(
    "/{alert_id}/notes",
    response_model=schemas.NoteList,
    summary="Read an alert's notes",
    responses=documented(401, 403, 404, 422, 429),
)
def list_notes(alert_id: AlertId, key: Reader, services: ServicesDep) -> schemas.NoteList:
    """Oldest first."""
    services.alert_desk.require(key.merchant_id, alert_id)
    found = services.alert_desk.notes(key.merchant_id, [alert_id])
    return schemas.NoteList(notes=[_note(n) for n in found.get(alert_id, [])])


disruptions = APIRouter(prefix="/v1/lane-disruptions", tags=["alerts"])


@disruptions.get(
    "",
    response_model=schemas.LaneDisruptionList,
    summary="List lane disruptions",
    responses=documented(401, 403, 422, 429),
)
def list_disruptions(
    query: Annotated[schemas.DisruptionQuery, Query()], key: Reader, services: ServicesDep
) -> schemas.LaneDisruptionList:
    """Destinations whose customs are slow for many parcels at once, that concern you (you
    have parcels waiting there): open ones, or with `status=all` those ended lately too."""
    found = services.alert_desk.disruptions(key.merchant_id, include_ended=query.status == "all")
    return schemas.LaneDisruptionList(
        data=[presenters.disruption(d, parcels, folded) for d, parcels, folded in found]
    )
