"""The email channel: a buyer's shipment update rendered in their language, sent over SMTP.

:func:`render` turns a :class:`ShipmentEmail` (what the dispatcher knows about one update)
into a subject, a plain-text part and an HTML part, in the buyer's locale or the shipped one
it falls back to (:func:`crosstrack.i18n.shipped`); :class:`SmtpSender` (``email_smtp``)
sends them. The templates are ``templates/email/shipment_update.{html,txt}`` and hold no
words: every text comes from the gettext catalogs (``notify.words``: the ``notifications``
domain, and the tracking page's names of statuses, milestones and alert actions), every date
from Babel. Nothing here reads a file or opens a connection at import.
docs/email.md describes the emails, the languages and the SMTP settings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from crosstrack.domain.alerts import ACTIONS, AlertKind
from crosstrack.domain.vocabulary import TERMINAL_STATUSES, Milestone, Status
from crosstrack.i18n import DEFAULT
from crosstrack.notify.email_smtp import SmtpSender, SmtpSettings
from crosstrack.notify.words import T_, V_, Msg, Words, known, words_for
from crosstrack.services.records import BuyerUpdate
from crosstrack.wording import HEADLINES, MILESTONES

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


#: Topic -> its subject and intro; other topics are updates.
_TOPICS: Final[Mapping[str, str]] = {
    "shipment.status_changed": "status_changed",
    "shipment.milestone_reached": "milestone_reached",
    "shipment.eta_changed": "eta_changed",
    "alert.raised": "alert_raised",
    "alert.resolved": "alert_resolved",
    "shipment.delivered": "delivered",
}

_UPDATE_SUBJECT: Final = T_("Update on your order %(order_ref)s from %(merchant)s")

#: The subject of a status change (and of a delivery), by the status.
_STATUS_SUBJECTS: Final[Mapping[Status, Msg]] = {
    Status.PENDING: T_("Your order %(order_ref)s from %(merchant)s is being prepared"),
    Status.INFO_RECEIVED: T_("Your order %(order_ref)s from %(merchant)s is ready to ship"),
    Status.IN_TRANSIT: T_("Your order %(order_ref)s from %(merchant)s is on its way"),
    Status.OUT_FOR_DELIVERY: T_("Your order %(order_ref)s from %(merchant)s is out for delivery"),
    Status.AVAILABLE_FOR_PICKUP: T_(
        "Your order %(order_ref)s from %(merchant)s is ready for pickup"
    ),
    Status.ATTEMPT_FAILED: T_(
        "Delivery of your order %(order_ref)s from %(merchant)s was attempted"
    ),
    Status.DELIVERED: T_("Your order %(order_ref)s from %(merchant)s has been delivered"),
    Status.EXCEPTION: T_(
        "There is a problem with the delivery of your order %(order_ref)s from %(merchant)s"
    ),
    Status.RETURNED: T_("Your order %(order_ref)s from %(merchant)s is going back to the seller"),
    Status.EXPIRED: T_("No recent tracking updates for your order %(order_ref)s from %(merchant)s"),
    Status.UNKNOWN: _UPDATE_SUBJECT,
}

#: The subject of the other topics.
_TOPIC_SUBJECTS: Final[Mapping[str, Msg]] = {
    # Translators: %(milestone)s is the name of a stage of the journey, e.g. "Import customs".
    "milestone_reached": T_("Your order %(order_ref)s from %(merchant)s: %(milestone)s"),
    "eta_changed": T_("New delivery date for your order %(order_ref)s from %(merchant)s"),
    "alert_raised": T_("Important news about your order %(order_ref)s from %(merchant)s"),
    "alert_resolved": T_(
        "The delivery problem with your order %(order_ref)s from %(merchant)s is solved"
    ),
    "update": _UPDATE_SUBJECT,
}

#: The sentence under the headline, by topic.
_INTROS: Final[Mapping[str, Msg]] = {
    "status_changed": T_("The status of your parcel has changed."),
    "milestone_reached": T_("Your parcel has reached a new stage: %(milestone)s."),
    "eta_changed": T_("The expected delivery date has changed."),
    "alert_raised": T_("There is important news about your delivery."),
    "alert_resolved": T_("The problem with your delivery has been solved."),
    "delivered": T_("Thank you for shopping with %(merchant)s."),
    "update": T_("Here is the latest news about your parcel."),
}

_GENERIC_ACTION: Final = T_(
    "There is a problem with your delivery. Follow the link below for details, "
    "or contact %(merchant)s."
)
_ORDER_LINE: Final = T_("Order %(order_ref)s from %(merchant)s")
_STATUS_LABEL: Final = T_("Status")
# Translators: the stage of the journey the parcel is at (a label, its value follows).
_STAGE_LABEL: Final = T_("Current stage")
_EXPECTED_LABEL: Final = V_("Expected delivery")
_ACTION_TITLE: Final = V_("What to do")
# Translators: the heading of the parcel's last few tracking events.
_UPDATES_LABEL: Final = T_("Latest updates")
_TRACK_LABEL: Final = V_("Track your parcel")
_UNSUBSCRIBE_LABEL: Final = T_("Unsubscribe")
_LINK_HINT: Final = T_("If the button does not work, open this link:")
_FOOTER_REASON: Final = T_("You are receiving this email because you ordered from %(merchant)s.")
_FOOTER_UNSUBSCRIBE: Final = T_("Don't want these emails?")
# Translators: a label and its value on one line ("Status: In transit"); the label is shown
# in bold in the HTML email. Write the colon the way your language does.
_LABELLED: Final = T_("%(label)s: %(value)s")

_UNKNOWN_HEADLINE: Final = T_("News about your parcel")

#: The short name of each status: the page's name of the milestone that says the same, or
#: our own.
_STATUS_NAMES: Final[Mapping[Status, Msg]] = {
    Status.PENDING: T_("Awaiting shipment"),
    Status.INFO_RECEIVED: V_(MILESTONES[Milestone.LABEL_CREATED]),
    Status.IN_TRANSIT: T_("In transit"),
    Status.OUT_FOR_DELIVERY: V_(MILESTONES[Milestone.OUT_FOR_DELIVERY]),
    Status.AVAILABLE_FOR_PICKUP: V_(MILESTONES[Milestone.AVAILABLE_FOR_PICKUP]),
    Status.ATTEMPT_FAILED: V_(MILESTONES[Milestone.DELIVERY_ATTEMPT]),
    Status.DELIVERED: V_(MILESTONES[Milestone.DELIVERED]),
    Status.EXCEPTION: T_("Delivery problem"),
    Status.RETURNED: V_(MILESTONES[Milestone.RETURN]),
    Status.EXPIRED: T_("No recent updates"),
    Status.UNKNOWN: V_(MILESTONES[Milestone.NONE]),
}

#: Spellings of a status value that mean the vocabulary's own one.
_STATUS_ALIASES: Final[Mapping[str, str]] = {"failed_attempt": "attempt_failed"}

#: How the ETA window is written: weekday, day and abbreviated month ("Tue, Dec 1").
_DATE_SKELETON: Final = "MMMEd"

#: Fonts tried first: the system's, then one of the script (a Japanese reader must get
#: Japanese glyph forms, not Chinese ones); then the generic family.
_FONTS: Final = "-apple-system,'Segoe UI',Roboto,Helvetica,Arial"
_SCRIPT_FONTS: Final[Mapping[str, tuple[str, ...]]] = {
    "zh-Hans": ("'PingFang SC'", "'Microsoft YaHei'"),
    "zh-Hant": ("'PingFang TC'", "'Microsoft JhengHei'"),
    "ja": ("'Hiragino Sans'", "'Hiragino Kaku Gothic ProN'", "'Yu Gothic'", "Meiryo"),
    "ko": ("'Apple SD Gothic Neo'", "'Malgun Gothic'"),
}

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
class _Labelled:
    """A "label: value" line, for the text part and for the HTML part (the label in bold)."""

    text: str
    html: Markup


@dataclass(frozen=True, slots=True)
class _View:
    """What the templates show: every string already localized, nothing escaped yet."""

    lang: str
    dir: str
    fonts: Markup
    subject: str
    order_line: str
    headline: str
    intro: str
    details: tuple[_Labelled, ...]
    action: _Action | None
    timeline: tuple[TimelineLine, ...]
    updates_label: str
    tracking_url: str
    track_label: str
    track_line: str
    link_hint: str
    footer_reason: str
    unsubscribe_question: str
    unsubscribe_label: str
    unsubscribe_line: str
    unsubscribe_url: str


def render(email: ShipmentEmail) -> RenderedEmail:
    """Subject, text and HTML of ``email`` in the buyer's language (or the closest shipped)."""
    words = words_for(email.locale)
    view = _view(email, words)
    environment = _environment()
    html = environment.get_template("email/shipment_update.html").render(view=view)
    text = environment.get_template("email/shipment_update.txt").render(view=view)
    return RenderedEmail(
        subject=view.subject, text=_tidy_text(text), html=html, locale=words.locale
    )


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


