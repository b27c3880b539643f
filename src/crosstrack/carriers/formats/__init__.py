"""The packaged tracking-number formats, read from JSON data files.

* ``tracking_number_data/`` — the vendored files of the tracking_number_data project (MIT,
  see its LICENSE), unmodified: one file per courier plus the UPU S10 file.
* ``overlay.json`` — crosstrack's reading of those files: carrier slugs, standards, home
  countries, the postal operator behind each S10 country code, the China EMS rule.
* ``crosstrack_formats.json`` — crosstrack's own formats, same schema, for cross-border
  carriers the vendored data lacks (Cainiao, 4PX, Yanwen, SF Express, J&T, PostNL 3S), each
  with a ``source`` note; plus ``operator_examples`` checked against the S10 operator table.

:func:`load_formats` returns pure :class:`~crosstrack.domain.number_formats.NumberFormat`
values for :class:`~crosstrack.domain.numbers.TrackingNumberDetector`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from crosstrack.carriers.formats.schema import formats_from_courier
from crosstrack.domain.errors import DataFileError
from crosstrack.domain.number_formats import NumberFormat

VENDORED_DIR = "tracking_number_data"
OVERLAY_FILE = "overlay.json"
OWN_FORMATS_FILE = "crosstrack_formats.json"


def _data() -> Traversable:
    return resources.files(__name__)


def read_json(name: str, folder: str | None = None) -> Any:
    """One packaged JSON file of this package (``folder`` for the vendored sub-folder)."""
    base = _data() / folder if folder else _data()
    try:
        return json.loads((base / name).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(f"cannot read number-format data {name}: {exc}") from exc


def vendored_courier_files() -> tuple[str, ...]:
    """Names of the vendored courier files (the glossary is not a courier)."""
    names = sorted(p.name for p in (_data() / VENDORED_DIR).iterdir() if p.name.endswith(".json"))
    return tuple(n for n in names if "tracking_numbers" in read_json(n, VENDORED_DIR))


@cache
def load_formats() -> tuple[NumberFormat, ...]:
    """Every packaged number format: the vendored ones, then crosstrack's own."""
    overlay = read_json(OVERLAY_FILE)
    formats: list[NumberFormat] = []
    for name in vendored_courier_files():
        doc = read_json(name, VENDORED_DIR)
        formats.extend(formats_from_courier(doc, overlay, f"{VENDORED_DIR}/{name}"))
    for doc in read_json(OWN_FORMATS_FILE)["couriers"]:
        formats.extend(formats_from_courier(doc, overlay, OWN_FORMATS_FILE))
    ids = [f.id for f in formats]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise DataFileError(f"duplicate number-format ids: {', '.join(duplicates)}")
    return tuple(formats)
