"""AfterShip Tracking API 2024-10 as the simulator serves it: ``GET/POST /trackings``, webhooks.

Shapes mirror ``tests/carriers/aftership/payloads/``: ``{"meta": {code, message, type}, "data":
...}``; a tracking has ``tracking_number``, ``slug``, ``tag``, ``subtag``, ``next_couriers[]`` and
``checkpoints[]`` (oldest first), each checkpoint with the scanning courier's ``slug``, a local
``checkpoint_time`` with its offset, and the ``tag``/``subtag`` the crosswalk gives its ground
truth. Like AfterShip, ``GET /trackings`` returns only trackings created with ``POST
/trackings``; a created tracking covers the whole parcel whichever leg's number it was created
with; a number with nothing to show is ``Pending``. A wrong ``as-api-key`` gets HTTP 401.
"""

from __future__ import annotations

import hashlib
import json
import threading
from datetime import UTC, datetime
from typing import Any

import pycountry

from crosstrack.domain.crosswalk import to_aftership
from crosstrack.domain.crosswalk_aftership import aftership_code
from crosstrack.sim.formats.exchange import Reply, SimRequest, json_reply
from crosstrack.sim.formats.times import local_iso, place_text, utc_iso
from crosstrack.sim.model import SimEvent, SimLeg, SimParcel
from crosstrack.sim.world import SimWorld, number_key

PREFIX = "aftership"
API_PATH = "/tracking/2024-10"


def _meta(code: int, message: str, kind: str) -> dict[str, Any]:
    return {"code": code, "message": message, "type": kind}


def alpha3(country: str | None) -> str | None:
    """AfterShip's country code (ISO 3166-1 alpha-3) for an alpha-2 code."""
    if not country:
        return None
    found = pycountry.countries.get(alpha_2=country.upper())
    return str(found.alpha_3) if found else None


def render_checkpoint(event: SimEvent) -> dict[str, Any]:
    """One checkpoint, tagged with the subtag matching the event's ground truth."""
    code = to_aftership(event.status, event.milestone, event.reason)
    entry = aftership_code(code.subtag)
    return {
        "created_at": utc_iso(event),
        "slug": event.carrier,
        "checkpoint_time": local_iso(event),
        "location": place_text(event),
        "city": event.city,
        "state": None,
        "zip": None,
        "coordinates": [],
        "country_region": alpha3(event.country),
        "message": event.description,
        "tag": code.tag,
        "subtag": code.subtag,
        "subtag_message": entry.description if entry else code.tag,
        "raw_tag": event.code,
    }


def render_tracking(
    parcel: SimParcel | None, number: str, leg: SimLeg | None, now: datetime
) -> dict[str, Any]:
    """The tracking of ``number`` at ``now`` (``Pending`` when nothing is visible yet)."""
    events = parcel.events_until(now) if parcel else ()
    checkpoints = [render_checkpoint(e) for e in events]
    latest = checkpoints[-1] if checkpoints else None
    later_legs = parcel.legs[parcel.legs.index(leg) + 1 :] if parcel and leg else ()
    seen = {e.tracking_number for e in events}
    return {
        "id": hashlib.sha256(number_key(number).encode()).hexdigest()[:32],
        "created_at": utc_iso(events[0]) if events else now.astimezone(UTC).isoformat(),
        "updated_at": (events[-1].at if events else now).astimezone(UTC).isoformat(),
        "tracking_number": number,
        "slug": leg.carrier if leg else None,
        "active": not (latest and latest["tag"] in ("Delivered", "Expired")),
        "origin_country_region": alpha3(parcel.lane.origin) if parcel else None,
        "destination_country_region": alpha3(parcel.lane.destination) if parcel else None,
        "tag": latest["tag"] if latest else "Pending",
        "subtag": latest["subtag"] if latest else "Pending_001",
        "subtag_message": latest["subtag_message"] if latest else "Pending",
        "courier_estimated_delivery_date": {
            "estimated_delivery_date": parcel.promised_date.isoformat(),
            "estimated_delivery_date_min": None,
            "estimated_delivery_date_max": None,
        }
        if parcel and parcel.promised_date
        else None,
        "next_couriers": [
            {"slug": lg.carrier, "tracking_number": lg.tracking_number, "source": "delivery"}
            for lg in later_legs
            if lg.tracking_number in seen
        ],
        "checkpoints": checkpoints,
    }


