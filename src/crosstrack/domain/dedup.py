"""Recognising the same scan reported twice, and keeping one copy of it.

A scan can reach us twice: by webhook and by poll, or from an aggregator and from the carrier
itself, or from the origin post mirroring the destination post's scans under the same S10
number. Two events are *the same scan* when they share a tracking number and

* happened at the same moment (within ``tolerance``, one minute by default; or their raw
  timestamp texts are identical; or, when one copy's zone was only assumed, their local wall
  clock readings agree), and
* have the same status and milestone, and
* have similar descriptions (the same words after folding case, accents, whitespace and
  punctuation; or one copy decorating or truncating the other), and
* have compatible locations (no conflicting country or city; an empty location fits any).

Exact copies (equal in every field) always collapse. Groups are the connected components of
this relation, so the result does not depend on the order events arrive in, and no two events
that survive are the same scan. Each group keeps its richest copy: the most filled-in fields,
then the highest confidence, then the strongest time basis, then the smallest content key.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crosstrack.domain.handover import normalized_tracking_number
from crosstrack.domain.model import Location, NormalizedEvent, TimeBasis

#: A copy may add this many words around the other copy's text (a carrier name, a prefix).
MAX_EXTRA_WORDS = 3
#: A copy cut short must keep at least this many characters to still count as the same text.
MIN_TRUNCATED_LENGTH = 16

_PUNCTUATION = re.compile(r"[\W_]+")
_WEAK_BASES = frozenset({TimeBasis.CARRIER_ZONE, TimeBasis.ASSUMED_UTC})
_BASIS_STRENGTH = {
    TimeBasis.OFFSET_GIVEN: 4,
    TimeBasis.LOCATION_ZONE: 3,
    TimeBasis.CARRIER_ZONE: 2,
    TimeBasis.ASSUMED_UTC: 1,
    TimeBasis.MISSING: 0,
}


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """One scan: the copy kept, and every distinct copy reported (the kept one included)."""

    kept: NormalizedEvent
    copies: tuple[NormalizedEvent, ...]


def fold_text(text: str | None) -> str:
    """Case-, whitespace- and punctuation-insensitive form of a text (``""`` for none)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


#: Keys already computed, by object identity (events are immutable; the entry keeps the event
#: alive, so its id cannot be reused while cached). A timeline asks for the same event's key in
#: several passes; this turns the repeats into one dictionary look-up.
_KEYS: dict[int, tuple[NormalizedEvent, tuple[str, ...]]] = {}
_KEYS_MAX = 50_000


def content_key(event: NormalizedEvent) -> tuple[str, ...]:
    """A total, input-order-free sort key over every field; equal events have equal keys."""
    cached = _KEYS.get(id(event))
    if cached is not None and cached[0] is event:
        return cached[1]
    if len(_KEYS) >= _KEYS_MAX:
        _KEYS.clear()
    key = _content_key(event)
    _KEYS[id(event)] = (event, key)
    return key


def _content_key(event: NormalizedEvent) -> tuple[str, ...]:
    raw, loc = event.raw, event.location
    return (
        event.occurred_at.astimezone(UTC).isoformat() if event.occurred_at else "",
        normalized_tracking_number(raw.tracking_number),
        raw.carrier or "",
        event.status.value,
        event.milestone.value,
        event.reason.value,
        raw.description,
        raw.timestamp or "",
        raw.location or "",
        raw.raw_status_code or "",
        raw.language or "",
        raw.tracking_number or "",
        repr(event.confidence),
        event.time_basis.value,
        repr(event.utc_offset_minutes),
        event.rule,
        repr((loc.text, loc.city, loc.region, loc.postcode, loc.country)),
        repr((loc.latitude, loc.longitude, loc.timezone)),
        json.dumps(raw.extra, sort_keys=True, default=repr, ensure_ascii=False),
    )


def _local_reading(event: NormalizedEvent) -> datetime | None:
    """The wall-clock time the carrier printed, as far as we can rebuild it."""
    if event.occurred_at is None:
        return None
    if event.time_basis is TimeBasis.ASSUMED_UTC:
        return event.occurred_at.replace(tzinfo=None)
    if event.utc_offset_minutes is None:
        return None
    return (event.occurred_at + timedelta(minutes=event.utc_offset_minutes)).replace(tzinfo=None)


def same_moment(a: NormalizedEvent, b: NormalizedEvent, tolerance: timedelta) -> bool:
    """Whether two reports give the same time for a scan (see the module docstring)."""
    text_a, text_b = (a.raw.timestamp or "").strip(), (b.raw.timestamp or "").strip()
    if text_a and text_a == text_b:
        return True
    if a.occurred_at is None or b.occurred_at is None:
        return a.occurred_at is None and b.occurred_at is None and not text_a and not text_b
    if abs(a.occurred_at - b.occurred_at) <= tolerance:
        return True
    if a.time_basis in _WEAK_BASES or b.time_basis in _WEAK_BASES:
        local_a, local_b = _local_reading(a), _local_reading(b)
        return local_a is not None and local_b is not None and abs(local_a - local_b) <= tolerance
    return False


