"""The email channel: a buyer's shipment update rendered in their language, sent over SMTP.

:func:`render` turns a :class:`ShipmentEmail` (what the dispatcher knows about one update)
into a subject, a plain-text part and an HTML part, in the buyer's locale or the closest one
shipped (``crosstrack.notify.email_locale``); :class:`SmtpSender` (``email_smtp``) sends them.
The templates are ``templates/email/shipment_update.{html,txt}``; the words are in
``email_texts``. Nothing here reads a file or opens a connection at import. docs/email.md
describes the emails, the languages and the SMTP settings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from crosstrack.notify.email_locale import format_window, resolve_locale
from crosstrack.notify.email_smtp import SmtpSender, SmtpSettings
from crosstrack.notify.email_texts import CATALOGS
from crosstrack.services.records import BuyerUpdate

__all__ = [
    "EmailChannel",
    "RenderedEmail",
    "ShipmentEmail",
    "SmtpSender",
    "SmtpSettings",
    "TimelineLine",
    "render",
]


@dataclass(frozen=True, slots=True)
class TimelineLine:
    """One line of the parcel's history, already in the buyer's time zone."""

    when: str  # already formatted local time, e.g. "26 Nov, 14:05 (Europe/Paris)"
    text: str  # the event's description
    place: str | None


@dataclass(frozen=True, slots=True)
class ShipmentEmail:
    """Everything one buyer email says; the dispatcher fills it from an outbox message."""

    to: str  # the buyer's address (in the To header only, never in the body)
    locale: str  # BCP 47: "fr-FR", "zh-Hans", "en"
    merchant_name: str
    order_ref: str
    topic: str  # "shipment.status_changed", "alert.raised"...; others are generic updates
    status: str  # a crosstrack status value
    milestone: str  # a crosstrack milestone value, e.g. "import_customs"
    tracking_url: str  # the buyer's tracking page
    unsubscribe_url: str  # signed one-click unsubscribe link (RFC 8058)
    eta_from: date | None = None  # the ETA window, local dates
    eta_to: date | None = None
    alert_kind: str | None = None  # e.g. "contact_problem"
    buyer_action: str | None = None  # English action text
    timeline: tuple[TimelineLine, ...] = ()  # newest first; at most 5 are shown


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    """A rendered email; ``locale`` is the catalog actually used (after fallback)."""

    subject: str
    text: str
    html: str
    locale: str


#: Topic -> the suffix of its ``subject.*`` and ``intro.*`` keys; other topics are updates.
_TOPICS: Final[Mapping[str, str]] = {
    "shipment.status_changed": "status_changed",
    "shipment.milestone_reached": "milestone_reached",
    "shipment.eta_changed": "eta_changed",
    "alert.raised": "alert_raised",
    "alert.resolved": "alert_resolved",
    "shipment.delivered": "delivered",
}

#: Spellings of a status value that mean the vocabulary's own one.
_STATUS_ALIASES: Final[Mapping[str, str]] = {"failed_attempt": "attempt_failed"}

#: Statuses after which an ETA means nothing to the buyer.
_NO_ETA_STATUSES: Final = frozenset({"delivered", "returned"})

#: Longest shown length of free texts (carriers' and merchants' words), to bound the size.
_MAX_NAME = 200
_MAX_TIMELINE_TEXT = 300
_MAX_SHORT = 120
_MAX_ACTION = 500
_TIMELINE_LINES = 5


@dataclass(frozen=True, slots=True)
class _Action:
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class _Detail:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class _View:
    """What the templates show: every string already localized, nothing escaped yet."""

    lang: str
    subject: str
    order_line: str
    headline: str
    intro: str
    details: tuple[_Detail, ...]
    colon: str
    action: _Action | None
    timeline: tuple[TimelineLine, ...]
    updates_label: str
    tracking_url: str
    track_label: str
    link_hint: str
    footer_reason: str
    unsubscribe_question: str
    unsubscribe_label: str
    unsubscribe_url: str


def render(email: ShipmentEmail) -> RenderedEmail:
    """Subject, text and HTML of ``email`` in the buyer's language (or the closest shipped)."""
    locale = resolve_locale(email.locale)
    view = _view(email, locale, CATALOGS[locale])
    environment = _environment()
    html = environment.get_template("email/shipment_update.html").render(view=view)
    text = environment.get_template("email/shipment_update.txt").render(view=view)
    return RenderedEmail(subject=view.subject, text=_tidy_text(text), html=html, locale=locale)


