"""The API over services wired with each storage back-end (memory, SQLite, PostgreSQL) and a
frozen clock: every API test runs on all three (PostgreSQL when a server is configured)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from api_tenants import Body, Register, Tenant, shipment_body

from backends import BACKENDS, engine_for
from crosstrack.api import ApiSettings, create_app
from crosstrack.carriers.directory import load_links
from crosstrack.services.facade import Services
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import Scope
from crosstrack.storage import unit_of_work_factory
from crosstrack.testing import FrozenClock, InMemoryStore
from crosstrack.testing.wiring import wired_services

# Starlette suggests ``httpx2`` for its test client; the project pins ``httpx``, which works.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from fastapi.testclient import TestClient  # noqa: E402


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def store(backend: str) -> InMemoryStore:
    """The in-memory store itself, for the few tests that look inside it."""
    if backend != "memory":
        pytest.skip("looks inside the in-memory store")
    return InMemoryStore()


@pytest.fixture
def uow(backend: str, request: pytest.FixtureRequest) -> UnitOfWorkFactory:
    if backend == "memory":
        memory: InMemoryStore = request.getfixturevalue("store")
        return memory.unit_of_work
    return unit_of_work_factory(engine_for(backend, request))


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def services(uow: UnitOfWorkFactory, clock: FrozenClock) -> Services:
    return wired_services(
        uow,
        clock,
        links=load_links(),
    )


@pytest.fixture
def settings() -> ApiSettings:
    return ApiSettings(
        rate_per_second=1000.0,
        rate_burst=1000,
        public_rate_per_second=1000.0,
        public_rate_burst=1000,
    )


@pytest.fixture
def client(services: Services, settings: ApiSettings) -> Iterator[TestClient]:
    with TestClient(create_app(services, settings=settings)) as test_client:
        yield test_client


def _tenant(services: Services, name: str, scopes: frozenset[Scope]) -> Tenant:
    merchant = services.accounts.create_merchant(name)
    _, key = services.accounts.create_key(merchant.id, scopes)
    return Tenant(merchant, key)


@pytest.fixture
def alice(services: Services) -> Tenant:
    """Merchant A, with a read-and-write key."""
    return _tenant(services, "Shenzhen Gadgets", frozenset({Scope.READ, Scope.WRITE}))


@pytest.fixture
def bob(services: Services) -> Tenant:
    """Merchant B, with an admin key: it may do anything, but only to its own data."""
    return _tenant(services, "Lyon Books", frozenset({Scope.ADMIN}))


@pytest.fixture
def alice_reader(services: Services, alice: Tenant) -> Tenant:
    """A read-only key of merchant A."""
    _, key = services.accounts.create_key(alice.merchant.id, {Scope.READ})
    return Tenant(alice.merchant, key)


@pytest.fixture
def alice_writer(services: Services, alice: Tenant) -> Tenant:
    """A write-only key of merchant A."""
    _, key = services.accounts.create_key(alice.merchant.id, {Scope.WRITE})
    return Tenant(alice.merchant, key)


@pytest.fixture
def body() -> Body:
    """Makes registration bodies: ``body(order_ref=..., number=..., **more_fields)``."""
    return shipment_body


@pytest.fixture
def register(client: TestClient) -> Register:
    """Registers a shipment for a tenant: ``register(tenant, order_ref=..., number=...)``."""

    def registered(tenant: Tenant, **kwargs: Any) -> dict[str, Any]:
        response = client.post(
            "/v1/shipments", json=shipment_body(**kwargs), headers=tenant.headers
        )
        assert response.status_code in (200, 201), response.text
        found: dict[str, Any] = response.json()
        return found

    return registered
