"""The email channel: rendering in the buyer's language, and real SMTP sessions on loopback
(aiosmtpd), with STARTTLS against a test CA (trustme)."""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import ssl
from collections.abc import Callable, Iterator
from datetime import date
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from crosstrack.domain.vocabulary import Milestone, Status
from crosstrack.i18n import SHIPPED, direction, shipped
from crosstrack.notify import email_preview
from crosstrack.notify.email import (
    RenderedEmail,
    ShipmentEmail,
    SmtpSender,
    SmtpSettings,
    TimelineLine,
    render,
)
from crosstrack.notify.errors import DeliveryFailed
from crosstrack.notify.words import Words

TRACKING_URL = "https://track.example.com/t/8f3a?lang=fr&src=email"
UNSUBSCRIBE_URL = "https://track.example.com/unsubscribe/8f3a?sig=" + "Zm9v" * 40  # one long token
BUYER = "buyer@example.com"


def shipment_email(**changes: Any) -> ShipmentEmail:
    values: dict[str, Any] = {
        "to": BUYER,
        "locale": "en",
        "merchant_name": "Maison Lune",
        "order_ref": "ML-1042",
        "topic": "shipment.status_changed",
        "status": "out_for_delivery",
        "milestone": "out_for_delivery",
        "tracking_url": TRACKING_URL,
        "unsubscribe_url": UNSUBSCRIBE_URL,
        "eta_from": date(2026, 12, 1),
        "eta_to": date(2026, 12, 3),
        "timeline": (
            TimelineLine("1 Dec, 07:12 (Europe/Paris)", "Out for delivery", "Lyon"),
            TimelineLine("30 Nov, 18:40 (Europe/Paris)", "Arrived at delivery depot", None),
        ),
    }
    values.update(changes)
    return ShipmentEmail(**values)


# --- rendering ------------------------------------------------------------------------------


def test_english_french_and_chinese_are_each_in_their_own_language() -> None:
    en, fr, zh = (render(shipment_email(locale=tag)) for tag in ("en", "fr-FR", "zh-Hans"))
    assert (en.locale, fr.locale, zh.locale) == ("en", "fr", "zh-Hans")
    assert en.subject == "Your order ML-1042 from Maison Lune is out for delivery"
    assert fr.subject == "Votre commande ML-1042 chez Maison Lune est en cours de livraison"
    assert zh.subject == "您在Maison Lune的订单ML-1042正在派送中"
    assert "Your parcel is out for delivery</h1>" in en.html
    assert "Votre colis est en cours de livraison</h1>" in fr.html
    assert "您的包裹正在派送中</h1>" in zh.html
    assert '<html lang="fr" dir="ltr">' in fr.html and '<html lang="zh-Hans" dir="ltr">' in zh.html
    assert "Suivre votre colis" in fr.html and "Track your parcel" not in fr.html


