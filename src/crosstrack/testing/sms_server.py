"""A fake Twilio on loopback: the Programmable Messaging ``Messages.json`` endpoint, for tests
and the demo.

It answers like Twilio does (HTTP Basic auth, a form body, Twilio-shaped JSON errors), records
every message it accepts, deduplicates on ``I-Twilio-Idempotency-Token`` (a repeated token gets
the first message's answer and records nothing) and can be told to fail or to answer late::

    with FakeTwilio() as twilio:
        sender = TwilioSms(twilio.settings(timeout=0.5))
        twilio.fail_next(status=503, times=2)
        ...
        twilio.messages  # [{"sid": "SM...", "to": ..., "from": ..., "body": ...}, ...]

Standard library HTTP server (one thread per request), 127.0.0.1 and a free port by default.
Nothing is sent anywhere. Reference: docs/sms.md.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import re
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, TypedDict
from urllib.parse import parse_qs, unquote

import phonenumbers

from crosstrack.notify.sms import (
    IDEMPOTENCY_HEADER,
    TWILIO_API_VERSION,
    SmsSettings,
    sms_segments,
)

DEFAULT_ACCOUNT_SID = "AC" + "0" * 31 + "1"
DEFAULT_AUTH_TOKEN = "fake-twilio-auth-token"  # synthetic, like the SID above
DEFAULT_FROM_NUMBER = "+15005550006"

_MESSAGES_PATH = re.compile(rf"^/{TWILIO_API_VERSION}/Accounts/([^/]+)/Messages\.json$")
_E164 = re.compile(r"^\+[1-9][0-9]{1,14}$")

#: Twilio's error codes for the statuses a fault may answer with.
_FAULT_CODES = {
    400: (21610, "Attempt to send to unsubscribed recipient"),
    401: (20003, "Authenticate"),
    403: (20403, "Permission denied"),
    404: (20404, "The requested resource was not found"),
    429: (20429, "Too Many Requests"),
    500: (20500, "Internal Server Error"),
    503: (20503, "Service Unavailable"),
}


ReceivedSms = TypedDict(
    "ReceivedSms",
    {"sid": str, "to": str, "from": str, "body": str, "idempotency_token": str | None},
)
"""One message the fake accepted: its sid, ``To``, ``From``, ``Body`` and idempotency token."""


@dataclass(frozen=True, slots=True)
class _Fault:
    """What to do to one coming request: answer late, and/or fail with ``status``."""

    status: int | None
    code: int | None = None
    message: str | None = None
    delay: float = 0.0


class _Answer(TypedDict):
    status: int
    payload: dict[str, Any]


class FakeTwilio:
    """Twilio's Messages API on loopback. Thread-safe; a context manager (``start``/``stop``)."""

    def __init__(
        self,
        account_sid: str = DEFAULT_ACCOUNT_SID,
        auth_token: str = DEFAULT_AUTH_TOKEN,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.account_sid = account_sid
        self._auth_token = auth_token
        self._address = (host, port)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._messages: list[ReceivedSms] = []
        self._by_token: dict[str, dict[str, Any]] = {}
        self._faults: deque[_Fault] = deque()
        self._answered = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        where = self.base_url if self._server else "stopped"
        return f"FakeTwilio(account_sid={self.account_sid!r}, {where})"

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeTwilio:
        """Listen and serve in a background thread; returns ``self``."""
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server(self._address, _Handler, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="fake-twilio", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving (requests still waiting on a delay are answered at once)."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> FakeTwilio:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- what tests use ----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``: give it as ``SmsSettings.base_url``."""
        if self._server is None:
            raise RuntimeError("FakeTwilio is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def settings(
        self, from_number: str = DEFAULT_FROM_NUMBER, *, timeout: float = 5.0
    ) -> SmsSettings:
        """Settings for :class:`crosstrack.notify.sms.TwilioSms` pointing at this fake."""
        return SmsSettings(
            account_sid=self.account_sid,
            auth_token=self._auth_token,
            from_number=from_number,
            base_url=self.base_url,
            timeout=timeout,
        )

    @property
    def messages(self) -> list[ReceivedSms]:
        """The messages accepted so far, oldest first (copies)."""
        with self._lock:
            return [message.copy() for message in self._messages]

    @property
    def requests_answered(self) -> int:
        """How many requests have been answered (any path, any outcome)."""
        with self._lock:
            return self._answered

    def clear(self) -> None:
        """Forget the messages, idempotency tokens and planned faults."""
        with self._lock:
            self._messages.clear()
            self._by_token.clear()
            self._faults.clear()

    def fail_next(
        self,
        status: int = 503,
        *,
        times: int = 1,
        code: int | None = None,
        message: str | None = None,
    ) -> None:
        """Answer the next ``times`` requests with ``status`` and a Twilio error JSON (``code``
        and ``message`` default to Twilio's for that status). Faults queue up in order."""
        self._plan(_Fault(status, code, message), times)

    def delay_next(self, seconds: float, *, times: int = 1) -> None:
        """Answer the next ``times`` requests ``seconds`` late (then as usual: a message is
        still recorded, as Twilio would have sent it, even if the client gave up)."""
        self._plan(_Fault(None, delay=seconds), times)

    def _plan(self, fault: _Fault, times: int) -> None:
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._faults.extend([fault] * times)

    # -- answering ---------------------------------------------------------------------------

    def _answer(
        self, method: str, path: str, authorization: str | None, token: str | None, body: bytes
    ) -> _Answer:
        with self._lock:
            fault = self._faults.popleft() if self._faults else None
        if fault is not None and fault.delay > 0:
            self._stopping.wait(fault.delay)
        if fault is not None and fault.status is not None:
            code, text = _FAULT_CODES.get(fault.status, (20000 + fault.status, "Fault injected"))
            return _error(fault.status, fault.code or code, fault.message or text)
        if not self._authorized(authorization):
            return _error(401, 20003, "Authenticate")
        match = _MESSAGES_PATH.match(path.split("?", 1)[0])
        if match is None or unquote(match[1]) != self.account_sid:
            return _error(404, 20404, f"The requested resource {path} was not found")
        if method != "POST":
            return _error(405, 20004, "Method not allowed")
        fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        form = {key: values[-1] for key, values in fields.items()}
        problem = _invalid(form)
        if problem is not None:
            return problem
        return self._accept(form, token)

    def _authorized(self, authorization: str | None) -> bool:
        scheme, _, encoded = (authorization or "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        user, _, password = decoded.partition(":")
        user_ok = hmac.compare_digest(user.encode(), self.account_sid.encode())
        password_ok = hmac.compare_digest(password.encode(), self._auth_token.encode())
        return user_ok and password_ok

    def _accept(self, form: dict[str, str], token: str | None) -> _Answer:
        with self._lock:
            if token and token in self._by_token:
                return _Answer(status=201, payload=self._by_token[token])
            sid = "SM" + uuid.uuid4().hex
            payload = self._resource(sid, form)
            record: ReceivedSms = {
                "sid": sid,
                "to": form["To"],
                "from": form["From"],
                "body": form["Body"],
                "idempotency_token": token,
            }
            self._messages.append(record)
            if token:
                self._by_token[token] = payload
            return _Answer(status=201, payload=payload)

    def _resource(self, sid: str, form: dict[str, str]) -> dict[str, Any]:
        """The Message resource as Twilio returns it on creation."""
        now = formatdate(time.time(), usegmt=True)
        uri = f"/{TWILIO_API_VERSION}/Accounts/{self.account_sid}/Messages/{sid}"
        return {
            "account_sid": self.account_sid,
            "api_version": TWILIO_API_VERSION,
            "body": form["Body"],
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": form["From"],
            "messaging_service_sid": None,
            "num_media": "0",
            "num_segments": str(sms_segments(form["Body"])),
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            "status": "queued",
            "subresource_uris": {"media": f"{uri}/Media.json"},
            "to": form["To"],
            "uri": f"{uri}.json",
        }

    def _answered_one(self) -> None:
        with self._lock:
            self._answered += 1


def _invalid(form: dict[str, str]) -> _Answer | None:
    """Twilio's 400 for a missing or malformed parameter, or ``None``."""
    to, sender, body = form.get("To", ""), form.get("From", ""), form.get("Body", "")
    if not to:
        return _error(400, 21604, "A 'To' phone number is required.")
    if not _possible_number(to):
        return _error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
    if not sender:
        return _error(400, 21603, "A 'From' phone number is required.")
    if not _E164.match(sender):
        return _error(400, 21212, f"The 'From' number {sender} is not a valid phone number.")
    if not body:
        return _error(400, 21602, "Message body is required.")
    if len(body) > 1600:
        return _error(400, 21617, "The concatenated message body exceeds the 1600 character limit.")
    return None


def _possible_number(text: str) -> bool:
    """E.164 (``+`` and up to 15 digits) and a possible length in its country's plan."""
    if not _E164.match(text):
        return False
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(text, None))
    except phonenumbers.NumberParseException:
        return False


def _error(status: int, code: int, message: str) -> _Answer:
    return _Answer(
        status=status,
        payload={
            "code": code,
            "message": message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        },
    )


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        fake: FakeTwilio,
    ) -> None:
        super().__init__(address, handler)
        self.fake = fake


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "FakeTwilio/1.0"

    def do_POST(self) -> None:
        self._respond("POST")

    def do_GET(self) -> None:
        self._respond("GET")

    def _respond(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        fake = self.server.fake
        answer = fake._answer(
            method,
            self.path,
            self.headers.get("Authorization"),
            self.headers.get(IDEMPOTENCY_HEADER),
            body,
        )
        content = json.dumps(answer["payload"]).encode("utf-8")
        try:
            self.send_response(answer["status"])
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(content)))
            self.send_header("Twilio-Request-Id", "RQ" + uuid.uuid4().hex)
            if answer["status"] == 401:
                self.send_header("WWW-Authenticate", 'Basic realm="Twilio API"')
            self.end_headers()
            self.wfile.write(content)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout): Twilio would not notice either
        finally:
            fake._answered_one()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read ``messages``, not an access log."""
