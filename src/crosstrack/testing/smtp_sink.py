"""An SMTP server on loopback that keeps every message it receives (aiosmtpd), for tests and
the demo: nothing leaves the machine, and the messages can be read back.

    with SmtpSink() as sink:
        sink.port
        sink.wait_for(1, timeout=5)
        sink.messages   # [email.message.EmailMessage, ...]
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import threading
from email.message import EmailMessage
from typing import Any, Self

from aiosmtpd.controller import Controller

from crosstrack.testing.background import Background


class _Controller(Controller):
    """aiosmtpd's threaded controller on a port the OS picks (port 0)."""

    def _trigger_server(self) -> None:
        assert isinstance(self.server, asyncio.Server)
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]


class SmtpSink(Background):
    """Accepts every message on 127.0.0.1 and keeps it, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._arrived = threading.Condition()
        self._controller = _Controller(self, hostname="127.0.0.1", port=0)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        with self._arrived:
            self.messages.append(parsed)
            self._arrived.notify_all()
        return "250 2.0.0 Message accepted"

    @property
    def port(self) -> int:
        return int(self._controller.port)

    def wait_for(self, count: int, *, timeout: float) -> bool:
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self.messages) >= count, timeout)

    def start(self) -> Self:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()
