"""FedEx: the Track API connector (client.py), its pure parser (parse.py) and scan event codes
(statuses.py)."""

from crosstrack.carriers.fedex.client import FedexConnector
from crosstrack.carriers.fedex.parse import SLUG

__all__ = ["SLUG", "FedexConnector"]
