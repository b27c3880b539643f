"""The SMS channel: a sender speaking Twilio's Programmable Messaging API, and the texts it sends.

:class:`TwilioSms` posts one message to ``/2010-04-01/Accounts/{AccountSid}/Messages.json``
(HTTP Basic auth, a form body with ``To``, ``From`` and ``Body``) and returns the message's
``sid``; anything short of a 2xx raises :class:`~crosstrack.notify.errors.DeliveryFailed`,
retryable for timeouts, connection errors, 429 and 5xx. The dispatcher's idempotency key goes
in ``I-Twilio-Idempotency-Token``, so a retry after a lost answer does not send twice.

:func:`sms_text` renders a short localized text that always ends with the tracking URL and stays
within one GSM-7 segment (160 characters) when its characters allow, else within two UCS-2
segments; :func:`sms_segments` counts segments the way carriers bill them. Reference:
docs/sms.md.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType
from typing import Any
from urllib.parse import quote

import httpx

from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.vocabulary import Status
from crosstrack.notify.errors import DeliveryFailed
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

_SINGLE = {"GSM-7": 160, "UCS-2": 70}
_MULTIPART = {"GSM-7": 153, "UCS-2": 67}


def is_gsm7(text: str) -> bool:
    """Whether every character of ``text`` has a GSM-7 encoding (basic or extension table)."""
    return all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text)


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


def sms_segments(text: str) -> int:
    """How many SMS segments ``text`` takes (an empty text still takes one).

    GSM-7: 160 septets fit one segment, a longer text goes in segments of 153 (the rest is the
    concatenation header); an extension character (``€``, ``[``, ``{``...) takes two septets.
    Any other character makes the whole text UCS-2: 70 code units in one segment, else 67 a
    segment (a character outside the BMP, such as an emoji, takes two). A character is never
    split across two segments.
    """
    encoding = sms_encoding(text)
    sizes = list(_units(text, encoding))
    if sum(sizes) <= _SINGLE[encoding]:
        return 1
    capacity = _MULTIPART[encoding]
    segments, used = 1, 0
    for size in sizes:
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

_NO_ETA_AFTER = frozenset({Status.DELIVERED, Status.RETURNED, Status.EXPIRED})
_MERCHANT_FLOOR = 12
"""Characters of a merchant name kept (ellipsis included) before the ETA sentence is dropped."""


@dataclass(frozen=True, slots=True)
class _Catalog:
    """One language's phrasings. ``{order}``, ``{eta}`` and ``{alert}`` are filled in."""

    prefix: str
    """How the merchant signs the message (``{merchant}``)."""
    separator: str
    """Between sentences."""
    statuses: Mapping[Status, str]
    update: str
    """Any other update (an unknown topic or status)."""
    expected: str
    """Added after a status update when an estimate is known."""
    eta_changed: str
    eta_changed_unknown: str
    raised: str
    raised_unknown: str
    resolved: str
    resolved_unknown: str
    alerts: Mapping[AlertKind, str]
    eta: Callable[[date, date], str]
    """The estimate (first and last day; equal for one day) as the sentences above read it."""


def _eta_en(first: date, last: date) -> str:
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    start = f"{months[first.month - 1]} {first.day}"
    if first == last:
        return start
    if (first.year, first.month) == (last.year, last.month):
        return f"{start}-{last.day}"
    return f"{start}-{months[last.month - 1]} {last.day}"


def _eta_fr(first: date, last: date) -> str:
    months = (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    )

    def day(value: date) -> str:
        return "1er" if value.day == 1 else str(value.day)

    if first == last:
        return f"le {day(first)} {months[first.month - 1]}"
    if (first.year, first.month) == (last.year, last.month):
        return f"du {day(first)} au {day(last)} {months[last.month - 1]}"
    return f"du {day(first)} {months[first.month - 1]} au {day(last)} {months[last.month - 1]}"


def _eta_es(first: date, last: date) -> str:
    months = (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    )
    if first == last:
        return f"para el {first.day} de {months[first.month - 1]}"
    if (first.year, first.month) == (last.year, last.month):
        return f"entre el {first.day} y el {last.day} de {months[last.month - 1]}"
    return (
        f"entre el {first.day} de {months[first.month - 1]}"
        f" y el {last.day} de {months[last.month - 1]}"
    )


def _eta_de(first: date, last: date) -> str:
    months = (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    )
    if first == last:
        return f"am {first.day}. {months[first.month - 1]}"
    if (first.year, first.month) == (last.year, last.month):
        return f"vom {first.day}. bis {last.day}. {months[last.month - 1]}"
    return f"vom {first.day}. {months[first.month - 1]} bis {last.day}. {months[last.month - 1]}"


def _eta_pt(first: date, last: date) -> str:
    """Day/month, as Brazilian texts write dates (``05/03``, ``30/03 a 02/04``)."""
    start = f"{first.day:02d}/{first.month:02d}"
    if first == last:
        return start
    return f"{start} a {last.day:02d}/{last.month:02d}"


def _eta_zh(first: date, last: date) -> str:
    start = f"{first.month}月{first.day}日"
    if first == last:
        return start
    if (first.year, first.month) == (last.year, last.month):
        return f"{start}至{last.day}日"
    return f"{start}至{last.month}月{last.day}日"


_EN = _Catalog(
    prefix="{merchant}: ",
    separator=" ",
    statuses={
        Status.PENDING: "Your order {order} is registered; tracking will start soon.",
        Status.INFO_RECEIVED: "Your order {order} will be handed to the carrier soon.",
        Status.IN_TRANSIT: "Your order {order} is on its way.",
        Status.OUT_FOR_DELIVERY: "Your order {order} is out for delivery.",
        Status.AVAILABLE_FOR_PICKUP: "Your order {order} is ready for pickup.",
        Status.ATTEMPT_FAILED: "A delivery attempt for your order {order} failed.",
        Status.DELIVERED: "Your order {order} has been delivered.",
        Status.EXCEPTION: "There is a problem with the delivery of your order {order}.",
        Status.RETURNED: "Your order {order} is being returned to the sender.",
        Status.EXPIRED: "Your order {order} has had no tracking update for a long time.",
    },
    update="There is an update on your order {order}.",
    expected="Expected {eta}.",
    eta_changed="New delivery estimate for your order {order}: {eta}.",
    eta_changed_unknown="The delivery estimate for your order {order} has changed.",
    raised="There is an issue with your order {order}: {alert}.",
    raised_unknown="There is an issue with your order {order}.",
    resolved="Issue resolved for your order {order}: {alert}.",
    resolved_unknown="The issue with your order {order} has been resolved.",
    alerts={
        AlertKind.ADDRESS_PROBLEM: "delivery address problem",
        AlertKind.CONTACT_PROBLEM: "the courier could not reach you",
        AlertKind.FAILED_ATTEMPT: "delivery attempt failed",
        AlertKind.CUSTOMS_DOCUMENTS: "customs needs documents or payment",
        AlertKind.CUSTOMS_HELD: "held by customs",
        AlertKind.REFUSED: "parcel refused",
        AlertKind.DAMAGED: "parcel damaged",
        AlertKind.LOST: "parcel missing",
        AlertKind.RETURNING: "returning to the sender",
        AlertKind.CARRIER_EXCEPTION: "carrier delay",
        AlertKind.NOT_COLLECTED: "waiting to be collected",
        AlertKind.NO_FIRST_SCAN: "not yet handed to the carrier",
        AlertKind.STALLED: "no recent tracking update",
        AlertKind.CUSTOMS_DWELL: "customs clearance is taking longer",
        AlertKind.LATE_RISK: "it may arrive late",
    },
    eta=_eta_en,
)

_FR = _Catalog(
    prefix="{merchant} : ",
    separator=" ",
    statuses={
        Status.PENDING: "Votre commande {order} est enregistrée ; le suivi commencera sous peu.",
        Status.INFO_RECEIVED: "Votre commande {order} sera prochainement remise au transporteur.",
        Status.IN_TRANSIT: "Votre commande {order} est en route.",
        Status.OUT_FOR_DELIVERY: "Votre commande {order} est en cours de livraison.",
        Status.AVAILABLE_FOR_PICKUP: "Votre commande {order} est disponible en point de retrait.",
        Status.ATTEMPT_FAILED: "Une tentative de livraison de votre commande {order} a échoué.",
        Status.DELIVERED: "Votre commande {order} a été livrée.",
        Status.EXCEPTION: "Un problème affecte la livraison de votre commande {order}.",
        Status.RETURNED: "Votre commande {order} est en retour vers l'expéditeur.",
        Status.EXPIRED: "Le suivi de votre commande {order} n'a pas bougé depuis longtemps.",
    },
    update="Du nouveau pour votre commande {order}.",
    expected="Livraison prévue {eta}.",
    eta_changed="Votre commande {order} est désormais attendue {eta}.",
    eta_changed_unknown="La date de livraison prévue de votre commande {order} a changé.",
    raised="Un problème concerne votre commande {order} : {alert}.",
    raised_unknown="Un problème concerne votre commande {order}.",
    resolved="Problème résolu pour votre commande {order} : {alert}.",
    resolved_unknown="Le problème concernant votre commande {order} est résolu.",
    alerts={
        AlertKind.ADDRESS_PROBLEM: "problème d'adresse de livraison",
        AlertKind.CONTACT_PROBLEM: "le livreur n'a pas pu vous joindre",
        AlertKind.FAILED_ATTEMPT: "la tentative de livraison a échoué",
        AlertKind.CUSTOMS_DOCUMENTS: "la douane demande des documents ou un paiement",
        AlertKind.CUSTOMS_HELD: "colis retenu en douane",
        AlertKind.REFUSED: "colis refusé",
        AlertKind.DAMAGED: "colis endommagé",
        AlertKind.LOST: "colis introuvable",
        AlertKind.RETURNING: "colis en retour vers l'expéditeur",
        AlertKind.CARRIER_EXCEPTION: "retard du transporteur",
        AlertKind.NOT_COLLECTED: "colis en attente de retrait",
        AlertKind.NO_FIRST_SCAN: "colis pas encore remis au transporteur",
        AlertKind.STALLED: "aucune mise à jour récente du suivi",
        AlertKind.CUSTOMS_DWELL: "le dédouanement prend plus de temps que prévu",
        AlertKind.LATE_RISK: "risque de retard de livraison",
    },
    eta=_eta_fr,
)

_ES = _Catalog(
    prefix="{merchant}: ",
    separator=" ",
    statuses={
        Status.PENDING: "Hemos registrado tu pedido {order}; el seguimiento comienza en breve.",
        Status.INFO_RECEIVED: "Tu pedido {order} se entrega en breve al transportista.",
        Status.IN_TRANSIT: "Tu pedido {order} va en camino.",
        Status.OUT_FOR_DELIVERY: "Tu pedido {order} se entrega hoy.",
        Status.AVAILABLE_FOR_PICKUP: "Tu pedido {order} ya se puede recoger.",
        Status.ATTEMPT_FAILED: "No se pudo entregar tu pedido {order}.",
        Status.DELIVERED: "Tu pedido {order} ha sido entregado.",
        Status.EXCEPTION: "Hay un problema con la entrega de tu pedido {order}.",
        Status.RETURNED: "Tu pedido {order} vuelve al remitente.",
        Status.EXPIRED: "Tu pedido {order} lleva mucho tiempo sin actualizaciones de seguimiento.",
    },
    update="Hay novedades sobre tu pedido {order}.",
    expected="Entrega prevista {eta}.",
    eta_changed="La entrega de tu pedido {order} se prevé ahora {eta}.",
    eta_changed_unknown="La fecha prevista de entrega de tu pedido {order} ha cambiado.",
    raised="Hay una incidencia con tu pedido {order}: {alert}.",
    raised_unknown="Hay una incidencia con tu pedido {order}.",
    resolved="Incidencia resuelta en tu pedido {order}: {alert}.",
    resolved_unknown="La incidencia de tu pedido {order} se ha resuelto.",
    alerts={
        AlertKind.ADDRESS_PROBLEM: "problema con el domicilio de entrega",
        AlertKind.CONTACT_PROBLEM: "el repartidor no pudo contactarte",
        AlertKind.FAILED_ATTEMPT: "intento de entrega fallido",
        AlertKind.CUSTOMS_DOCUMENTS: "la aduana pide documentos o un pago",
        AlertKind.CUSTOMS_HELD: "paquete retenido en aduana",
        AlertKind.REFUSED: "paquete rechazado",
        AlertKind.DAMAGED: "paquete dañado",
        AlertKind.LOST: "paquete extraviado",
        AlertKind.RETURNING: "el paquete vuelve al remitente",
        AlertKind.CARRIER_EXCEPTION: "retraso del transportista",
        AlertKind.NOT_COLLECTED: "paquete pendiente de recoger",
        AlertKind.NO_FIRST_SCAN: "el paquete sigue sin entregarse al transportista",
        AlertKind.STALLED: "sin actualizaciones de seguimiento recientes",
        AlertKind.CUSTOMS_DWELL: "el despacho de aduana se retrasa",
        AlertKind.LATE_RISK: "puede llegar con retraso",
    },
    eta=_eta_es,
)

_DE = _Catalog(
    prefix="{merchant}: ",
    separator=" ",
    statuses={
        Status.PENDING: "Ihre Bestellung {order} ist registriert; die Sendungsverfolgung "
        "beginnt in Kürze.",
        Status.INFO_RECEIVED: "Ihre Bestellung {order} wird in Kürze an den Paketdienst übergeben.",
        Status.IN_TRANSIT: "Ihre Bestellung {order} ist unterwegs.",
        Status.OUT_FOR_DELIVERY: "Ihre Bestellung {order} wird heute zugestellt.",
        Status.AVAILABLE_FOR_PICKUP: "Ihre Bestellung {order} liegt zur Abholung bereit.",
        Status.ATTEMPT_FAILED: "Ihre Bestellung {order} konnte nicht zugestellt werden.",
        Status.DELIVERED: "Ihre Bestellung {order} wurde zugestellt.",
        Status.EXCEPTION: "Bei der Zustellung Ihrer Bestellung {order} gibt es ein Problem.",
        Status.RETURNED: "Ihre Bestellung {order} wird an den Absender zurückgeschickt.",
        Status.EXPIRED: "Zu Ihrer Bestellung {order} gibt es seit Längerem keine neuen "
        "Sendungsdaten.",
    },
    update="Es gibt Neuigkeiten zu Ihrer Bestellung {order}.",
    expected="Zustellung voraussichtlich {eta}.",
    eta_changed="Ihre Bestellung {order} wird jetzt voraussichtlich {eta} zugestellt.",
    eta_changed_unknown="Der voraussichtliche Liefertermin Ihrer Bestellung {order} hat sich "
    "geändert.",
    raised="Problem mit Ihrer Bestellung {order}: {alert}.",
    raised_unknown="Es gibt ein Problem mit Ihrer Bestellung {order}.",
    resolved="Problem mit Ihrer Bestellung {order} behoben: {alert}.",
    resolved_unknown="Das Problem mit Ihrer Bestellung {order} ist behoben.",
    alerts={
        AlertKind.ADDRESS_PROBLEM: "Problem mit der Lieferadresse",
        AlertKind.CONTACT_PROBLEM: "der Zusteller konnte Sie nicht erreichen",
        AlertKind.FAILED_ATTEMPT: "Zustellversuch fehlgeschlagen",
        AlertKind.CUSTOMS_DOCUMENTS: "der Zoll benötigt Unterlagen oder eine Zahlung",
        AlertKind.CUSTOMS_HELD: "Sendung vom Zoll zurückgehalten",
        AlertKind.REFUSED: "Annahme verweigert",
        AlertKind.DAMAGED: "Sendung beschädigt",
        AlertKind.LOST: "Sendung nicht auffindbar",
        AlertKind.RETURNING: "Sendung geht an den Absender zurück",
        AlertKind.CARRIER_EXCEPTION: "Verzögerung beim Paketdienst",
        AlertKind.NOT_COLLECTED: "Sendung wartet auf Abholung",
        AlertKind.NO_FIRST_SCAN: "noch nicht an den Paketdienst übergeben",
        AlertKind.STALLED: "seit Längerem keine neuen Sendungsdaten",
        AlertKind.CUSTOMS_DWELL: "die Zollabfertigung dauert länger als üblich",
        AlertKind.LATE_RISK: "die Zustellung könnte sich verspäten",
    },
    eta=_eta_de,
)

_PT_BR = _Catalog(
    prefix="{merchant}: ",
    separator=" ",
    statuses={
        Status.PENDING: "Seu pedido {order} foi registrado; o rastreio começa em breve.",
        Status.INFO_RECEIVED: "Seu pedido {order} será entregue à transportadora em breve.",
        Status.IN_TRANSIT: "Seu pedido {order} está a caminho.",
        Status.OUT_FOR_DELIVERY: "Seu pedido {order} saiu para entrega.",
        Status.AVAILABLE_FOR_PICKUP: "Seu pedido {order} está disponível para retirada.",
        Status.ATTEMPT_FAILED: "Não foi possível entregar seu pedido {order}.",
        Status.DELIVERED: "Seu pedido {order} foi entregue.",
        Status.EXCEPTION: "Há um problema com a entrega do seu pedido {order}.",
        Status.RETURNED: "Seu pedido {order} está sendo devolvido ao remetente.",
        Status.EXPIRED: "Seu pedido {order} está há muito tempo sem atualizações.",
    },
    update="Há novidades sobre seu pedido {order}.",
    expected="Previsão: {eta}.",
    eta_changed="Nova previsão de entrega do pedido {order}: {eta}.",
    eta_changed_unknown="A previsão de entrega do seu pedido {order} mudou.",
    raised="Problema no seu pedido {order}: {alert}.",
    raised_unknown="Há um problema com seu pedido {order}.",
    resolved="Problema resolvido no pedido {order}: {alert}.",
    resolved_unknown="O problema com seu pedido {order} foi resolvido.",
    alerts={
        AlertKind.ADDRESS_PROBLEM: "endereço de entrega com problema",
        AlertKind.CONTACT_PROBLEM: "o entregador não conseguiu contato",
        AlertKind.FAILED_ATTEMPT: "tentativa de entrega sem sucesso",
        AlertKind.CUSTOMS_DOCUMENTS: "a alfândega pede documentos ou pagamento",
        AlertKind.CUSTOMS_HELD: "pacote retido na alfândega",
        AlertKind.REFUSED: "entrega recusada",
        AlertKind.DAMAGED: "pacote danificado",
        AlertKind.LOST: "pacote extraviado",
        AlertKind.RETURNING: "pacote em devolução ao remetente",
        AlertKind.CARRIER_EXCEPTION: "atraso da transportadora",
        AlertKind.NOT_COLLECTED: "pacote aguardando retirada",
        AlertKind.NO_FIRST_SCAN: "ainda não postado na transportadora",
        AlertKind.STALLED: "sem atualizações recentes",
        AlertKind.CUSTOMS_DWELL: "a alfândega está mais lenta que o normal",
        AlertKind.LATE_RISK: "pode chegar com atraso",
    },
    eta=_eta_pt,
)

_ZH_HANS = _Catalog(
    prefix="【{merchant}】",
    separator="",
    statuses={
        Status.PENDING: "您的订单{order}已登记，物流信息即将更新。",
        Status.INFO_RECEIVED: "您的订单{order}即将交给承运商。",
        Status.IN_TRANSIT: "您的订单{order}正在运输中。",
        Status.OUT_FOR_DELIVERY: "您的订单{order}正在派送中。",
        Status.AVAILABLE_FOR_PICKUP: "您的订单{order}已到达自提点，请及时取件。",
        Status.ATTEMPT_FAILED: "您的订单{order}派送未成功。",
        Status.DELIVERED: "您的订单{order}已送达。",
        Status.EXCEPTION: "您的订单{order}配送出现异常。",
        Status.RETURNED: "您的订单{order}正在退回发件人。",
        Status.EXPIRED: "您的订单{order}已较长时间没有物流更新。",
    },
    update="您的订单{order}有新的物流动态。",
    expected="预计{eta}送达。",
    eta_changed="您的订单{order}预计送达时间已更新为{eta}。",
    eta_changed_unknown="您的订单{order}预计送达时间已更新。",
    raised="您的订单{order}出现异常：{alert}。",
    raised_unknown="您的订单{order}出现异常。",
    resolved="您的订单{order}的异常已解除：{alert}。",
    resolved_unknown="您的订单{order}的异常已解除。",
    alerts={
        AlertKind.ADDRESS_PROBLEM: "收货地址有问题",
        AlertKind.CONTACT_PROBLEM: "快递员无法联系到您",
        AlertKind.FAILED_ATTEMPT: "派送未成功",
        AlertKind.CUSTOMS_DOCUMENTS: "海关要求补充资料或缴纳税费",
        AlertKind.CUSTOMS_HELD: "包裹被海关扣留",
        AlertKind.REFUSED: "包裹被拒收",
        AlertKind.DAMAGED: "包裹破损",
        AlertKind.LOST: "包裹下落不明",
        AlertKind.RETURNING: "包裹正在退回发件人",
        AlertKind.CARRIER_EXCEPTION: "承运商延误",
        AlertKind.NOT_COLLECTED: "包裹等待取件",
        AlertKind.NO_FIRST_SCAN: "包裹尚未交给承运商",
        AlertKind.STALLED: "近期没有物流更新",
        AlertKind.CUSTOMS_DWELL: "清关时间比平时长",
        AlertKind.LATE_RISK: "可能延迟送达",
    },
    eta=_eta_zh,
)

CATALOGS: Mapping[str, _Catalog] = {
    "en": _EN,
    "fr": _FR,
    "es": _ES,
    "de": _DE,
    "pt-BR": _PT_BR,
    "zh-Hans": _ZH_HANS,
}
"""The languages SMS texts are written in, by locale."""

_BY_LANGUAGE = {"en": "en", "fr": "fr", "es": "es", "de": "de", "pt": "pt-BR"}
_SIMPLIFIED_REGIONS = frozenset({"cn", "sg", "my"})


def resolve_locale(locale: str) -> str:
    """The catalog locale for a buyer's ``locale`` (BCP 47, ``_`` accepted, any case): the exact
    locale, else its language (``fr-CA`` -> ``fr``, ``pt-PT`` -> ``pt-BR``), else ``en``.
    Chinese is Simplified only when the tag says so (``zh``, ``zh-Hans*``, ``zh-CN``, ``zh-SG``,
    ``zh-MY``): ``zh-TW``, ``zh-HK``, ``zh-MO`` and ``zh-Hant*`` read English."""
    tags = [tag for tag in locale.strip().replace("_", "-").lower().split("-") if tag]
    if not tags:
        return "en"
    exact = {name.lower(): name for name in CATALOGS}
    joined = "-".join(tags)
    if joined in exact:
        return exact[joined]
    language, rest = tags[0], tags[1:]
    if language == "zh":
        script = next((tag for tag in rest if len(tag) == 4 and tag.isalpha()), None)
        region = next((tag for tag in rest if len(tag) == 2 or tag.isdigit()), None)
        if script == "hans" or (script is None and region in _SIMPLIFIED_REGIONS | {None}):
            return "zh-Hans"
        return "en"
    return _BY_LANGUAGE.get(language, "en")


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

    ``status`` is a :class:`~crosstrack.domain.vocabulary.Status` value and ``alert_kind`` an
    :class:`~crosstrack.domain.alerts.AlertKind` value; an unknown topic or status gives a
    generic "there is an update" text. Only one of ``eta_from`` and ``eta_to`` means that one
    day. When the text is too long the merchant name is shortened first (with an ellipsis),
    then the estimate sentence is dropped, then the detail (which alert, which dates); the URL
    is never cut (a URL too long for any text still ends the shortest text).
    """
    catalog = CATALOGS[resolve_locale(locale)]
    values = {"order": " ".join(order_ref.split())}
    eta = _eta(eta_from, eta_to)
    if eta is not None:
        values["eta"] = catalog.eta(*eta)
    alert = None
    if alert_kind is not None and alert_kind in _ALERT_KINDS:
        alert = catalog.alerts.get(AlertKind(alert_kind))
    if alert is not None:
        values["alert"] = alert
    choice = _templates(catalog, topic, status, eta is not None, alert is not None)
    return _fit(
        catalog,
        " ".join(merchant_name.split()),
        _Wording(*(tuple(_fill(text, values) for text in part) for part in choice)),
        tracking_url.strip(),
    )


_STATUSES = frozenset(item.value for item in Status)
_ALERT_KINDS = frozenset(item.value for item in AlertKind)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _fill(template: str, values: Mapping[str, str]) -> str:
    """``template`` with each ``{name}`` replaced once (values are never read as templates)."""
    return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), template)


def _eta(eta_from: date | None, eta_to: date | None) -> tuple[date, date] | None:
    first = eta_from or eta_to
    last = eta_to or eta_from
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


@dataclass(frozen=True, slots=True)
class _Wording:
    """What a text can say, from the most to the least: ``full`` (the main sentence and any
    optional one), ``main`` (its first sentence) and ``short`` (a sentence without details)."""

    full: tuple[str, ...]
    short: tuple[str, ...]

    @property
    def main(self) -> tuple[str, ...]:
        return self.full[:1]


def _templates(
    catalog: _Catalog, topic: str, status: str, has_eta: bool, has_alert: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A topic's sentences (``{order}`` and the rest unfilled) and a shorter fallback."""
    if topic in ("shipment.status_changed", "shipment.milestone_reached"):
        known = Status(status) if status in _STATUSES else None
        main = catalog.statuses.get(known, catalog.update) if known else catalog.update
        if has_eta and known not in _NO_ETA_AFTER:
            return (main, catalog.expected), (main,)
        return (main,), (main,)
    if topic == "shipment.delivered":
        return (catalog.statuses[Status.DELIVERED],), (catalog.statuses[Status.DELIVERED],)
    if topic == "shipment.eta_changed":
        return (catalog.eta_changed if has_eta else catalog.eta_changed_unknown,), (
            catalog.eta_changed_unknown,
        )
    if topic == "alert.raised":
        return (catalog.raised if has_alert else catalog.raised_unknown,), (catalog.raised_unknown,)
    if topic == "alert.resolved":
        return (catalog.resolved if has_alert else catalog.resolved_unknown,), (
            catalog.resolved_unknown,
        )
    return (catalog.update,), (catalog.update,)


def _compose(catalog: _Catalog, merchant: str, sentences: tuple[str, ...], url: str) -> str:
    prefix = _fill(catalog.prefix, {"merchant": merchant}) if merchant else ""
    return f"{prefix}{catalog.separator.join(sentences)} {url}"


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


def _fit(catalog: _Catalog, merchant: str, wording: _Wording, url: str) -> str:
    """The first text within :func:`sms_fits`, trying in turn: every sentence, then the main
    one, then the short one, each with the merchant name cut down to a floor; then the main and
    the short sentence with the name cut down to nothing."""
    plans = [
        (wording.full, _MERCHANT_FLOOR),
        (wording.main, _MERCHANT_FLOOR),
        (wording.short, _MERCHANT_FLOOR),
        (wording.main, 0),
        (wording.short, 0),
    ]
    tried: set[tuple[tuple[str, ...], int]] = set()
    for sentences, shortest in plans:
        if (sentences, shortest) in tried:
            continue
        tried.add((sentences, shortest))
        gsm = is_gsm7(_compose(catalog, "", sentences, url))
        for name in _merchant_names(merchant, shortest, gsm):
            text = _compose(catalog, name, sentences, url)
            if sms_fits(text):
                return text
    return _compose(catalog, "", wording.short, url)


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