@pytest.mark.parametrize(
    ("tag", "used"),
    [
        ("en", "en"),
        ("en-US", "en"),
        ("fr-FR", "fr"),
        ("fr_CA", "fr"),
        ("de-AT", "de"),
        ("es-419", "es"),
        ("pt-BR", "pt-BR"),
        ("pt-PT", "pt-BR"),  # the closest shipped Portuguese (documented)
        ("pt", "pt-BR"),
        ("zh-Hans", "zh-Hans"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-SG", "zh-Hans"),
        ("zh-Hant", "zh-Hant"),
        ("zh-HK", "zh-Hant"),  # Traditional-script readers never get Simplified
        ("zh-TW", "zh-Hant"),
        ("zh-MO", "zh-Hant"),
        ("ja-JP", "ja"),
        ("ko-KR", "ko"),
        ("ru-RU", "ru"),
        ("ar-EG", "ar"),
        ("xx", "en"),
        ("", "en"),
    ],
)
def test_locale_fallback_is_the_products_own(tag: str, used: str) -> None:
    assert shipped(tag) == used
    rendered = render(shipment_email(locale=tag))
    assert rendered.locale == used
    assert f'<html lang="{used}" dir="{direction(used)}">' in rendered.html


def test_merchant_names_are_escaped_in_html_and_kept_in_text() -> None:
    rendered = render(shipment_email(merchant_name="<b>Shop & Co</b>", order_ref='A"1'))
    assert "<b>Shop" not in rendered.html
    assert "&lt;b&gt;Shop &amp; Co&lt;/b&gt;" in rendered.html
    assert "A&#34;1" in rendered.html
    assert "<b>Shop & Co</b>" in rendered.text
    assert rendered.subject == 'Your order A"1 from <b>Shop & Co</b> is out for delivery'


def test_a_label_in_bold_does_not_unescape_its_value() -> None:
    rendered = render(shipment_email(locale="fr", status="in_transit", milestone="import_customs"))
    assert "<strong>Statut</strong>\u00a0: En transit" in rendered.html
    assert "Statut\u00a0: En transit\n" in rendered.text
    zh = render(shipment_email(locale="zh-Hans"))
    assert "<strong>状态</strong>：派送中" in zh.html and "状态：派送中\n" in zh.text


def test_newlines_cannot_reach_the_subject() -> None:
    rendered = render(shipment_email(merchant_name="Evil\r\nBcc: x@example.com"))
    assert "\n" not in rendered.subject and "\r" not in rendered.subject


def test_every_status_and_milestone_of_the_vocabulary_has_its_words() -> None:
    generic = render(shipment_email(locale="ja", status="warp"))
    assert "配送状況のお知らせ" in generic.subject and "ステータス" not in generic.text
    subjects, headlines, names = set(), set(), set()
    for status in set(Status) - {Status.UNKNOWN}:
        rendered = render(shipment_email(locale="ja", status=status.value))
        subjects.add(rendered.subject)
        headlines.add(rendered.html.split("</h1>")[0].rsplit(">", 1)[1])
        names.add(next(line for line in rendered.text.splitlines() if "ステータス" in line))
    assert len(subjects) == len(headlines) == len(names) == len(Status) - 1
    assert generic.subject not in subjects
    stages = set()
    for milestone in set(Milestone) - {Milestone.NONE}:
        rendered = render(
            shipment_email(locale="ko", topic="shipment.milestone_reached", milestone=milestone)
        )
        assert rendered.subject.startswith("[Maison Lune] 배송 단계: "), milestone
        stages.add(rendered.subject)
    assert len(stages) == len(Milestone) - 1


@pytest.mark.parametrize(
    ("locale", "written"),
    [
        ("en", "Dec 1"),
        ("fr", "déc."),
        ("de", "Dez."),
        ("es", "dic"),
        ("pt-BR", "de dez."),
        ("zh-Hans", "周二"),
        ("zh-Hant", "週二"),  # the Traditional character
        ("ja", "12月1日(火)"),
        ("ko", "12월 1일 (화)"),
        ("ru", "дек."),
        ("ar", "ديسمبر"),
    ],
)
def test_dates_are_written_the_way_each_language_does(locale: str, written: str) -> None:
    day = Words(locale).dates(date(2026, 12, 1), None, "MMMEd")
    assert day is not None and written in day
    rendered = render(shipment_email(locale=locale))
    assert written in rendered.text and written in rendered.html


def test_an_eta_window_of_one_day_is_one_date() -> None:
    words = Words("en")
    assert words.dates(date(2026, 12, 1), date(2026, 12, 1), "MMMEd") == "Tue, Dec 1"
    assert words.dates(date(2026, 12, 3), date(2026, 12, 1), "MMMEd") == (
        "Tue, Dec 1\u2009–\u2009Thu, Dec 3"
    )
    assert words.dates(None, date(2026, 12, 3), "MMMEd") == "Thu, Dec 3"
    assert words.dates(None, None, "MMMEd") is None
    one_day = render(shipment_email(eta_from=date(2026, 12, 1), eta_to=date(2026, 12, 1)))
    assert "Expected delivery: Tue, Dec 1\n" in one_day.text
    window = render(shipment_email(locale="zh-CN"))
    assert "预计送达：12月1日周二至3日周四" in window.text


def test_no_eta_once_delivered() -> None:
    rendered = render(shipment_email(topic="shipment.delivered", status="delivered"))
    assert rendered.subject == "Your order ML-1042 from Maison Lune has been delivered"
    assert "Expected delivery" not in rendered.text and "Expected delivery" not in rendered.html


def test_the_action_box_uses_the_buyer_action_in_english() -> None:
    action = "The courier could not reach you: check your phone number (+33 6 …)."
    rendered = render(
        shipment_email(
            topic="alert.raised",
            status="exception",
            alert_kind="contact_problem",
            buyer_action=action,
        )
    )
    assert rendered.subject == "Important news about your order ML-1042 from Maison Lune"
    assert "What to do" in rendered.html and "What to do\n" in rendered.text
    assert "check your phone number (+33 6 …)." in rendered.html
    assert action in rendered.text


def test_the_action_box_says_the_pages_words_for_the_kind_in_other_languages() -> None:
    english_action = "The courier could not reach you: check your phone number."
    fr = render(
        shipment_email(
            locale="fr",
            topic="alert.raised",
            status="exception",
            alert_kind="contact_problem",
            buyer_action=english_action,
        )
    )
    assert english_action not in fr.text
    assert "Le livreur n'a pas pu vous joindre" in fr.text and "Que faire" in fr.text
    de_damaged = render(shipment_email(locale="de", topic="alert.raised", alert_kind="damaged"))
    assert "Der Paketdienst hat eine Beschädigung gemeldet" in de_damaged.text
    de_unknown = render(shipment_email(locale="de", topic="alert.raised", alert_kind="teleported"))
    assert "Es gibt ein Problem mit Ihrer Zustellung." in de_unknown.text
    assert "Sie können sich auch an Maison Lune wenden." in de_unknown.text
    en_no_text = render(shipment_email(topic="alert.raised", alert_kind="late_risk"))
    assert "Your parcel may arrive after the promised date." in en_no_text.text


def test_no_action_box_without_an_alert_or_once_it_is_resolved() -> None:
    assert "What to do" not in render(shipment_email()).html
    resolved = render(shipment_email(topic="alert.resolved", alert_kind="contact_problem"))
    assert "What to do" not in resolved.html
    assert "The problem with your delivery has been solved." in resolved.text


def test_topics_statuses_and_milestones_pick_the_words() -> None:
    milestone = render(
        shipment_email(topic="shipment.milestone_reached", milestone="import_customs", locale="de")
    )
    assert milestone.subject == "Ihre Bestellung ML-1042 bei Maison Lune: Zoll (Einfuhr)"
    assert "Ihr Paket hat eine neue Etappe erreicht: Zoll (Einfuhr)." in milestone.text
    eta = render(shipment_email(topic="shipment.eta_changed", locale="es"))
    assert eta.subject == "Nueva fecha de entrega para su pedido ML-1042 de Maison Lune"
    assert "Entrega estimada: mar, 1 dic\u2009–\u2009jue, 3 dic\n" in eta.text
    alias = render(shipment_email(status="failed_attempt", locale="pt-BR"))
    assert "Houve uma tentativa de entrega</h1>" in alias.html
    unknown = render(shipment_email(topic="shipment.teleported", status="warp", milestone="none"))
    assert unknown.subject == "Update on your order ML-1042 from Maison Lune"
    assert "News about your parcel</h1>" in unknown.html
    assert "Status:" not in unknown.text and "Current stage:" not in unknown.text
    no_stage = render(shipment_email(topic="shipment.milestone_reached", milestone="warp"))
    assert no_stage.subject == "Update on your order ML-1042 from Maison Lune"
    assert "Current stage:" not in no_stage.text


def test_the_text_part_carries_what_the_html_part_says() -> None:
    rendered = render(
        shipment_email(locale="fr", topic="alert.raised", alert_kind="address_problem")
    )
    for content in (
        "Commande ML-1042 chez Maison Lune",
        "Votre colis est en cours de livraison",
        "Vérifiez et corrigez votre adresse de livraison.",
        "Livraison prévue\u00a0: mar. 1\u2009–\u2009jeu. 3 déc.",
        "Dernières mises à jour",
        "1 Dec, 07:12 (Europe/Paris) · Out for delivery · Lyon",
        "30 Nov, 18:40 (Europe/Paris) · Arrived at delivery depot",
        "Se désabonner",
    ):
        assert content in rendered.text, content
    assert TRACKING_URL in rendered.text and UNSUBSCRIBE_URL in rendered.text
    assert TRACKING_URL.replace("&", "&amp;") in rendered.html
    assert f'href="{UNSUBSCRIBE_URL}"' in rendered.html
    assert "\n-- \n" in rendered.text  # the signature separator keeps its space
    assert BUYER not in rendered.text and BUYER not in rendered.html


def test_at_most_five_timeline_lines_newest_first() -> None:
    lines = tuple(
        TimelineLine(f"{day} Nov, 10:00", f"event {day}", None) for day in range(30, 22, -1)
    )
    rendered = render(shipment_email(timeline=lines))
    shown = [line for line in rendered.text.splitlines() if line.startswith("- ")]
    assert shown == [f"- {day} Nov, 10:00 · event {day}" for day in range(30, 25, -1)]
    assert rendered.html.count("<li ") == 5


def test_the_html_stays_small_with_long_texts() -> None:
    long_line = TimelineLine(
        "30 Nov, 18:40 (Asia/Shanghai)", "已到达海关监管仓库，等待查验" * 40, "上海" * 60
    )
    rendered = render(
        shipment_email(
            locale="zh-CN",
            merchant_name="店" * 500,
            topic="alert.raised",
            alert_kind="customs_documents",
            timeline=(long_line,) * 8,
        )
    )
    assert len(rendered.html.encode("utf-8")) < 20_000


# --- SMTP on loopback -----------------------------------------------------------------------


class _Controller(Controller):
    """aiosmtpd's threaded controller on a port the OS picks (port 0): the chosen port is read
    before the controller's own check that the server answers."""

    def _trigger_server(self) -> None:
        assert isinstance(self.server, asyncio.Server)
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]


