"""A small simulated history and a model trained on it, shared by the ETA tests."""

from __future__ import annotations

import pytest
from eta_samples import CUTOFF, END, FAST, START

from crosstrack import bootstrap
from crosstrack.eta.history import HistoryRecord
from crosstrack.eta.model import QuantileModel, train
from crosstrack.sim.eta_history import eta_records
from crosstrack.sim.journeys import generate


@pytest.fixture(scope="session")
def sim_history() -> list[HistoryRecord]:
    parcels = generate(11, 2500, start=START, end=END, backlogs=())
    return eta_records(parcels, bootstrap.build_zone_lookup())


@pytest.fixture(scope="session")
def sim_model(sim_history: list[HistoryRecord]) -> QuantileModel:
    return train(sim_history, cutoff=CUTOFF, options=FAST)
