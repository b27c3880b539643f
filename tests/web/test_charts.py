"""The dashboard's SVG charts: valid markup, faithful scales, escaped labels, nothing remote."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from crosstrack.web.charts import Bar, Series, Spread, bar_chart, line_chart, spread_chart


def _svg(markup: str) -> ET.Element:
    assert "http" not in markup and "<script" not in markup
    return ET.fromstring(markup)


def test_bars_are_proportional_to_their_values_and_labelled() -> None:
    root = _svg(bar_chart("Exceptions", [Bar("DHL", 10), Bar("La Poste", 5), Bar("UPS", 0)]))
    widths = [float(r.get("width", "0")) for r in root.iter("rect")]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert root.find("title") is not None and root.get("role") == "img"
    texts = [t.text for t in root.iter("text")]
    assert "DHL" in texts and "10" in texts


def test_rates_are_shown_as_percentages_on_a_scale_to_one_hundred() -> None:
    root = _svg(bar_chart("On time", [Bar("FR", 0.5)], percent=True))
    (rect,) = root.iter("rect")
    assert "50%" in [t.text for t in root.iter("text")]
    full = 640 - 170 - 70
    assert abs(float(rect.get("width", "0")) - full / 2) < 0.1


def test_a_spread_draws_p10_to_p90_with_the_median_inside() -> None:
    root = _svg(spread_chart("Transit", [Spread("CN → FR", 6.0, 9.0, 14.0)], unit="d"))
    ranges = [r for r in root.iter("rect") if r.get("class") == "chart-range"]
    medians = [r for r in root.iter("rect") if r.get("class") == "chart-median"]
    (band,), (tick,) = ranges, medians
    start = float(band.get("x", "0"))
    end = start + float(band.get("width", "0"))
    assert start < float(tick.get("x", "0")) < end
    assert "9 d" in [t.text for t in root.iter("text")]


def test_lines_break_at_gaps_and_differ_by_dash_as_well_as_colour() -> None:
    series = [
        Series("DHL", (("W1", 5.0), ("W2", None), ("W3", 7.0), ("W4", 8.0))),
        Series("La Poste", (("W1", 9.0), ("W2", 10.0), ("W3", 9.5), ("W4", 9.0))),
    ]
    root = _svg(line_chart("Weekly median", series, unit="d"))
    lines = list(root.iter("polyline"))
    assert len(lines) == 3  # DHL broken in two by its gap, La Poste whole
    dashes = {line.get("stroke-dasharray") for line in lines}
    assert None in dashes and "6 3" in dashes


def test_labels_are_escaped_and_empty_data_says_so() -> None:
    markup = bar_chart("<b>", [Bar('<script>alert("x")</script>', 1)])
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    _svg(markup)
    assert "No data for this selection." in bar_chart("Nothing", [])
    assert "No data for this selection." in line_chart("Nothing", [Series("a", (("W1", None),))])
