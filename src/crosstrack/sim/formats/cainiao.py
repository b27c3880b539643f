"""Cainiao LINK as the simulator serves it: the ``cnge.track.get`` gateway call and trace pushes.

``POST /gateway/link.do`` with the form fields ``msg_type``, ``logistic_provider_id`` (the app
key), ``to_code``, ``logistics_interface`` (the request JSON: ``mailNo`` or ``orderCode``) and
``data_digest`` = base64(MD5(logistics_interface + app secret)). Answers are ``{"success",
"errorCode", "errorMsg", "data"}``; ``data.traceDetailList[]`` is oldest first, each trace with
local ``time`` (``YYYY-MM-DD HH:MM:SS``), ``timeZone`` (``GMT+8``), the event's own code as
``actionCode``, ``desc``, ``city`` and ``country``. A wrong key or digest gets ``S02``; an
unknown number ``TRACE_NOT_EXIST``. Shapes mirror ``tests/carriers/cainiao/payloads/``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import parse_qs

from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.sim.formats.exchange import Reply, SimRequest, json_reply
from crosstrack.sim.formats.times import offset_text
from crosstrack.sim.model import SimEvent, SimLeg
from crosstrack.sim.world import SimWorld

PREFIX = "cainiao"
GATEWAY_PATH = "/gateway/link.do"
TRACK_MSG_TYPE = "cnge.track.get"
PUSH_MSG_TYPE = "CNGE_TRACK_PUSH"

_BY_MILESTONE = {
    Milestone.LABEL_CREATED: "GWMS_ACCEPT",
    Milestone.PICKED_UP: "PU_PICKUP_SUCCESS",
    Milestone.FACILITY: "SC_OUTBOUND_SUCCESS",
    Milestone.EXPORT_CUSTOMS: "CC_EX_START",
    Milestone.DEPARTED_ORIGIN_COUNTRY: "LH_DEPART",
    Milestone.ARRIVED_DESTINATION_COUNTRY: "LH_ARRIVE",
    Milestone.IMPORT_CUSTOMS: "CC_IM_START",
    Milestone.CUSTOMS_RELEASED: "CC_IM_SUCCESS",
    Milestone.HANDED_TO_OTHER_CARRIER: "GTMS_ACCEPT",
    Milestone.OUT_FOR_DELIVERY: "GTMS_DO_DEPART",
    Milestone.DELIVERY_ATTEMPT: "GTMS_DEL_FAILURE",
    Milestone.AVAILABLE_FOR_PICKUP: "GTMS_WAIT_SELF_PICK",
    Milestone.DELIVERED: "GTMS_SIGNED",
    Milestone.RETURN: "RT_INBOUND",
}
"""The action code for an event without its own code, by milestone."""


def data_digest(content: str, secret: str) -> str:
    """LINK's signature: base64 of the MD5 digest of the content followed by the secret."""
    return base64.b64encode(hashlib.md5((content + secret).encode("utf-8")).digest()).decode()


def action_code(event: SimEvent) -> str:
    """The trace's ``actionCode``: the event's own code, else one fitting its ground truth."""
    if event.code:
        return event.code
    if event.status is Status.EXCEPTION:
        return "GTMS_FAILURE"
    return _BY_MILESTONE.get(event.milestone, "COMMON_INTRANSIT")


def render_trace(event: SimEvent) -> dict[str, Any]:
    """One trace, in local time with its zone."""
    trace: dict[str, Any] = {
        "time": event.local_time.strftime("%Y-%m-%d %H:%M:%S"),
        "timeZone": offset_text(event.utc_offset_minutes, prefix="GMT"),
        "actionCode": action_code(event),
        "desc": event.description,
    }
    if event.city:
        trace["city"] = event.city
    if event.country:
        trace["country"] = event.country
    return trace


def render_trace_set(
    leg: SimLeg, events: Sequence[SimEvent], origin: str, destination: str
) -> dict[str, Any]:
    """One parcel's ``data``: its number and its traces (oldest first)."""
    key = "orderCode" if leg.tracking_number.upper().startswith("LP") else "mailNo"
    return {
        key: leg.tracking_number,
        "originCountry": origin,
        "destCountry": destination,
        "traceDetailList": [render_trace(e) for e in sorted(events, key=lambda e: e.at)],
    }


def _failure(code: str, message: str) -> Reply:
    return json_reply(
        200, {"success": "false", "errorCode": code, "errorMsg": message, "data": None}
    )


class CainiaoApi:
    """Cainiao's LINK gateway: signed form posts, one number per call; answers for ``carriers``."""

    prefix = PREFIX
    slug = "cainiao"
    path = ""

    def __init__(self, app_key: str, app_secret: str, carriers: Iterable[str] = ("cainiao",)):
        self.app_key = app_key
        self.app_secret = app_secret
        self.carriers = frozenset(carriers)

    def credentials(self) -> dict[str, str]:
        """The connector's ``app_key`` and ``app_secret``."""
        return {"app_key": self.app_key, "app_secret": self.app_secret}

    def handle(self, request: SimRequest, world: SimWorld) -> Reply:
        """Answer ``cnge.track.get`` on ``POST /gateway/link.do``."""
        if request.path != GATEWAY_PATH or request.method != "POST":
            return json_reply(
                404, {"success": "false", "errorCode": "S404", "errorMsg": "not found"}
            )
        form = {k: v[0] for k, v in parse_qs(request.body.decode("utf-8", "replace")).items()}
        content = form.get("logistics_interface", "")
        digest = form.get("data_digest", "")
        signed = hmac.compare_digest(
            digest.encode(), data_digest(content, self.app_secret).encode()
        )
        if form.get("logistic_provider_id") != self.app_key or not signed:
            return _failure("S02", "非法的数字签名 (data_digest check failed)")
        if form.get("msg_type") != TRACK_MSG_TYPE:
            return _failure("S01", f"unknown msg_type {form.get('msg_type')!r}")
        try:
            asked = json.loads(content)
        except json.JSONDecodeError:
            asked = None
        number = asked.get("mailNo") or asked.get("orderCode") if isinstance(asked, dict) else None
        if not isinstance(number, str) or not number.strip():
            return _failure("PARAM_ERROR", "单号格式错误 (invalid mailNo)")
        found = world.lookup(number)
        if found is not None and found[1].carrier in self.carriers:
            parcel, leg = found
            events = parcel.events_until(world.now(), leg.tracking_number)
            if events:
                data = render_trace_set(leg, events, parcel.lane.origin, parcel.lane.destination)
                return json_reply(
                    200, {"success": "true", "errorCode": None, "errorMsg": None, "data": data}
                )
        return _failure("TRACE_NOT_EXIST", "运单不存在或暂无轨迹")
