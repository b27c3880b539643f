"""The route map of the tracking page: an inline SVG of the places a parcel has been.

Drawn from country outlines shipped with the package (``data/world.json``, Natural Earth
1:110m, public domain, built by ``tools/build_world_map.py``): no tiles, no scripts, no fonts,
no URL of any kind, so it passes the page's strict CSP and weighs a few kilobytes.

Pure: the only I/O is reading the packaged JSON once (cached). The same route always gives
the same markup.

How the view is chosen (all in the data's projected units: Miller cylindrical, a world 1000
px wide and about 733 px high, y down):

* the places are projected and joined by great-circle arcs (a flight follows one), each
  point moved by a whole world left or right so it is within half a world of the one before:
  Shanghai → Los Angeles crosses the Pacific, not Eurasia;
* the view is the route's bounding box plus a margin, at least ``MIN_VIEW_WIDTH`` wide (a
  domestic route shows its country, not a street), between 1:1 and 2:1 (a phone's width),
  kept inside the world vertically;
* only the polygons whose bounding box meets the view are drawn, at the level of detail the
  view's width calls for (three levels in the data), as one ``<path>``; a polygon is repeated a
  world left or right when the view crosses the antimeridian.

The markup is meant to be inlined in an HTML page (no ``xmlns``; the HTML parser puts it in
the SVG namespace). Every element has a class for the page's stylesheet
(``route-map``, ``route-map-sea``, ``route-map-land``, ``route-map-line``, ``route-map-place``,
``route-map-origin``, ``route-map-current``) and sane presentation attributes as defaults;
strokes are ``non-scaling-stroke``, so their width is in screen pixels whatever the zoom.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "MIN_VIEW_WIDTH",
    "DetailLevel",
    "MapPlace",
    "OutlinePolygon",
    "RouteMapPlan",
    "RoutePoint",
    "WorldMap",
    "plan_route_map",
    "project",
    "render_route_map",
    "world_map",
]

WORLD_WIDTH = 1000.0
PX_PER_RADIAN = WORLD_WIDTH / (2 * math.pi)
# Narrowest view, in px of the 1000-px world (about 17° of longitude): a domestic route shows
# its region and neighbours, never a street.
MIN_VIEW_WIDTH = 48.0
# Margin around the route: a share of its larger side, and never less than a few px.
MARGIN_SHARE = 0.12
MIN_MARGIN = 4.0
# Width over height of the view: from square (a north–south route) to 2:1 (an east–west one).
MIN_ASPECT = 1.0
MAX_ASPECT = 2.0
# Great-circle legs: one vertex every few degrees of arc, legs shorter than that drawn straight.
ARC_STEP_DEGREES = 3.0
MAX_ARC_STEPS = 48
# Dot radii, as a share of the view's width (about 4, 5 and 6.5 px on a 360-px-wide phone).
PLACE_RADIUS = 0.011
ORIGIN_RADIUS = 0.014
CURRENT_RADIUS = 0.018

SEA = "#e8f0f6"
LAND = "#dcd9cf"
BORDER = "#f7f6f2"
LINE = "#1d4ed8"
CURRENT = "#c2410c"


@dataclass(frozen=True, slots=True)
class RoutePoint:
    """One place of the route, in route order.

    ``latitude``/``longitude`` in degrees (None when the place could not be located);
    ``label`` already localized (plain text: it is escaped here); ``current`` for the place the
    parcel is at now (or was delivered at).
    """

    latitude: float | None
    longitude: float | None
    label: str
    current: bool = False

    @property
    def located(self) -> bool:
        lat, lon = self.latitude, self.longitude
        return (
            lat is not None
            and lon is not None
            and math.isfinite(lat)
            and math.isfinite(lon)
            and -90.0 <= lat <= 90.0
            and -180.0 <= lon <= 180.0
        )


@dataclass(frozen=True, slots=True)
class OutlinePolygon:
    """One polygon of a country (an outer ring and its holes), in the packaged data."""

    country: str
    bbox: tuple[float, float, float, float]
    # Per level of detail: (x, y of the first M, the rest of the path data), None if dropped.
    paths: tuple[tuple[int, int, str] | None, ...]


@dataclass(frozen=True, slots=True)
class DetailLevel:
    """A level of detail of the outlines."""

    grid: float  # px of the 1000-px world per unit of this level's path data
    max_view: float | None  # widest view (px) this level is used for; None: any


@dataclass(frozen=True, slots=True)
class WorldMap:
    """The packaged outlines: sizes in px, levels of detail, polygons, country bounding boxes."""

    width: float
    height: float
    levels: tuple[DetailLevel, ...]
    polygons: tuple[OutlinePolygon, ...]
    country_bboxes: dict[str, tuple[float, float, float, float]]
    country_names: dict[str, str]


@dataclass(frozen=True, slots=True)
class MapPlace:
    """A dot of the map, in px of the 1000-px world."""

    x: float
    y: float
    label: str
    role: str  # "place", "origin" or "current"


@dataclass(frozen=True, slots=True)
class RouteMapPlan:
    """What the map shows, in px of the 1000-px world (x may run past 0 or 1000)."""

    view: tuple[float, float, float, float]  # x, y, width, height
    level: int
    line: tuple[tuple[float, float], ...]  # the route's polyline, antimeridian unwrapped
    places: tuple[MapPlace, ...]  # in drawing order: places, then the origin, then the current one
    countries: tuple[str, ...]  # alpha-2 keys of the countries drawn (sorted)
    land: str  # the land's path data, in the level's units


_FIRST_MOVE = re.compile(r"M(-?\d+) (-?\d+)")


def _box(values: Sequence[Any]) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in values)
    return x0, y0, x1, y1


@cache
def world_map() -> WorldMap:
    """Read ``data/world.json`` once."""
    text = (resources.files("crosstrack.web") / "data" / "world.json").read_text("utf-8")
    data = json.loads(text)
    if data["projection"] != "miller":
        raise ValueError(f"world.json: unexpected projection {data['projection']!r}")
    levels = tuple(DetailLevel(float(lv["grid"]), lv["max_view"]) for lv in data["levels"])
    polygons: list[OutlinePolygon] = []
    bboxes: dict[str, tuple[float, float, float, float]] = {}
    names: dict[str, str] = {}
    for key, country in data["countries"].items():
        bboxes[key] = _box(country["bbox"])
        names[key] = str(country["name"])
        for bbox, paths in country["polygons"]:
            parsed: list[tuple[int, int, str] | None] = []
            for path in paths:
                match = _FIRST_MOVE.match(path)
                if not path:
                    parsed.append(None)
                elif match is None:
                    raise ValueError(f"world.json: {key} path does not start with M x y")
                else:
                    parsed.append((int(match[1]), int(match[2]), path[match.end() :]))
            polygons.append(OutlinePolygon(key, _box(bbox), tuple(parsed)))
    return WorldMap(
        width=float(data["width"]),
        height=float(data["height"]),
        levels=levels,
        polygons=tuple(polygons),
        country_bboxes=bboxes,
        country_names=names,
    )


def _miller(lat: float) -> float:
    phi = math.radians(max(-90.0, min(90.0, lat)))
    return 1.25 * math.log(math.tan(math.pi / 4 + 0.4 * phi))


_Y_TOP = _miller(90.0)


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Miller cylindrical, in px of the 1000-px world: x from 180°W, y down from 90°N."""
    x = (longitude + 180.0) / 360.0 * WORLD_WIDTH
    y = (_Y_TOP - _miller(latitude)) * PX_PER_RADIAN
    return x, y


