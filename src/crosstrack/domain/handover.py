"""Reading a hand-over target (a new tracking number, a carrier name) out of event text.

Carriers announce a hand-over in free text: "tracking continues under number XYZ with
PostNL", "Die Sendung wurde an DHL übergeben, Sendungsnummer XYZ", "已转交邮政EMS，单号：XYZ".
:func:`extract_handover` finds such a phrase in English, German, French, Dutch, Spanish or
Chinese and returns what it names. It never guesses a target from text without a hand-over
phrase, and it ignores negated phrases ("not yet handed over to GLS").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class HandOver:
    """What a hand-over text names as the next leg; at least one field is set."""

    tracking_number: str | None = None
    """The new tracking number, upper-cased, without spaces or hyphens."""
    carrier_name: str | None = None
    """The carrier's name as the text writes it ("PostNL", "邮政EMS")."""


_TAGS = re.compile(r"<[^>]*>")
_URLS = re.compile(r"https?://\S+")
_SPACES = re.compile(r"\s+")

#: Phrases that announce a hand-over to another carrier or number, one group per language.
_CUES = re.compile(
    "|".join(
        (
            # en
            r"\bhand(?:ed)?(?: over)? to\b",
            r"\b(?:transferred|forwarded|passed|tendered|given|released) to\b",
            r"\btracking continues\b",
            r"\bcan be tracked\b",
            r"\btrack(?:ed)? (?:further|onward)\b",
            r"\bnew tracking (?:number|no)\b",
            r"\btracking number (?:has )?changed\b",
            r"\bin possession of\b",
            # de
            r"\bübergeben\b",
            r"\bübergabe an\b",
            r"\bweitergeleitet an\b",
            r"\bweiterverfolg",
            r"\bneue sendungsnummer\b",
            r"\bverfolgt werden\b",
            # fr
            r"\bremise? (?:à|au|aux)\b",
            r"\bconfiée? (?:à|au|aux)\b",
            r"\btransmise? (?:à|au|aux)\b",
            r"\bsuivi (?:se poursuit|continue)\b",
            r"\bnouveau numéro\b",
            # nl
            r"\bovergedragen (?:aan|naar)\b",
            r"\bdoorgestuurd naar\b",
            r"\bverder (?:te )?volgen\b",
            r"\bnieuwe (?:track ?& ?trace|barcode|zendingnummer|trackingnummer)\b",
            # es
            r"\bentregad[oa] (?:al|a la|a el) (?:transportista|operador|empresa|agencia)\b",
            r"\btransferid[oa] (?:a|al)\b",
            r"\bcedid[oa] (?:a|al)\b",
            r"\breexpedid[oa] (?:a|al)\b",
            r"\bseguimiento continúa\b",
            r"\bnuevo número\b",
            # zh (转运 is a transfer hub, not a hand-over)
            r"转交|交由|移交|交给|改派|新单号|转单号|转(?!运)(?:第三方|快递|件|单|寄)",
            # 交付 + a Latin carrier name ("已交付USPS"); 交付 alone also means delivered
            r"交付(?=\s?[A-Za-z])",
        )
    ),
    re.IGNORECASE,
)

_NEGATIONS = re.compile(
    r"\b(?:not|never|nicht|kein|pas|niet|no|aún no|todavía no)\b[^.;,]{0,20}$"
    r"|未[^。，,]{0,4}$",
    re.IGNORECASE,
)

_NUMBER_CUE = re.compile(
    r"(?:tracking|shipment|parcel|consignment|new)?\s*(?:number|no\.?|#|nummer|numéro|número"
    r"|code|barcode|sendungsnummer|zendingnummer|trackingnummer)\s*(?:is\s*)?[:：]?\s*"
    r"|(?:运单号|单号|号码)(?:为|是)?\s*[:：]?\s*",
    re.IGNORECASE,
)
#: After a number cue a number may be printed in groups ("9400 1118 9922 3344").
_GROUPED = re.compile(r"([A-Z0-9]{2,}(?:[ -][0-9]{2,}[A-Z0-9]*)*)(?![\w*])")
_TOKEN = re.compile(r"(?<![\w*])([A-Za-z0-9](?:[A-Za-z0-9-]{6,38})[A-Za-z0-9])(?![\w*])")
_DATE_LIKE = re.compile(r"^\d{2,4}-\d{1,2}-\d{1,4}$")

_WORD = r"[A-Z0-9][\w&'’-]*(?:\.[\w&'’-]+)*"
_NAME = rf"({_WORD}(?:[ ]{_WORD}){{0,2}})"
#: Words that name a role, not a carrier ("handed over to the local carrier").
_GENERIC = frozenset(
    " ".join(
        (
            "the a an our your local partner delivery carrier courier postal post office",
            "service network company transporteur transporteurs partenaire livreur le la les",
            "un une son sa der die das den dem ein eine einen zusteller zustellpartner",
            "paketdienst empfänger de het een vervoerder bezorger el los las una transportista",
            "mensajero destinatario recipient consignee customs zoll douane douanes aduana",
            "sender shipper expéditeur absender remitente",
        )
    ).split()
)
_CARRIER_AFTER_CUE = re.compile(
    r"^\s*(?:(?:the|a|an|our|der|die|den|dem|le|la|les|l'|de|het|el|al)\s+)?"
    r"(?:(?:partner|local|delivery|lokalen)\s+)?"
    r"(?:(?:carrier|courier|partner|transporteur|vervoerder|transportista|zusteller|"
    r"paketdienst)\s+)?" + _NAME
)
_CARRIER_WITH = re.compile(
    r"\b(?:with|of|at|by|bei|von|avec|chez|par|met|bij|door|con|por|de)\s+" + _NAME
)
_CARRIER_BEFORE_VERB = re.compile(
    _NAME + r"\s+in possession of\b"
    r"|\ban\s+(?:(?:den|die|das|dem)\s+)?" + _NAME + r"\s+(?:übergeben|weitergeleitet)\b"
)
#: Cues after which the carrier's name follows directly ("handed over to PostNL").
_DIRECT_CUE_END = re.compile(
    r"(?:\b(?:to|an|à|au|aux|aan|naar|a|al|transportista|operador|empresa|agencia)"
    r"|[\u4e00-\u9fff])$",
    re.IGNORECASE,
)

