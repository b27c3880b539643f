"""Services wired for tests: the real domain (event normalizer, number detector, carrier
directory) over the storage and clock a test gives, with sequential ids.

    services = wired_services(InMemoryStore().unit_of_work, FrozenClock(), links=load_links())

Anything else ``Services.build`` takes is passed on as given (an ETA model, a webhook
sender, buyer channels...); ``normalizer`` and ``ids`` may be given to replace the defaults.
"""

from __future__ import annotations

from typing import Any

from crosstrack.carriers.registry import carrier_directory
from crosstrack.services.facade import Services
from crosstrack.services.ports import Clock, UnitOfWorkFactory
from crosstrack.testing.clock import SequentialIds


def wired_services(uow: UnitOfWorkFactory, clock: Clock, **more: Any) -> Services:
    """``Services.build`` over ``uow`` and ``clock`` with the real domain."""
    from crosstrack import bootstrap

    if "normalizer" not in more:
        more["normalizer"] = bootstrap.build_normalizer()
    more.setdefault("ids", SequentialIds())
    return Services.build(
        uow=uow,
        clock=clock,
        detector=bootstrap.build_detector(),
        carriers=carrier_directory(),
        **more,
    )
