"""The dashboard's pages: sign-in, shipments (table and detail), and the alert work queue.

Server-rendered; every page works without JavaScript. The analytics pages are in
``crosstrack.web.dashboard.analytics_pages``.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from crosstrack.api.dependencies import services_of
from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.services.errors import AuthenticationFailed, InvalidInput, NotFound
from crosstrack.services.records import AlertState
from crosstrack.web.dashboard import views
from crosstrack.web.dashboard.access import (
    COOKIE,
    forbidden,
    page,
    signed_in,
    signer,
    to_sign_in,
)
from crosstrack.web.dashboard.sessions import SESSION_HOURS

router = APIRouter(prefix="/dashboard", include_in_schema=False)
PAGE_SIZE = 50


@router.get("")
def home() -> Response:
    return RedirectResponse("/dashboard/attention", status_code=303)


@router.get("/login")
def login_form(request: Request, next: str = "/dashboard") -> Response:
    if signed_in(request):
        return RedirectResponse(_safe_next(next), status_code=303)
    return page("login.html", staff=None, next=_safe_next(next), failed=False)


@router.post("/login")
def login(
    request: Request,
    api_key: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=500)] = "/dashboard",
) -> Response:
    """Exchange an API key for a session (the key itself is never stored in the cookie)."""
    services = services_of(request)
    try:
        key = services.accounts.authenticate(api_key.strip())
    except AuthenticationFailed:
        return page("login.html", 401, staff=None, next=_safe_next(next), failed=True)
    session = signer(request).issue(key.key_hash, services.clock())
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        COOKIE,
        session.cookie,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/dashboard",
    )
    return response


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
    staff = signed_in(request)
    if staff is not None and not signer(request).check_csrf(staff.session, csrf):
        return forbidden(staff, "This form has expired. Reload the page and try again.")
    response = RedirectResponse("/dashboard/login", status_code=303)
    response.delete_cookie(COOKIE, path="/dashboard")
    return response


@router.get("/shipments")
def shipments(request: Request, cursor: str | None = None) -> Response:
    """The searchable, filterable table of the merchant's shipments, newest first."""
    staff = signed_in(request)
    if staff is None:
        return to_sign_in(request)
    services = services_of(request)
    base, kept = views.filters(request.query_params, services.carriers)
    found = None
    for candidate in views.searches(base, kept.get("q")):
        try:
            found = services.queries.shipments(
                staff.merchant_id, candidate, limit=PAGE_SIZE, cursor=cursor
            )
        except InvalidInput:
            found = None  # a stale cursor: show the first page instead
            cursor = None
            continue
        if found.items:
            break
    items = found.items if found else ()
    more = found.next_cursor if found else None
    return page(
        "shipments.html",
        staff=staff,
        rows=views.rows(items),
        kept=kept,
        next_page=f"?{urlencode({**kept, 'cursor': more})}" if more else None,
        statuses=[s.value for s in Status],
        milestones=[m.value for m in Milestone],
        alert_kinds=[k.value for k in AlertKind],
    )


@router.get("/shipments/{shipment_id}")
def shipment(request: Request, shipment_id: str) -> Response:
    """One shipment: timeline with the carriers' raw events, ETA history, alerts."""
    staff = signed_in(request)
    if staff is None:
        return to_sign_in(request)
    services = services_of(request)
    try:
        view = services.queries.shipment(staff.merchant_id, shipment_id[:64])
        etas = services.queries.eta_history(staff.merchant_id, shipment_id[:64])
    except NotFound:
        return page("message.html", 404, staff=staff, title="Not found", message="No shipment.")
    return page(
        "shipment.html",
        staff=staff,
        view=view,
        lane=views.lane(view.shipment),
        when=views.when,
        etas=etas,
        notes=services.alert_desk.notes(staff.merchant_id, [a.id for a in view.alerts]),
    )


@router.get("/attention")
def attention(request: Request, kind: str | None = None) -> Response:
    """Needs attention: the open alerts, most urgent first."""
    staff = signed_in(request)
    if staff is None:
        return to_sign_in(request)
    services = services_of(request)
    chosen = AlertKind(kind) if kind in {k.value for k in AlertKind} else None
    alerts = services.alert_desk.queue(
        staff.merchant_id, state=AlertState.OPEN, kind=chosen, limit=200
    )
    shipments = services.queries.shipments_by_id(staff.merchant_id, {a.shipment_id for a in alerts})
    notes = services.alert_desk.notes(staff.merchant_id, [a.id for a in alerts])
    return page(
        "attention.html",
        staff=staff,
        notes=notes,
        items=views.by_urgency(alerts, shipments, services.clock()),
        kind=chosen.value if chosen else "",
        alert_kinds=[k.value for k in AlertKind],
        lane=views.lane,
    )


@router.post("/attention/{alert_id}")
def act_on_alert(
    request: Request,
    alert_id: str,
    action: Annotated[str, Form(max_length=20)],
    csrf: Annotated[str, Form(max_length=200)] = "",
    assignee: Annotated[str, Form(max_length=200)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Acknowledge, assign, note or resolve an alert, then back to the queue."""
    staff = signed_in(request)
    if staff is None:
        return to_sign_in(request)
    if not signer(request).check_csrf(staff.session, csrf):
        return forbidden(staff, "This form has expired. Reload the page and try again.")
    if not staff.can_write:
        return forbidden(staff, "Your API key can read but not change alerts.")
    desk = services_of(request).alert_desk
    try:
        if action == "acknowledge":
            desk.acknowledge(staff.merchant_id, alert_id[:64])
        elif action == "assign":
            desk.assign(staff.merchant_id, alert_id[:64], assignee.strip() or None)
        elif action == "resolve":
            desk.resolve(staff.merchant_id, alert_id[:64])
        elif action == "note":
            desk.note(staff.merchant_id, alert_id[:64], note, author=staff.key.name)
        else:
            return page("message.html", 422, staff=staff, title="Unknown action", message=action)
    except NotFound:
        return page("message.html", 404, staff=staff, title="Not found", message="No such alert.")
    except InvalidInput as exc:
        return page("message.html", 422, staff=staff, title="Not saved", message=exc.message)
    return RedirectResponse(f"/dashboard/attention#alert-{alert_id[:64]}", status_code=303)


def _safe_next(target: str) -> str:
    """Only a dashboard path (never another site) to go to after signing in."""
    if target.startswith("/dashboard") and "//" not in target and "\\" not in target:
        return target
    return "/dashboard"