#: Chinese carrier names (the text rarely spells a slug), longest first, with the start of
#: the slug each one usually has.
_ZH_CARRIERS: dict[str, str] = {
    "中国邮政": "chinapost",
    "邮政EMS": "ems",
    "邮政": "chinapost",
    "EMS": "ems",
    "顺丰": "sf",
    "中通": "zto",
    "圆通": "yto",
    "申通": "sto",
    "韵达": "yunda",
    "百世": "best",
    "京东": "jd",
    "德邦": "deppon",
    "极兔": "jt",
}


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _URLS.sub(" ", _TAGS.sub(" ", text))).strip()


def _normalized_number(token: str) -> str | None:
    number = token.replace("-", "").upper()
    if _DATE_LIKE.match(token) or sum(c.isdigit() for c in number) < 5 or len(number) < 8:
        return None
    return number


def _number_in(text: str) -> str | None:
    """A tracking-number token that follows a number cue, or else any long token."""
    for cue in _NUMBER_CUE.finditer(text):
        for pattern in (_GROUPED, _TOKEN):
            token = pattern.match(text, cue.end())
            if token and (number := _normalized_number(token.group(1).replace(" ", ""))):
                return number
    for token in _TOKEN.finditer(text):
        if (number := _normalized_number(token.group(1))) and sum(c.isdigit() for c in number) >= 8:
            return number
    return None


def _plausible_name(name: str) -> str | None:
    words = name.split()
    while words and words[-1].lower().strip(".'’") in _GENERIC:
        words.pop()
    if not words or words[0].lower().strip(".'’") in _GENERIC:
        return None
    candidate = " ".join(words).rstrip(".'’-")
    if sum(c.isdigit() for c in candidate) >= 5 or not any(c.isalpha() for c in candidate):
        return None  # that is a number or a time, not a name
    return candidate or None


def _carrier_in(text: str, cue: re.Match[str]) -> str | None:
    after = text[cue.end() :]
    for zh in _ZH_CARRIERS:
        if zh in after:
            return zh
    before = _CARRIER_BEFORE_VERB.search(text)
    if before and (name := _plausible_name(before.group(1) or before.group(2))):
        return name
    direct = _DIRECT_CUE_END.search(cue.group()) and _CARRIER_AFTER_CUE.match(after)
    if direct and (name := _plausible_name(direct.group(1))):
        return name
    for match in _CARRIER_WITH.finditer(after):
        if name := _plausible_name(match.group(1)):
            return name
    return None


@lru_cache(maxsize=32_768)
def extract_handover(text: str | None) -> HandOver | None:
    """The new tracking number and/or carrier a hand-over text names, or ``None``.

    ``None`` when the text has no (non-negated) hand-over phrase, or names neither a number
    nor a carrier ("handed over to the local carrier"). Remembered per text: carriers repeat
    their texts, and every timeline rebuild reads each event's text again.
    """
    if not text:
        return None
    clean = _clean(text)
    for cue in _CUES.finditer(clean):
        if _NEGATIONS.search(clean[max(0, cue.start() - 30) : cue.start()]):
            continue
        number = _number_in(clean[cue.start() :]) or _number_in(clean)
        carrier = _carrier_in(clean, cue)
        if number or carrier:
            return HandOver(tracking_number=number, carrier_name=carrier)
    return None


@lru_cache(maxsize=32_768)
def normalized_tracking_number(number: str | None) -> str:
    """Upper-case, without spaces or hyphens (``""`` when unknown): the form numbers compare in."""
    if not number:
        return ""
    return re.sub(r"[\s-]", "", number).upper()


def carrier_matches(name: str, slug: str | None) -> bool:
    """Whether a carrier name from text plausibly names the carrier with this slug.

    Compares letters and digits only, case-insensitively: equal, one containing the other, or
    the same first word ("DHL Paket" and ``dhl_parcel_de``).
    """
    if not slug:
        return False
    if name in _ZH_CARRIERS:
        return re.sub(r"[\W_]+", "", slug).casefold().startswith(_ZH_CARRIERS[name])
    a = re.sub(r"[\W_]+", "", name).casefold()
    b = re.sub(r"[\W_]+", "", slug).casefold()
    if not a or not b:
        return False
    if a == b or (len(a) >= 3 and a in b) or (len(b) >= 3 and b in a):
        return True
    first_a = re.split(r"[\W_]+", name.casefold().strip())[0]
    first_b = re.split(r"[\W_]+", slug.casefold().strip())[0]
    return len(first_a) >= 3 and first_a == first_b