class Recorder:
    """Accepts every message and keeps the envelopes."""

    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 2.0.0 Message accepted"


class RefuseRecipients(Recorder):
    """Answers RCPT TO with a fixed reply (a 5xx or 4xx rejection)."""

    def __init__(self, reply: str) -> None:
        super().__init__()
        self.reply = reply

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        return self.reply


StartServer = Callable[..., _Controller]


@pytest.fixture
def start_server() -> Iterator[StartServer]:
    """Starts SMTP servers on 127.0.0.1 (a free port each) and stops them after the test."""
    started: list[_Controller] = []

    def start(handler: object, **options: Any) -> _Controller:
        controller = _Controller(
            handler, hostname="127.0.0.1", port=0, server_hostname="localhost", **options
        )
        controller.start()
        started.append(controller)
        return controller

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@pytest.fixture(scope="module")
def client_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def _send(settings: SmtpSettings, message_id: str = "out_01HVZ8.7") -> RenderedEmail:
    mail = shipment_email(locale="fr-FR")
    rendered = render(mail)
    SmtpSender(settings).send(mail, rendered, message_id=message_id)
    return rendered


def _arrived(envelope: Any) -> EmailMessage:
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_sent_email_arrives_with_its_parts_and_headers(start_server: StartServer) -> None:
    recorder = Recorder()
    server = start_server(recorder)
    settings = SmtpSettings(
        host="127.0.0.1", port=server.port, sender="Maison Lune <shop@example.com>"
    )
    rendered = _send(settings)

    [envelope] = recorder.envelopes
    assert envelope.mail_from == "shop@example.com" and envelope.rcpt_tos == [BUYER]
    message = _arrived(envelope)
    assert message["From"] == "Maison Lune <shop@example.com>"
    assert message["To"] == BUYER
    assert message["Subject"] == rendered.subject
    assert message["Message-ID"] == "<out_01HVZ8.7@crosstrack>"
    assert message["List-Unsubscribe"] == f"<{UNSUBSCRIBE_URL}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Content-Language"] == "fr"
    assert parsedate_to_datetime(message["Date"]).tzinfo is not None
    assert message.get_content_type() == "multipart/alternative"
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert text is not None and html is not None
    # Lines travel with CRLF endings (RFC 5322); the words are the rendered ones.
    assert text.get_content().replace("\r\n", "\n") == rendered.text
    assert html.get_content().replace("\r\n", "\n") == rendered.html
    assert TRACKING_URL in text.get_content()
    assert TRACKING_URL.replace("&", "&amp;") in html.get_content()


