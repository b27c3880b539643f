"""The one place where errors become HTTP responses.

Every error body is ``{"error": {"code": ..., "message": ..., "field": ...}}``: errors of the
``CrosstrackError`` hierarchy keep their stable ``code``; FastAPI's request validation errors
become ``invalid_input`` with ``field`` as a dotted path (``tracking_numbers.0.number``);
routing errors (unknown path, wrong method) and unexpected failures get codes of their own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from crosstrack.api.schemas import ErrorDetail, ErrorResponse
from crosstrack.domain.errors import CrosstrackError, DomainError
from crosstrack.services.errors import (
    AuthenticationFailed,
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
)

log = logging.getLogger(__name__)


class BodyTooLarge(CrosstrackError):
    """Raised when a request body is larger than the API accepts (``max_body_bytes``)."""

    code = "body_too_large"


class RateLimited(CrosstrackError):
    """Raised when an API key makes requests faster than its rate allows."""

    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        """Whole seconds until a request will be allowed again."""


#: Most specific first: the first class an error is an instance of decides its status.
STATUS_BY_ERROR: tuple[tuple[type[CrosstrackError], int], ...] = (
    (AuthenticationFailed, 401),
    (PermissionDenied, 403),
    (NotFound, 404),
    (Conflict, 409),
    (BodyTooLarge, 413),
    (InvalidInput, 422),
    (DomainError, 422),
    (RateLimited, 429),
)

#: Errors from layers the API must not import (storage), recognised by their stable code.
STATUS_BY_CODE: Mapping[str, int] = {"invalid_cursor": 422}

DESCRIPTIONS: Mapping[int, str] = {
    401: "Missing, malformed, unknown or revoked API key (`invalid_api_key`).",
    403: "The key lacks the scope this route needs (`insufficient_scope`).",
    404: "Not found for this merchant (`not_found`); other merchants' ids are never confirmed.",
    409: "Conflicts with stored data (`conflict`), e.g. an Idempotency-Key reused.",
    413: "Request body too large (`body_too_large`).",
    422: "Invalid input (`invalid_input` and others); `field` names the culprit.",
    429: "Too many requests for this key (`rate_limited`); see `Retry-After`.",
}

_LOCATIONS = frozenset({"body", "query", "path", "header", "cookie"})
_INDEX = re.compile(r"\[(\d+)\]")


def status_for(error: CrosstrackError) -> int:
    """The HTTP status of a crosstrack error (500 for those that are our own fault)."""
    if error.code in STATUS_BY_CODE:
        return STATUS_BY_CODE[error.code]
    for kind, status in STATUS_BY_ERROR:
        if isinstance(error, kind):
            return status
    return 500


def api_field(field: str | None) -> str | None:
    """A service's field name as an API path: ``tracking_numbers[0].number`` → dotted."""
    return _INDEX.sub(r".\1", field) if field else None


def error_response(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A JSON response with the error body every error shares."""
    body = ErrorResponse(error=ErrorDetail(code=code, message=message, field=field))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def response_for(error: CrosstrackError) -> JSONResponse:
    """The HTTP response for a crosstrack error."""
    status = status_for(error)
    headers: dict[str, str] = {}
    if isinstance(error, AuthenticationFailed):
        headers["WWW-Authenticate"] = "Bearer"
    if isinstance(error, RateLimited):
        headers["Retry-After"] = str(error.retry_after)
    if status >= 500:
        log.error("internal error %s: %s", error.code, error.message, exc_info=error)
        return error_response(status, "internal_error", "internal error")
    return error_response(status, error.code, error.message, api_field(error.field), headers)


@contextmanager
def fields_under(prefix: str, *, default: str | None = None) -> Iterator[None]:
    """Re-raise crosstrack errors with ``field`` placed under ``prefix``.

    A service names the field of the one value it was given (``carrier``,
    ``tracking_number.number``); a route handling a list names which item: ``legs.0.carrier``.
    Its last part is kept; an error without a field gets ``default`` (or just ``prefix``).
    """
    try:
        yield
    except CrosstrackError as error:
        inner = api_field(error.field)
        last = inner.rsplit(".", 1)[-1] if inner else default
        error.field = f"{prefix}.{last}" if last else prefix
        raise


def validation_field(loc: Sequence[Any]) -> str | None:
    """The dotted field of a validation error's location (``body``, ``query``... dropped)."""
    parts = list(loc)
    if parts and parts[0] in _LOCATIONS:
        where = parts.pop(0)
        if where == "header" and parts:
            parts[0] = "-".join(word.capitalize() for word in str(parts[0]).split("-"))
    return ".".join(str(part) for part in parts) or None


def validation_message(error: Mapping[str, Any]) -> str:
    """A validation error's message as people read it."""
    if error.get("type") == "json_invalid":
        return "the request body is not valid JSON"
    message = str(error.get("msg", "invalid value"))
    return message.removeprefix("Value error, ")


async def _on_crosstrack_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CrosstrackError)
    return response_for(exc)


async def _on_validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = list(exc.errors())
    if not problems:
        return error_response(422, InvalidInput.code, "invalid request")
    first = problems[0]
    message = validation_message(first)
    if len(problems) > 1:
        message += f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
    field = None if first.get("type") == "json_invalid" else validation_field(first["loc"])
    return error_response(422, InvalidInput.code, message, field)


async def _on_http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)


async def _on_unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error", exc_info=exc)
    return error_response(500, "internal_error", "internal error")


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the same body."""
    app.add_exception_handler(CrosstrackError, _on_crosstrack_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for these error statuses, with the error model."""
    return {
        status: {"model": ErrorResponse, "description": DESCRIPTIONS[status]} for status in statuses
    }
