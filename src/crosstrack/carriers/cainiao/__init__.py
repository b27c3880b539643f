"""Cainiao: global tracking through the LINK open platform (statuses, parse, client)."""

from crosstrack.carriers.cainiao.client import CainiaoConnector
from crosstrack.carriers.cainiao.parse import SLUG

__all__ = ["SLUG", "CainiaoConnector"]
