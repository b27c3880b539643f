"""The UPS Track API as the simulator serves it: the OAuth token endpoint and track details.

``POST /security/v1/oauth/token`` (HTTP Basic client id and secret, ``grant_type=
client_credentials``) issues a bearer token; ``GET /api/track/v1/details/{number}`` (bearer
token, ``transId`` and ``transactionSrc`` headers) answers ``trackResponse.shipment[].package[]``
with ``activity[]`` newest first: local ``date`` (YYYYMMDD) and ``time`` (HHMMSS), ``gmtDate``,
``gmtTime``, ``gmtOffset``, ``location.address`` and ``status{type, description}``, the type
being the event's own code. A number UPS does not know (or not yet) gets HTTP 200 with warning
``TW0001``, as UPS really answers. Shapes mirror ``tests/carriers/ups/payloads/``.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, unquote

from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.sim.formats.exchange import Reply, SimRequest, json_reply
from crosstrack.sim.formats.times import offset_text
from crosstrack.sim.model import SimEvent, SimParcel
from crosstrack.sim.world import SimWorld

PREFIX = "ups"
TOKEN_PATH = "/security/v1/oauth/token"
TRACK_PATH = "/api/track/v1/details/"
TOKEN_LIFETIME = 14399

_TYPES = {
    Status.INFO_RECEIVED: "M",
    Status.IN_TRANSIT: "I",
    Status.OUT_FOR_DELIVERY: "I",
    Status.AVAILABLE_FOR_PICKUP: "I",
    Status.ATTEMPT_FAILED: "X",
    Status.DELIVERED: "D",
    Status.EXCEPTION: "X",
    Status.RETURNED: "RS",
}
"""The status type for an event without its own code."""


def _errors(code: str, message: str) -> dict[str, Any]:
    return {"response": {"errors": [{"code": code, "message": message}]}}


def status_type(event: SimEvent) -> str:
    """The ``status.type`` of an event: its own code, else one fitting its ground truth."""
    if event.code:
        return event.code
    if event.milestone is Milestone.PICKED_UP:
        return "P"
    return _TYPES.get(event.status, "I")


def render_activity(event: SimEvent) -> dict[str, Any]:
    """One activity, in the carrier's local time."""
    local, utc = event.local_time, event.at.astimezone(UTC)
    address = {
        k: v for k, v in (("city", event.city), ("countryCode", event.country)) if v is not None
    }
    if event.country:
        address["country"] = event.country
    return {
        "location": {"address": address},
        "status": {"type": status_type(event), "description": event.description},
        "date": local.strftime("%Y%m%d"),
        "time": local.strftime("%H%M%S"),
        "gmtDate": utc.strftime("%Y%m%d"),
        "gmtOffset": offset_text(event.utc_offset_minutes),
        "gmtTime": utc.strftime("%H:%M:%S"),
    }


def render_details(number: str, events: Iterable[SimEvent], parcel: SimParcel) -> dict[str, Any]:
    """The ``trackResponse`` for one package with its visible events."""
    activities = [render_activity(e) for e in sorted(events, key=lambda e: e.at, reverse=True)]
    package: dict[str, Any] = {"trackingNumber": number, "activity": activities}
    if parcel.promised_date:
        package["deliveryDate"] = [{"type": "SDD", "date": parcel.promised_date.strftime("%Y%m%d")}]
    return {"trackResponse": {"shipment": [{"inquiryNumber": number, "package": [package]}]}}


def not_found(number: str) -> dict[str, Any]:
    """UPS's answer for a number it has no information about."""
    warning = {"code": "TW0001", "message": "Tracking Information Not Found"}
    return {"trackResponse": {"shipment": [{"inquiryNumber": number, "warnings": [warning]}]}}


class UpsApi:
    """UPS: OAuth client credentials, then one number per request; answers for ``carriers``."""

    prefix = PREFIX
    slug = "ups"
    path = ""

    def __init__(self, client_id: str, client_secret: str, carriers: Iterable[str] = ("ups",)):
        self.client_id = client_id
        self.client_secret = client_secret
        self.carriers = frozenset(carriers)
        self._tokens: set[str] = set()
        self._lock = threading.Lock()

    def credentials(self) -> dict[str, str]:
        """The connector's ``client_id`` and ``client_secret``."""
        return {"client_id": self.client_id, "client_secret": self.client_secret}

    def revoke_tokens(self) -> None:
        """Forget every issued token (the connector must fetch a new one)."""
        with self._lock:
            self._tokens.clear()

    def handle(self, request: SimRequest, world: SimWorld) -> Reply:
        """Answer the token endpoint and the details endpoint."""
        if request.path == TOKEN_PATH and request.method == "POST":
            return self._token(request)
        if request.path.startswith(TRACK_PATH) and request.method == "GET":
            return self._details(unquote(request.path[len(TRACK_PATH) :]), request, world)
        return json_reply(404, _errors("9370701", "Resource not found."))

    def _token(self, request: SimRequest) -> Reply:
        form = parse_qs(request.body.decode("utf-8", "replace"))
        if form.get("grant_type") != ["client_credentials"]:
            return json_reply(400, _errors("10400", "Invalid grant_type."))
        if _basic(request.headers.get("authorization")) != (self.client_id, self.client_secret):
            return json_reply(401, _errors("250002", "Invalid Authentication Information."))
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens.add(token)
        return json_reply(
            200,
            {
                "token_type": "Bearer",
                "issued_at": str(int(datetime.now(UTC).timestamp() * 1000)),
                "client_id": self.client_id,
                "access_token": token,
                "expires_in": str(TOKEN_LIFETIME),
                "status": "approved",
            },
        )

    def _details(self, number: str, request: SimRequest, world: SimWorld) -> Reply:
        bearer = request.headers.get("authorization", "")
        with self._lock:
            known = bearer.startswith("Bearer ") and bearer[7:] in self._tokens
        if not known:
            return json_reply(401, _errors("250002", "Invalid Authentication Information."))
        if not request.headers.get("transid") or not request.headers.get("transactionsrc"):
            return json_reply(400, _errors("TV1001", "Missing transId or transactionSrc."))
        if not number.strip():
            return json_reply(400, _errors("TV1002", "Invalid inquiry number"))
        found = world.lookup(number)
        if found is None or found[1].carrier not in self.carriers:
            return json_reply(200, not_found(number))
        parcel, leg = found
        events = parcel.events_until(world.now(), leg.tracking_number)
        if not events:
            return json_reply(200, not_found(number))
        return json_reply(200, render_details(leg.tracking_number, events, parcel))


def _basic(header: str | None) -> tuple[str, str] | None:
    if not header or not header.startswith("Basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return user, password
