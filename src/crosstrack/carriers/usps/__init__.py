"""USPS: its documented event codes (statuses.py) and its Tracking API v3 connector."""

from crosstrack.carriers.usps.client import UspsConnector
from crosstrack.carriers.usps.parse import SLUG

__all__ = ["SLUG", "UspsConnector"]
