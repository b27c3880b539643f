"""Dashboard sessions: an API key exchanged for a signed, expiring cookie.

The cookie holds the key's SHA-256 hash (never the key) and an expiry, signed with
HMAC-SHA256. Each request checks the signature, the expiry, and that the key is still live,
so revoking a key ends its sessions. Forms carry a CSRF token derived from the session, and
the cookie is ``HttpOnly`` and ``SameSite=Strict``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

SESSION_HOURS = 12
"""How long a sign-in lasts."""


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in dashboard user: which key they signed in with, until when."""

    key_hash: str
    expires_at: int
    """Unix seconds."""
    cookie: str


class SessionSigner:
    """Makes and checks session cookies and their CSRF tokens with one secret."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("a session secret needs at least 16 bytes")
        self._secret = secret

    def issue(self, key_hash: str, now: datetime) -> Session:
        """A new session for the key with this hash, from ``now``."""
        expires = int((now + timedelta(hours=SESSION_HOURS)).timestamp())
        payload = _b64(json.dumps({"h": key_hash, "e": expires}, separators=(",", ":")).encode())
        cookie = f"{payload}.{self._sign(payload)}"
        return Session(key_hash, expires, cookie)

    def read(self, cookie: str | None, now: datetime) -> Session | None:
        """The session in ``cookie``, or None when it is missing, forged or expired."""
        if not cookie or cookie.count(".") != 1 or len(cookie) > 512:
            return None
        payload, signature = cookie.split(".")
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            key_hash, expires = str(data["h"]), int(data["e"])
        except (ValueError, KeyError, TypeError):
            return None
        if expires <= now.timestamp():
            return None
        return Session(key_hash, expires, cookie)

    def csrf(self, session: Session) -> str:
        """The token every form of this session must send back."""
        return self._sign(f"csrf:{session.cookie}")

    def check_csrf(self, session: Session, token: object) -> bool:
        return isinstance(token, str) and hmac.compare_digest(token, self.csrf(session))

    def _sign(self, text: str) -> str:
        return _b64(hmac.new(self._secret, text.encode(), hashlib.sha256).digest())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
