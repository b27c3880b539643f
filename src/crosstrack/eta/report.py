"""The backtest report: markdown tables, ``metrics.json`` and PNG plots in one directory."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from crosstrack.eta.backtest import MODEL, BacktestResult

ENOUGH = 200
"""A breakdown row with fewer judged snapshots is marked as thin (``*``)."""
_SUMMARY = (
    ("n", "n", "{:.0f}"),
    ("mae", "MAE", "{:.2f}"),
    ("median_ae", "MedAE", "{:.1f}"),
    ("bias", "bias", "{:+.2f}"),
    ("exact", "exact", "{:.0%}"),
    ("within_1", "±1 d", "{:.0%}"),
    ("within_2", "±2 d", "{:.0%}"),
    ("coverage_80", "80% cover", "{:.1%}"),
    ("width_80", "width", "{:.1f}"),
    ("pinball", "pinball", "{:.2f}"),
    ("winkler_80", "Winkler", "{:.1f}"),
    ("by_p90", "by P90", "{:.1%}"),
)
_BREAKDOWN = ("n", "mae", "bias", "coverage_80", "width_80", "winkler_80")


def summary_table(result: BacktestResult, mask: np.ndarray | None = None) -> str:
    """Markdown table: one row per method, every metric."""
    lines = [
        "| method | " + " | ".join(label for _, label, _ in _SUMMARY) + " |",
        "|---|" + "---:|" * len(_SUMMARY),
    ]
    for method in result.methods:
        values = result.metrics(method, mask)
        lines.append(
            f"| {method} | " + " | ".join(_fmt(fmt, values[key]) for key, _, fmt in _SUMMARY) + " |"
        )
    return "\n".join(lines)


def breakdown_table(result: BacktestResult, attribute: str, methods: Sequence[str]) -> str:
    """Markdown table: per value of ``attribute`` and method, the key metrics."""
    columns = [(k, label, fmt) for k, label, fmt in _SUMMARY if k in _BREAKDOWN]
    lines = [
        f"| {attribute} | method | " + " | ".join(label for _, label, _ in columns) + " |",
        "|---|---|" + "---:|" * len(columns),
    ]
    for value in sorted(set(getattr(result, attribute))):
        mask = result.mask(attribute, value)
        thin = "" if int(mask.sum()) >= ENOUGH else " *"
        for method in methods:
            values = result.metrics(method, mask)
            cells = " | ".join(_fmt(fmt, values[key]) for key, _, fmt in columns)
            lines.append(f"| {value}{thin} | {method} | {cells} |")
    return "\n".join(lines)


def _fmt(fmt: str, value: float) -> str:
    return "–" if isinstance(value, float) and math.isnan(value) else fmt.format(value)


def render_markdown(result: BacktestResult, title: str) -> str:
    """The whole report as markdown."""
    methods = [m for m in result.methods if m in (MODEL, "B2")]
    scores = result.promise_scores()
    parts = [
        f"# {title}",
        "",
        f"Folds: {len(result.folds)}; judged snapshots: {len(result.actual)}; shipments created in "
        f"the folds without a delivery (not judged): {result.undelivered}. Days are the "
        "destination's calendar days; width = P90 − P10 days; rows marked * have fewer than "
        f"{ENOUGH} snapshots.",
        "",
        "## All checkpoints",
        summary_table(result),
        "",
        "## At creation",
        summary_table(result, result.mask("checkpoint", "created")),
        "",
        "## By checkpoint",
        breakdown_table(result, "checkpoint", methods),
        "",
        "## By fold (trained up to the date, judged on the month after)",
        breakdown_table(result, "fold", methods),
        "",
        "## By service",
        breakdown_table(result, "service", methods),
        "",
        "## By lane",
        breakdown_table(result, "lane", methods),
        "",
        "## Probability of meeting the promised day",
        f"Brier score {scores['brier']:.3f} over {scores['n']} snapshots taken before the promised "
        "day ended.",
        "",
        "| predicted | mean predicted | share on time | n |",
        "|---|---:|---:|---:|",
        *(
            f"| {row['bin']} | {row['predicted']:.2f} | {row['observed']:.2f} | {row['n']} |"
            for row in _rows(scores["reliability"])
        ),
        "",
        "## Folds",
        "| trained up to | judged until | training shipments | judged shipments | snapshots |",
        "|---|---|---:|---:|---:|",
        *(
            f"| {f['cutoff']} | {f['until']} | {f['trained_on']} | {f['judged_shipments']} | "
            f"{f['judged_snapshots']} |"
            for f in result.folds
        ),
        "",
    ]
    return "\n".join(parts)


def _rows(value: object) -> list[dict[str, Any]]:
    return list(value) if isinstance(value, list) else []


def write_report(result: BacktestResult, directory: str | Path, title: str) -> Path:
    """Write ``report.md``, ``metrics.json`` and the plots; returns the markdown's path."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    markdown = render_markdown(result, title)
    (root / "report.md").write_text(markdown, encoding="utf-8")
    metrics = {
        "overall": {m: result.metrics(m) for m in result.methods},
        "created": {
            m: result.metrics(m, result.mask("checkpoint", "created")) for m in result.methods
        },
        "by_checkpoint": _by(result, "checkpoint"),
        "by_service": _by(result, "service"),
        "by_lane": _by(result, "lane"),
        "on_time": result.promise_scores(),
        "folds": result.folds,
    }
    (root / "metrics.json").write_text(
        json.dumps(metrics, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    _plots(result, root)
    return root / "report.md"


def _by(result: BacktestResult, attribute: str) -> dict[str, dict[str, dict[str, float]]]:
    return {
        value: {m: result.metrics(m, result.mask(attribute, value)) for m in result.methods}
        for value in sorted(set(getattr(result, attribute)))
    }


def _plots(result: BacktestResult, root: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    checkpoints = sorted(set(result.checkpoint))
    methods = [m for m in result.methods if m != "promise"]
    for key, label, name in (
        (
            "coverage_80",
            "share of deliveries inside the P10–P90 window",
            "coverage_by_checkpoint.png",
        ),
        ("mae", "mean absolute error of the P50 day (days)", "mae_by_checkpoint.png"),
    ):
        figure, axes = plt.subplots(figsize=(10, 4.5))
        width = 0.8 / len(methods)
        for i, method in enumerate(methods):
            values = [
                result.metrics(method, result.mask("checkpoint", c))[key] for c in checkpoints
            ]
            axes.bar(np.arange(len(checkpoints)) + i * width, values, width, label=method)
        if key == "coverage_80":
            axes.axhline(0.8, color="black", linewidth=0.8, linestyle="--")
        axes.set_xticks(np.arange(len(checkpoints)) + 0.4 - width / 2)
        axes.set_xticklabels(checkpoints, rotation=30, ha="right", fontsize=8)
        axes.set_ylabel(label)
        axes.legend()
        figure.tight_layout()
        figure.savefig(root / name, dpi=90)
        plt.close(figure)
    rows = _rows(result.promise_scores()["reliability"])
    figure, axes = plt.subplots(figsize=(4.5, 4.5))
    axes.plot([0, 1], [0, 1], color="black", linewidth=0.8, linestyle="--")
    axes.plot([r["predicted"] for r in rows], [r["observed"] for r in rows], marker="o")
    axes.set_xlabel("predicted P(on time)")
    axes.set_ylabel("share delivered by the promised day")
    figure.tight_layout()
    figure.savefig(root / "on_time_reliability.png", dpi=90)
    plt.close(figure)
