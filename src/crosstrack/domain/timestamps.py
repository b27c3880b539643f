"""Carrier timestamps: read the many written forms, then place them on the UTC time line.

Two steps, kept apart so each can be tested alone:

* ``parse_timestamp`` reads the text into a ``ParsedTime``: the wall-clock time as written, aware
  when the text carried its own offset (``Z``, ``+02:00``, ``+0200``, ``UTC``, ``CET`` ...);
* ``resolve_occurred_at`` turns it into an aware UTC datetime, the local UTC offset in minutes and
  the ``TimeBasis`` saying how the offset was obtained.

Neither raises on bad input: unreadable text gives ``None`` and then ``TimeBasis.MISSING``. The
rules (day-first order, DST gaps and folds) are documented in ``docs/locations-and-time.md``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from crosstrack.domain.model import TimeBasis


@dataclass(frozen=True, slots=True)
class ParsedTime:
    """A timestamp as the carrier wrote it, read but not yet placed in a time zone."""

    value: datetime
    """The wall-clock time; aware when the text carried its own offset, naive otherwise."""
    date_only: bool = False
    """The text had no time of day; ``value`` is then local midnight."""
    utc_marked: bool = False
    """The text gave the instant in UTC (``Z``, ``UTC``, ``GMT``, Unix epoch), which says when
    but not which local offset the place had; ``resolve_occurred_at`` then asks the zone."""

    @property
    def has_offset(self) -> bool:
        """Whether the text carried its own UTC offset."""
        return self.value.tzinfo is not None


# Countries whose people and carriers write numeric dates month first (``07/11/2022`` is
# July 11th). Anglophone Canada mostly does too; Canada Post itself writes ISO dates.
MONTH_FIRST_COUNTRIES: frozenset[str] = frozenset(
    {"US", "PR", "GU", "VI", "AS", "MP", "UM", "FM", "MH", "PW", "PH", "CA"}
)


def dayfirst_for_country(country: str | None) -> bool | None:
    """The conventional order of numeric dates in a country: ``None`` when no country is known.

    Pass the result as ``parse_timestamp(..., dayfirst=...)``. Prefer the carrier's home country
    (the country of the system that wrote the text) over the event's location when both exist.
    """
    if not country:
        return None
    return country.upper() not in MONTH_FIRST_COUNTRIES


def parse_timestamp(text: str | None, *, dayfirst: bool | None = None) -> ParsedTime | None:
    """Read a carrier timestamp; ``None`` when there is none or it cannot be read.

    Accepted: ISO 8601 in all its usual shapes (fast path ``datetime.fromisoformat``), Unix epoch
    seconds or milliseconds, ``YYYYMMDD HHMMSS``, ``DD/MM/YYYY``, ``MM/DD/YYYY``, ``DD.MM.YYYY``,
    ``DD-MM-YYYY`` (with optional time, seconds, fractions and ``am``/``pm``), month names in
    English, German, French, Spanish, Portuguese, Italian, Dutch and Polish, RFC 2822
    (``Mon, 05 Jan 2024 10:00:00 +0100``), and ``2024年1月5日 10:00``.

    Ambiguous numeric dates (both numbers <= 12) are read day first unless ``dayfirst`` is
    ``False``; with no hint a 12-hour clock (``am``/``pm``) means month first, dots mean day first.
    """
    if not text:
        return None
    stripped = text.strip()
    if not stripped or len(stripped) > 80:
        return None
    return _parse_cached(stripped, dayfirst)


def clear_timestamp_cache() -> None:
    """Forget remembered parses (for benchmarks that measure cold parsing)."""
    _parse_cached.cache_clear()


@lru_cache(maxsize=32_768)
def _parse_cached(text: str, dayfirst: bool | None) -> ParsedTime | None:
    try:
        return _parse(text, dayfirst)
    except (ValueError, OverflowError, OSError):
        return None


_EPOCH_SECONDS = re.compile(r"^\d{9,10}(?:\.\d+)?$")
_EPOCH_MILLIS = re.compile(r"^\d{12,13}$")
_DATE_ONLY_ISO = re.compile(r"^\d{4}-?\d{2}-?\d{2}$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$")


def _parse(text: str, dayfirst: bool | None) -> ParsedTime | None:
    if text[0].isdigit():
        if _EPOCH_MILLIS.match(text) and (instant := _epoch(int(text) / 1000)) is not None:
            return instant
        if _EPOCH_SECONDS.match(text):
            return _epoch(float(text))
        if (compact := _COMPACT.match(text)) is not None:  # 202110191218[00]
            year, month, day, hour, minute, second = (int(g or 0) for g in compact.groups())
            return ParsedTime(datetime(year, month, day, hour, minute, second))
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return ParsedTime(
                value,
                date_only=_DATE_ONLY_ISO.match(text) is not None,
                utc_marked=value.tzinfo is not None and text[-1] in "Zz",
            )
    return _parse_general(text, dayfirst)


def _epoch(seconds: float) -> ParsedTime | None:
    value = datetime.fromtimestamp(seconds, UTC)
    if not 1990 <= value.year <= 2100:
        return None
    return ParsedTime(value, utc_marked=True)


_TIME = re.compile(
    r"(?<![\d.:])(\d{1,2})\s*[:hH時时点點]\s*(\d{2})"
    r"(?:\s*[:分]\s*(\d{2})(?:[.,](\d{1,9}))?)?\s*秒?"
    r"(?:\s*([AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))?"
)
_AMBIGUOUS_ZONE_NAMES = ("CST", "IST", "AST", "ADT", "CAT", "EAT", "SST", "AMT", "GST")
_TOKENS = re.compile(r"\d+|[^\W\d_]+")
_NUMERIC_DATE = re.compile(r"(\d{1,4})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})")

# Zone abbreviations with one meaning. Ambiguous ones (CST, IST, AST, BST in Asia) are ignored,
# which leaves the time naive and lets the location's zone decide.
# fmt: off
_ZONE_NAMES: dict[str, int] = {
    "Z": 0, "UTC": 0, "GMT": 0, "UT": 0, "WET": 0, "WEST": 60, "CET": 60, "CEST": 120,
    "MEZ": 60, "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180, "BST": 60,
    "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600, "NST": -210, "NDT": -150, "BRT": -180,
    "AEST": 600, "AEDT": 660, "ACST": 570, "ACDT": 630, "AWST": 480, "NZST": 720, "NZDT": 780,
    "JST": 540, "KST": 540, "HKT": 480, "SGT": 480, "PHT": 480, "WIB": 420, "ICT": 420,
}
# fmt: on
_ZONE_TAIL = re.compile(
    r"^\s*(?:(?P<name>"
    + "|".join(sorted((*_ZONE_NAMES, *_AMBIGUOUS_ZONE_NAMES), key=len, reverse=True))
    + r")(?![A-Za-z]))?\s*"
    r"(?:(?P<sign>[+\-−])(?P<hh>\d{1,2})(?::?(?P<mm>\d{2}))?(?!\d))?\s*"
    r"(?:\((?P<paren>[A-Za-z ]*)\))?",
    re.IGNORECASE,
)

_MONTH_WORDS = (
    # en, de, fr, es, pt, it, nl, pl (nominative and genitive), with their usual abbreviations
    "january jan januar janv janvier enero ene janeiro gennaio gen januari styczen stycznia sty",
    "february feb februar fevr fevrier febrero fevereiro fev febbraio februari luty lutego lut",
    "march mar marz maerz mrz mars marzo marco maart mrt marzec marca",
    "april apr avril avr abril abr aprile kwiecien kwietnia kwi",
    "may mai mayo maio maggio mag mei maj maja",
    "june jun juni juin junio junho giugno giu czerwiec czerwca cze",
    "july jul juli juillet juil julio julho luglio lug lipiec lipca lip",
    "august aug aout agosto ago augustus sierpien sierpnia sie",
    "september sep sept septembre septiembre setiembre setembro set settembre wrzesien "
    "wrzesnia wrz",
    "october oct oktober okt octobre octubre outubro out ottobre ott pazdziernik pazdziernika paz",
    "november nov novembre noviembre novembro listopad listopada lis",
    "december dec dezember dez decembre diciembre dic dezembro dicembre grudzien grudnia gru",
)
MONTHS: dict[str, int] = {
    word: number for number, words in enumerate(_MONTH_WORDS, 1) for word in words.split()
}


def _word_key(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("ł", "l"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).rstrip(".")


def _parse_general(text: str, dayfirst: bool | None) -> ParsedTime | None:
    offset: int | None = None
    utc_marked = False
    hour = minute = second = micro = 0
    has_time = False
    meridiem: str | None = None
    date_part = text
    time_match = _TIME.search(text)
    if time_match is not None:
        has_time = True
        hour, minute = int(time_match[1]), int(time_match[2])
        second = min(int(time_match[3] or 0), 59)
        micro = int((time_match[4] or "0")[:6].ljust(6, "0"))
        meridiem = time_match[5].lower() if time_match[5] else None
        tail = text[time_match.end() :]
        zone = _ZONE_TAIL.match(tail)  # always matches, maybe emptily
        if zone is not None and zone.end() > 0:
            offset = _zone_offset(zone)
            utc_marked = zone["sign"] is None and offset == 0
            tail = tail[zone.end() :]
        date_part = text[: time_match.start()] + " " + tail
    parsed_date = _parse_date(date_part, dayfirst, meridiem is not None)
    if parsed_date is None:
        return None
    year, month, day = parsed_date
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    extra_day = hour == 24 and minute == 0 and second == 0
    if extra_day:
        hour = 0
    value = datetime(year, month, day, hour, minute, second, micro)
    if extra_day:
        value += timedelta(days=1)
    if offset is not None:
        value = value.replace(tzinfo=_fixed_zone(offset))
    return ParsedTime(value, date_only=not has_time, utc_marked=utc_marked)


def _zone_offset(zone: re.Match[str]) -> int | None:
    name = (zone["name"] or zone["paren"] or "").strip().upper()
    written = zone["name"] or ""
    if written != written.upper() and name not in ("Z", "UTC", "GMT"):
        return None  # "Est", "ut" or "mst" in lower case are words, not zone names
    base = _ZONE_NAMES.get(name)
    if zone["sign"] is not None:
        hours, minutes = int(zone["hh"]), int(zone["mm"] or 0)
        if hours > 14 or minutes > 59:
            return None
        signed = hours * 60 + minutes
        return -signed if zone["sign"] in "-−" else signed
    return base


@lru_cache(maxsize=256)
def _fixed_zone(minutes: int) -> tzinfo:
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))


def _parse_date(
    part: str, dayfirst: bool | None, twelve_hour_clock: bool
) -> tuple[int, int, int] | None:
    numbers: list[str] = []
    months: list[tuple[str, int]] = []
    for token in _TOKENS.findall(part):
        if token.isdigit():
            numbers.append(token)
        elif (key := _word_key(token)) in MONTHS:
            months.append((key, MONTHS[key]))
    if months:
        # "mar" is also Tuesday in French and Spanish ("mar., 05 ene. 2024").
        if len(months) > 1 and months[0][0] == "mar":
            months.pop(0)
        return _with_month_name(numbers, months[0][1])
    if len(numbers) == 1 and len(numbers[0]) == 8:
        digits = numbers[0]
        if 1900 <= int(digits[:4]) <= 2100:
            return int(digits[:4]), int(digits[4:6]), int(digits[6:])
        return int(digits[4:]), int(digits[2:4]), int(digits[:2])
    if len(numbers) != 3:
        return None
    first, second, third = numbers
    if len(first) == 4:
        return int(first), int(second), int(third)
    if len(third) not in (2, 4):
        return None
    separator = m[2] if (m := _NUMERIC_DATE.search(part)) is not None else ""
    day, month_number = _day_and_month(
        int(first),
        int(second),
        dayfirst=dayfirst,
        dots=separator == ".",
        twelve_hour_clock=twelve_hour_clock,
    )
    return _full_year(third), month_number, day


def _with_month_name(numbers: list[str], month: int) -> tuple[int, int, int] | None:
    years = [n for n in numbers if len(n) == 4]
    if years:
        year = int(years[0])
        rest = [n for n in numbers if n is not years[0]]
    elif len(numbers) >= 2:
        year = _full_year(numbers[-1])
        rest = numbers[:-1]
    else:
        return None
    if not rest:
        return None
    return year, month, int(rest[0])


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        return 2000 + year if year < 70 else 1900 + year
    return year


def _day_and_month(
    first: int, second: int, *, dayfirst: bool | None, dots: bool, twelve_hour_clock: bool
) -> tuple[int, int]:
    """Which of two numbers is the day: impossible values decide, then the hint, then style."""
    if first > 12 >= second:
        return first, second
    if second > 12 >= first:
        return second, first
    if dayfirst is None:
        dayfirst = dots or not twelve_hour_clock
    return (first, second) if dayfirst else (second, first)


def resolve_occurred_at(
    parsed: ParsedTime | None, *, zone: str | None, fallback_zone: str | None
) -> tuple[datetime | None, int | None, TimeBasis]:
    """Place a parsed timestamp on the UTC time line.

    Returns ``(occurred_at in UTC, local UTC offset in minutes, basis)``:

    * an offset in the text wins (``OFFSET_GIVEN``); when the text only said "UTC" (``Z``,
      ``UTC``, epoch) the local offset reported is that of ``zone`` at that instant, if known;
    * a naive time is local to ``zone``, the IANA zone of the event's location
      (``LOCATION_ZONE``), else to ``fallback_zone``, the carrier's home zone (``CARRIER_ZONE``);
    * with neither it is read as UTC (``ASSUMED_UTC``) and the offset is unknown (``None``);
    * nothing readable gives ``(None, None, MISSING)``.

    Wall times that happen twice (a DST fold) are read as the first, earlier instant; wall times
    that never happen (a DST gap) are read with the offset in force before the gap, so they land
    after it (02:30 on a spring-forward night becomes 03:30 local). Unknown zone names are
    skipped as if absent.
    """
    if parsed is None:
        return None, None, TimeBasis.MISSING
    value = parsed.value
    if value.tzinfo is not None:
        occurred = value.astimezone(UTC)
        local_zone = _zone(zone) if parsed.utc_marked and zone else None
        given = occurred.astimezone(local_zone).utcoffset() if local_zone else value.utcoffset()
        minutes = None if given is None else int(given.total_seconds() // 60)
        return occurred, minutes, TimeBasis.OFFSET_GIVEN
    for name, basis in ((zone, TimeBasis.LOCATION_ZONE), (fallback_zone, TimeBasis.CARRIER_ZONE)):
        local_zone = _zone(name) if name else None
        if local_zone is None:
            continue
        occurred = value.replace(tzinfo=local_zone, fold=0).astimezone(UTC)
        actual = occurred.astimezone(local_zone).utcoffset()
        minutes = None if actual is None else int(actual.total_seconds() // 60)
        return occurred, minutes, basis
    return value.replace(tzinfo=UTC), None, TimeBasis.ASSUMED_UTC


@lru_cache(maxsize=1024)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ValueError, OSError, LookupError):
        return None
