"""Who is signed in to the dashboard, and the page responses every dashboard route shares.

A dashboard page is reached with a session cookie (``crosstrack_session``) made by signing
in with an API key. A missing, forged or expired session, or one whose key was revoked,
goes back to the sign-in page. Every form posts a CSRF token bound to the session.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from crosstrack.api.auth import allows
from crosstrack.api.dependencies import services_of
from crosstrack.services.errors import AuthenticationFailed
from crosstrack.services.records import ApiKey, Scope
from crosstrack.web.dashboard.sessions import Session, SessionSigner
from crosstrack.web.rendering import environment

COOKIE = "crosstrack_session"


@dataclass(frozen=True, slots=True)
class Staff:
    """A signed-in user: the key they signed in with, its merchant and the session."""

    key: ApiKey
    merchant_name: str
    session: Session
    csrf: str

    @property
    def merchant_id(self) -> str:
        return self.key.merchant_id

    @property
    def can_write(self) -> bool:
        return allows(self.key, Scope.WRITE)


def signer(request: Request) -> SessionSigner:
    found: SessionSigner = request.app.state.sessions
    return found


def signed_in(request: Request) -> Staff | None:
    """The user behind the request's session cookie, if any is valid and its key is live."""
    services = services_of(request)
    sessions = signer(request)
    session = sessions.read(request.cookies.get(COOKIE), services.clock())
    if session is None:
        return None
    try:
        key = services.accounts.live_key(session.key_hash)
    except AuthenticationFailed:
        return None
    name = services.accounts.find_merchant(key.merchant_id).name
    return Staff(key, name, session, sessions.csrf(session))


def to_sign_in(request: Request) -> RedirectResponse:
    """Back to the sign-in page, coming back here afterwards."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/dashboard/login?next={quote(here)}", status_code=303)


def page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A dashboard page: rendered, never cached, no scripts from anywhere, no framing."""
    nonce = secrets.token_urlsafe(12)
    html = environment().get_template(f"dashboard/{template}").render(nonce=nonce, **context)
    response = HTMLResponse(html, status_code=status_code)
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def forbidden(staff: Staff, message: str) -> Response:
    return page("message.html", 403, staff=staff, title="Not allowed", message=message)
