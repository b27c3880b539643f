"""In-process limits: the request body size, and a token-bucket rate per API key.

Both live in the one process serving the API: with several processes each keeps its own
buckets, so the effective rate is per process (put a shared limiter in front to pool them).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crosstrack.api.errors import BodyTooLarge, RateLimited, response_for


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per key: ``burst`` requests at once, refilled at ``rate_per_second``."""

    def __init__(
        self,
        rate_per_second: float,
        burst: int,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate_per_second <= 0 or burst < 1:
            raise ValueError("the rate must be positive and the burst at least 1")
        self._rate = rate_per_second
        self._burst = float(burst)
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> None:
        """Spend one token of ``key``'s bucket; raises :class:`RateLimited` when it is empty."""
        with self._lock:
            now = self._clock()
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(self._burst, now)
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(self._burst, bucket.tokens + elapsed * self._rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return
            wait = (1.0 - bucket.tokens) / self._rate
        raise RateLimited(
            f"too many requests: at most {self._rate:g} per second (burst {self._burst:g})",
            retry_after=max(1, math.ceil(wait)),
        )


class BodySizeLimit:
    """ASGI middleware refusing request bodies over ``max_bytes`` with ``413 body_too_large``.

    A declared ``Content-Length`` over the limit is refused before reading anything; a body
    sent in chunks is read up to the limit and refused as soon as it passes it. Accepted
    bodies are handed on whole.
    """

    def __init__(
        self, app: ASGIApp, max_bytes: int, per_path: Mapping[str, int] | None = None
    ) -> None:
        self._app = app
        self._default = max_bytes
        self._per_path = dict(per_path or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        limit = self._per_path.get(scope.get("path", ""), self._default)
        if self._declared(scope) > limit:
            await self._refuse(scope, receive, send, limit)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self._app(scope, _replay([message], receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._refuse(scope, receive, send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        whole: Message = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self._app(scope, _replay([whole], receive), send)

    @staticmethod
    def _declared(scope: Scope) -> int:
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    return int(value)
                except ValueError:
                    return 0
        return 0

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        error = BodyTooLarge(f"the request body is larger than {limit} bytes")
        await response_for(error)(scope, receive, send)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A ``receive`` giving ``messages`` first, then the client's own (disconnects)."""
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed


def per_client(limiter_name: str) -> Callable[[Request], None]:
    """A route dependency spending one token of the calling address's bucket in the app's
    ``limiter_name`` limiter (public routes: no API key to count by)."""

    def spend(request: Request) -> None:
        limiter: RateLimiter = getattr(request.app.state, limiter_name)
        client = request.client.host if request.client else "unknown"
        limiter.take(f"{limiter_name}:{client}")

    return spend
