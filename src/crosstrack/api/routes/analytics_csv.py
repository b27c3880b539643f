"""A view as one CSV table: a row per entry of each of its lists, named by ``section``.

The report's scope and settings make the first row (``section`` = ``scope``); then each
top-level object (``overall``) is a row, and each list (``lanes``, ``weeks``...) a row per
entry. Nested objects are flattened with ``_`` (``transit_p50``, ``lane_origin``); a list
inside an entry (``causes``) becomes rows of its own (``by_carrier.causes``) that repeat the
entry's plain values. Empty cells are nulls; dates are ISO; booleans ``true``/``false``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

Row = dict[str, Any]


def _flat(value: dict[str, Any], prefix: str = "") -> tuple[Row, dict[str, list[Any]]]:
    """A dict's plain values (nested dicts flattened) and its lists of objects, apart."""
    plain: Row = {}
    lists: dict[str, list[Any]] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            inner, nested = _flat(item, f"{name}_")
            plain.update(inner)
            lists.update(nested)
        elif isinstance(item, list):
            lists[name] = item
        else:
            plain[name] = item
    return plain, lists


def _rows(section: str, value: dict[str, Any], inherited: Row) -> Iterator[Row]:
    plain, lists = _flat(value)
    yield {"section": section, **inherited, **plain}
    for name, items in lists.items():
        for item in items:
            yield from _rows(f"{section}.{name}", item, {**inherited, **plain})


def report_rows(report: BaseModel) -> list[Row]:
    """Every row of a report, the scope first."""
    data = report.model_dump(mode="json")
    header: Row = {"section": "scope", **data.pop("scope")}
    header.update({k: v for k, v in data.items() if not isinstance(v, dict | list)})
    rows = [header]
    for key, value in data.items():
        if isinstance(value, dict):
            rows.extend(_rows(key, value, {}))
        elif isinstance(value, list):
            for item in value:
                rows.extend(_rows(key, item, {}) if isinstance(item, dict) else [])
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def report_csv(report: BaseModel) -> str:
    """The report as CSV text (a header of every column that has a value somewhere)."""
    rows = report_rows(report)
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(_cell(row.get(column)) for column in columns)
    return out.getvalue()
