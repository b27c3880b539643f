"""Services wired with in-memory storage, a frozen clock and the real domain (a module may
override ``uow`` to run on other storage)."""

from __future__ import annotations

import pytest

from crosstrack.carriers.directory import load_links
from crosstrack.services.facade import Services
from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import Merchant
from crosstrack.testing import FrozenClock, InMemoryStore
from crosstrack.testing.wiring import wired_services


@pytest.fixture
def store() -> InMemoryStore:
    return InMemoryStore()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def uow(store: InMemoryStore) -> UnitOfWorkFactory:
    """The storage the services work on."""
    return store.unit_of_work


@pytest.fixture
def services(uow: UnitOfWorkFactory, clock: FrozenClock) -> Services:
    return wired_services(
        uow,
        clock,
        links=load_links(),
    )


@pytest.fixture
def merchant(services: Services) -> Merchant:
    return services.accounts.create_merchant("Shenzhen Gadgets")


@pytest.fixture
def other_merchant(services: Services) -> Merchant:
    return services.accounts.create_merchant("Lyon Books")