def _unit(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)


def _arc(a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]]:
    """(lat, lon) points of the great circle from a to b, b included, a left out."""
    ua, ub = _unit(*a), _unit(*b)
    dot = max(-1.0, min(1.0, sum(p * q for p, q in zip(ua, ub, strict=True))))
    angle = math.acos(dot)
    steps = min(MAX_ARC_STEPS, math.ceil(math.degrees(angle) / ARC_STEP_DEGREES))
    if steps <= 1 or math.sin(angle) < 1e-3:  # short, or (nearly) antipodal: no defined arc
        return [b]
    out: list[tuple[float, float]] = []
    for i in range(1, steps):
        t = i / steps
        wa = math.sin((1 - t) * angle) / math.sin(angle)
        wb = math.sin(t * angle) / math.sin(angle)
        x, y, z = (wa * p + wb * q for p, q in zip(ua, ub, strict=True))
        out.append((math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))))
    out.append(b)
    return out


def _latlon(point: RoutePoint) -> tuple[float, float]:
    assert point.latitude is not None and point.longitude is not None
    return point.latitude, point.longitude


def _collapse(points: Sequence[RoutePoint]) -> list[RoutePoint]:
    """Located points, consecutive repeats of one place merged (first label, current kept)."""
    out: list[RoutePoint] = []
    for point in points:
        if not point.located:
            continue
        here = tuple(round(v, 4) for v in _latlon(point))
        if out and tuple(round(v, 4) for v in _latlon(out[-1])) == here:
            last = out[-1]
            out[-1] = RoutePoint(
                last.latitude, last.longitude, last.label, last.current or point.current
            )
        else:
            out.append(point)
    return out


