"""The SMS channel: a sender speaking Twilio's Programmable Messaging API, and the texts it sends.

:class:`TwilioSms` posts one message to ``/2010-04-01/Accounts/{AccountSid}/Messages.json``
(HTTP Basic auth, a form body with ``To``, ``From`` and ``Body``) and returns the message's
``sid``; anything short of a 2xx raises :class:`~crosstrack.notify.errors.DeliveryFailed`,
retryable for timeouts, connection errors, 429 and 5xx. The dispatcher's idempotency key goes
in ``I-Twilio-Idempotency-Token``, so a retry after a lost answer does not send twice.

:func:`sms_text` renders a short localized text that always ends with the tracking URL and stays
within one GSM-7 segment (160 characters) when its characters allow, else within two UCS-2
segments; :func:`sms_segments` counts segments the way carriers bill them. Its words are the
``notifications`` gettext catalog's (``notify.words``), its dates Babel's. Reference:
docs/sms.md.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType
from typing import Any, Final
from urllib.parse import quote

import httpx

from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.vocabulary import TERMINAL_STATUSES, Status
from crosstrack.notify.errors import DeliveryFailed
from crosstrack.notify.words import T_, Msg, Words, known, words_for
from crosstrack.services.records import BuyerUpdate

log = logging.getLogger(__name__)

TWILIO_API_VERSION = "2010-04-01"
IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token"

# --------------------------------------------------------------------------------------------
# Sending
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SmsSettings:
    """Twilio credentials and where to reach it. ``auth_token`` is a secret: it is kept out of
    ``repr`` and never appears in logs or error messages."""

    account_sid: str
    auth_token: str = field(repr=False)
    from_number: str
    """The sender, an E.164 number (``+15005550006``)."""
    base_url: str = "https://api.twilio.com"
    timeout: float = 10.0
    """Seconds for the whole exchange (connect, send, read) of one request."""


class TwilioSms:
    """Sends SMS through Twilio (or anything that speaks its Messages API, such as
    :class:`crosstrack.testing.sms_server.FakeTwilio`). Thread-safe; close it when done unless
    the ``client`` was given (the caller then owns it)."""

    def __init__(self, settings: SmsSettings, *, client: httpx.Client | None = None) -> None:
        self._settings = settings
        self._owns_client = client is None
        self._client = client if client is not None else httpx.Client(follow_redirects=False)
        base = settings.base_url.rstrip("/")
        account = quote(settings.account_sid, safe="")
        self._url = f"{base}/{TWILIO_API_VERSION}/Accounts/{account}/Messages.json"

    def __repr__(self) -> str:
        return f"TwilioSms(account_sid={self._settings.account_sid!r}, url={self._url!r})"

    def close(self) -> None:
        """Close the HTTP client if this sender made it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> TwilioSms:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def send(self, to: str, body: str, *, idempotency_key: str) -> str:
        """Send one SMS; returns the provider's message id (sid).

        Raises :class:`DeliveryFailed`: retryable for a timeout, a connection error, 429 and
        5xx; not retryable for any other 4xx (its text gives Twilio's ``code`` and ``message``).
        """
        settings = self._settings
        try:
            response = self._client.post(
                self._url,
                data={"To": to, "From": settings.from_number, "Body": body},
                auth=(settings.account_sid, settings.auth_token),
                headers={IDEMPOTENCY_HEADER: idempotency_key, "Accept": "application/json"},
                timeout=settings.timeout,
            )
        except httpx.TimeoutException:
            raise DeliveryFailed(
                f"Twilio did not answer within {settings.timeout:g} s", retryable=True
            ) from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL):
            raise DeliveryFailed(
                f"the SMS base URL {settings.base_url!r} is not an http(s) URL", retryable=False
            ) from None
        except httpx.RequestError as exc:
            raise DeliveryFailed(
                f"could not reach Twilio ({type(exc).__name__})", retryable=True
            ) from None
        return self._sid_of(response)

    def _sid_of(self, response: httpx.Response) -> str:
        status = response.status_code
        payload = _json_object(response)
        if 200 <= status < 300:
            sid = payload.get("sid")
            if not isinstance(sid, str) or not sid:
                # The message may exist: retrying with the same idempotency token is safe.
                raise DeliveryFailed(
                    f"Twilio answered HTTP {status} without a message sid",
                    retryable=True,
                    status=status,
                )
            log.debug("SMS accepted by %s as %s", response.url.host, sid)
            return sid
        retryable = status in (408, 429) or status >= 500
        raise DeliveryFailed(
            self._redacted(_describe_error(status, payload, response.headers)),
            retryable=retryable,
            status=status,
        )

    def _redacted(self, text: str) -> str:
        token = self._settings.auth_token
        return text.replace(token, "[redacted]") if token else text


