"""AfterShip Tracking API compatibility: shops using AfterShip's API (or its SDKs) switch to
crosstrack by changing the base URL (docs/aftership-compat.md).

A translation layer only: requests become the services' commands, answers are our shipments
in AfterShip's shapes, statuses go through the crosswalk. It keeps its own small table for
the AfterShip fields we have no place for (``services.compat``).
"""

from crosstrack.api.aftership import lookups, trackings

ROUTERS = (trackings.router, lookups.router)

__all__ = ["ROUTERS"]
