"""Charts for the dashboard, drawn on the server as inline SVG.

No charting library is fetched by the browser and no script runs: each function returns SVG
markup (labels escaped) sized by its ``viewBox``, so it scales to any width. Every chart has a
``<title>`` and ``role="img"``; the page shows the table behind it too, which is what screen
readers and the CSV export read. Colours come from CSS classes (``chart-bar``,
``chart-series-N``) with defaults set as attributes; series differ by dash pattern as well as
colour, for readers who do not see colour.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 170
ROW_HEIGHT = 22
PALETTE = ("#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0f766e")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float


@dataclass(frozen=True, slots=True)
class Spread:
    """A distribution as three quantiles (P10, P50, P90)."""

    label: str
    low: float
    middle: float
    high: float


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    points: tuple[tuple[str, float | None], ...]
    """(x label, value) in x order; ``None`` is a gap."""


def bar_chart(title: str, bars: Sequence[Bar], *, unit: str = "", percent: bool = False) -> str:
    """Horizontal bars, one per row, longest scale from zero to the largest value."""
    if not bars:
        return _empty(title)
    top = max((b.value for b in bars), default=0.0) or 1.0
    if percent:
        top = max(top, 1.0)
    height = ROW_HEIGHT * len(bars) + 30
    span = WIDTH - LABEL_WIDTH - 70
    parts = [_open(title, height)]
    for n, bar in enumerate(bars):
        y = 10 + n * ROW_HEIGHT
        length = max(0.0, bar.value) / top * span
        parts.append(_label(bar.label, y + 14))
        parts.append(
            f'<rect class="chart-bar" x="{LABEL_WIDTH}" y="{y + 3}" width="{length:.1f}" '
            f'height="{ROW_HEIGHT - 7}" fill="{PALETTE[0]}"/>'
        )
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{y + 14}" font-size="11" '
            f'fill="#374151">{_escape(_number(bar.value, unit, percent))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def spread_chart(title: str, spreads: Sequence[Spread], *, unit: str = "") -> str:
    """P10–P90 as a bar and P50 as a tick, one row each, on one scale from zero."""
    if not spreads:
        return _empty(title)
    top = max(s.high for s in spreads) or 1.0
    height = ROW_HEIGHT * len(spreads) + 40
    span = WIDTH - LABEL_WIDTH - 90
    parts = [_open(title, height)]
    for n, spread in enumerate(spreads):
        y = 10 + n * ROW_HEIGHT
        x0 = LABEL_WIDTH + spread.low / top * span
        x1 = LABEL_WIDTH + spread.high / top * span
        xm = LABEL_WIDTH + spread.middle / top * span
        parts.append(_label(spread.label, y + 14))
        parts.append(
            f'<rect class="chart-range" x="{x0:.1f}" y="{y + 6}" width="{max(x1 - x0, 1):.1f}" '
            f'height="{ROW_HEIGHT - 12}" fill="#93c5fd"/>'
            f'<rect class="chart-median" x="{xm - 1.5:.1f}" y="{y + 2}" width="3" '
            f'height="{ROW_HEIGHT - 4}" fill="{PALETTE[0]}"/>'
            f'<text x="{x1 + 4:.1f}" y="{y + 14}" font-size="11" fill="#374151">'
            f"{_escape(_number(spread.middle, unit))}</text>"
        )
    axis_y = 10 + len(spreads) * ROW_HEIGHT + 14
    parts.append(
        f'<text x="{LABEL_WIDTH}" y="{axis_y}" font-size="11" fill="#4b5563">'
        f"{_escape('bar: P10 to P90 · tick and figure: P50')}</text></svg>"
    )
    return "".join(parts)


def line_chart(title: str, series: Sequence[Series], *, unit: str = "") -> str:
    """Lines over shared x labels (weeks), with a legend; at most six series."""
    shown = [s for s in series if any(v is not None for _x, v in s.points)][: len(PALETTE)]
    if not shown:
        return _empty(title)
    labels = list(dict.fromkeys(x for s in shown for x, _v in s.points))
    values = [v for s in shown for _x, v in s.points if v is not None]
    top = _nice(max(values)) if values else 1.0
    left, right, plot_top, plot_height = 50, 15, 15, 170
    legend_rows = math.ceil(len(shown) / 3)
    height = plot_top + plot_height + 30 + legend_rows * 18
    span = WIDTH - left - right
    step = span / max(len(labels) - 1, 1)
    parts = [_open(title, height)]
    for tick in (0.0, top / 2, top):
        y = plot_top + plot_height - tick / top * plot_height
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e7eb"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="#4b5563">{_escape(_number(tick, unit))}</text>'
        )
    every = max(1, math.ceil(len(labels) / 8))
    for n, label in enumerate(labels):
        if n % every == 0:
            x = left + n * step
            parts.append(
                f'<text x="{x:.1f}" y="{plot_top + plot_height + 14}" font-size="10" '
                f'text-anchor="middle" fill="#4b5563">{_escape(label)}</text>'
            )
    position = {label: n for n, label in enumerate(labels)}
    for k, one in enumerate(shown):
        for run in _runs(one.points):
            points = " ".join(
                f"{left + position[x] * step:.1f},"
                f"{plot_top + plot_height - v / top * plot_height:.1f}"
                for x, v in run
            )
            dash = f' stroke-dasharray="{DASHES[k]}"' if DASHES[k] else ""
            parts.append(
                f'<polyline class="chart-series-{k}" points="{points}" fill="none" '
                f'stroke="{PALETTE[k]}" stroke-width="2"{dash}/>'
            )
        lx = left + (k % 3) * 190
        ly = plot_top + plot_height + 32 + (k // 3) * 18
        dash = f' stroke-dasharray="{DASHES[k]}"' if DASHES[k] else ""
        parts.append(
            f'<line x1="{lx}" x2="{lx + 22}" y1="{ly - 4}" y2="{ly - 4}" stroke="{PALETTE[k]}" '
            f'stroke-width="2"{dash}/><text x="{lx + 27}" y="{ly}" font-size="11" '
            f'fill="#111827">{_escape(one.name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _runs(points: Sequence[tuple[str, float | None]]) -> list[list[tuple[str, float]]]:
    """The unbroken stretches of a series (a ``None`` breaks the line)."""
    runs: list[list[tuple[str, float]]] = [[]]
    for x, v in points:
        if v is None:
            runs.append([])
        else:
            runs[-1].append((x, v))
    return [run for run in runs if run]


def _open(title: str, height: float) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-label="{_escape(title)}" font-family="system-ui,sans-serif">'
        f"<title>{_escape(title)}</title>"
    )


def _empty(title: str) -> str:
    return _open(title, 40) + (
        '<text x="10" y="25" font-size="13" fill="#4b5563">No data for this selection.</text></svg>'
    )


def _label(text: str, y: float) -> str:
    short = text if len(text) <= 26 else text[:25] + "…"
    return (
        f'<text x="{LABEL_WIDTH - 6}" y="{y}" font-size="11" text-anchor="end" '
        f'fill="#111827">{_escape(short)}</text>'
    )


def _number(value: float, unit: str, percent: bool = False) -> str:
    if percent:
        return f"{value * 100:.0f}%"
    text = f"{value:.1f}".removesuffix(".0") if abs(value) < 100 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def _nice(value: float) -> float:
    """A round top for an axis at or above ``value``."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
