"""Buyer emails beyond the Latin script: Arabic (right to left), Traditional Chinese (which
zh-HK and zh-TW readers get), Japanese, Korean and Russian, sent over a real SMTP server on
loopback and read back: what arrives is in the buyer's language, not English."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from email.message import EmailMessage

import pytest

from crosstrack.notify.email import ShipmentEmail, SmtpSender, SmtpSettings, TimelineLine, render
from crosstrack.notify.email_preview import TOPICS
from crosstrack.testing.smtp_sink import SmtpSink

#: Characters only Simplified Chinese writes so (Traditional: 訂單貨運動態關問題聯絡點...).
SIMPLIFIED_ONLY = "订单货运动态关问题联络点链开时间达递邮阶确认请这发务买卖们说为员处检税费围"

#: Every English text of the email but the carriers' own words in the timeline.
ENGLISH = (
    "Your order",
    "Your parcel",
    "There is a problem",
    "What to do",
    "The courier",
    "Status",
    "Current stage",
    "Expected delivery",
    "Track your parcel",
    "Latest updates",
    "If the button",
    "You are receiving",
    "Unsubscribe",
)


def alert_email(locale: str) -> ShipmentEmail:
    return ShipmentEmail(
        to="buyer@example.com",
        locale=locale,
        merchant_name="Maison Lune",
        order_ref="ML-1042",
        topic="alert.raised",
        status="exception",
        milestone="out_for_delivery",
        tracking_url="https://track.example.com/t/8f3a",
        unsubscribe_url="https://track.example.com/unsubscribe/8f3a?sig=abc",
        eta_from=date(2026, 12, 1),
        eta_to=date(2026, 12, 3),
        alert_kind="contact_problem",
        buyer_action="The courier could not reach you: check your phone number.",
        timeline=(TimelineLine("1 Dec, 07:12 (Europe/Paris)", "Out for delivery", "Lyon"),),
    )


@pytest.fixture(scope="module")
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as server:
        yield server


def _send_and_read(sink: SmtpSink, locale: str) -> tuple[EmailMessage, str, str]:
    mail = alert_email(locale)
    before = len(sink.messages)
    SmtpSender(SmtpSettings(host="127.0.0.1", port=sink.port, starttls="never")).send(
        mail, render(mail), message_id=f"lang-{locale}"
    )
    assert sink.wait_for(before + 1, timeout=10)
    message = sink.messages[before]
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert text is not None and html is not None
    return message, str(text.get_content()), str(html.get_content())


# locale asked, locale used, subject, then texts the email must say (headline, the action
# box's title and text, a date, the button, the unsubscribe link).
CASES = [
    (
        "ar-EG",
        "ar",
        "معلومات مهمة بشأن طلبك \u2068ML-1042\u2069 من \u2068Maison Lune\u2069",
        (
            "هناك مشكلة في توصيل طردك",
            "الإجراء المطلوب",
            "تعذّر على المندوب التواصل معك",
            "ديسمبر",
            "تتبّع طردك",
            "إلغاء الاشتراك",
        ),
    ),
    (
        "zh-Hant",
        "zh-Hant",
        "關於您在Maison Lune的訂單ML-1042的重要通知",
        (
            "您的包裹配送出現問題",
            "您需要做什麼",
            "配送人員無法聯絡到您",
            "週二",
            "查詢您的包裹",
            "取消訂閱",
        ),
    ),
    (
        "ja-JP",
        "ja",
        "【Maison Lune】ご注文の商品に関する重要なお知らせ（注文番号：ML-1042）",
        (
            "配送に問題が発生しています",
            "必要なご対応",
            "配達員からお客様に連絡がつきませんでした",
            "12月1日(火)",
            "お荷物の追跡",
            "配信停止",
        ),
    ),
    (
        "ko-KR",
        "ko",
        "[Maison Lune] 주문하신 상품에 관한 중요한 안내 (주문번호 ML-1042)",
        (
            "배송에 문제가 발생했습니다",
            "필요한 조치",
            "택배 기사님이 고객님께 연락하지 못했습니다",
            "12월 1일 (화)",
            "택배 조회",
            "수신 거부",
        ),
    ),
    (
        "ru-RU",
        "ru",
        "Важная информация о вашем заказе ML-1042 из магазина Maison Lune",
        (
            "С доставкой возникла проблема",
            "Что делать",
            "Курьер не смог с вами связаться",
            "дек.",
            "Отследить посылку",
            "Отписаться",
        ),
    ),
]


@pytest.mark.parametrize(("asked", "used", "subject", "says"), CASES)
def test_the_email_that_arrives_is_in_the_buyers_language(
    sink: SmtpSink, asked: str, used: str, subject: str, says: tuple[str, ...]
) -> None:
    message, text, html = _send_and_read(sink, asked)
    assert message["Subject"] == subject
    assert message["Content-Language"] == used
    for content in says:
        assert content in text, (used, content)
        assert content in html, (used, content)
    for english in ENGLISH:
        assert english not in text, (used, english)
        assert english not in html, (used, english)
        assert english not in subject, (used, english)
    assert "Out for delivery" in text  # the carrier's own words are never translated


def test_the_arabic_email_is_right_to_left(sink: SmtpSink) -> None:
    _message, _text, html = _send_and_read(sink, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    # Webmail drops <html>: the content's own block says it again.
    assert html.count('lang="ar" dir="rtl"') == 3
    assert "border-right:4px solid" in html and "border-left" not in html
    assert '<a href="https://track.example.com/t/8f3a" dir="ltr"' in html


@pytest.mark.parametrize("locale", ["zh-Hant", "ja", "ko", "ru", "fr", "en"])
def test_left_to_right_emails_say_their_language_and_direction(locale: str) -> None:
    html = render(alert_email(locale)).html
    assert f'<html lang="{locale}" dir="ltr">' in html
    assert html.count(f'lang="{locale}" dir="ltr"') == 3
    assert "border-left:4px solid" in html and "border-right" not in html


def test_each_cjk_language_asks_for_its_own_fonts() -> None:
    fonts = {
        "zh-Hans": "PingFang SC",
        "zh-Hant": "PingFang TC",
        "ja": "Hiragino Sans",
        "ko": "Apple SD Gothic Neo",
    }
    for locale, font in fonts.items():
        html = render(alert_email(locale)).html
        assert font in html, locale
        assert all(other not in html for other in fonts.values() if other != font), locale


@pytest.mark.parametrize("tag", ["zh-HK", "zh-TW", "zh-MO", "zh-Hant"])
@pytest.mark.parametrize("topic", TOPICS)
def test_a_traditional_chinese_reader_gets_traditional_text(tag: str, topic: str) -> None:
    rendered = render(replace(alert_email(tag), topic=topic))
    assert rendered.locale == "zh-Hant"
    assert "訂單" in rendered.subject + rendered.text
    written = rendered.subject + rendered.text + rendered.html
    assert [char for char in written if char in SIMPLIFIED_ONLY] == []
