"""HTTP for carrier connectors: timeouts, retries with backoff and jitter, rate limits, tokens.

Every connector's ``client.py`` talks to its carrier through :class:`CarrierHttp`, so the
rules are the same everywhere:

* each attempt has a timeout; timeouts, connection errors, 429 and 5xx are retried with
  exponential backoff and full jitter (``Retry-After`` is honoured when the carrier sends it),
  and after the last attempt :class:`CarrierUnavailable` is raised — for that carrier only;
* 401/403 raise :class:`CarrierAuthenticationFailed` at once (retrying cannot fix credentials);
* requests wait for a token of the carrier's rate limit first (one bucket per client);
* logs name the method, host and path only: never headers, query strings or bodies, which
  carry keys and tokens.

Clocks, sleeps and randomness are injectable, and tests pass an ``httpx.MockTransport``.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from crosstrack.carriers.errors import (
    CarrierAuthenticationFailed,
    CarrierUnavailable,
    MalformedPayload,
)

log = logging.getLogger("crosstrack.carriers")

RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RESPONSE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try one request."""

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 30.0
    timeout: float = 10.0

    def backoff(self, attempt: int, rand: Callable[[], float] = random.random) -> float:
        """Full-jitter exponential backoff before attempt ``attempt + 1`` (0-based)."""
        return float(rand() * min(self.max_delay, self.base_delay * 2.0**attempt))


class TokenBucket:
    """A thread-safe token bucket: ``rate`` tokens per second, at most ``burst`` at once."""

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("a token bucket needs a positive rate and a burst of at least 1")
        self._rate = rate
        self._burst = float(burst)
        self._clock = clock
        self._sleep = sleep
        self._tokens = float(burst)
        self._stamp = clock()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Take one token, waiting for it if needed; returns the seconds waited."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self._burst, self._tokens + (now - self._stamp) * self._rate)
            self._stamp = now
            self._tokens -= 1.0
            wait = -self._tokens / self._rate if self._tokens < 0 else 0.0
        if wait > 0:
            self._sleep(wait)
        return wait


class CarrierHttp:
    """An HTTP client for one carrier API."""

    def __init__(
        self,
        *,
        carrier: str,
        base_url: str,
        requests_per_second: float,
        burst: int = 1,
        policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.carrier = carrier
        self._policy = policy or RetryPolicy()
        self._sleep = sleep
        self._rand = rand
        self._bucket = TokenBucket(requests_per_second, burst, clock=clock, sleep=sleep)
        self._client = httpx.Client(
            base_url=base_url,
            headers=dict(headers or {}),
            timeout=self._policy.timeout,
            transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        json_body: object = None,
        form: Mapping[str, str] | None = None,
        auth: tuple[str, str] | None = None,
    ) -> httpx.Response:
        """One request with the retry policy; returns any answer that is not retried."""
        last_problem = "no attempt made"
        retry_after: float | None = None
        for attempt in range(self._policy.attempts):
            self._bucket.acquire()
            try:
                response = self._client.request(
                    method,
                    path,
                    headers=headers,
                    params=params,
                    json=json_body,
                    data=form,
                    auth=auth,
                )
            except httpx.TimeoutException:
                last_problem, retry_after = "timed out", None
            except httpx.TransportError as exc:
                last_problem, retry_after = f"connection failed ({type(exc).__name__})", None
            else:
                if response.status_code in (401, 403):
                    raise CarrierAuthenticationFailed(
                        f"{self.carrier} refused our credentials (HTTP {response.status_code})"
                    )
                if response.status_code not in RETRIED_STATUSES:
                    return response
                last_problem = f"HTTP {response.status_code}"
                retry_after = _retry_after(response)
            log.info(
                "%s %s %s%s: %s (attempt %d of %d)",
                self.carrier,
                method,
                self._client.base_url.host,
                path,
                last_problem,
                attempt + 1,
                self._policy.attempts,
            )
            if attempt + 1 < self._policy.attempts:
                delay = self._policy.backoff(attempt, self._rand)
                self._sleep(min(self._policy.max_delay, max(delay, retry_after or 0.0)))
        raise CarrierUnavailable(
            f"{self.carrier} is unavailable: {last_problem} after {self._policy.attempts} attempts",
            retry_after=retry_after,
        )


def json_of(response: httpx.Response, carrier: str) -> Any:
    """The JSON body of a carrier's answer; ``MalformedPayload`` for anything else (an HTML
    error page, truncated JSON, an oversized body)."""
    if len(response.content) > MAX_RESPONSE_BYTES:
        raise MalformedPayload(f"{carrier} answered with {len(response.content)} bytes")
    try:
        return json.loads(response.content)
    except (json.JSONDecodeError, UnicodeDecodeError):
        kind = response.headers.get("content-type", "unknown content")
        raise MalformedPayload(
            f"{carrier} answered HTTP {response.status_code} with {kind}, not JSON"
        ) from None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


class OAuthClientCredentials:
    """An OAuth 2 client-credentials token, fetched when needed and reused until shortly
    before it expires (UPS, FedEx and USPS use this grant)."""

    def __init__(
        self,
        http: CarrierHttp,
        *,
        token_path: str,
        client_id: str,
        client_secret: str,
        form: Mapping[str, str] | None = None,
        basic_auth: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self._token_path = token_path
        self._client_id = client_id
        self._client_secret = client_secret
        self._form = {"grant_type": "client_credentials", **(form or {})}
        self._basic_auth = basic_auth
        self._clock = clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = threading.Lock()

    def __repr__(self) -> str:  # never show the secret or the token
        return f"OAuthClientCredentials(token_path={self._token_path!r})"

    def header(self) -> dict[str, str]:
        """``{"Authorization": "Bearer <token>"}``, refreshing the token when needed."""
        with self._lock:
            if self._token is None or self._clock() >= self._expires_at:
                self._refresh()
            return {"Authorization": f"Bearer {self._token}"}

    def invalidate(self) -> None:
        """Forget the token (after the carrier said it expired)."""
        with self._lock:
            self._token = None

    def send(self, request: Callable[[dict[str, str]], httpx.Response]) -> httpx.Response:
        """``request(auth_header)``; when the carrier refuses the token (revoked, expired early)
        the token is fetched afresh and the request sent once more. A refused token request
        itself is not retried: it raises :class:`CarrierAuthenticationFailed` at once."""
        auth = self.header()
        try:
            return request(auth)
        except CarrierAuthenticationFailed:
            self.invalidate()
        return request(self.header())

    def _refresh(self) -> None:
        form = dict(self._form)
        auth: tuple[str, str] | None = None
        if self._basic_auth:
            auth = (self._client_id, self._client_secret)
        else:
            form.update(client_id=self._client_id, client_secret=self._client_secret)
        response = self._http.request("POST", self._token_path, form=form, auth=auth)
        body = json_of(response, self._http.carrier)
        if response.status_code != 200 or not isinstance(body, dict) or "access_token" not in body:
            raise CarrierAuthenticationFailed(
                f"{self._http.carrier} gave no token (HTTP {response.status_code})"
            )
        self._token = str(body["access_token"])
        lifetime = float(body.get("expires_in", 3600) or 3600)
        self._expires_at = self._clock() + max(0.0, lifetime - 60.0)
