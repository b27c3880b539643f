"""Sending a signed webhook to a merchant's endpoint, safely.

An endpoint URL comes from a merchant, so the sender refuses what would let one reach inside
our network: schemes other than http(s), and hosts that resolve to private, loopback,
link-local or otherwise non-global addresses (unless ``allow_private``: tests and the demo).
It follows no redirect, times out, and reads at most ``MAX_RESPONSE_BYTES`` of the answer.
A 2xx answer is a delivery; anything else raises ``DeliveryFailed``.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

import httpx

from crosstrack.notify.errors import DeliveryFailed

MAX_RESPONSE_BYTES = 64 * 1024
USER_AGENT = "crosstrack-webhooks/1"

Resolver = Callable[[str, int], list[str]]
"""Host and port -> the IP addresses it resolves to."""


class UnsafeUrl(ValueError):
    """An endpoint URL crosstrack will not call."""


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UnsafeUrl(f"cannot resolve {host!r}: {exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, *, allow_private: bool, resolver: Resolver = resolve) -> None:
    """Raise :class:`UnsafeUrl` unless ``url`` is http(s) to a public address (or any address
    with ``allow_private``)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeUrl("an endpoint URL is http:// or https:// with a host")
    if parts.username or parts.password:
        raise UnsafeUrl("an endpoint URL carries no credentials (sign with the secret instead)")
    if allow_private:
        return
    if parts.scheme != "https":
        raise UnsafeUrl("an endpoint URL must be https://")
    port = parts.port or 443
    for address in resolver(parts.hostname, port):
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise UnsafeUrl(f"{parts.hostname} resolves to a non-public address ({ip})")


class WebhookSender:
    """POSTs signed JSON bodies to endpoints (one shared HTTP client, thread-safe)."""

    def __init__(
        self,
        *,
        timeout: float = 10.0,
        allow_private: bool = False,
        resolver: Resolver = resolve,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._allow_private = allow_private
        self._resolver = resolver
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            follow_redirects=False,
            transport=transport,
            headers={"User-Agent": USER_AGENT},
        )

    def send(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        """Deliver ``body``; returns the status code of a 2xx answer."""
        try:
            check_url(url, allow_private=self._allow_private, resolver=self._resolver)
        except UnsafeUrl as exc:
            raise DeliveryFailed(f"refused endpoint: {exc}", retryable=False) from exc
        try:
            with self._client.stream(
                "POST", url, content=body, headers={**headers, "Content-Type": "application/json"}
            ) as response:
                _drain(response)
        except httpx.TimeoutException as exc:
            raise DeliveryFailed(f"timed out: {type(exc).__name__}", retryable=True) from exc
        except httpx.HTTPError as exc:
            raise DeliveryFailed(f"cannot connect: {exc}", retryable=True) from exc
        if 200 <= response.status_code < 300:
            return response.status_code
        raise DeliveryFailed(
            f"the endpoint answered {response.status_code}",
            retryable=True,
            status=response.status_code,
        )

    def close(self) -> None:
        self._client.close()


def _drain(response: httpx.Response) -> None:
    """Read at most ``MAX_RESPONSE_BYTES`` of the answer (its content is not used)."""
    read = 0
    for chunk in response.iter_raw():
        read += len(chunk)
        if read >= MAX_RESPONSE_BYTES:
            break
