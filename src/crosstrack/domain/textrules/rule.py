"""The shape of one text rule, and the text folding that rules and inputs share."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from crosstrack.domain.vocabulary import Milestone, Reason, Status

_SPACES = re.compile(r"\s+")
# Letters that NFKD does not decompose but that people (and carriers) type without marks;
# Turkish dotless i; the Arabic letters written either way (alef maqsura, taa marbuta) and
# the tatweel stretch; curly and modifier apostrophes.
_EXTRA_FOLDS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ı": "i",
        "ى": "ي",
        "ة": "ه",
        "ـ": None,
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
    }
)


def _drops_marks(ch: str) -> bool:
    """Whether combining marks after ``ch`` are dropped: Latin, Greek, Hebrew and Arabic.

    Greek carriers often write in capitals without accents, Hebrew and Arabic rarely write
    vowel points and spell hamza either way; Cyrillic (й, ї), kana and Thai keep their marks.
    """
    return (
        ch < "\u0250"
        or "\u0370" <= ch <= "\u03ff"
        or "\u1f00" <= ch <= "\u1fff"
        or "\u0590" <= ch <= "\u06ff"
    )


def fold(text: str) -> str:
    """Case-fold, drop Latin, Greek, Hebrew and Arabic marks and collapse white space.

    Combining marks are removed only after those scripts, so Japanese kana with dakuten,
    Korean syllables (which NFKD decomposes), Cyrillic й and Thai vowels survive: they are
    recomposed with NFC.
    """
    text = text.replace("_", " ")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept: list[str] = []
    previous_drops_marks = False
    for ch in decomposed:
        if unicodedata.combining(ch):
            if previous_drops_marks:
                continue
        else:
            previous_drops_marks = _drops_marks(ch)
        kept.append(ch)
    folded = unicodedata.normalize("NFC", "".join(kept)).translate(_EXTRA_FOLDS)
    return _SPACES.sub(" ", folded).strip()


class Guard(Enum):
    """Extra conditions a rule may need beyond its pattern."""

    NONE = "none"
    PLACE_IS_COUNTRY = "place_is_country"
    """The ``place`` group must name a country (``arrived in New Zealand``)."""
    OTHER_CARRIER = "other_carrier"
    """The ``party`` group must name a carrier other than the one reporting the event."""
    SAME_CARRIER = "same_carrier"
    """The ``party`` group must be the reporting carrier itself, or absent."""


@dataclass(frozen=True, slots=True)
class TextRule:
    """If ``pattern`` matches the folded text (and ``unless`` does not), the event means this."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    """One combined pattern, or one per phrasing when they capture named groups."""
    status: Status
    milestone: Milestone = Milestone.NONE
    reason: Reason = Reason.NONE
    confidence: float = 0.85
    unless: re.Pattern[str] | None = None
    guard: Guard = Guard.NONE
    latin_patterns: tuple[re.Pattern[str], ...] = ()
    """The same, from the phrasings written in Latin letters only: all a text in Latin letters
    can match (a phrasing with a CJK, Cyrillic, Arabic... letter needs that letter in the text),
    so such texts skip the other scripts' alternatives."""


def rule(
    name: str,
    phrasings: list[str],
    status: Status,
    milestone: Milestone = Milestone.NONE,
    reason: Reason = Reason.NONE,
    *,
    confidence: float = 0.85,
    unless: list[str] | None = None,
    guard: Guard = Guard.NONE,
) -> TextRule:
    """Build a rule from phrasings (regex sources, written naturally; they are folded too)."""
    return TextRule(
        name=name,
        patterns=_compile(phrasings),
        status=status,
        milestone=milestone,
        reason=reason,
        confidence=confidence,
        unless=_compile(unless)[0] if unless else None,
        guard=guard,
        latin_patterns=_compile(latin) if (latin := _latin_alternatives(phrasings)) else (),
    )


def _latin_alternatives(phrasings: list[str]) -> list[str]:
    """The top-level alternatives of the phrasings that are written in Latin letters only."""
    return [alt for p in phrasings for alt in _top_level_alternatives(p) if alt and is_latin(alt)]


def is_latin(text: str) -> bool:
    """Whether ``text`` (folded) has only Latin-script, digit and punctuation characters."""
    folded = fold(text)
    return not folded or max(folded) <= LATIN_END


LATIN_END = "\u024f"
"""The last Latin letter (Latin Extended-B); everything above it is another script."""


_UPPER_ESCAPE = re.compile(r"\\[SWDBAZ]")


def _compile(phrasings: list[str]) -> tuple[re.Pattern[str], ...]:
    for phrasing in phrasings:
        if _UPPER_ESCAPE.search(phrasing):
            # Folding lower-cases the pattern too: \S would silently become \s.
            raise ValueError(f"upper-case escape in a phrasing (folded away): {phrasing!r}")
    # Patterns are folded like the texts they read; folding lower-cases, so only lower-case
    # escapes (\\b, \\s, \\d, \\w) may be used, and named groups are restored after it.
    sources = [fold(p).replace("(?p<", "(?P<") for p in phrasings]
    if any("(?P<" in source for source in sources):
        return tuple(re.compile(source) for source in sources)
    # One pattern for the whole list. The alternatives that start at a word boundary share a
    # single leading \\b: at the many positions inside words the search then fails at once
    # instead of trying each of them (the same matches, about twice as fast).
    alternatives = [alt for source in sources for alt in _top_level_alternatives(source)]
    at_word = [alt[2:] for alt in alternatives if alt.startswith("\\b")]
    anywhere = [alt for alt in alternatives if not alt.startswith("\\b")]
    parts = ([rf"\b(?:{'|'.join(at_word)})"] if at_word else []) + [f"(?:{a})" for a in anywhere]
    return (re.compile("|".join(parts)),)


def _top_level_alternatives(source: str) -> list[str]:
    """Split a regex source at its top-level ``|`` (outside groups and character classes)."""
    parts: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(source):
        ch = source[index]
        if ch == "\\":
            index += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    parts.append(source[start:])
    return parts
