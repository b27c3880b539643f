"""AfterShip's authentication: the key in an ``as-api-key`` header (``aftership-api-key``,
its older name, too). The key is one of ours (``ct_...``), with the same scopes and rate.

Requests AfterShip's SDKs sign (``as-signature-hmac-sha256``, AES or RSA mode) are taken on
their API key alone: the signature is not checked (docs/aftership-compat.md).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from crosstrack.api.auth import require
from crosstrack.api.dependencies import LimiterDep, ServicesDep
from crosstrack.services.errors import AuthenticationFailed
from crosstrack.services.records import ApiKey, Scope

HEADERS = ("as-api-key", "aftership-api-key")

as_api_key = APIKeyHeader(
    name="as-api-key",
    auto_error=False,
    scheme_name="AfterShipApiKey",
    description="A crosstrack API key in AfterShip's header: `as-api-key: ct_...`.",
)


def aftership_key(
    request: Request,
    services: ServicesDep,
    limiter: LimiterDep,
    _: Annotated[str | None, Security(as_api_key)],
) -> ApiKey:
    """The live key of the request, after spending one token of its rate."""
    given = next((request.headers[h] for h in HEADERS if request.headers.get(h)), None)
    if given is None or not given.strip():
        raise AuthenticationFailed("send your API key in the 'as-api-key' header")
    key = services.accounts.authenticate(given.strip())
    limiter.take(key.id)
    return key


Reader = Annotated[ApiKey, Depends(require(Scope.READ, aftership_key))]
Writer = Annotated[ApiKey, Depends(require(Scope.WRITE, aftership_key))]