def test_a_resend_has_the_same_message_id(start_server: StartServer) -> None:
    recorder = Recorder()
    server = start_server(recorder)
    settings = SmtpSettings(host="127.0.0.1", port=server.port)
    _send(settings, message_id="out_7")
    _send(settings, message_id="out_7")
    ids = [_arrived(envelope)["Message-ID"] for envelope in recorder.envelopes]
    assert ids == ["<out_7@crosstrack>", "<out_7@crosstrack>"]


def test_starttls_always_against_a_tls_server(
    start_server: StartServer, server_tls: ssl.SSLContext, client_tls: ssl.SSLContext
) -> None:
    recorder = Recorder()
    server = start_server(recorder, tls_context=server_tls, require_starttls=True)
    settings = SmtpSettings(
        host="127.0.0.1", port=server.port, starttls="always", ssl_context=client_tls
    )
    rendered = _send(settings)
    [envelope] = recorder.envelopes
    assert _arrived(envelope)["Subject"] == rendered.subject


def test_starttls_auto_upgrades_when_offered(
    start_server: StartServer, server_tls: ssl.SSLContext, client_tls: ssl.SSLContext
) -> None:
    recorder = Recorder()
    server = start_server(recorder, tls_context=server_tls, require_starttls=True)
    _send(SmtpSettings(host="127.0.0.1", port=server.port, ssl_context=client_tls))
    assert len(recorder.envelopes) == 1


