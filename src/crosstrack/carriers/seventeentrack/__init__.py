"""17TRACK (aggregator, API v2.2): tracking by number, push webhooks.

Its status codes (``sub_status``) are mapped by the crosswalk table registered under
``17track`` in :mod:`crosstrack.carriers.code_tables`.
"""

from crosstrack.carriers.seventeentrack.client import SeventeenTrackConnector
from crosstrack.carriers.seventeentrack.parse import SLUG

__all__ = ["SLUG", "SeventeenTrackConnector"]