def _view(email: ShipmentEmail, words: Words) -> _View:
    """Every string the templates show, localized; the free texts on one line and clipped."""
    topic = _TOPICS.get(email.topic, "update")
    given = "delivered" if topic == "delivered" else email.status
    given = _STATUS_ALIASES.get(given, given)
    status = known(Status, given)
    stage = known(Milestone, email.milestone)
    if stage is Milestone.NONE:
        stage = None  # no stage to name
    milestone = words.say(V_(MILESTONES[stage])) if stage is not None else None
    values = {
        "merchant": words.isolate(_clip(_one_line(email.merchant_name), _MAX_NAME)),
        "order_ref": words.isolate(_clip(_one_line(email.order_ref), _MAX_NAME)),
        "milestone": milestone or "",
    }
    if topic == "milestone_reached" and milestone is None:
        topic = "update"
    track_label = words.say(_TRACK_LABEL)
    unsubscribe_label = words.say(_UNSUBSCRIBE_LABEL)
    return _View(
        lang=words.locale,
        dir="rtl" if words.rtl else "ltr",
        fonts=Markup(",".join((_FONTS, *_SCRIPT_FONTS.get(words.locale, ()), "sans-serif"))),
        subject=_one_line(words.say(_subject(topic, status), **values)),
        order_line=words.say(_ORDER_LINE, **values),
        headline=_headline(words, status),
        intro=words.say(_INTROS[topic], **values),
        details=_details(email, status, milestone, words),
        action=_action(email, topic, words, values),
        timeline=tuple(
            TimelineLine(
                when=_clip(_one_line(line.when), _MAX_SHORT),
                text=_clip(_one_line(line.text), _MAX_TIMELINE_TEXT),
                place=_clip(_one_line(line.place), _MAX_SHORT) if line.place else None,
            )
            for line in email.timeline[:_TIMELINE_LINES]
        ),
        updates_label=words.say(_UPDATES_LABEL),
        tracking_url=email.tracking_url,
        track_label=track_label,
        track_line=_labelled(words, track_label, email.tracking_url).text,
        link_hint=words.say(_LINK_HINT),
        footer_reason=words.say(_FOOTER_REASON, **values),
        unsubscribe_question=words.say(_FOOTER_UNSUBSCRIBE),
        unsubscribe_label=unsubscribe_label,
        unsubscribe_line=_labelled(words, unsubscribe_label, email.unsubscribe_url).text,
        unsubscribe_url=email.unsubscribe_url,
    )


