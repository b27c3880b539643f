"""Loads the packaged carrier directory (``directory.json``) into domain values."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from crosstrack.domain.carriers import CarrierDirectory, CarrierInfo
from crosstrack.domain.errors import DataFileError

DIRECTORY_FILE = "directory.json"


def _carrier(row: Any) -> CarrierInfo:
    return CarrierInfo(
        slug=str(row["slug"]),
        name=str(row["name"]),
        country=str(row["country"]) if row.get("country") else None,
        timezone=str(row["timezone"]) if row.get("timezone") else None,
        aliases=tuple(str(a) for a in row.get("aliases", ())),
    )


def load_carriers() -> tuple[CarrierInfo, ...]:
    """Every carrier in ``directory.json``, in file order."""
    try:
        text = (resources.files("crosstrack.carriers") / DIRECTORY_FILE).read_text(encoding="utf-8")
        return tuple(_carrier(row) for row in json.loads(text)["carriers"])
    except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"cannot read carrier directory {DIRECTORY_FILE}: {exc!r}") from exc


def load_directory() -> CarrierDirectory:
    """A :class:`CarrierDirectory` of every packaged carrier."""
    return CarrierDirectory(load_carriers())
