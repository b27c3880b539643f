"""The carrier directory: who a carrier is, and every label people use for it.

Carrier labels come from everywhere: our slugs (``royal-mail``), other systems' ids
(``canadapost_pws`` in karrio, ``dhl_express`` in EasyPost), display names (``Deutsche Post``),
annotated labels (``yto (via kuaidi100)``). :meth:`CarrierDirectory.resolve` maps all of them
to one :class:`CarrierInfo`, comparing labels case-insensitively and ignoring spaces,
underscores, hyphens, accents and anything in parentheses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

from crosstrack.domain.errors import DomainError

_PARENTHESES = re.compile(r"\([^)]*\)")
_IGNORED = re.compile(r"[\s_\-]+")


@dataclass(frozen=True)
class CarrierInfo:
    """A carrier or aggregator crosstrack knows."""

    slug: str
    """Lowercase, hyphenated identifier (AfterShip style), e.g. ``"canada-post"``."""
    name: str
    """Display name, e.g. ``"Canada Post"``."""
    country: str | None
    """Home country (ISO 3166 alpha-2), ``None`` for global networks and aggregators."""
    timezone: str | None
    """Home IANA time zone, ``None`` when global."""
    aliases: tuple[str, ...] = ()
    """Other labels for the same carrier."""


_UNSEEN = CarrierInfo("", "", None, None)


@dataclass(frozen=True, slots=True)
class CarrierLinks:
    """A carrier's public web links, for buyers (packaged in ``carriers/links.json``)."""

    website: str
    tracking_url: str | None = None
    """A template with ``{number}`` and perhaps ``{postcode}`` and ``{country}``."""

    def tracking_page(
        self, number: str, *, postcode: str | None = None, country: str | None = None
    ) -> str | None:
        """The carrier's own page for ``number``; ``None`` when the template needs a
        postcode or country that is not known."""
        template = self.tracking_url
        if template is None:
            return None
        parts = {"number": number, "postcode": postcode, "country": country}
        needed = [name for name in parts if "{" + name + "}" in template]
        if any(not parts[name] for name in needed):
            return None
        values = {name: quote(str(parts[name] or "").replace(" ", ""), safe="") for name in parts}
        return template.format(**values)


def label_key(label: str) -> str:
    """How labels compare: no accents, lower case, no ``(...)``, ``_``, ``-`` or white space."""
    decomposed = unicodedata.normalize("NFKD", label)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _IGNORED.sub("", _PARENTHESES.sub("", plain))


class CarrierDirectory:
    """Looks carriers up by slug, display name or alias.

    Raises :class:`~crosstrack.domain.errors.DomainError` when two carriers claim one label, so
    an ambiguous directory never loads.
    """

    def __init__(self, carriers: Iterable[CarrierInfo]) -> None:
        self._carriers: dict[str, CarrierInfo] = {}
        self._by_key: dict[str, CarrierInfo] = {}
        self._resolved: dict[str, CarrierInfo | None] = {}
        """Answers given before, by the label as asked (labels repeat on every event)."""
        for carrier in carriers:
            if carrier.slug in self._carriers:
                raise DomainError(f"carrier slug listed twice: {carrier.slug}")
            self._carriers[carrier.slug] = carrier
            for label in (carrier.slug, carrier.name, *carrier.aliases):
                key = label_key(label)
                if not key:
                    continue
                other = self._by_key.setdefault(key, carrier)
                if other.slug != carrier.slug:
                    raise DomainError(
                        f"label {label!r} names two carriers: {other.slug} and {carrier.slug}"
                    )

    def resolve(self, label: str) -> CarrierInfo | None:
        """The carrier a label names, or ``None``."""
        found = self._resolved.get(label, _UNSEEN)
        if found is _UNSEEN:
            if len(self._resolved) > 4096:
                self._resolved.clear()
            found = self._resolved[label] = self._by_key.get(label_key(label))
        return found

    def get(self, slug: str) -> CarrierInfo | None:
        """The carrier with exactly this slug, or ``None``."""
        return self._carriers.get(slug)

    def __iter__(self) -> Iterator[CarrierInfo]:
        return iter(self._carriers.values())

    def __len__(self) -> int:
        return len(self._carriers)

    def __contains__(self, slug: object) -> bool:
        return slug in self._carriers
