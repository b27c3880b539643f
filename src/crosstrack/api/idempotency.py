"""``Idempotency-Key``: the first response to a keyed request is stored and replayed.

A key is scoped to the merchant. The request it was first used with is remembered by a hash
of its method, path and parsed body: the same key with the same request replays the stored
status and body (with ``Idempotent-Replayed: true``); with another request it is a
``409 conflict``. Only successful responses are stored, so a request that failed validation
can be corrected and sent again with the same key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import Response
from pydantic import BaseModel

from crosstrack.services.errors import Conflict
from crosstrack.services.facade import Services
from crosstrack.services.records import IdempotentResponse

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255


@dataclass(frozen=True, slots=True)
class Produced:
    """A response to store and send: status, JSON body, and headers to replay with it."""

    status_code: int
    body: str
    headers: Mapping[str, str] = field(default_factory=dict)

    def response(self, *, replayed: bool = False) -> Response:
        headers = dict(self.headers)
        if replayed:
            headers[REPLAYED_HEADER] = "true"
        return Response(self.body, self.status_code, headers=headers, media_type="application/json")


def request_hash(method: str, path: str, body: BaseModel) -> str:
    """Identity of a request: the same method, path and (parsed) body give the same hash."""
    canonical = json.dumps(
        {"method": method.upper(), "path": path, "body": body.model_dump(mode="json")},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def respond_once(
    services: Services,
    *,
    merchant_id: str,
    key: str | None,
    fingerprint: str,
    produce: Callable[[], Produced],
) -> Response:
    """Replay the response stored for ``key``, or produce, store and send a new one."""
    if key is None:
        return produce().response()
    stored = _stored(services, merchant_id, key)
    if stored is not None:
        return _replay(stored, fingerprint)
    produced = produce()
    with services.uow() as uow:
        raced = uow.idempotency.get(merchant_id, key)
        if raced is not None:
            return _replay(raced, fingerprint)
        uow.idempotency.put(
            IdempotentResponse(
                merchant_id=merchant_id,
                key=key,
                request_hash=fingerprint,
                status_code=produced.status_code,
                body=produced.body,
                created_at=services.clock(),
                extra={"headers": dict(produced.headers)},
            )
        )
        uow.commit()
    return produced.response()


def _stored(services: Services, merchant_id: str, key: str) -> IdempotentResponse | None:
    with services.uow() as uow:
        return uow.idempotency.get(merchant_id, key)


def _replay(stored: IdempotentResponse, fingerprint: str) -> Response:
    if stored.request_hash != fingerprint:
        raise Conflict(
            "this Idempotency-Key was already used with a different request", field=HEADER
        )
    headers: Any = stored.extra.get("headers", {})
    return Produced(stored.status_code, stored.body, dict(headers)).response(replayed=True)
