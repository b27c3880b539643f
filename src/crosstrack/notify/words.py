"""The words of buyer emails and SMS: the product's gettext catalogs and Babel's dates.

Emails and SMS speak the language the rest of the product speaks (:mod:`crosstrack.i18n`):
the buyer's locale goes through :func:`crosstrack.i18n.shipped`, the one fallback chain of
the product (``fr-CA`` → ``fr``, ``zh-HK`` → ``zh-Hant``, anything unknown → ``en``).

Their texts are the gettext domain ``notifications``
(``locales/<locale>/LC_MESSAGES/notifications.po``, template ``locales/notifications.pot``),
English as the msgid and Python's named placeholders (``%(order_ref)s``); ``T_("...")`` marks
one where it is written (``pybabel extract -k T_``, see docs/email.md). What the tracking page
already says (the names of statuses and milestones, :mod:`crosstrack.wording`; the buyer's
alert actions; a few labels) is not repeated there: ``V_("...")`` names a msgid of the page's
domain ``messages``, so a buyer reads the same words in an email, an SMS and on the page. Both
markers give a :class:`Msg`, which :meth:`Words.say` translates. Dates and ranges of dates
come from Babel (CLDR) for the locale.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final, NamedTuple, TypeVar

from babel.dates import format_interval, format_skeleton, match_skeleton

from crosstrack.i18n import DEFAULT, babel_locale, direction, shipped, translations

NOTIFICATIONS: Final = "notifications"
"""The gettext domain of email and SMS texts."""
VOCABULARY: Final = "messages"
"""The tracking page's domain, whose words for the vocabulary and alert actions we reuse."""


class Msg(NamedTuple):
    """A msgid and the gettext domain it belongs to."""

    domain: str
    msgid: str


def T_(msgid: str) -> Msg:
    """Mark a text of the ``notifications`` domain (extracted into notifications.pot)."""
    return Msg(NOTIFICATIONS, msgid)


def V_(msgid: str) -> Msg:
    """Name a msgid of the ``messages`` domain (words the tracking page already translates)."""
    return Msg(VOCABULARY, msgid)


_Word = TypeVar("_Word", bound=StrEnum)


def known(vocabulary: type[_Word], value: str | None) -> _Word | None:
    """The word of ``vocabulary`` (``Status``, ``Milestone``, ``AlertKind``) whose value is
    ``value``; ``None`` for a value it does not have (an update says something generic then)."""
    if value is None:
        return None
    try:
        return vocabulary(value)
    except ValueError:
        return None


_FIRST_STRONG_ISOLATE: Final = "\u2068"
_POP_DIRECTIONAL_ISOLATE: Final = "\u2069"


@dataclass(frozen=True, slots=True)
class Words:
    """The texts of one shipped locale."""

    locale: str
    """A shipped locale (:data:`crosstrack.i18n.SHIPPED`)."""

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left (Arabic)."""
        return direction(self.locale) == "rtl"

    def say(self, text: Msg, /, **values: str) -> str:
        """``text`` in this language, its ``%(name)s`` placeholders filled with ``values``
        (once: a value is never read as a template)."""
        translated = translations(self.locale, text.domain).gettext(text.msgid)
        return translated % values if values else translated

    def isolate(self, value: str) -> str:
        """``value`` (a shop name, an order reference) set apart from a right-to-left
        sentence, so that its own direction holds: ``#10234`` is not shown as ``10234#``."""
        if not self.rtl or not value:
            return value
        return f"{_FIRST_STRONG_ISOLATE}{value}{_POP_DIRECTIONAL_ISOLATE}"

    def dates(self, first: date | None, last: date | None, skeleton: str) -> str | None:
        """A date, or a range of dates, as this language writes it (CLDR's ``skeleton``, such
        as ``MMMEd``: "Tue, Dec 1"): one date when both ends are the same day or only one is
        known, None when neither is; ends given the wrong way round are swapped."""
        locale = babel_locale(self.locale)
        days = [day for day in (first, last) if day is not None]
        if not days:
            return None
        start, end = min(days), max(days)
        if start == end:
            return str(format_skeleton(skeleton, start, locale=locale))
        matched = _interval_skeleton(self.locale, skeleton)
        return str(format_interval(start, end, skeleton=matched, locale=locale))


@functools.cache
def _interval_skeleton(locale: str, skeleton: str) -> str | None:
    """The locale's interval skeleton that ``format_interval`` settles on for ``skeleton``
    (itself, else the closest one: ``MMMMd`` -> ``MMMd``), found once per locale instead of
    at every message; ``None`` when there is none (the fallback pattern is used)."""
    formats = babel_locale(locale).interval_formats
    return skeleton if skeleton in formats else match_skeleton(skeleton, formats)


def words_for(tag: str) -> Words:
    """The texts for a buyer's locale ``tag`` (BCP 47): the shipped locale it falls back to."""
    return Words(shipped(tag) or DEFAULT)
