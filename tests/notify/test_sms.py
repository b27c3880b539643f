"""The SMS channel: TwilioSms against a fake Twilio over real HTTP on loopback, and the texts."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosstrack.domain.alerts import AlertKind
from crosstrack.domain.vocabulary import Status
from crosstrack.i18n import SHIPPED
from crosstrack.notify.errors import DeliveryFailed
from crosstrack.notify.sms import (
    GSM7_EXTENSION,
    TOPICS,
    SmsSettings,
    TwilioSms,
    is_gsm7,
    sms_fits,
    sms_segments,
    sms_text,
)
from crosstrack.testing.server import free_port
from crosstrack.testing.sms_server import FakeTwilio

TOKEN = "s3cret-auth-token-0123456789abcdef"
SID = "AC" + "a1" * 16
TO = "+33612345678"
URL = "https://track.example.com/t/Jq8xV2mN4pL7rT1sK9wZ3bYc"


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio(account_sid=SID, auth_token=TOKEN) as server:
        yield server


@pytest.fixture
def sender(twilio: FakeTwilio) -> Iterator[TwilioSms]:
    with TwilioSms(twilio.settings(timeout=2.0)) as sms:
        yield sms


def failure(sms: TwilioSms, to: str = TO, key: str = "key-1") -> DeliveryFailed:
    with pytest.raises(DeliveryFailed) as caught:
        sms.send(to, "Hello", idempotency_key=key)
    assert TOKEN not in str(caught.value)
    return caught.value


class TestSending:
    def test_the_message_arrives_and_its_sid_comes_back(
        self, twilio: FakeTwilio, sender: TwilioSms
    ) -> None:
        sid = sender.send(TO, "Acme: Your order #1 is on its way. €5", idempotency_key="k-1")

        assert re.fullmatch(r"SM[0-9a-f]{32}", sid)
        assert twilio.messages == [
            {
                "sid": sid,
                "to": TO,
                "from": "+15005550006",
                "body": "Acme: Your order #1 is on its way. €5",
                "idempotency_token": "k-1",
            }
        ]

    def test_the_request_has_twilios_shape(self, twilio: FakeTwilio) -> None:
        seen: list[httpx.Request] = []

        def record(request: httpx.Request) -> None:
            seen.append(request)

        with (
            httpx.Client(event_hooks={"request": [record]}) as client,
            TwilioSms(twilio.settings(), client=client) as sms,
        ):
            sms.send(TO, "Hi", idempotency_key="k-2")

        (request,) = seen
        assert request.method == "POST"
        assert request.url.path == f"/2010-04-01/Accounts/{SID}/Messages.json"
        assert request.headers["content-type"] == "application/x-www-form-urlencoded"
        assert request.headers["i-twilio-idempotency-token"] == "k-2"
        assert request.headers["authorization"].startswith("Basic ")
        assert dict(httpx.QueryParams(request.content.decode())) == {
            "To": TO,
            "From": "+15005550006",
            "Body": "Hi",
        }

    def test_a_wrong_auth_token_is_refused_for_good(self, twilio: FakeTwilio) -> None:
        settings = SmsSettings(SID, "not-the-token", "+15005550006", base_url=twilio.base_url)
        with TwilioSms(settings) as sms:
            problem = failure(sms)
        assert (problem.retryable, problem.status) == (False, 401)
        assert "20003" in str(problem)
        assert "not-the-token" not in str(problem)
        assert twilio.messages == []

    def test_an_invalid_to_number_is_not_retried(
        self, twilio: FakeTwilio, sender: TwilioSms
    ) -> None:
        problem = failure(sender, to="+1555")
        assert (problem.retryable, problem.status) == (False, 400)
        assert "21211" in str(problem)
        assert "The 'To' number +1555 is not a valid phone number." in str(problem)
        assert twilio.messages == []

    @pytest.mark.parametrize("status", [500, 503, 429])
    def test_server_errors_and_rate_limits_are_retryable(
        self, twilio: FakeTwilio, sender: TwilioSms, status: int
    ) -> None:
        twilio.fail_next(status=status, times=2)

        for _ in range(2):
            problem = failure(sender)
            assert (problem.retryable, problem.status) == (True, status)
            assert f"HTTP {status}" in str(problem)

        assert sender.send(TO, "Hello", idempotency_key="key-1").startswith("SM")
        assert len(twilio.messages) == 1

    def test_another_client_error_is_not_retryable_and_says_twilios_code(
        self, twilio: FakeTwilio, sender: TwilioSms
    ) -> None:
        twilio.fail_next(
            status=400, code=21610, message="Attempt to send to unsubscribed recipient"
        )
        problem = failure(sender)
        assert (problem.retryable, problem.status) == (False, 400)
        assert "21610" in str(problem) and "unsubscribed recipient" in str(problem)

    def test_a_refused_connection_is_retryable(self) -> None:
        settings = SmsSettings(
            SID, TOKEN, "+15005550006", base_url=f"http://127.0.0.1:{free_port()}"
        )
        with TwilioSms(settings) as sms:
            problem = failure(sms)
        assert (problem.retryable, problem.status) == (True, None)

    def test_a_timeout_is_retryable_and_the_retry_sends_once(self, twilio: FakeTwilio) -> None:
        twilio.delay_next(0.8)
        with TwilioSms(twilio.settings(timeout=0.2)) as sms:
            started = time.monotonic()
            problem = failure(sms, key="late-1")
            assert time.monotonic() - started < 0.7
            assert (problem.retryable, problem.status) == (True, None)

            sid = sms.send(TO, "Hello", idempotency_key="late-1")

        deadline = time.monotonic() + 5
        while twilio.requests_answered < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert twilio.requests_answered == 2
        assert [message["sid"] for message in twilio.messages] == [sid]

    def test_the_same_idempotency_key_sends_once(
        self, twilio: FakeTwilio, sender: TwilioSms
    ) -> None:
        first = sender.send(TO, "Hello", idempotency_key="same")
        again = sender.send(TO, "Hello", idempotency_key="same")
        other = sender.send(TO, "Hello", idempotency_key="other")

        assert first == again != other
        assert [message["sid"] for message in twilio.messages] == [first, other]

    def test_the_auth_token_stays_out_of_reprs(self, sender: TwilioSms) -> None:
        settings = SmsSettings(SID, TOKEN, "+15005550006")
        assert TOKEN not in repr(settings)
        assert TOKEN not in repr(sender)

    def test_a_provider_message_echoing_the_token_is_redacted(
        self, twilio: FakeTwilio, sender: TwilioSms
    ) -> None:
        twilio.fail_next(status=400, code=20001, message=f"bad request with {TOKEN}")
        assert "[redacted]" in str(failure(sender))


class TestSegments:
    @pytest.mark.parametrize(
        ("text", "segments"),
        [
            ("", 1),
            ("a" * 160, 1),
            ("a" * 161, 2),
            ("€" * 80, 1),
            ("€" + "a" * 159, 2),
            ("[]{}" + "a" * 152, 1),
            ("a" * 306, 2),
            ("a" * 307, 3),
            # An escape sequence is never split: the € moves to the second segment.
            ("a" * 152 + "€" + "a" * 152, 3),
            ("包" * 70, 1),
            ("包" * 71, 2),
            ("包" * 134, 2),
            ("包" * 135, 3),
            ("ç" + "a" * 69, 1),
            ("ç" + "a" * 70, 2),
            ("😀" * 35, 1),
            ("a" + "😀" * 35, 2),
        ],
    )
    def test_known_strings(self, text: str, segments: int) -> None:
        assert sms_segments(text) == segments

    @settings(max_examples=300, deadline=None)
    @given(
        fill=st.sampled_from(["a", "€", "ç", "包", "😀", "\ud800"]),
        count=st.integers(0, 400),
        rest=st.text(st.sampled_from(["a", "€", "[", "ç", "包", "😀"]) | st.characters()),
    )
    def test_segments_are_counted_character_by_character(
        self, fill: str, count: int, rest: str
    ) -> None:
        """Whatever shortcut counts them, segments are what filling them one character at a
        time gives (a lone surrogate, which no encoder takes, is one UCS-2 unit)."""
        text = fill * count + rest
        gsm = is_gsm7(text)
        sizes = [
            (2 if char in GSM7_EXTENSION else 1) if gsm else (2 if ord(char) > 0xFFFF else 1)
            for char in text
        ]
        single, capacity = (160, 153) if gsm else (70, 67)
        segments, used = 1, 0
        for size in sizes if sum(sizes) > single else ():
            if used + size > capacity:
                segments, used = segments + 1, 0
            used += size
        assert sms_segments(text) == segments

    def test_gsm7_knows_its_alphabet(self) -> None:
        assert is_gsm7("Zustellung am 3. März; à bientôt"[:26])
        assert is_gsm7("ÄÖÜäöüßéèñ¿¡£¥§€[]")
        assert not is_gsm7("ç")  # only the capital Ç is in the basic table
        assert not is_gsm7("ã")
        assert not is_gsm7("…")


def text(**overrides: object) -> str:
    arguments: dict[str, object] = {
        "locale": "en",
        "merchant_name": "Acme Store",
        "order_ref": "#10234",
        "topic": "shipment.status_changed",
        "status": "in_transit",
        "tracking_url": URL,
    }
    arguments.update(overrides)
    return sms_text(**arguments)  # type: ignore[arg-type]


class TestTexts:
    def test_english(self) -> None:
        assert text(eta_from=date(2026, 3, 3), eta_to=date(2026, 3, 5)) == (
            f"Acme Store: Your order #10234 is on its way. Expected Mar 3-5. {URL}"
        )
        assert text(topic="shipment.delivered", status="delivered") == (
            f"Acme Store: Your order #10234 has been delivered. {URL}"
        )
        assert text(topic="alert.raised", alert_kind="customs_held") == (
            f"Acme Store: There is an issue with your order #10234: held by customs. {URL}"
        )

    def test_french(self) -> None:
        assert text(locale="fr-FR", eta_from=date(2026, 3, 1), eta_to=date(2026, 3, 4)) == (
            f"Acme Store : Votre commande #10234 est en route. Livraison prévue : 1-4 mars {URL}"
        )
        assert (
            text(
                locale="fr",
                topic="shipment.eta_changed",
                eta_from=date(2026, 3, 30),
                eta_to=date(2026, 4, 2),
            )
            == f"Acme Store : Nouvelle date de livraison prévue pour votre commande #10234 : 30 mars-2 avr. {URL}"
        )

    def test_chinese(self) -> None:
        assert text(locale="zh-Hans", eta_from=date(2026, 3, 3), eta_to=date(2026, 3, 5)) == (
            f"【Acme Store】您的订单#10234正在运输中。预计3月3日至5日送达。 {URL}"
        )
        assert text(locale="zh-CN", topic="alert.resolved", alert_kind="lost") == (
            f"【Acme Store】您的订单#10234的异常已解除：包裹下落不明。 {URL}"
        )

    def test_japanese_korean_russian_and_arabic(self) -> None:
        window = {"eta_from": date(2026, 3, 3), "eta_to": date(2026, 3, 5)}
        assert text(locale="ja-JP", **window) == (
            f"【Acme Store】ご注文#10234は輸送中です。3月3日～5日にお届け予定です。 {URL}"
        )
        assert text(locale="ko", topic="alert.raised", alert_kind="customs_held") == (
            f"[Acme Store] 주문번호 #10234 상품에 문제가 있습니다: 세관 보류. {URL}"
        )
        assert text(locale="ru", topic="shipment.delivered", status="delivered") == (
            f"Acme Store: Ваш заказ #10234 доставлен. {URL}"
        )
        # Right to left: the shop's name and the order number are isolated (U+2068..U+2069),
        # so "#10234" is not shown as "10234#".
        assert text(locale="ar", **window) == (
            "\u2068Acme Store\u2069: طلبك \u2068#10234\u2069 في الطريق إليك."
            f" التوصيل المتوقع: 3–5 مارس. {URL}"
        )

    def test_an_estimate_with_one_known_end_is_that_day(self) -> None:
        expected = f"Acme Store: Your order #10234 is on its way. Expected March 3. {URL}"
        assert text(eta_from=date(2026, 3, 3)) == expected
        assert text(eta_to=date(2026, 3, 3)) == expected
        assert text(eta_from=date(2026, 3, 3), eta_to=date(2026, 3, 3)) == expected

    def test_unknown_topics_and_statuses_give_a_generic_update(self) -> None:
        generic = f"Acme Store: There is an update on your order #10234. {URL}"
        assert text(topic="shipment.something_new") == generic
        assert text(status="no_such_status") == generic
        assert text(topic="alert.raised", alert_kind="no_such_kind") == (
            f"Acme Store: There is an issue with your order #10234. {URL}"
        )

    @pytest.mark.parametrize(
        ("locale", "same_as"),
        [
            ("en-GB", "en"),
            ("fr_CA", "fr"),
            ("DE-at", "de"),
            ("es-MX", "es"),
            ("pt-PT", "pt-BR"),
            ("pt", "pt-BR"),
            ("zh-CN", "zh-Hans"),
            ("zh", "zh-Hans"),
            ("zh-TW", "zh-Hant"),
            ("zh-HK", "zh-Hant"),
            ("ja-JP", "ja"),
            ("ko-KR", "ko"),
            ("ru-RU", "ru"),
            ("ar-SA", "ar"),
            ("xx", "en"),
            ("", "en"),
        ],
    )
    def test_the_language_is_the_products_fallback(self, locale: str, same_as: str) -> None:
        assert text(locale=locale) == text(locale=same_as)

    def test_traditional_chinese_readers_get_traditional_chinese(self) -> None:
        for tag in ("zh-HK", "zh-TW", "zh-MO"):
            sms = text(locale=tag, topic="alert.raised", alert_kind="customs_held")
            assert sms == f"【Acme Store】您的訂單#10234出現異常：包裹遭海關扣留。 {URL}"

    def test_every_status_and_alert_kind_has_its_own_text_in_every_language(self) -> None:
        for locale in SHIPPED:
            generic = text(locale=locale, status="no_such_status")
            statuses = {s: text(locale=locale, status=s) for s in set(Status) - {Status.UNKNOWN}}
            assert generic not in statuses.values(), locale
            assert len(set(statuses.values())) == len(statuses), locale
            vague = text(locale=locale, topic="alert.raised")
            kinds = {k: text(locale=locale, topic="alert.raised", alert_kind=k) for k in AlertKind}
            assert vague not in kinds.values(), locale
            assert len(set(kinds.values())) == len(kinds), locale

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_a_typical_text_keeps_the_name_and_its_detail_in_every_language(
        self, locale: str
    ) -> None:
        """With a ten-character shop name, a six-character order number and a 52-character
        URL, every text fits with the name whole and its main sentence whole: the alert said,
        the new estimate given. Only the estimate after a status may be left out."""
        assert len(URL) == 52
        windows = [
            (date(2026, 3, 3), date(2026, 3, 5)),
            (date(2026, 9, 28), date(2026, 10, 2)),
            (date(2026, 12, 30), date(2027, 1, 2)),
        ]
        for start, end in windows:
            for status in Status:
                sms = text(locale=locale, status=status, eta_from=start, eta_to=end)
                assert sms_fits(sms) and "Acme Store" in sms and "#10234" in sms, sms
            changed = text(locale=locale, topic="shipment.eta_changed", eta_from=start, eta_to=end)
            unknown = text(locale=locale, topic="shipment.eta_changed")
            assert changed != unknown and sms_fits(changed) and "Acme Store" in changed, changed
        for topic in ("alert.raised", "alert.resolved"):
            vague = text(locale=locale, topic=topic)
            for kind in AlertKind:
                sms = text(locale=locale, topic=topic, alert_kind=kind)
                assert sms != vague and sms_fits(sms) and "Acme Store" in sms, sms

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_a_date_never_ends_in_two_full_stops(self, locale: str) -> None:
        """Abbreviated months end with a full stop in some languages ("2 avr.", "5 мар.")."""
        for month in range(1, 13):
            start = date(2026, month, 27)
            for end in (start, date(2026 + month // 12, month % 12 + 1, 2)):
                for topic in ("shipment.status_changed", "shipment.eta_changed"):
                    sms = text(locale=locale, topic=topic, eta_from=start, eta_to=end)
                    assert ".." not in sms and "。。" not in sms, sms

    @pytest.mark.parametrize("locale", ["en", "fr", "es", "de"])
    def test_latin_script_texts_stay_in_one_gsm7_segment(self, locale: str) -> None:
        """CLDR's thin spaces and en dash in a range of dates are written as GSM-7 has them."""
        for month in (1, 3, 5, 9, 12):  # not August: French "août" has a û
            start = date(2026, month, 27)
            for end in (start, start.replace(day=28), date(2026 + month // 12, month % 12 + 1, 2)):
                for topic in TOPICS:
                    sms = text(locale=locale, topic=topic, eta_from=start, eta_to=end)
                    assert is_gsm7(sms) and sms_segments(sms) == 1, sms
        russian = text(locale="ru", eta_from=date(2026, 3, 3), eta_to=date(2026, 3, 5))
        assert "3–5" in russian  # a Cyrillic text is UCS-2 anyway: its typography is kept

    def test_a_long_merchant_name_is_shortened_first_and_the_url_kept(self) -> None:
        name = "The Extraordinarily Long-Named Handmade Ceramics and Homeware Emporium of Lisbon"
        for locale in SHIPPED:
            sms = text(locale=locale, merchant_name=name, eta_from=date(2026, 3, 3))
            assert sms.endswith(URL)
            assert sms_fits(sms), sms
            assert name not in sms
            assert "..." in sms or "…" in sms, sms

        english = text(merchant_name=name, eta_from=date(2026, 3, 3))
        assert english.startswith("The Extraordinarily Long-Named Handmade")
        assert "Expected March 3." in english and len(english) <= 160

    def test_a_chinese_text_stays_within_two_segments(self) -> None:
        sms = text(locale="zh-Hans", merchant_name="深圳市某某跨境电子商务有限公司旗舰店" * 6)
        assert sms.endswith(URL) and sms_segments(sms) <= 2
        assert sms.startswith("【深圳市") and "…】" in sms

    def test_the_url_is_never_cut_even_when_nothing_fits(self) -> None:
        url = "https://track.example.com/" + "x" * 200
        sms = text(tracking_url=url, merchant_name="Acme Store")
        assert sms == f"Your order #10234 is on its way. {url}"

    @settings(max_examples=150, deadline=None)
    @given(
        locale=st.sampled_from([*SHIPPED, "fr-CA", "zh-TW", "ar-EG", "xx"]),
        topic=st.sampled_from([*TOPICS, "other"]),
        status=st.sampled_from([s.value for s in Status]),
        kind=st.none() | st.sampled_from([k.value for k in AlertKind]),
        merchant=st.text(max_size=120),
        order=st.from_regex(r"#?[A-Z0-9-]{1,10}", fullmatch=True),
        eta=st.none() | st.tuples(st.dates(), st.dates()),
    )
    def test_every_text_fits_and_ends_with_the_url(
        self,
        locale: str,
        topic: str,
        status: str,
        kind: str | None,
        merchant: str,
        order: str,
        eta: tuple[date, date] | None,
    ) -> None:
        sms = sms_text(
            locale=locale,
            merchant_name=merchant,
            order_ref=order,
            topic=topic,
            status=status,
            tracking_url=URL,
            eta_from=eta[0] if eta else None,
            eta_to=eta[1] if eta else None,
            alert_kind=kind,
        )
        assert sms.endswith(" " + URL)
        assert sms_fits(sms), sms
