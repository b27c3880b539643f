"""AfterShip (aggregator, Tracking API 2024-10): tracking by number, signed webhooks.

Its tags and subtags are mapped by the crosswalk table registered under ``aftership`` in
:mod:`crosstrack.carriers.code_tables`.
"""

from crosstrack.carriers.aftership.client import AfterShipConnector
from crosstrack.carriers.aftership.parse import SLUG

__all__ = ["SLUG", "AfterShipConnector"]