def _json_object(response: httpx.Response) -> dict[str, Any]:
    """The answer's JSON object, or ``{}`` when it is not one (an HTML error page, say)."""
    try:
        payload = response.json()
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def _describe_error(status: int, payload: Mapping[str, Any], headers: httpx.Headers) -> str:
    code = payload.get("code")
    message = payload.get("message")
    text = f"Twilio refused the SMS (HTTP {status}"
    if isinstance(code, int | str) and str(code):
        text += f", code {code}"
    text += ")"
    if isinstance(message, str) and message:
        text += f": {message[:300]}"
    retry_after = headers.get("retry-after")
    if retry_after and retry_after.strip().isdigit():
        text += f" (retry after {retry_after.strip()} s)"
    return text


# --------------------------------------------------------------------------------------------
# Segments: GSM 03.38 (7-bit) or UCS-2
# --------------------------------------------------------------------------------------------

#: The GSM 7-bit default alphabet (3GPP TS 23.038), one septet each.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: The default extension table: an escape septet plus the character, two septets each.
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")
_GSM7: Final = GSM7_BASIC | GSM7_EXTENSION

_SINGLE = {"GSM-7": 160, "UCS-2": 70}
_MULTIPART = {"GSM-7": 153, "UCS-2": 67}


def is_gsm7(text: str) -> bool:
    """Whether every character of ``text`` has a GSM-7 encoding (basic or extension table)."""
    return _GSM7.issuperset(text)


def sms_encoding(text: str) -> str:
    """``"GSM-7"`` when the text can be sent in 7-bit, else ``"UCS-2"``."""
    return "GSM-7" if is_gsm7(text) else "UCS-2"


def _units(text: str, encoding: str) -> Iterator[int]:
    """The size of each character: septets in GSM-7, UTF-16 code units in UCS-2."""
    for char in text:
        if encoding == "GSM-7":
            yield 2 if char in GSM7_EXTENSION else 1
        else:
            yield 2 if ord(char) > 0xFFFF else 1


