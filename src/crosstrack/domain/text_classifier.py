"""Reads a carrier's free-text event description into our vocabularies, in many languages.

The rules (``crosstrack.domain.textrules``) form one decision list, most decisive first:
returns, failed attempts, delivery, problems, pick-up points and delivery rounds, data
received, customs and borders, hand-overs and pick-ups, movement, and finally texts that are
not tracking steps at all. The first rule that fits decides. Text no rule fits gives
``unknown`` with zero confidence; it never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from crosstrack.domain.model import UNCLASSIFIED, Classification
from crosstrack.domain.textrules.customs import CUSTOMS_AND_BORDERS
from crosstrack.domain.textrules.delivery import DELIVERED, PICKUP_AND_OUT_FOR_DELIVERY
from crosstrack.domain.textrules.delivery_attempts import ATTEMPTS, RETURNS
from crosstrack.domain.textrules.problems import PROBLEMS
from crosstrack.domain.textrules.rule import LATIN_END, Guard, TextRule, fold
from crosstrack.domain.textrules.transit import (
    HANDOVER_AND_PICKUP,
    INFO_RECEIVED,
    MOVEMENT,
    NON_EVENTS,
)

#: Every text rule, in the order they are tried.
DECISION_LIST: tuple[TextRule, ...] = (
    *RETURNS,
    *ATTEMPTS,
    *DELIVERED,
    *PROBLEMS,
    *PICKUP_AND_OUT_FOR_DELIVERY,
    *INFO_RECEIVED,
    *CUSTOMS_AND_BORDERS,
    *HANDOVER_AND_PICKUP,
    *MOVEMENT,
    *NON_EVENTS,
)

_MARKUP = re.compile(r"<[^>]{0,200}>")

CountryTest = Callable[[str], bool]
"""Says whether a phrase names a country (``new zealand``, ``uk``, ``deutschland``)."""
CarrierNamer = Callable[[str], str | None]
"""Returns the slug of the carrier a phrase names (``usps``, ``the postnl``), if any."""


class TextClassifier:
    """Classifies event descriptions; results are cached per (text, reporting carrier)."""

    def __init__(
        self,
        *,
        is_country: CountryTest,
        carrier_named: CarrierNamer,
        rules: Sequence[TextRule] = DECISION_LIST,
        cache_size: int = 65536,
    ) -> None:
        self._is_country = is_country
        self._carrier_named = carrier_named
        self._rules = tuple(rules)
        self.classify = lru_cache(maxsize=cache_size)(self._classify)

    def _classify(self, text: str, carrier: str | None = None) -> Classification:
        """Classify ``text`` as reported by ``carrier`` (a slug, used to spot hand-overs)."""
        folded = fold(_MARKUP.sub(" ", text))
        if not folded:
            return UNCLASSIFIED
        latin = max(folded) <= LATIN_END
        for candidate in self._rules:
            if not self._fits(candidate, folded, carrier, latin):
                continue
            return Classification(
                status=candidate.status,
                milestone=candidate.milestone,
                reason=candidate.reason,
                confidence=candidate.confidence,
                rule=f"text:{candidate.name}",
            )
        return UNCLASSIFIED

    def _fits(self, candidate: TextRule, folded: str, carrier: str | None, latin: bool) -> bool:
        for pattern in candidate.latin_patterns if latin else candidate.patterns:
            match = pattern.search(folded)
            if match is None:
                continue
            if candidate.unless is not None and candidate.unless.search(folded):
                return False
            if self._guard_holds(candidate.guard, match, carrier):
                return True
        return False

    def _guard_holds(self, guard: Guard, match: re.Match[str], carrier: str | None) -> bool:
        if guard is Guard.NONE:
            return True
        if guard is Guard.PLACE_IS_COUNTRY:
            place = match.group("place")
            return bool(place) and self._is_country(place.strip(" .'-"))
        party = match.group("party")
        named = self._carrier_named(party) if party else None
        if guard is Guard.OTHER_CARRIER:
            return named is not None and named != carrier
        return named is None or named == carrier