@functools.cache
def _environment() -> Environment:
    """The template environment, built on first use: autoescaping for ``.html`` only."""
    return Environment(
        loader=PackageLoader("crosstrack.notify", "templates"),
        autoescape=select_autoescape(
            enabled_extensions=("html",), disabled_extensions=("txt",), default=False
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _view(email: ShipmentEmail, locale: str, texts: Mapping[str, str]) -> _View:
    """Every string the templates show, localized; the free texts on one line and clipped."""
    topic = _TOPICS.get(email.topic, "update")
    given = "delivered" if topic == "delivered" else email.status
    given = _STATUS_ALIASES.get(given, given)
    status = given if f"status.{given}" in texts else None
    milestone = texts.get(f"milestone.{email.milestone}")
    values = {
        "merchant": _clip(_one_line(email.merchant_name), _MAX_NAME),
        "order_ref": _clip(_one_line(email.order_ref), _MAX_NAME),
        "milestone": milestone or "",
    }

    def say(key: str) -> str:
        return texts[key].format_map(values)

    missing_milestone = topic == "milestone_reached" and milestone is None
    return _View(
        lang=locale,
        subject=_one_line(say(_subject_key(topic, status, milestone))),
        order_line=say("label.order"),
        headline=texts[f"headline.{status or 'unknown'}"],
        intro=say("intro.update" if missing_milestone else f"intro.{topic}"),
        details=_details(email, status, milestone, texts),
        colon=texts["punct.colon"],
        action=_action(email, topic, locale, texts, values),
        timeline=tuple(
            TimelineLine(
                when=_clip(_one_line(line.when), _MAX_SHORT),
                text=_clip(_one_line(line.text), _MAX_TIMELINE_TEXT),
                place=_clip(_one_line(line.place), _MAX_SHORT) if line.place else None,
            )
            for line in email.timeline[:_TIMELINE_LINES]
        ),
        updates_label=texts["label.latest_updates"],
        tracking_url=email.tracking_url,
        track_label=texts["label.track"],
        link_hint=texts["label.link_hint"],
        footer_reason=say("footer.reason"),
        unsubscribe_question=texts["footer.unsubscribe"],
        unsubscribe_label=texts["label.unsubscribe"],
        unsubscribe_url=email.unsubscribe_url,
    )


def _details(
    email: ShipmentEmail, status: str | None, milestone: str | None, texts: Mapping[str, str]
) -> tuple[_Detail, ...]:
    """The status, the stage and the ETA window (not once delivered or returned)."""
    details = []
    if status is not None:
        details.append(_Detail(texts["label.status"], texts[f"status.{status}"]))
    if milestone is not None:
        details.append(_Detail(texts["label.stage"], milestone))
    window = format_window(email.eta_from, email.eta_to, texts)
    if window is not None and status not in _NO_ETA_STATUSES:
        details.append(_Detail(texts["label.expected_delivery"], window))
    return tuple(details)


def _subject_key(topic: str, status: str | None, milestone: str | None) -> str:
    """The catalog key of the subject line: the status's for a status change or a delivery,
    the topic's otherwise; a plain "update" when the status or milestone is not one we name."""
    if topic in ("status_changed", "delivered"):
        return "subject.update" if status is None else f"subject.status.{status}"
    if topic == "update" or (topic == "milestone_reached" and milestone is None):
        return "subject.update"
    return f"subject.{topic}"


def _action(
    email: ShipmentEmail,
    topic: str,
    locale: str,
    texts: Mapping[str, str],
    values: Mapping[str, str],
) -> _Action | None:
    """The "What to do" box: shown while an alert is open (not when it is resolved).

    ``buyer_action`` is English, so it is used as is only in English emails; other languages
    use the catalog's text for the kind, or the generic text for kinds it has none for."""
    if email.alert_kind is None or topic == "alert_resolved":
        return None
    own = email.buyer_action.strip() if email.buyer_action else ""
    if own and locale == "en":
        text = _clip(own, _MAX_ACTION)
    else:
        key = f"alert.{email.alert_kind}"
        text = texts[key if key in texts else "alert.generic"].format_map(values)
    return _Action(title=texts["label.what_to_do"], text=text)


def _one_line(value: str) -> str:
    """``value`` with every run of whitespace (newlines included) made one space."""
    return " ".join(value.split())


def _clip(value: str, limit: int) -> str:
    """``value`` cut to ``limit`` characters, an ellipsis marking the cut."""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


_BLANK_RUNS: Final = re.compile(r"\n{3,}")
_SIGNATURE: Final = "-- "


def _tidy_text(text: str) -> str:
    """The text part without trailing spaces or runs of blank lines, ending in a newline; the
    signature separator keeps its space (``-- ``), so mail clients can recognise it."""
    lines = "\n".join(line if line == _SIGNATURE else line.rstrip() for line in text.splitlines())
    return _BLANK_RUNS.sub("\n\n", lines).strip() + "\n"


class EmailChannel:
    """``BuyerChannel`` over SMTP: words a buyer update as an email and sends it."""

    def __init__(self, sender: SmtpSender) -> None:
        self._sender = sender

    def send(self, to: str, update: BuyerUpdate, *, message_id: str) -> None:
        email = ShipmentEmail(
            to=to,
            locale=update.locale,
            merchant_name=update.merchant_name,
            order_ref=update.order_ref,
            topic=update.topic,
            status=update.status,
            milestone=update.milestone,
            tracking_url=update.tracking_url,
            unsubscribe_url=update.unsubscribe_url,
            eta_from=update.eta_from,
            eta_to=update.eta_to,
            alert_kind=update.alert_kind,
            buyer_action=update.buyer_action,
            timeline=tuple(
                TimelineLine(line.when, line.text, line.place) for line in update.timeline
            ),
        )
        self._sender.send(email, render(email), message_id=message_id)