def _view(
    xs: Sequence[float], ys: Sequence[float], world: WorldMap
) -> tuple[float, float, float, float]:
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    margin = max(MIN_MARGIN, MARGIN_SHARE * max(x1 - x0, y1 - y0))
    width = max(MIN_VIEW_WIDTH, x1 - x0 + 2 * margin)
    height = y1 - y0 + 2 * margin
    width = max(width, height * MIN_ASPECT)
    height = max(height, width / MAX_ASPECT)
    # Never wider than the world, never higher than it (then as near square as the world allows).
    width = min(width, world.width)
    height = min(height, world.height, width / MIN_ASPECT)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    top = min(max(cy - height / 2, 0.0), world.height - height)
    return cx - width / 2, top, width, height


def plan_route_map(
    points: Sequence[RoutePoint], *, great_circles: bool = True
) -> RouteMapPlan | None:
    """The view, the route's line and dots, the land drawn; None if no point is located."""
    route = _collapse(points)
    if not route:
        return None
    world = world_map()
    located = [_latlon(p) for p in route]

    # The line: arcs between consecutive places, unwrapped across the antimeridian.
    line: list[tuple[float, float]] = []
    place_index: list[int] = []
    previous_x: float | None = None
    for i, here in enumerate(located):
        leg = [here] if i == 0 else (_arc(located[i - 1], here) if great_circles else [here])
        for lat, lon in leg:
            x, y = project(lat, lon)
            if previous_x is not None:
                x += world.width * round((previous_x - x) / world.width)
            line.append((x, y))
            previous_x = x
        place_index.append(len(line) - 1)

    view_x, view_y, view_w, view_h = _view([x for x, _ in line], [y for _, y in line], world)
    # Bring the view's centre into the world's first copy: tidy, deterministic coordinates.
    shift = -world.width * math.floor((view_x + view_w / 2) / world.width)
    if shift:
        line = [(x + shift, y) for x, y in line]
        view_x += shift

    current = max((i for i, p in enumerate(route) if p.current), default=None)
    places: list[MapPlace] = []
    for i, point in enumerate(route):
        x, y = line[place_index[i]]
        role = "current" if i == current else "origin" if i == 0 else "place"
        places.append(MapPlace(x, y, point.label, role))
    order = {"place": 0, "origin": 1, "current": 2}
    places.sort(key=lambda p: order[p.role])  # stable: route order within a role

    level = next(
        i
        for i, lv in enumerate(world.levels)
        if lv.max_view is None or view_w <= lv.max_view or i == len(world.levels) - 1
    )
    land, countries = _land(world, level, (view_x, view_y, view_w, view_h))
    return RouteMapPlan(
        view=(view_x, view_y, view_w, view_h),
        level=level,
        line=tuple(line),
        places=tuple(places),
        countries=countries,
        land=land,
    )


