"""PostNL: its documented status and event codes (statuses.py) and its Shipping Status API
connector."""

from crosstrack.carriers.postnl.client import PostnlConnector
from crosstrack.carriers.postnl.parse import SLUG

__all__ = ["SLUG", "PostnlConnector"]
