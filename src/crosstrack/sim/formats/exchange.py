"""What passes between the simulator's HTTP server and a carrier API: requests and replies."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from crosstrack.sim.world import SimWorld


@dataclass(frozen=True, slots=True)
class SimRequest:
    """One HTTP request, with the carrier's path prefix removed."""

    method: str
    path: str
    """The path after the carrier's prefix (``/register``, ``/api/track/v1/details/1Z...``)."""
    query: Mapping[str, str]
    """The first value of each query parameter."""
    headers: Mapping[str, str]
    """Header names in lower case."""
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class Reply:
    """One HTTP answer."""

    status: int
    body: bytes
    content_type: str = "application/json"
    headers: Mapping[str, str] = field(default_factory=dict)


def json_reply(
    status: int,
    payload: object,
    headers: Mapping[str, str] | None = None,
    *,
    content_type: str = "application/json",
) -> Reply:
    """A JSON answer."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return Reply(status, body, content_type, dict(headers or {}))


class CarrierApi(Protocol):
    """One carrier's API as the simulator serves it, under ``/<prefix>`` on the server."""

    prefix: str
    """The first path segment it is served under (``17track``, ``ups``...)."""
    slug: str
    """The slug of the connector that talks to it (``17track``, ``ups``...)."""
    path: str
    """What follows the prefix in the connector's base URL (``/track/v2.2`` or empty)."""

    def handle(self, request: SimRequest, world: SimWorld) -> Reply:
        """Answer one request from what the world shows at its simulated now."""
        ...

    def credentials(self) -> dict[str, str]:
        """The connector's credentials that this API accepts (keyword → value)."""
        ...
