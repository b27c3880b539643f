"""Build ``src/crosstrack/web/data/world.json``: the country outlines of the route map.

    pip install pyshp            # into the venv, for this script only (never a runtime dependency)
    pip download geopandas==0.14.4 --no-deps -d /tmp/ne
    cd /tmp/ne && unzip geopandas-0.14.4-py3-none-any.whl \\
        'geopandas/datasets/naturalearth_lowres/naturalearth_lowres.*'
    python tools/build_world_map.py \\
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres

The source is Natural Earth's 1:110m "Admin 0 – Countries" (public domain), as shipped in the
geopandas 0.14 wheel (``naturalearth_lowres``). The output is deterministic: the same shapefile
always gives the same bytes.

Projection: Miller cylindrical, x = λ, y = 1.25·ln tan(π/4 + 0.4·φ), scaled so the world is
``WIDTH`` = 1000 px wide (and about 733 px high), origin at the top-left (180°W, 90°N), y down
as in SVG. Why Miller: it is a closed formula (no Robinson table to interpolate), it keeps
every latitude finite (Antarctica and the Arctic fit, unlike Mercator), and it is close to
conformal at the latitudes parcels travel through, so a map cropped to one region (Europe,
the northeast of China, Japan, the United States) looks like the maps people know. An
equirectangular map squashes Scandinavia and Canada to half their height.

Simplification: Douglas–Peucker per ring, at three levels of detail, each quantized on its
own grid (coordinates are integers in grid units, so the path data needs no decimal points):

========  ==================  =====================  =======================================
level     tolerance (px)      grid (px of the 1000)  used by the renderer for views up to
========  ==================  =====================  =======================================
fine      0.12                0.1                    ``max_view`` px wide (a country or two)
mid       0.45                0.25                   ``max_view`` px wide (a continent)
coarse    1.2                 1                      anything wider (two continents)
========  ==================  =====================  =======================================

A view is drawn about 350–700 CSS px wide, so every level keeps the error near one screen
pixel while a two-continent map carries a fraction of the vertices of the fine one. Rings that
collapse below a triangle at a level (small islands) are left out of that level.

Path data: each polygon (an outer ring and its holes) is one SVG path string in the level's
grid units, ``M x y`` absolute, then relative ``l`` deltas, ``z``; later rings of the same
polygon start with a relative ``m`` (from the previous ring's start point, where ``z`` leaves
the pen), so moving a polygon by a whole world (across the antimeridian) only rewrites its
first ``M``. Ring orientation is kept from the source (holes run the other way), so the
default ``nonzero`` fill rule draws lakes and enclaves right.

Country keys are ISO 3166-1 alpha-2. ``iso_a3`` is ``-99`` for a few features in some Natural
Earth releases (France and Norway in older ones, Kosovo here), so those are mapped by name;
the two features ISO 3166 has no code for (N. Cyprus, Somaliland) are merged into CY and SO.
Kosovo gets the user-assigned ``XK`` that carriers and the EU use.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

import pycountry
import shapefile  # type: ignore[import-untyped]  # pyshp: a build-time tool only

WIDTH = 1000.0
PX_PER_RADIAN = WIDTH / (2 * math.pi)
OUT = Path(__file__).resolve().parents[1] / "src" / "crosstrack" / "web" / "data" / "world.json"


def miller_y(lat: float) -> float:
    """Miller's y in radians for a latitude in degrees (north positive)."""
    phi = math.radians(max(-90.0, min(90.0, lat)))
    return 1.25 * math.log(math.tan(math.pi / 4 + 0.4 * phi))


Y_TOP = miller_y(90.0)
HEIGHT = 2 * Y_TOP * PX_PER_RADIAN

# (name, tolerance in px, grid in px, widest view in px the renderer uses this level for)
LEVELS: tuple[tuple[str, float, float, float | None], ...] = (
    ("fine", 0.12, 0.1, 130.0),
    ("mid", 0.45, 0.25, 420.0),
    ("coarse", 1.2, 1.0, None),
)

# Natural Earth names whose iso_a3 is missing (-99) in some release, or has no ISO code.
BY_NAME = {
    "France": "FR",
    "Norway": "NO",
    "Kosovo": "XK",
    "N. Cyprus": "CY",
    "Somaliland": "SO",
}
# Features drawn as part of another country's key (the country keeps its own name).
MERGED = frozenset({"N. Cyprus", "Somaliland"})
# alpha-3 codes pycountry might not know (kept tiny: the build fails loudly on any other).
EXTRA_A3: dict[str, str] = {}

Point = tuple[float, float]


def project(lon: float, lat: float) -> Point:
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (Y_TOP - miller_y(lat)) * PX_PER_RADIAN
    return x, y


def alpha2(name: str, iso_a3: str) -> str:
    if name in BY_NAME:
        return BY_NAME[name]
    if iso_a3 in EXTRA_A3:
        return EXTRA_A3[iso_a3]
    country = pycountry.countries.get(alpha_3=iso_a3)
    if country is None:
        raise SystemExit(f"no ISO 3166 alpha-2 code for {name!r} ({iso_a3}): add it to BY_NAME")
    return str(country.alpha_2)


