"""Where shells and the composition root get carrier data: the directory, the code tables."""

from __future__ import annotations

from functools import cache

from crosstrack.carriers.directory import load_directory
from crosstrack.domain.carriers import CarrierDirectory


@cache
def carrier_directory() -> CarrierDirectory:
    """The directory of every packaged carrier (loaded once per process)."""
    return load_directory()
