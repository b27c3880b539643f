"""17TRACK API v2.2 as the simulator serves it: ``/register``, ``/gettrackinfo`` and the push body.

Shapes mirror ``tests/carriers/seventeentrack/payloads/``: every answer is ``{"code": 0, "data":
{"accepted": [...], "rejected": [...]}}``; an accepted item carries ``track_info`` with
``latest_status``, ``latest_event``, ``misc_info.local_number`` and ``tracking.providers[]``, one
provider per leg carrier (the destination's first, events newest first), each event with the
``sub_status`` the crosswalk gives its ground truth. 17TRACK answers for any leg's number with
the whole parcel. A wrong ``17token`` gets HTTP 401 with code ``-18010002``.
"""

from __future__ import annotations

import json
import threading
import zlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from crosstrack.carriers.registry import carrier_directory
from crosstrack.domain.crosswalk import to_seventeentrack
from crosstrack.domain.crosswalk_seventeentrack import SEVENTEENTRACK_KEY_STAGES
from crosstrack.domain.vocabulary import Milestone
from crosstrack.sim.formats.exchange import Reply, SimRequest, json_reply
from crosstrack.sim.formats.times import local_iso, offset_text, place_text, utc_iso
from crosstrack.sim.model import SimEvent, SimLeg, SimParcel
from crosstrack.sim.world import SimWorld, number_key

PREFIX = "17track"
API_PATH = "/track/v2.2"

NOT_REGISTERED = -18019902
NO_INFO_YET = -18019909
INVALID_KEY = -18010002

PROVIDER_KEYS = {
    "china-post": 3011,
    "china-ems": 3013,
    "usps": 21051,
    "dhl-germany": 7041,
    "dhl": 100001,
    "ups": 100002,
    "fedex": 100003,
    "yunexpress": 190008,
    "yanwen": 190012,
    "4px": 190094,
    "cainiao": 190271,
    "royal-mail": 11031,
    "la-poste": 6051,
    "postnl": 14041,
}
"""17TRACK's carrier keys for the carriers the simulator uses most (others get a stable one)."""

_STAGES = {milestone: stage for stage, milestone in SEVENTEENTRACK_KEY_STAGES.items()}
_STAGES[Milestone.RETURN] = "Returning"


def provider_of(slug: str) -> dict[str, Any]:
    """The ``provider`` object 17TRACK gives for a carrier slug."""
    info = carrier_directory().get(slug)
    key = PROVIDER_KEYS.get(slug, 900000 + zlib.crc32(slug.encode()) % 90000)
    name = info.name if info else slug
    return {"key": key, "name": name, "alias": name, "country": info.country if info else None}


def render_event(event: SimEvent) -> dict[str, Any]:
    """One event of a provider, with the sub-status matching its ground truth."""
    code = to_seventeentrack(event.status, event.milestone, event.reason)
    local = event.local_time
    return {
        "time_iso": local_iso(event),
        "time_utc": utc_iso(event),
        "time_raw": {
            "date": local.strftime("%Y-%m-%d"),
            "time": local.strftime("%H:%M"),
            "timezone": offset_text(event.utc_offset_minutes),
        },
        "description": event.description,
        "location": place_text(event) or "",
        "stage": _STAGES.get(event.milestone),
        "sub_status": code.sub_status,
        "address": {
            "country": event.country,
            "state": None,
            "city": event.city,
            "street": None,
            "postal_code": None,
            "coordinates": {"longitude": None, "latitude": None},
        },
    }


def render_item(parcel: SimParcel, leg: SimLeg, now: datetime) -> dict[str, Any]:
    """The accepted ``gettrackinfo`` item (and push ``data``) for one leg's number at ``now``."""
    events = parcel.events_until(now)
    providers = []
    for carrier in dict.fromkeys(lg.carrier for lg in parcel.legs):
        own = [e for e in events if e.carrier == carrier]
        if own:
            providers.append(
                {
                    "provider": provider_of(carrier),
                    "provider_lang": own[-1].language,
                    "latest_sync_status": "Success",
                    "latest_sync_time": utc_iso(own[-1]),
                    "events": [render_event(e) for e in reversed(own)],
                }
            )
    providers.reverse()  # 17TRACK lists the destination's provider first
    latest = render_event(events[-1]) if events else None
    headline = (
        to_seventeentrack(events[-1].status, events[-1].milestone, events[-1].reason)
        if events
        else None
    )
    last_leg = parcel.legs[-1]
    local_number = (
        last_leg.tracking_number
        if last_leg != leg and any(e.tracking_number == last_leg.tracking_number for e in events)
        else None
    )
    return {
        "number": leg.tracking_number,
        "carrier": provider_of(leg.carrier)["key"],
        "param": None,
        "tag": None,
        "track_info": {
            "shipping_info": {
                "shipper_address": {"country": parcel.lane.origin},
                "recipient_address": {"country": parcel.lane.destination},
            },
            "latest_status": {
                "status": headline.status if headline else "NotFound",
                "sub_status": headline.sub_status if headline else "NotFound_Other",
                "sub_status_descr": None,
            },
            "latest_event": latest,
            "time_metrics": {
                "estimated_delivery_date": {
                    "source": "Official" if parcel.promised_date else None,
                    "from": None,
                    "to": parcel.promised_date.isoformat() if parcel.promised_date else None,
                }
            },
            "milestone": [],
            "misc_info": {
                "service_type": parcel.lane.service,
                "local_number": local_number,
                "local_provider": provider_of(last_leg.carrier)["name"] if local_number else None,
            },
            "tracking": {"providers": providers},
        },
    }


