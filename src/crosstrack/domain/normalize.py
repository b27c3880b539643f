"""The event normalizer: a raw carrier event in, its meaning, place and UTC time out.

One path for every source (poll, webhook, import): the carrier's code table and the
multilingual text rules decide status, milestone and reason; the gazetteer port resolves the
place and its time zone; a timestamp without an offset is read in the zone of the event's
place (or the carrier's home zone, or UTC, in that order, and ``time_basis`` says which).
Nothing here raises on odd input: what cannot be understood comes back ``unknown`` with the
raw event kept whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol

from crosstrack.domain.codes import GENERIC_CODES, CodeTable, code_key, combine
from crosstrack.domain.errors import MalformedEvent
from crosstrack.domain.locations import LocationParser
from crosstrack.domain.model import Classification, Location, NormalizedEvent, RawEvent, TimeBasis
from crosstrack.domain.places import Gazetteer
from crosstrack.domain.text_classifier import TextClassifier
from crosstrack.domain.timestamps import (
    clear_timestamp_cache,
    dayfirst_for_country,
    parse_timestamp,
    resolve_occurred_at,
)


class CarrierProfile(Protocol):
    """What the normalizer needs to know about a carrier."""

    @property
    def slug(self) -> str: ...

    @property
    def country(self) -> str | None: ...

    @property
    def timezone(self) -> str | None: ...


class CarrierResolver(Protocol):
    """Finds a carrier by any label people use for it (slug, alias, display name)."""

    def resolve(self, label: str) -> CarrierProfile | None: ...


class EventNormalizer:
    """Normalizes raw events; build one per process (it caches what it has read)."""

    def __init__(
        self,
        *,
        gazetteer: Gazetteer,
        code_tables: Mapping[str, CodeTable],
        carriers: CarrierResolver,
    ) -> None:
        self._gazetteer = gazetteer
        self._code_tables = code_tables
        self._carriers = carriers
        self._text = TextClassifier(is_country=self._is_country, carrier_named=self._carrier_named)
        self._locations = LocationParser(gazetteer)

    def clear_caches(self) -> None:
        """Forget every remembered classification, place and timestamp (for benchmarks)."""
        self._text.classify.cache_clear()
        self._locations.cache_clear()
        clear_timestamp_cache()

    def normalize(self, raw: RawEvent) -> NormalizedEvent:
        """Normalize one raw event."""
        carrier = self._carriers.resolve(raw.carrier) if raw.carrier else None
        slug = carrier.slug if carrier else None
        meaning = self.classify(raw, slug)
        fields = raw.extra.get("location_fields")
        location = self._locations.parse(
            raw.location,
            fields=fields if isinstance(fields, Mapping) else None,
            carrier_country=carrier.country if carrier else None,
        )
        occurred_at, offset, basis = self._resolve_time(raw.timestamp, location, carrier)
        return NormalizedEvent(
            raw=raw,
            status=meaning.status,
            milestone=meaning.milestone,
            reason=meaning.reason,
            confidence=meaning.confidence,
            location=location,
            occurred_at=occurred_at,
            utc_offset_minutes=offset,
            time_basis=basis,
            rule=meaning.rule,
            carrier=slug or (raw.carrier.strip().lower() if raw.carrier else None),
        )

    def classify(self, raw: RawEvent, slug: str | None) -> Classification:
        """Status, milestone and reason of an event from its code and its text."""
        text = self._text.classify(raw.description, slug)
        if not raw.raw_status_code:
            return text
        key = code_key(raw.raw_status_code)
        # An aggregator reports the scanning carrier's events in its own code vocabulary
        # (17TRACK sub-statuses, AfterShip subtags) and says so in ``extra["code_table"]``.
        named = raw.extra.get("code_table")
        table_slug = named if isinstance(named, str) and named in self._code_tables else slug
        table = self._code_tables.get(table_slug, {}) if table_slug else {}
        code = table.get(key)
        rule = f"code:{table_slug}:{key}"
        if code is None:
            code = self._code_tables.get(GENERIC_CODES, {}).get(key)
            rule = f"code:*:{key}"
        return combine(code, text, rule)

    def _resolve_time(
        self, timestamp: str | None, location: Location, carrier: CarrierProfile | None
    ) -> tuple[datetime | None, int | None, TimeBasis]:
        # The carrier's system wrote the timestamp, so its home country says how dates are
        # ordered (US: month first); a global carrier's is guessed from the event's place.
        country = (carrier.country if carrier else None) or location.country
        parsed = parse_timestamp(timestamp, dayfirst=dayfirst_for_country(country))
        zone = location.timezone
        if zone is None and location.country:
            zone = self._gazetteer.country_timezone(location.country)
        return resolve_occurred_at(
            parsed, zone=zone, fallback_zone=carrier.timezone if carrier else None
        )

    def _is_country(self, phrase: str) -> bool:
        return len(phrase) >= 2 and self._gazetteer.country_code(phrase) is not None

    def _carrier_named(self, phrase: str) -> str | None:
        words = [w for w in phrase.replace(".", " ").split() if w not in _GENERIC_WORDS]
        if not words:
            return None
        for candidate in (" ".join(words), " ".join(words[:2]), words[0], words[-1]):
            found = self._carriers.resolve(candidate)
            if found is not None:
                return found.slug
        return None


_GENERIC_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "our",
        "local",
        "partner",
        "carrier",
        "courier",
        "for",
        "delivery",
        "de",
        "la",
        "le",
    }
)

_FIELDS = ("description", "carrier", "raw_status_code", "location", "timestamp", "language")


def raw_event_from_mapping(obj: Mapping[str, Any]) -> RawEvent:
    """Build a raw event from a JSON object with the documented keys; other keys are kept.

    Values that are not text (numbers, say) are turned into text. Raises
    :class:`MalformedEvent` only when ``obj`` is not a mapping.
    """
    if not isinstance(obj, Mapping):
        raise MalformedEvent(f"an event must be a JSON object, not {type(obj).__name__}")
    values = {name: _text_or_none(obj.get(name)) for name in _FIELDS}
    extra = {k: v for k, v in obj.items() if k not in _FIELDS}
    return RawEvent(
        description=values["description"] or "",
        carrier=values["carrier"],
        raw_status_code=values["raw_status_code"],
        location=values["location"],
        timestamp=values["timestamp"],
        language=values["language"],
        tracking_number=_text_or_none(obj.get("tracking_number")),
        extra=extra,
    )


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Mapping):
        parts = [str(v) for v in value.values() if v not in (None, "")]
        return ", ".join(parts) or None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value if v not in (None, "")) or None
    return str(value)
