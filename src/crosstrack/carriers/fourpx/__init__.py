"""4PX: tracking through the 4PX open platform (statuses, parse, client)."""

from crosstrack.carriers.fourpx.client import FourPxConnector
from crosstrack.carriers.fourpx.parse import SLUG

__all__ = ["SLUG", "FourPxConnector"]
