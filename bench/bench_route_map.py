"""How big and how fast the tracking page's route map is.

    python bench/bench_route_map.py [RENDERS]

Prints the packaged outline data's size and load time, then for a domestic route, a
China → France route, a China → United States route and a 10-place route: the markup's size
in bytes, the countries and level of detail drawn, and the time per render (mean and best of
RENDERS renders, default 500) once the data is loaded. The budget is under 40 KB per map and
under 5 ms per render of a 10-place route.
"""

from __future__ import annotations

import sys
import time
from importlib import resources

from crosstrack.web.route_map import RoutePoint, plan_route_map, render_route_map, world_map

ROUTES: dict[str, list[RoutePoint]] = {
    "domestic (Paris -> Lyon)": [
        RoutePoint(48.857, 2.352, "Paris"),
        RoutePoint(48.73, 2.37, "Rungis"),
        RoutePoint(45.764, 4.836, "Lyon", current=True),
    ],
    "China -> France": [
        RoutePoint(22.543, 114.058, "Shenzhen"),
        RoutePoint(22.308, 113.918, "Hong Kong"),
        RoutePoint(49.010, 2.548, "Paris CDG"),
        RoutePoint(45.764, 4.836, "Lyon", current=True),
    ],
    "China -> United States": [
        RoutePoint(31.230, 121.474, "Shanghai"),
        RoutePoint(33.942, -118.409, "Los Angeles LAX"),
        RoutePoint(37.774, -122.419, "San Francisco", current=True),
    ],
    "10 places": [
        RoutePoint(22.543, 114.058, "Shenzhen"),
        RoutePoint(23.129, 113.264, "Guangzhou"),
        RoutePoint(22.308, 113.918, "Hong Kong"),
        RoutePoint(25.253, 55.364, "Dubai"),
        RoutePoint(51.340, 12.375, "Leipzig"),
        RoutePoint(50.901, 4.484, "Brussels"),
        RoutePoint(49.010, 2.548, "Paris CDG"),
        RoutePoint(48.857, 2.352, "Paris"),
        RoutePoint(47.322, 5.041, "Dijon"),
        RoutePoint(45.764, 4.836, "Lyon", current=True),
    ],
}


def main() -> None:
    renders = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    data = resources.files("crosstrack.web") / "data" / "world.json"
    started = time.perf_counter()
    world = world_map()
    loaded = time.perf_counter() - started
    print(
        f"world.json: {len(data.read_bytes()):,} bytes, {len(world.country_bboxes)} countries, "
        f"{len(world.polygons)} polygons, loaded in {1000 * loaded:.1f} ms"
    )
    for name, route in ROUTES.items():
        svg = render_route_map(route, name)
        plan = plan_route_map(route)
        assert svg is not None and plan is not None
        times = []
        for _ in range(renders):
            started = time.perf_counter()
            render_route_map(route, name)
            times.append(time.perf_counter() - started)
        print(
            f"{name:26} {len(svg.encode()):>6,} bytes, {len(plan.countries):>3} countries, "
            f"level {plan.level}, view {plan.view[2]:.0f}x{plan.view[3]:.0f} px; "
            f"render {1000 * sum(times) / renders:.2f} ms mean, {1000 * min(times):.2f} ms best"
        )


if __name__ == "__main__":
    main()
