"""Public fakes for testing code that uses crosstrack (and crosstrack's own unit tests).

Fakes, not mocks: each one implements a port for real, from plain data held in memory.
"""

from crosstrack.testing.carriers import FakeCarrier
from crosstrack.testing.clock import FrozenClock, SequentialIds
from crosstrack.testing.eta import FixedEtaEstimator
from crosstrack.testing.gazetteer import InMemoryGazetteer
from crosstrack.testing.memory import InMemoryStore, InMemoryUnitOfWork

__all__ = [
    "FakeCarrier",
    "FixedEtaEstimator",
    "FrozenClock",
    "InMemoryGazetteer",
    "InMemoryStore",
    "InMemoryUnitOfWork",
    "SequentialIds",
]
