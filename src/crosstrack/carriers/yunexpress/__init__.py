"""YunExpress: tracking through the OMS open API (statuses, parse, client)."""

from crosstrack.carriers.yunexpress.client import YunExpressConnector
from crosstrack.carriers.yunexpress.parse import SLUG

__all__ = ["SLUG", "YunExpressConnector"]
