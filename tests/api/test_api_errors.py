"""The one error mapping: every failure gets the same body and a fitting status."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_tenants import Tenant
from fastapi import APIRouter
from fastapi.testclient import TestClient

from crosstrack.api import create_app
from crosstrack.api.errors import RateLimited, api_field, status_for
from crosstrack.domain.errors import CrosstrackError, DataFileError, InvalidTrackingNumber
from crosstrack.services.errors import Conflict, InvalidInput, NotFound
from crosstrack.services.facade import Services


class _CursorError(CrosstrackError):
    """Stands in for the storage layer's ``InvalidCursor`` (the API must not import storage)."""

    code = "invalid_cursor"


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NotFound("x"), 404),
        (Conflict("x"), 409),
        (InvalidInput("x"), 422),
        (InvalidTrackingNumber("x"), 422),
        (_CursorError("x", field="cursor"), 422),
        (RateLimited("x", retry_after=3), 429),
        (DataFileError("x"), 500),
    ],
)
def test_each_error_class_has_its_status(error: CrosstrackError, status: int) -> None:
    assert status_for(error) == status


def test_service_field_names_become_dotted_paths() -> None:
    assert api_field("tracking_numbers[0].number") == "tracking_numbers.0.number"
    assert api_field("carrier") == "carrier"
    assert api_field(None) is None


@pytest.fixture
def failing_client(services: Services) -> Iterator[TestClient]:
    app = create_app(services)
    router = APIRouter()

    @router.get("/boom/bug")
    def bug() -> None:
        raise RuntimeError("a bug")

    @router.get("/boom/data")
    def data() -> None:
        raise DataFileError("formats file missing at /secret/path")

    app.include_router(router)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("path", ["/boom/bug", "/boom/data"])
def test_internal_failures_are_500_and_say_nothing_more(
    failing_client: TestClient, path: str
) -> None:
    response = failing_client.get(path)
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "internal_error", "message": "internal error", "field": None}
    }


def test_several_validation_problems_report_the_first_and_count_the_rest(
    client: TestClient, alice: Tenant
) -> None:
    response = client.post(
        "/v1/shipments", json={"tracking_numbers": [{}], "origin": {}}, headers=alice.headers
    )
    error = response.json()["error"]
    assert response.status_code == 422
    assert error["field"] == "order_ref"
    assert error["message"].endswith("(and 2 more problems)")
