"""Loads the packaged carrier directory (``directory.json``) into domain values."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from crosstrack.domain.carriers import CarrierDirectory, CarrierInfo, CarrierLinks
from crosstrack.domain.errors import DataFileError

DIRECTORY_FILE = "directory.json"
LINKS_FILE = "links.json"


def _carrier(row: Any) -> CarrierInfo:
    return CarrierInfo(
        slug=str(row["slug"]),
        name=str(row["name"]),
        country=str(row["country"]) if row.get("country") else None,
        timezone=str(row["timezone"]) if row.get("timezone") else None,
        aliases=tuple(str(a) for a in row.get("aliases", ())),
    )


def _read(name: str) -> Any:
    text = (resources.files("crosstrack.carriers") / name).read_text(encoding="utf-8")
    return json.loads(text)


def load_carriers() -> tuple[CarrierInfo, ...]:
    """Every carrier in ``directory.json``, in file order."""
    try:
        return tuple(_carrier(row) for row in _read(DIRECTORY_FILE)["carriers"])
    except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"cannot read carrier directory {DIRECTORY_FILE}: {exc!r}") from exc


def load_directory() -> CarrierDirectory:
    """A :class:`CarrierDirectory` of every packaged carrier."""
    return CarrierDirectory(load_carriers())


def load_links() -> dict[str, CarrierLinks]:
    """Carrier slug -> its public web links (``links.json``), for the carriers listed."""
    try:
        return {
            str(slug): CarrierLinks(
                website=str(row["website"]),
                tracking_url=str(row["tracking_url"]) if row.get("tracking_url") else None,
            )
            for slug, row in _read(LINKS_FILE)["links"].items()
        }
    except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"cannot read carrier links {LINKS_FILE}: {exc!r}") from exc