def _details(
    email: ShipmentEmail, status: Status | None, milestone: str | None, words: Words
) -> tuple[_Labelled, ...]:
    """The status, the stage and the ETA window (not once delivered or returned)."""
    details = []
    if status is not None:
        details.append(_labelled(words, words.say(_STATUS_LABEL), words.say(_STATUS_NAMES[status])))
    if milestone is not None:
        details.append(_labelled(words, words.say(_STAGE_LABEL), milestone))
    window = words.dates(email.eta_from, email.eta_to, _DATE_SKELETON)
    if window is not None and status not in TERMINAL_STATUSES:  # no ETA once it is over
        details.append(_labelled(words, words.say(_EXPECTED_LABEL), window))
    return tuple(details)


def _headline(words: Words, status: Status | None) -> str:
    """The big line at the top: the tracking page's headline of the status."""
    if status is None or status not in HEADLINES:
        return words.say(_UNKNOWN_HEADLINE)
    return words.say(V_(HEADLINES[status]))


def _labelled(words: Words, label: str, value: str) -> _Labelled:
    """``label: value`` as the language writes it; in HTML, escaped and the label in bold."""
    pattern = words.say(_LABELLED)
    return _Labelled(
        text=pattern % {"label": label, "value": value},
        html=Markup(escape(pattern))
        % {"label": Markup("<strong>%s</strong>") % label, "value": value},
    )


def _subject(topic: str, status: Status | None) -> Msg:
    """The subject line: the status's for a status change or a delivery, the topic's
    otherwise; a plain "update" when the status is not one we name."""
    if topic in ("status_changed", "delivered"):
        return _UPDATE_SUBJECT if status is None else _STATUS_SUBJECTS[status]
    return _TOPIC_SUBJECTS.get(topic, _UPDATE_SUBJECT)


def _action(
    email: ShipmentEmail, topic: str, words: Words, values: Mapping[str, str]
) -> _Action | None:
    """The "What to do" box: shown while an alert is open (not when it is resolved).

    ``buyer_action`` is English, so it is used as is only in English emails; other languages
    say the tracking page's translation of the action for the kind, and a generic text for a
    kind the vocabulary does not have."""
    if email.alert_kind is None or topic == "alert_resolved":
        return None
    own = email.buyer_action.strip() if email.buyer_action else ""
    kind = known(AlertKind, email.alert_kind)
    if own and words.locale == DEFAULT:
        text = _clip(own, _MAX_ACTION)
    elif kind is not None:
        text = words.say(V_(ACTIONS[kind].buyer))
    else:
        text = words.say(_GENERIC_ACTION, merchant=values["merchant"])
    return _Action(title=words.say(_ACTION_TITLE), text=text)


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
