"""The composition root: the one place that chooses concrete adapters and wires them.

Shells (CLI, API, workers) call these builders; nothing connects to anything at import time.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosstrack.domain.normalize import EventNormalizer
    from crosstrack.domain.numbers import TrackingNumberDetector


@cache
def build_detector() -> TrackingNumberDetector:
    """A tracking-number detector loaded with the packaged number formats."""
    from crosstrack.carriers.formats import load_formats
    from crosstrack.domain.numbers import TrackingNumberDetector

    return TrackingNumberDetector(load_formats())


@cache
def build_normalizer() -> EventNormalizer:
    """An event normalizer with the offline gazetteer and every built-in carrier's code table."""
    from crosstrack.carriers.code_tables import code_tables
    from crosstrack.carriers.registry import carrier_directory
    from crosstrack.domain.normalize import EventNormalizer
    from crosstrack.geo import OfflineGazetteer

    return EventNormalizer(
        gazetteer=OfflineGazetteer(),
        code_tables=code_tables(),
        carriers=carrier_directory(),
    )
