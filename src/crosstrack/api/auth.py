"""Authentication and scopes: ``Authorization: Bearer <key>`` and what the key may do.

Reads (GET) need the ``read`` scope, writes the ``write`` scope; ``admin`` implies both.
Every authenticated request spends a token of its key's rate-limit bucket.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from crosstrack.api.dependencies import LimiterDep, ServicesDep
from crosstrack.services.errors import AuthenticationFailed, PermissionDenied
from crosstrack.services.records import ApiKey, Scope

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiKey",
    bearerFormat="ct_...",
    description="An API key: `Authorization: Bearer ct_...`.",
)


def authenticated_key(
    request: Request,
    services: ServicesDep,
    limiter: LimiterDep,
    _: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> ApiKey:
    """The live key the request carries, after spending one token of its rate."""
    header = request.headers.get("authorization")
    if header is None:
        raise AuthenticationFailed("missing API key: send 'Authorization: Bearer <key>'")
    scheme, _sep, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationFailed("malformed Authorization header: expected 'Bearer <key>'")
    key = services.accounts.authenticate(token.strip())
    limiter.take(key.id)
    return key


def allows(key: ApiKey, scope: Scope) -> bool:
    """Whether a key may do what ``scope`` covers (``admin`` covers everything)."""
    return scope in key.scopes or Scope.ADMIN in key.scopes


def require(
    scope: Scope, authenticate: Callable[..., ApiKey] = authenticated_key
) -> Callable[[ApiKey], ApiKey]:
    """A dependency giving the request's key, as ``authenticate`` reads it, when it has
    ``scope`` (else 403)."""

    # A default, not an annotation: annotations are strings here, and ``authenticate`` is
    # not a module-level name they could be resolved with.
    def dependency(key: ApiKey = Depends(authenticate)) -> ApiKey:  # noqa: B008
        if not allows(key, scope):
            raise PermissionDenied(f"this API key lacks the {scope.value!r} scope")
        return key

    return dependency


Reader = Annotated[ApiKey, Depends(require(Scope.READ))]
"""The key of a request that reads."""
Writer = Annotated[ApiKey, Depends(require(Scope.WRITE))]
"""The key of a request that writes."""
