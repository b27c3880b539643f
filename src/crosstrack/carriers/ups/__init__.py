"""UPS: the Track API connector (client.py), its pure parser (parse.py) and status types
(statuses.py)."""

from crosstrack.carriers.ups.client import UpsConnector
from crosstrack.carriers.ups.parse import SLUG

__all__ = ["SLUG", "UpsConnector"]