def render_webhook(parcel: SimParcel, leg: SimLeg, now: datetime, event_id: str) -> dict[str, Any]:
    """A ``tracking_update`` webhook delivery for one number."""
    tracking = render_tracking(parcel, leg.tracking_number, leg, now)
    return {
        "event": "tracking_update",
        "event_id": event_id,
        "is_tracking_first_tag": False,
        "msg": tracking,
        "ts": int(now.timestamp()),
    }


class AfterShipApi:
    """AfterShip's tracking API: ``as-api-key`` header, trackings created before they are listed."""

    prefix = PREFIX
    slug = "aftership"
    path = API_PATH

    def __init__(self, api_key: str, webhook_secret: str) -> None:
        self.api_key = api_key
        self.webhook_secret = webhook_secret
        self._created: dict[str, str] = {}
        self._lock = threading.Lock()

    def credentials(self) -> dict[str, str]:
        """The connector's ``api_key`` and ``webhook_secret``."""
        return {"api_key": self.api_key, "webhook_secret": self.webhook_secret}

    def handle(self, request: SimRequest, world: SimWorld) -> Reply:
        """Answer ``GET /trackings?tracking_numbers=`` and ``POST /trackings``."""
        if request.headers.get("as-api-key") != self.api_key:
            meta = _meta(401, "The API Key is invalid.", "Unauthorized")
            return json_reply(401, {"meta": meta, "data": {}})
        if not request.path.endswith("/trackings"):
            return json_reply(404, {"meta": _meta(404, "Not Found", "NotFound"), "data": {}})
        if request.method == "GET":
            return self._list(request, world)
        if request.method == "POST":
            return self._create(request, world)
        return json_reply(405, {"meta": _meta(405, "Method Not Allowed", "BadRequest"), "data": {}})

    def _list(self, request: SimRequest, world: SimWorld) -> Reply:
        now = world.now()
        wanted = [n for n in request.query.get("tracking_numbers", "").split(",") if n.strip()]
        with self._lock:
            numbers = [self._created[k] for n in wanted if (k := number_key(n)) in self._created]
        trackings = []
        for number in dict.fromkeys(numbers):
            found = world.lookup(number)
            parcel, leg = found if found else (None, None)
            trackings.append(render_tracking(parcel, number, leg, now))
        pagination = {"total": len(trackings), "next_cursor": None, "has_next_page": False}
        data = {"pagination": pagination, "trackings": trackings}
        return json_reply(200, {"meta": _meta(200, "OK", "OK"), "data": data})

    def _create(self, request: SimRequest, world: SimWorld) -> Reply:
        try:
            body = json.loads(request.body or b"{}")
        except (json.JSONDecodeError, UnicodeDecodeError):
            body = None
        number = body.get("tracking_number") if isinstance(body, dict) else None
        if not isinstance(number, str) or not number.strip():
            meta = _meta(4007, "tracking_number is required.", "BadRequest")
            return json_reply(400, {"meta": meta, "data": {}})
        with self._lock:
            if number_key(number) in self._created:
                meta = _meta(4003, "Tracking already exists.", "BadRequest")
                return json_reply(400, {"meta": meta, "data": {}})
            self._created[number_key(number)] = number
        found = world.lookup(number)
        parcel, leg = found if found else (None, None)
        tracking = render_tracking(parcel, number, leg, world.now())
        meta = _meta(201, "The request was successful and a resource was created.", "Created")
        return json_reply(201, {"meta": meta, "data": tracking})
