"""Links crosstrack puts in messages to buyers: the tracking page, and a signed one-click
unsubscribe link that only crosstrack can make (HMAC-SHA256 with the installation's secret
key over the subscription id)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Links:
    base_url: str
    """Where buyers reach this installation, e.g. ``https://track.example.com``."""
    secret_key: str = field(repr=False)

    def tracking_page(self, token: str) -> str:
        return f"{self.base_url.rstrip('/')}/t/{token}"

    def unsubscribe(self, subscription_id: str) -> str:
        return (
            f"{self.base_url.rstrip('/')}/v1/unsubscribe/{self.unsubscribe_token(subscription_id)}"
        )

    def unsubscribe_token(self, subscription_id: str) -> str:
        raw = subscription_id.encode("utf-8")
        packed = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
        return f"{packed}.{self._mac(raw)}"

    def subscription_of(self, token: str) -> str | None:
        """The subscription id an unsubscribe token was made for; ``None`` if forged."""
        packed, _, mac = token.partition(".")
        try:
            raw = base64.urlsafe_b64decode(packed + "=" * (-len(packed) % 4))
        except (ValueError, TypeError):
            return None
        if not mac or not hmac.compare_digest(mac, self._mac(raw)):
            return None
        return raw.decode("utf-8", errors="replace")

    def _mac(self, raw: bytes) -> str:
        digest = hmac.new(self.secret_key.encode("utf-8"), b"unsubscribe:" + raw, hashlib.sha256)
        return base64.urlsafe_b64encode(digest.digest()[:18]).decode("ascii")