def signed_area(ring: list[Point]) -> float:
    """Shoelace area; positive for counter-clockwise in a y-up frame (lon/lat)."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker on an open polyline (first and last points kept); iterative."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            d = _segment_distance(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index != -1 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: list[Point], tolerance: float) -> list[Point]:
    """Simplify a closed ring (first point == last): split at the vertex farthest from the first."""
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    if len(ring) < 3:
        return []
    far = max(range(len(ring)), key=lambda i: math.dist(ring[0], ring[i]))
    first = douglas_peucker(ring[: far + 1], tolerance)
    second = douglas_peucker([*ring[far:], ring[0]], tolerance)
    return first + second[1:-1]


def quantize(ring: list[Point], grid: float) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for x, y in ring:
        q = (round(x / grid), round(y / grid))
        if not out or out[-1] != q:
            out.append(q)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    # A ring whose area rounds to nothing draws nothing: leave it out.
    if len(out) < 3:
        return []
    area = 0.5 * abs(
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(out, [*out[1:], out[0]], strict=True))
    )
    return out if area >= 1.0 else []


def _pairs(deltas: list[tuple[int, int]]) -> str:
    text = ""
    for dx, dy in deltas:
        for value in (dx, dy):
            part = str(value)
            if text and not part.startswith("-"):
                text += " "
            text += part
    return text


def encode_polygon(rings: list[list[tuple[int, int]]]) -> str:
    """SVG path data: absolute ``M`` for the first ring, relative ``m`` for the next ones."""
    parts: list[str] = []
    start: tuple[int, int] | None = None
    for ring in rings:
        x0, y0 = ring[0]
        # The first ring starts absolute; the next ones from the previous ring's start.
        head = f"M{x0} {y0}" if start is None else "m" + _pairs([(x0 - start[0], y0 - start[1])])
        start = (x0, y0)
        deltas = [(x1 - xa, y1 - ya) for (xa, ya), (x1, y1) in itertools.pairwise(ring)]
        parts.append(f"{head}l{_pairs(deltas)}z")
    return "".join(parts)


def polygons_of(shape: Any) -> list[list[list[Point]]]:
    """Group a shape's rings into polygons: an outer ring (clockwise in lon/lat) and its holes."""
    starts = [*shape.parts, len(shape.points)]
    polygons: list[list[list[Point]]] = []
    for begin, end in itertools.pairwise(starts):
        lonlat = [(float(x), float(y)) for x, y in shape.points[begin:end]]
        ring = [project(lon, lat) for lon, lat in lonlat]
        if signed_area(lonlat) < 0 or not polygons:  # clockwise: a new outer ring
            polygons.append([ring])
        else:
            polygons[-1].append(ring)
    return polygons


def bbox(points: list[Point]) -> list[float]:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return [
        math.floor(min(xs) * 10) / 10,
        math.floor(min(ys) * 10) / 10,
        math.ceil(max(xs) * 10) / 10,
        math.ceil(max(ys) * 10) / 10,
    ]


def union(boxes: list[list[float]]) -> list[float]:
    return [
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    ]


def build(source: str) -> dict[str, Any]:
    reader = shapefile.Reader(source)
    countries: dict[str, dict[str, Any]] = {}
    for item in reader.iterShapeRecords():
        record = item.record.as_dict()
        key = alpha2(str(record["name"]), str(record["iso_a3"]))
        entry = countries.setdefault(key, {"name": None, "bbox": None, "polygons": []})
        if entry["name"] is None or record["name"] not in MERGED:
            entry["name"] = str(record["name"])
        for polygon in polygons_of(item.shape):
            paths: list[str] = []
            for _, tolerance, grid, _ in LEVELS:
                rings: list[list[tuple[int, int]]] = []
                for index, ring in enumerate(polygon):
                    q = quantize(simplify_ring(ring, tolerance), grid)
                    if not q and index == 0:
                        break  # the outer ring vanished at this level: so does the polygon
                    if q:
                        rings.append(q)
                paths.append(encode_polygon(rings) if rings else "")
            if any(paths):
                entry["polygons"].append([bbox(polygon[0]), paths])
    for entry in countries.values():
        entry["bbox"] = union([box for box, _ in entry["polygons"]])
        # Largest polygon first (stable, deterministic order).
        entry["polygons"].sort(key=lambda p: (-(p[0][2] - p[0][0]) * (p[0][3] - p[0][1]), p[0]))
    return {
        "source": "Natural Earth 1:110m Admin 0 - Countries (public domain), via geopandas 0.14.4",
        "projection": "miller",
        "width": WIDTH,
        "height": round(HEIGHT, 3),
        "levels": [
            {"name": name, "tolerance": tol, "grid": grid, "max_view": max_view}
            for name, tol, grid, max_view in LEVELS
        ],
        "countries": dict(sorted(countries.items())),
    }


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    data = build(argv[1])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"
    OUT.write_text(text, encoding="utf-8")
    per_level = [
        sum(len(p[1][i]) for c in data["countries"].values() for p in c["polygons"])
        for i in range(len(LEVELS))
    ]
    print(
        f"{OUT.name}: {len(text.encode()):,} bytes, {len(data['countries'])} countries; "
        f"path data per level: "
        + ", ".join(f"{name} {size:,}" for (name, *_), size in zip(LEVELS, per_level, strict=True))
    )


if __name__ == "__main__":
    main(sys.argv)