def test_an_untrusted_certificate_is_not_retried(
    start_server: StartServer, server_tls: ssl.SSLContext
) -> None:
    recorder = Recorder()
    server = start_server(recorder, tls_context=server_tls, require_starttls=True)
    settings = SmtpSettings(host="127.0.0.1", port=server.port, starttls="always")
    with pytest.raises(DeliveryFailed) as failure:
        _send(settings)  # the system CAs do not know the test CA
    assert failure.value.retryable is False
    assert recorder.envelopes == []


def test_starttls_always_without_tls_on_the_server_is_not_retried(
    start_server: StartServer,
) -> None:
    recorder = Recorder()
    server = start_server(recorder)
    with pytest.raises(DeliveryFailed) as failure:
        _send(SmtpSettings(host="127.0.0.1", port=server.port, starttls="always"))
    assert failure.value.retryable is False
    assert "STARTTLS" in str(failure.value)
    assert recorder.envelopes == []


def _authenticator(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    valid = isinstance(auth_data, LoginPassword) and auth_data == (b"shop", b"right-password")
    return AuthResult(success=valid, handled=False)


def test_login_happens_over_tls_and_a_wrong_password_is_not_retried_nor_shown(
    start_server: StartServer, server_tls: ssl.SSLContext, client_tls: ssl.SSLContext
) -> None:
    recorder = Recorder()
    server = start_server(
        recorder,
        tls_context=server_tls,
        require_starttls=True,
        authenticator=_authenticator,
        auth_require_tls=True,
    )

    def settings(password: str) -> SmtpSettings:
        return SmtpSettings(
            host="127.0.0.1",
            port=server.port,
            username="shop",
            password=password,
            starttls="always",
            ssl_context=client_tls,
        )

    _send(settings("right-password"))
    assert len(recorder.envelopes) == 1

    with pytest.raises(DeliveryFailed) as failure:
        _send(settings("wrong-password-xyzzy"))
    assert failure.value.retryable is False and failure.value.status == 535
    assert "xyzzy" not in str(failure.value) and "xyzzy" not in repr(failure.value)
    assert "xyzzy" not in repr(settings("wrong-password-xyzzy"))
    assert len(recorder.envelopes) == 1


def test_a_rejected_mailbox_is_not_retried(start_server: StartServer) -> None:
    recorder = RefuseRecipients("550 5.1.1 Mailbox unavailable")
    server = start_server(recorder)
    with pytest.raises(DeliveryFailed) as failure:
        _send(SmtpSettings(host="127.0.0.1", port=server.port))
    assert failure.value.retryable is False and failure.value.status == 550
    assert "Mailbox unavailable" in str(failure.value)


def test_a_temporary_failure_is_retried(start_server: StartServer) -> None:
    recorder = RefuseRecipients("451 4.3.0 Try again later")
    server = start_server(recorder)
    with pytest.raises(DeliveryFailed) as failure:
        _send(SmtpSettings(host="127.0.0.1", port=server.port))
    assert failure.value.retryable is True and failure.value.status == 451


def test_a_port_nobody_listens_on_is_retried() -> None:
    with socket.socket() as bound_not_listening:
        bound_not_listening.bind(("127.0.0.1", 0))
        port = bound_not_listening.getsockname()[1]
        with pytest.raises(DeliveryFailed) as failure:
            _send(SmtpSettings(host="127.0.0.1", port=port))
    assert failure.value.retryable is True and failure.value.status is None


def test_a_server_that_never_greets_times_out_and_is_retried() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # the kernel completes the handshake; nobody ever answers
        port = silent.getsockname()[1]
        with pytest.raises(DeliveryFailed) as failure:
            _send(SmtpSettings(host="127.0.0.1", port=port, timeout=0.2))
    assert failure.value.retryable is True


def test_a_message_id_that_cannot_be_a_header_is_not_retried(start_server: StartServer) -> None:
    server = start_server(Recorder())
    with pytest.raises(DeliveryFailed) as failure:
        _send(SmtpSettings(host="127.0.0.1", port=server.port), message_id="a b>\r\nBcc: x")
    assert failure.value.retryable is False


def test_the_preview_renders_every_locale_and_topic(tmp_path: Path) -> None:
    assert email_preview.main(["--out", str(tmp_path)]) == 0
    written = sorted(path.name for path in tmp_path.iterdir())
    assert len(written) == 2 * len(SHIPPED) * len(email_preview.TOPICS)
    page = (tmp_path / "zh-Hant.alert.raised.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "配送人員無法聯絡到您" in page