def similar_descriptions(a: str | None, b: str | None) -> bool:
    """The same words after folding, or one text decorating or truncating the other.

    Folding ignores case, accents, whitespace and punctuation. Decoration: the longer text is
    the shorter one plus at most :data:`MAX_EXTRA_WORDS` words before and/or after it
    ("[PostNL] Shipment sorted"). Truncation: the longer text starts with the shorter one,
    which is at least :data:`MIN_TRUNCATED_LENGTH` characters long. A changed word is never
    similar: "has left the parcel center" and "has reached the parcel center" are two scans.
    """
    short, long = sorted((fold_text(a), fold_text(b)), key=lambda t: (len(t), t))
    if short == long:
        return True
    if not short:
        return False
    if len(short) >= MIN_TRUNCATED_LENGTH and long.startswith(short):
        return True
    short_words, long_words = short.split(), long.split()
    extra = len(long_words) - len(short_words)
    if not 0 < extra <= MAX_EXTRA_WORDS:
        return False
    return any(
        long_words[start : start + len(short_words)] == short_words for start in range(extra + 1)
    )


def compatible_locations(a: Location, b: Location) -> bool:
    """Whether two reports can be of one place; an unknown place fits any place.

    Conflicting countries or cities are incompatible. Texts are compatible when one contains
    the other after folding, or when their most specific parts (before the first comma) share
    a word of three letters or more ("ALEXANDRIA NSW" and "Alexandria, NSW 2015, AU").
    """
    if a.country and b.country and a.country.upper() != b.country.upper():
        return False
    city_a, city_b = fold_text(a.city), fold_text(b.city)
    if city_a and city_b:
        return city_a == city_b
    text_a, text_b = fold_text(a.text), fold_text(b.text)
    if not text_a or not text_b or text_a in text_b or text_b in text_a:
        return True
    head_a = fold_text((a.text or "").split(",")[0]).split()
    head_b = fold_text((b.text or "").split(",")[0]).split()
    return bool({w for w in head_a if len(w) >= 3} & {w for w in head_b if len(w) >= 3})


def same_scan(a: NormalizedEvent, b: NormalizedEvent, tolerance: timedelta) -> bool:
    """Whether two events are one scan reported twice (symmetric; see the module docstring)."""
    return (
        a.status is b.status
        and a.milestone is b.milestone
        and normalized_tracking_number(a.raw.tracking_number)
        == normalized_tracking_number(b.raw.tracking_number)
        and same_moment(a, b, tolerance)
        and compatible_locations(a.location, b.location)
        and similar_descriptions(a.raw.description, b.raw.description)
    )


def richness(event: NormalizedEvent) -> tuple[int, float, int]:
    """How much a copy tells: filled-in fields, confidence, strength of its time basis."""
    raw, loc = event.raw, event.location
    fields = (
        raw.description,
        raw.carrier,
        raw.raw_status_code,
        raw.location,
        raw.timestamp,
        raw.language,
        raw.tracking_number,
        loc.text,
        loc.city,
        loc.region,
        loc.postcode,
        loc.country,
        loc.latitude,
        loc.longitude,
        loc.timezone,
        event.occurred_at,
        event.utc_offset_minutes,
    )
    filled = sum(1 for f in fields if f not in (None, "")) + len(raw.extra)
    return (filled, event.confidence, _BASIS_STRENGTH[event.time_basis])


def distinct_events(events: Sequence[NormalizedEvent]) -> list[NormalizedEvent]:
    """The events without exact copies, in content-key order."""
    by_key: dict[tuple[str, ...], NormalizedEvent] = {}
    for event in events:
        by_key.setdefault(content_key(event), event)
    return [by_key[key] for key in sorted(by_key)]


def deduplicate(
    events: Sequence[NormalizedEvent], tolerance: timedelta = timedelta(minutes=1)
) -> list[DuplicateGroup]:
    """Group the same scan's copies (connected components) and keep the richest of each."""
    unique = distinct_events(events)
    parent = list(range(len(unique)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Copies of one scan share status, milestone and tracking number (see ``same_scan``), so
    # only events within one such bucket need comparing: the same components, fewer pairs.
    buckets: dict[tuple[object, ...], list[int]] = {}
    for i, event in enumerate(unique):
        bucket = (
            event.status,
            event.milestone,
            normalized_tracking_number(event.raw.tracking_number),
        )
        buckets.setdefault(bucket, []).append(i)
    for indexes in buckets.values():
        for n, i in enumerate(indexes):
            for j in indexes[n + 1 :]:
                if root(i) != root(j) and same_scan(unique[i], unique[j], tolerance):
                    parent[max(root(i), root(j))] = min(root(i), root(j))
    members: dict[int, list[NormalizedEvent]] = {}
    for i, event in enumerate(unique):
        members.setdefault(root(i), []).append(event)
    groups = []
    for copies in members.values():
        kept = min(copies, key=lambda e: (_negated(richness(e)), content_key(e)))
        groups.append(DuplicateGroup(kept=kept, copies=tuple(copies)))
    return groups


def _negated(score: tuple[int, float, int]) -> tuple[int, float, int]:
    return (-score[0], -score[1], -score[2])
