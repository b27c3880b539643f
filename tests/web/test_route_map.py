"""The tracking page's route map: packaged outlines, view, antimeridian, escaping, weight."""

from __future__ import annotations

import importlib.util
import itertools
import math
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from crosstrack.web.route_map import (
    MIN_VIEW_WIDTH,
    RoutePoint,
    plan_route_map,
    project,
    render_route_map,
    world_map,
)

P = RoutePoint
SHENZHEN = (22.543, 114.058)
LYON = (45.764, 4.836)
SHANGHAI = (31.230, 121.474)
LOS_ANGELES = (34.052, -118.244)
CN_FR = [P(*SHENZHEN, "Shenzhen"), P(49.010, 2.548, "Paris CDG"), P(*LYON, "Lyon", current=True)]
SHANGHAI_LA = [P(*SHANGHAI, "Shanghai"), P(*LOS_ANGELES, "Los Angeles", current=True)]
PARIS_LYON = [P(48.857, 2.352, "Paris"), P(*LYON, "Lyon", current=True)]


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "bench" / "bench_route_map.py"
    spec = importlib.util.spec_from_file_location("bench_route_map", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _svg(points: list[RoutePoint], title: str = "Route of your parcel") -> ET.Element:
    markup = render_route_map(points, title)
    assert markup is not None
    return ET.fromstring(markup)


def _grid(points: list[RoutePoint]) -> float:
    plan = plan_route_map(points)
    assert plan is not None
    return world_map().levels[plan.level].grid


def _view_px(points: list[RoutePoint]) -> tuple[float, float, float, float]:
    """The markup's viewBox, back in px of the 1000-px world."""
    grid = _grid(points)
    x, y, w, h = (float(v) * grid for v in _svg(points).attrib["viewBox"].split())
    return x, y, w, h


def _inside(point: tuple[float, float], view: tuple[float, float, float, float]) -> bool:
    x, y = point
    vx, vy, vw, vh = view
    # The view may sit a whole world left or right of the point's first copy.
    return vy <= y <= vy + vh and any(vx <= x + k * 1000 <= vx + vw for k in (-1, 0, 1))


def _polyline_xs(points: list[RoutePoint]) -> list[float]:
    line = _svg(points).find("polyline")
    assert line is not None
    grid = _grid(points)
    return [float(pair.split(",")[0]) * grid for pair in line.attrib["points"].split()]


# The packaged data


def test_the_world_data_is_small_and_has_the_countries_parcels_go_to() -> None:
    data = resources.files("crosstrack.web") / "data" / "world.json"
    assert 30_000 < len(data.read_bytes()) < 150_000
    world = world_map()
    assert world.width == 1000 and 700 < world.height < 760
    expected = {"FR", "CN", "US", "BR", "JP", "AU", "DE", "GB", "NO", "IN", "RU", "ZA", "MX", "XK"}
    assert expected <= set(world.country_bboxes)
    assert len(world.country_bboxes) >= 170
    assert all(len(key) == 2 and key.isupper() for key in world.country_bboxes)
    assert world.country_names["FR"] == "France" and world.country_names["NO"] == "Norway"
    assert len(world.levels) >= 2
    assert world.levels[-1].max_view is None  # the coarsest level serves any view


def test_country_boxes_are_projected_and_hold_their_cities() -> None:
    world = world_map()
    for box in world.country_bboxes.values():
        x0, y0, x1, y1 = box
        assert -0.5 <= x0 < x1 <= 1000.5 and -0.5 <= y0 < y1 <= world.height + 0.5
    cities = {
        "FR": (48.857, 2.352),
        "CN": SHENZHEN,
        "US": LOS_ANGELES,
        "BR": (-23.55, -46.63),
        "JP": (35.68, 139.69),
        "AU": (-33.87, 151.21),
    }
    for key, (lat, lon) in cities.items():
        x, y = project(lat, lon)
        x0, y0, x1, y1 = world.country_bboxes[key]
        assert x0 <= x <= x1 and y0 <= y <= y1, key
    # Sizes are sane: Russia is much wider than France's mainland, Australia wider than Japan.
    width = {k: b[2] - b[0] for k, b in world.country_bboxes.items()}
    assert width["AU"] > width["JP"] > width["XK"]


def test_every_polygon_has_path_data_at_the_coarsest_level_or_none_at_all() -> None:
    for polygon in world_map().polygons:
        assert any(path is not None for path in polygon.paths)
        first = next(path for path in polygon.paths if path is not None)
        assert first[2].endswith("z")


def test_projection_is_miller() -> None:
    x, y = project(0, -180)
    assert x == 0 and y == pytest.approx(world_map().height / 2)
    x, y = project(90, 180)
    assert x == 1000 and y == pytest.approx(0, abs=1e-9)
    # Miller stretches 60°N less than Mercator would, more than equirectangular does.
    _, y60 = project(60, 0)
    _, y0 = project(0, 0)
    assert 1000 / 6 < y0 - y60 < 1000 / (2 * math.pi) * math.log(math.tan(math.radians(75)))


# The view


def test_china_to_france_shows_both_ends_and_not_australia() -> None:
    view = _view_px(CN_FR)
    assert _inside(project(*SHENZHEN), view) and _inside(project(*LYON), view)
    plan = plan_route_map(CN_FR)
    assert plan is not None
    assert {"CN", "FR", "DE", "IN", "RU"} <= set(plan.countries)
    assert "AU" not in plan.countries and "US" not in plan.countries and "BR" not in plan.countries
    markup = render_route_map(CN_FR, "t")
    assert markup is not None
    for polygon in world_map().polygons:
        path = polygon.paths[plan.level]
        if polygon.country in ("AU", "FR") and path is not None:
            drawn = f"M{path[0]} {path[1]}{path[2]}"
            assert (drawn in markup) == (polygon.country == "FR" and polygon.bbox[0] > 400)


def test_shanghai_to_los_angeles_crosses_the_pacific() -> None:
    xs = _polyline_xs(SHANGHAI_LA)
    assert len(xs) > 2  # a great-circle arc
    assert all(b > a for a, b in itertools.pairwise(xs))  # eastward, never turning back
    assert 250 < xs[-1] - xs[0] < 500  # 120° of longitude, not the 240° across Eurasia
    view = _view_px(SHANGHAI_LA)
    assert view[2] < 600
    assert _inside(project(*SHANGHAI), view) and _inside(project(*LOS_ANGELES), view)
    plan = plan_route_map(SHANGHAI_LA)
    assert plan is not None
    assert {"CN", "JP", "US"} <= set(plan.countries)
    assert not {"DE", "FR", "IN", "BR"} & set(plan.countries)


def test_straight_legs_cross_the_pacific_too() -> None:
    plan = plan_route_map(list(reversed(SHANGHAI_LA)), great_circles=False)
    assert plan is not None
    (x0, _), (x1, _) = plan.line
    assert 250 < x0 - x1 < 500  # westward from Los Angeles, across the Pacific


def test_a_domestic_route_is_not_zoomed_to_a_street() -> None:
    plan = plan_route_map(PARIS_LYON)
    assert plan is not None
    _, _, width, height = plan.view
    assert width >= MIN_VIEW_WIDTH and 1 <= width / height <= 2
    assert "FR" in plan.countries and "CN" not in plan.countries
    assert plan.level == 0  # the finest outlines for a close view


@pytest.mark.parametrize(
    "route",
    [
        CN_FR,
        SHANGHAI_LA,
        PARIS_LYON,
        [P(-33.45, -70.66, "Santiago"), P(-53.16, -70.91, "Punta Arenas")],  # north–south
        [P(64.1, -21.9, "Reykjavík"), P(-77.85, 166.67, "McMurdo")],  # pole to pole
        [P(52.37, 4.90, "Amsterdam", current=True)],
    ],
)
def test_the_view_has_a_phone_friendly_shape_inside_the_world(route: list[RoutePoint]) -> None:
    plan = plan_route_map(route)
    assert plan is not None
    x, y, width, height = plan.view
    world = world_map()
    assert width <= world.width and y >= 0 and y + height <= world.height + 1e-6
    assert 1 - 1e-9 <= width / height <= 2 + 1e-9
    assert 0 <= x + width / 2 < world.width
    for place in plan.places:
        assert x <= place.x <= x + width and y <= place.y <= y + height


# The markup


def test_the_svg_parses_and_names_itself_for_assistive_technology() -> None:
    svg = _svg(CN_FR, title="Route of your parcel: Shenzhen to Lyon")
    assert svg.tag == "svg"
    assert svg.attrib["role"] == "img"
    assert svg.attrib["aria-label"] == "Route of your parcel: Shenzhen to Lyon"
    assert svg[0].tag == "title" and svg[0].text == "Route of your parcel: Shenzhen to Lyon"
    assert len(svg.attrib["viewBox"].split()) == 4
    assert [p.attrib["class"] for p in svg.iter("path")] == ["route-map-land"]
    assert len(svg.findall("polyline")) == 1


def test_places_are_dots_with_their_labels_origin_and_current_marked() -> None:
    route = [
        P(*SHENZHEN, "Shenzhen"),
        P(*SHENZHEN, "Shenzhen again"),  # the same place twice in a row: one dot
        P(None, None, "Somewhere unknown"),  # not located: left out
        P(49.010, 2.548, "Paris CDG"),
        P(*LYON, "Lyon", current=True),
    ]
    circles = list(_svg(route).iter("circle"))
    labels = {c.attrib["class"]: c.findtext("title") for c in circles}
    assert len(circles) == 3
    assert labels == {
        "route-map-place": "Paris CDG",
        "route-map-place route-map-origin": "Shenzhen",
        "route-map-place route-map-current": "Lyon",
    }
    # Drawn in this order, the current place last (on top); it is bigger than the origin.
    assert [c.attrib["class"] for c in circles] == [
        "route-map-place",
        "route-map-place route-map-origin",
        "route-map-place route-map-current",
    ]
    radius = {c.attrib["class"]: float(c.attrib["r"]) for c in circles}
    assert (
        radius["route-map-place route-map-current"]
        > radius["route-map-place route-map-origin"]
        > radius["route-map-place"]
    )


def test_labels_and_title_are_escaped() -> None:
    evil = '<script>alert("x")</script> & "quoted"'
    route = [P(*SHENZHEN, evil), P(*LYON, "Lyon", current=True)]
    markup = render_route_map(route, evil)
    assert markup is not None
    assert "<script" not in markup and "</script>" not in markup
    svg = ET.fromstring(markup)  # still well-formed
    assert svg.attrib["aria-label"] == evil
    origin = svg.find("circle[@class='route-map-place route-map-origin']")
    assert origin is not None and origin.findtext("title") == evil


@pytest.mark.parametrize("route_name", list(_bench().ROUTES))
def test_bench_routes_are_light_and_self_contained(route_name: str) -> None:
    route = _bench().ROUTES[route_name]
    markup = render_route_map(route, "Route")
    assert markup is not None
    assert len(markup.encode()) < 40_000
    lowered = markup.lower()
    for forbidden in ("http", "href", "<script", "url(", "style=", "<image", "@import"):
        assert forbidden not in lowered
    ET.fromstring(markup)


def test_domestic_map_is_a_few_kilobytes() -> None:
    markup = render_route_map(PARIS_LYON, "Route")
    assert markup is not None and len(markup) < 8_000


@pytest.mark.parametrize(
    "route",
    [
        [],
        [P(None, None, "Unknown")],
        [P(48.8, None, "Half known")],
        [P(float("nan"), 2.3, "Not a number"), P(91.0, 0.0, "Past the pole")],
        [P(10.0, 200.0, "Past the antimeridian")],
    ],
)
def test_no_located_point_no_map(route: list[RoutePoint]) -> None:
    assert render_route_map(route, "Route") is None
    assert plan_route_map(route) is None


def test_one_place_is_a_dot_without_a_line() -> None:
    svg = _svg([P(None, None, "Unknown"), P(52.37, 4.90, "Amsterdam", current=True)])
    assert svg.find("polyline") is None
    (dot,) = svg.iter("circle")
    assert dot.attrib["class"] == "route-map-place route-map-current"


def test_the_same_route_gives_the_same_markup() -> None:
    route = [P(*SHANGHAI, "Shanghai"), P(61.17, -150.0, "Anchorage"), P(40.7, -74.0, "New York")]
    first = render_route_map(route, "Route")
    assert first is not None and first == render_route_map(list(route), "Route")
    assert first != render_route_map(route[:2], "Route")
