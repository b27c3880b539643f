"""DHL: its documented status codes (statuses.py) and its Unified Tracking API connector."""

from crosstrack.carriers.dhl.client import DhlConnector
from crosstrack.carriers.dhl.parse import SLUG

__all__ = ["SLUG", "DhlConnector"]
