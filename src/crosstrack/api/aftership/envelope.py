"""AfterShip's response envelope: ``{"meta": {code, type, message}, "data": ...}``.

Errors keep AfterShip's ``meta.code`` numbers and ``meta.type`` names, which its SDKs turn
into their own exception classes (``UnauthorizedError``, ``NotFoundError``...). The routes of
the compatibility API use :class:`AfterShipRoute`, so every error they raise, ours or the
request validation's, leaves in this envelope (the rest of the API keeps its own).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from crosstrack.api.errors import (
    BodyTooLarge,
    RateLimited,
    validation_field,
    validation_message,
)
from crosstrack.domain.errors import CrosstrackError, DomainError
from crosstrack.services.compat import RetrackRefused
from crosstrack.services.errors import (
    AuthenticationFailed,
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
)

log = logging.getLogger(__name__)

#: HTTP status → AfterShip's ``meta.type``.
TYPES: Mapping[int, str] = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    413: "BadRequest",
    429: "TooManyRequests",
    500: "InternalError",
}


class AfterShipError(CrosstrackError):
    """An error with AfterShip's code for it (raised by the compatibility routes)."""

    code = "aftership_error"

    def __init__(self, status: int, meta_code: int, message: str, data: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.meta_code = meta_code
        self.data = data


def ok(data: Any, status: int = 200) -> JSONResponse:
    """A success in AfterShip's envelope."""
    meta = {"code": status, "message": "OK" if status == 200 else "Created", "type": "OK"}
    return JSONResponse({"meta": meta, "data": data}, status_code=status)


def failure(
    status: int,
    meta_code: int,
    message: str,
    data: Any = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """An error in AfterShip's envelope."""
    meta = {"code": meta_code, "type": TYPES.get(status, "BadRequest"), "message": message}
    body = {"meta": meta, "data": data if data is not None else {}}
    return JSONResponse(body, status_code=status, headers=headers)


def response_for(error: Exception) -> JSONResponse:
    """The AfterShip-shaped answer to anything a compatibility route raised."""
    if isinstance(error, AfterShipError):
        return failure(error.status, error.meta_code, error.message, error.data)
    if isinstance(error, RequestValidationError):
        return _invalid_request(error)
    if isinstance(error, AuthenticationFailed):
        return failure(401, 401, f"Invalid API key: {error.message}")
    if isinstance(error, PermissionDenied):
        return failure(403, 403, error.message)
    if isinstance(error, NotFound):
        return failure(404, 4004, "Tracking does not exist.")
    if isinstance(error, RateLimited):
        headers = {"Retry-After": str(error.retry_after)}
        return failure(429, 429, error.message, headers=headers)
    if isinstance(error, BodyTooLarge):
        return failure(413, 400, error.message)
    if isinstance(error, RetrackRefused):
        return failure(400, 4013 if error.active else 4016, f"Retrack is not allowed: {error}")
    if isinstance(error, InvalidInput | DomainError):
        return failure(400, _invalid_code(error.field), _with_field(error.message, error.field))
    if isinstance(error, Conflict):
        return failure(400, 400, error.message)
    if isinstance(error, HTTPException):
        return failure(error.status_code, error.status_code, str(error.detail))
    log.error("unexpected error in the AfterShip-compatible API", exc_info=error)
    return failure(500, 500, "Something went wrong on our side.")


def _invalid_code(field: str | None) -> int:
    """AfterShip's code for an invalid value of ``field``."""
    name = (field or "").rsplit(".", 1)[-1].rstrip("]").split("[")[0]
    if name in ("tracking_number", "number", "tracking_numbers"):
        return 4005
    if name in ("slug", "carrier"):
        return 4010
    return 4008


def _with_field(message: str, field: str | None) -> str:
    return f"{field}: {message}" if field else message


def _invalid_request(error: RequestValidationError) -> JSONResponse:
    problems = list(error.errors())
    first = problems[0] if problems else {}
    if first.get("type") == "json_invalid":
        return failure(400, 4001, "Invalid JSON data.")
    field = validation_field(first.get("loc", ()))
    if first.get("type") == "missing":
        code = 4007 if field and field.endswith("tracking_number") else 4009
        return failure(400, code, _with_field("is required", field))
    return failure(400, _invalid_code(field), _with_field(validation_message(first), field))


class AfterShipRoute(APIRoute):
    """A route whose every error leaves in AfterShip's envelope."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except Exception as error:  # every error gets the envelope, as AfterShip's do
                return response_for(error)

        return answer