def render_push(parcel: SimParcel, leg: SimLeg, now: datetime) -> dict[str, Any]:
    """A ``TRACKING_UPDATED`` push for one number."""
    return {"event": "TRACKING_UPDATED", "data": render_item(parcel, leg, now)}


class SeventeenTrackApi:
    """17TRACK's tracking API: ``17token`` header, ``/register`` then ``/gettrackinfo``."""

    prefix = PREFIX
    slug = "17track"
    path = API_PATH

    def __init__(self, token: str) -> None:
        self.token = token
        self._registered: set[str] = set()
        self._lock = threading.Lock()

    def credentials(self) -> dict[str, str]:
        """The connector's ``api_key`` (also its push key)."""
        return {"api_key": self.token}

    def handle(self, request: SimRequest, world: SimWorld) -> Reply:
        """Answer ``POST .../register`` and ``POST .../gettrackinfo``."""
        if request.headers.get("17token") != self.token:
            errors = [{"code": INVALID_KEY, "message": "Invalid security key."}]
            return json_reply(401, {"code": INVALID_KEY, "data": {"errors": errors}})
        if request.method != "POST":
            return json_reply(405, {"code": -18010013, "data": {"errors": []}})
        numbers = _numbers(request.body)
        if numbers is None:
            errors = [{"code": -18010013, "message": "Request data is invalid."}]
            return json_reply(400, {"code": -18010013, "data": {"errors": errors}})
        if request.path.endswith("/register"):
            return json_reply(200, self._register(numbers, world))
        if request.path.endswith("/gettrackinfo"):
            return json_reply(200, self._track_info(numbers, world))
        return json_reply(404, {"code": -18010014, "data": {"errors": []}})

    def _register(self, numbers: Sequence[str], world: SimWorld) -> dict[str, Any]:
        accepted, rejected = [], []
        for number in numbers:
            with self._lock:
                known = number_key(number) in self._registered
                self._registered.add(number_key(number))
            if known:
                message = f"The tracking number '{number}' is already registered."
                rejected.append(
                    {"number": number, "error": {"code": -18019901, "message": message}}
                )
                continue
            found = world.lookup(number)
            carrier = provider_of(found[1].carrier)["key"] if found else 0
            accepted.append({"origin": 1, "number": number, "carrier": carrier})
        return {"code": 0, "data": {"accepted": accepted, "rejected": rejected}}

    def _track_info(self, numbers: Sequence[str], world: SimWorld) -> dict[str, Any]:
        now = world.now()
        accepted, rejected = [], []
        for number in numbers:
            found = world.lookup(number)
            with self._lock:
                registered = number_key(number) in self._registered
            if not registered:
                message = f"The tracking number '{number}' is not registered."
                rejected.append(
                    {"number": number, "error": {"code": NOT_REGISTERED, "message": message}}
                )
            elif found is None or not found[0].events_until(now):
                message = "No tracking information at this time."
                rejected.append(
                    {"number": number, "error": {"code": NO_INFO_YET, "message": message}}
                )
            else:
                accepted.append(render_item(found[0], found[1], now))
        return {"code": 0, "data": {"accepted": accepted, "rejected": rejected}}


def _numbers(body: bytes) -> list[str] | None:
    try:
        items = json.loads(body or b"[]")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(items, list):
        return None
    numbers = [item.get("number") for item in items if isinstance(item, dict)]
    if len(numbers) != len(items) or not all(isinstance(n, str) and n for n in numbers):
        return None
    return [str(n) for n in numbers]