def _land(
    world: WorldMap, level: int, view: tuple[float, float, float, float]
) -> tuple[str, tuple[str, ...]]:
    vx, vy, vw, vh = view
    grid = world.levels[level].grid
    parts: list[str] = []
    countries: set[str] = set()
    for polygon in world.polygons:
        path = polygon.paths[level]
        bx0, by0, bx1, by1 = polygon.bbox
        if path is None or by1 <= vy or by0 >= vy + vh:
            continue
        # Every whole-world shift k at which the polygon's box overlaps the view:
        # bx1 + k·width > vx and bx0 + k·width < vx + vw.
        first = math.floor((vx - bx1) / world.width) + 1
        last = math.ceil((vx + vw - bx0) / world.width) - 1
        for k in range(first, last + 1):
            x0, y0, rest = path
            dx = round(k * world.width / grid)
            parts.append(f"M{x0 + dx} {y0}{rest}")
            countries.add(polygon.country)
    return "".join(parts), tuple(sorted(countries))


def _num(value: float) -> str:
    text = f"{round(value, 1) + 0.0:.1f}"
    return text[:-2] if text.endswith(".0") else text


def render_route_map(
    points: Sequence[RoutePoint], title: str, *, great_circles: bool = True
) -> str | None:
    """The route map as inline SVG markup, or None when no point of the route is located.

    ``points`` in route order (origin first); ``title`` names the map for assistive technology
    (localized by the caller, e.g. "Route of your parcel: Shenzhen to Lyon").
    """
    plan = plan_route_map(points, great_circles=great_circles)
    if plan is None:
        return None
    grid = world_map().levels[plan.level].grid
    vx, vy, vw, vh = (v / grid for v in plan.view)
    name = html.escape(title, quote=True)
    out = [
        f'<svg class="route-map" viewBox="{_num(vx)} {_num(vy)} {_num(vw)} {_num(vh)}" '
        f'role="img" aria-label="{name}"><title>{name}</title>',
        f'<rect class="route-map-sea" x="{_num(vx)}" y="{_num(vy)}" width="{_num(vw)}" '
        f'height="{_num(vh)}" fill="{SEA}"/>',
    ]
    if plan.land:
        out.append(
            f'<path class="route-map-land" fill="{LAND}" stroke="{BORDER}" stroke-width="0.75" '
            f'stroke-linejoin="round" vector-effect="non-scaling-stroke" d="{plan.land}"/>'
        )
    if len(plan.places) > 1:
        coords = " ".join(f"{_num(x / grid)},{_num(y / grid)}" for x, y in plan.line)
        out.append(
            f'<polyline class="route-map-line" fill="none" stroke="{LINE}" stroke-width="2" '
            f'stroke-linecap="round" stroke-linejoin="round" vector-effect="non-scaling-stroke" '
            f'points="{coords}"/>'
        )
    style = {
        "place": (PLACE_RADIUS, f'fill="{LINE}"'),
        "origin": (
            ORIGIN_RADIUS,
            f'fill="#fff" stroke="{LINE}" stroke-width="2" vector-effect="non-scaling-stroke"',
        ),
        "current": (
            CURRENT_RADIUS,
            f'fill="{CURRENT}" stroke="#fff" stroke-width="2" vector-effect="non-scaling-stroke"',
        ),
    }
    for place in plan.places:
        share, paint = style[place.role]
        classes = (
            "route-map-place"
            if place.role == "place"
            else f"route-map-place route-map-{place.role}"
        )
        label = f"<title>{html.escape(place.label, quote=True)}</title>" if place.label else ""
        out.append(
            f'<circle class="{classes}" cx="{_num(place.x / grid)}" cy="{_num(place.y / grid)}" '
            f'r="{_num(share * vw)}" {paint}>{label}</circle>'
        )
    out.append("</svg>")
    return "".join(out)