def _size(text: str, encoding: str) -> int:
    """The sum of :func:`_units`, counted without a loop over the characters."""
    if encoding == "GSM-7":
        return len(text) + sum(map(text.count, GSM7_EXTENSION))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def sms_segments(text: str) -> int:
    """How many SMS segments ``text`` takes (an empty text still takes one).

    GSM-7: 160 septets fit one segment, a longer text goes in segments of 153 (the rest is the
    concatenation header); an extension character (``€``, ``[``, ``{``...) takes two septets.
    Any other character makes the whole text UCS-2: 70 code units in one segment, else 67 a
    segment (a character outside the BMP, such as an emoji, takes two). A character is never
    split across two segments.
    """
    encoding = sms_encoding(text)
    total = _size(text, encoding)
    if total <= _SINGLE[encoding]:
        return 1
    capacity = _MULTIPART[encoding]
    if total == len(text):  # one unit each: no character to keep whole
        return -(-total // capacity)
    segments, used = 1, 0
    for size in _units(text, encoding):
        if used + size > capacity:
            segments, used = segments + 1, 0
        used += size
    return segments


def sms_fits(text: str) -> bool:
    """The length rule of :func:`sms_text`: one segment if GSM-7, else at most two (UCS-2)."""
    return sms_segments(text) <= (1 if is_gsm7(text) else 2)


# --------------------------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------------------------

TOPICS = (
    "shipment.status_changed",
    "shipment.milestone_reached",
    "shipment.eta_changed",
    "alert.raised",
    "alert.resolved",
    "shipment.delivered",
)

#: No estimate is said once the shipment is over, or once the carrier has gone silent.
_NO_ETA_AFTER: Final = TERMINAL_STATUSES | {Status.EXPIRED}
_MERCHANT_FLOOR = 12
"""Characters of a merchant name kept (ellipsis included) before the ETA sentence is dropped."""

#: How an estimate's dates are written: day and month, no weekday ("March 3", "3–5 mars").
_DATE_SKELETON: Final = "MMMMd"

# Translators: the texts of SMS. Keep them short: with the shop's name and the link they must
# fit one SMS of 160 characters in Latin letters (so avoid letters outside the GSM alphabet,
# such as á í ó ú ç ê ô, where you can), two SMS of 67 characters in any other script.
_UPDATE: Final = T_("There is an update on your order %(order_ref)s.")
"""Any other update (an unknown topic or status)."""

#: What a status update says, by the shipment's status.
_STATUS_TEXTS: Final[Mapping[Status, Msg]] = {
    Status.PENDING: T_("Your order %(order_ref)s is registered; tracking will start soon."),
    Status.INFO_RECEIVED: T_("Your order %(order_ref)s will be handed to the carrier soon."),
    Status.IN_TRANSIT: T_("Your order %(order_ref)s is on its way."),
    Status.OUT_FOR_DELIVERY: T_("Your order %(order_ref)s is out for delivery."),
    Status.AVAILABLE_FOR_PICKUP: T_("Your order %(order_ref)s is ready for pickup."),
    Status.ATTEMPT_FAILED: T_("A delivery attempt for your order %(order_ref)s failed."),
    Status.DELIVERED: T_("Your order %(order_ref)s has been delivered."),
    Status.EXCEPTION: T_("There is a problem with the delivery of your order %(order_ref)s."),
    Status.RETURNED: T_("Your order %(order_ref)s is being returned to the sender."),
    Status.EXPIRED: T_("Your order %(order_ref)s has had no tracking update for a long time."),
}

# Translators: an SMS's second sentence, after the status. %(eta)s is a date or a range of
# dates as your language writes them ("March 3", "3–5 mars", "30. März – 2. Apr."); it may end
# with an abbreviation's full stop, so do not put a second one right after it.
_EXPECTED: Final = T_("Expected %(eta)s.")
# Translators: %(eta)s as in "Expected %(eta)s." (a date or a range of dates).
_ETA_CHANGED: Final = T_("New delivery estimate for your order %(order_ref)s: %(eta)s.")
_ETA_CHANGED_UNKNOWN: Final = T_("The delivery estimate for your order %(order_ref)s has changed.")
# Translators: %(alert)s is one of the short phrases saying what is wrong ("held by customs").
_RAISED: Final = T_("There is an issue with your order %(order_ref)s: %(alert)s.")
_RAISED_UNKNOWN: Final = T_("There is an issue with your order %(order_ref)s.")
# Translators: %(alert)s is one of the short phrases saying what was wrong ("held by customs").
_RESOLVED: Final = T_("Issue resolved for your order %(order_ref)s: %(alert)s.")
_RESOLVED_UNKNOWN: Final = T_("The issue with your order %(order_ref)s has been resolved.")

#: What is wrong, as the alert sentences above read it (%(alert)s, lower case in English).
_ALERTS: Final[Mapping[AlertKind, Msg]] = {
    # Translators: this and the next ones are what is wrong with an order, as the SMS
    # "There is an issue with your order %(order_ref)s: %(alert)s." reads them.
    AlertKind.ADDRESS_PROBLEM: T_("delivery address problem"),
    AlertKind.CONTACT_PROBLEM: T_("the courier could not reach you"),
    AlertKind.FAILED_ATTEMPT: T_("delivery attempt failed"),
    AlertKind.CUSTOMS_DOCUMENTS: T_("customs needs documents or payment"),
    AlertKind.CUSTOMS_HELD: T_("held by customs"),
    AlertKind.REFUSED: T_("parcel refused"),
    AlertKind.DAMAGED: T_("parcel damaged"),
    AlertKind.LOST: T_("parcel missing"),
    AlertKind.RETURNING: T_("returning to the sender"),
    AlertKind.CARRIER_EXCEPTION: T_("carrier delay"),
    AlertKind.NOT_COLLECTED: T_("waiting to be collected"),
    AlertKind.NO_FIRST_SCAN: T_("not yet handed to the carrier"),
    AlertKind.STALLED: T_("no recent tracking update"),
    AlertKind.CUSTOMS_DWELL: T_("customs clearance is taking longer"),
    AlertKind.LATE_RISK: T_("it may arrive late"),
    AlertKind.ADDRESS_RISK: T_("delivery details to check"),
}

# Translators: how an SMS is signed: the shop's name, then the message.
_SIGNED: Final = T_("%(merchant)s: %(message)s")
# Translators: two sentences of one SMS, one after the other (no space between them in
# languages that write none, such as Chinese and Japanese).
_JOINED: Final = T_("%(sentence)s %(next_sentence)s")

#: Typography that needs UCS-2 but has a GSM-7 stand-in: the spaces and dash CLDR puts in a
#: range of dates. Replaced only when that makes the whole text GSM-7.
_GSM_STAND_INS: Final = (
    ("\u2009–\u2009", "-"),
    ("–", "-"),
    ("\u2009", " "),
    ("\u202f", " "),
    ("\u00a0", " "),
)


def sms_text(
    *,
    locale: str,
    merchant_name: str,
    order_ref: str,
    topic: str,
    status: str,
    tracking_url: str,
    eta_from: date | None = None,
    eta_to: date | None = None,
    alert_kind: str | None = None,
) -> str:
    """A short localized SMS (at most 160 GSM-7 characters when the language allows, else at
    most 70 UCS-2 characters per segment and at most 2 segments), always ending with the
    tracking URL.

    The language is the shipped locale ``locale`` falls back to
    (:func:`crosstrack.i18n.shipped`); the words are the ``notifications`` catalog's and the
    dates Babel's. ``status`` is a :class:`~crosstrack.domain.vocabulary.Status` value and
    ``alert_kind`` an :class:`~crosstrack.domain.alerts.AlertKind` value; an unknown topic or
    status gives a generic "there is an update" text. Only one of ``eta_from`` and ``eta_to``
    means that one day. When the text is too long the merchant name is shortened first (with
    an ellipsis), then the estimate sentence is dropped, then the detail (which alert, which
    dates); the URL is never cut (a URL too long for any text still ends the shortest text).
    """
    words = words_for(locale)
    values = {"order_ref": words.isolate(" ".join(order_ref.split()))}
    eta = words.dates(eta_from, eta_to, _DATE_SKELETON)
    if eta is not None:
        values["eta"] = eta
    kind = known(AlertKind, alert_kind)
    if kind is not None:
        values["alert"] = words.say(_ALERTS[kind])
    full, short = _templates(topic, status, eta is not None, kind is not None)
    return _fit(
        words,
        " ".join(merchant_name.split()),
        _Sentences(
            full=tuple(words.say(message, **values) for message in full),
            short=tuple(words.say(message, **values) for message in short),
        ),
        tracking_url.strip(),
    )


@dataclass(frozen=True, slots=True)
class _Sentences:
    """What a text can say, from the most to the least: ``full`` (the main sentence and any
    optional one), ``main`` (its first sentence) and ``short`` (a sentence without details)."""

    full: tuple[str, ...]
    short: tuple[str, ...]

    @property
    def main(self) -> tuple[str, ...]:
        return self.full[:1]


def _templates(
    topic: str, status: str, has_eta: bool, has_alert: bool
) -> tuple[tuple[Msg, ...], tuple[Msg, ...]]:
    """A topic's sentences and a shorter fallback."""
    if topic in ("shipment.status_changed", "shipment.milestone_reached"):
        said = known(Status, status)
        main = _STATUS_TEXTS.get(said, _UPDATE) if said else _UPDATE
        if has_eta and said not in _NO_ETA_AFTER:
            return (main, _EXPECTED), (main,)
        return (main,), (main,)
    if topic == "shipment.delivered":
        return (_STATUS_TEXTS[Status.DELIVERED],), (_STATUS_TEXTS[Status.DELIVERED],)
    if topic == "shipment.eta_changed":
        return (_ETA_CHANGED if has_eta else _ETA_CHANGED_UNKNOWN,), (_ETA_CHANGED_UNKNOWN,)
    if topic == "alert.raised":
        return (_RAISED if has_alert else _RAISED_UNKNOWN,), (_RAISED_UNKNOWN,)
    if topic == "alert.resolved":
        return (_RESOLVED if has_alert else _RESOLVED_UNKNOWN,), (_RESOLVED_UNKNOWN,)
    return (_UPDATE,), (_UPDATE,)


def _compose(words: Words, merchant: str, sentences: tuple[str, ...], url: str) -> str:
    body = sentences[0]
    for sentence in sentences[1:]:
        body = words.say(_JOINED, sentence=body, next_sentence=sentence)
    if merchant:
        body = words.say(_SIGNED, merchant=words.isolate(merchant), message=body)
    return _gsm_stand_ins(f"{body} {url}")


def _gsm_stand_ins(text: str) -> str:
    """``text``, with :data:`_GSM_STAND_INS` when that is all that keeps it from GSM-7."""
    if is_gsm7(text):
        return text
    plain = text
    for fancy, simple in _GSM_STAND_INS:
        plain = plain.replace(fancy, simple)
    return plain if is_gsm7(plain) else text


def _merchant_names(merchant: str, shortest: int, gsm: bool) -> Iterator[str]:
    """The merchant name, then ever shorter cuts of it ending with an ellipsis (``...`` while
    the text can stay ``gsm``, else ``…``), down to ``shortest`` characters; ``shortest`` 0
    ends with no name at all."""
    yield merchant
    for keep in range(min(len(merchant) - 1, _SINGLE["GSM-7"]), 0, -1):
        head = merchant[:keep].rstrip()
        cut = head + ("..." if gsm and is_gsm7(head) else "…")
        if len(cut) < shortest:
            break
        if len(cut) < len(merchant):
            yield cut
    if shortest == 0 and merchant:
        yield ""


def _fit(words: Words, merchant: str, sentences: _Sentences, url: str) -> str:
    """The first text within :func:`sms_fits`, trying in turn: every sentence, then the main
    one, then the short one, each with the merchant name cut down to a floor; then the main and
    the short sentence with the name cut down to nothing."""
    plans = [
        (sentences.full, _MERCHANT_FLOOR),
        (sentences.main, _MERCHANT_FLOOR),
        (sentences.short, _MERCHANT_FLOOR),
        (sentences.main, 0),
        (sentences.short, 0),
    ]
    tried: set[tuple[tuple[str, ...], int]] = set()
    for chosen, shortest in plans:
        if (chosen, shortest) in tried:
            continue
        tried.add((chosen, shortest))
        gsm = is_gsm7(_compose(words, "", chosen, url))
        for name in _merchant_names(merchant, shortest, gsm):
            text = _compose(words, name, chosen, url)
            if sms_fits(text):
                return text
    return _compose(words, "", sentences.short, url)


class SmsChannel:
    """``BuyerChannel`` over an SMS provider: words a buyer update as a short text."""

    def __init__(self, provider: TwilioSms) -> None:
        self._provider = provider

    def send(self, to: str, update: BuyerUpdate, *, message_id: str) -> None:
        body = sms_text(
            locale=update.locale,
            merchant_name=update.merchant_name,
            order_ref=update.order_ref,
            topic=update.topic,
            status=update.status,
            tracking_url=update.tracking_url,
            eta_from=update.eta_from,
            eta_to=update.eta_to,
            alert_kind=update.alert_kind,
        )
        self._provider.send(to, body, idempotency_key=message_id)
