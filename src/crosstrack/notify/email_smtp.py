"""Sending a rendered buyer email over SMTP, and what a failure means for the retry.

:class:`SmtpSender` builds one multipart/alternative message (text, then HTML) with the
one-click unsubscribe headers of RFC 8058 and a Message-ID the dispatcher keeps stable across
retries, then delivers it with :mod:`smtplib`: STARTTLS as :attr:`SmtpSettings.starttls`
says, credentials only once the connection is encrypted (or on loopback). Every failure is a
:class:`~crosstrack.notify.errors.DeliveryFailed`: retryable for refused connections,
timeouts, dropped connections and 4xx replies; not for 5xx replies, a missing STARTTLS the
settings require, or a message that cannot be built. The password never appears in a message.
"""

from __future__ import annotations

import ipaddress
import re
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime
from typing import TYPE_CHECKING, Final, Literal

from crosstrack.notify.errors import DeliveryFailed

if TYPE_CHECKING:
    from crosstrack.notify.email import RenderedEmail, ShipmentEmail

#: Bodies are encoded for 7-bit transport (quoted-printable or base64, whichever is shorter),
#: so no server needs 8BITMIME.
_BUILD_POLICY: Final = default_policy.clone(cte_type="7bit")

#: Headers are written out folded only beyond RFC 5322's hard limit: folding at 78 would turn a
#: long ``List-Unsubscribe`` URL into an encoded word that mail clients do not read as a URL.
_WIRE_POLICY: Final = default_policy.clone(cte_type="7bit", max_line_length=998)

#: What may stand before ``@crosstrack`` in a Message-ID (RFC 5322 dot-atom text).
_MESSAGE_ID: Final = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,200}")

#: The longest unsubscribe URL whose header still fits one line.
_MAX_UNSUBSCRIBE_URL: Final = 960

_LOOPBACK_NAMES: Final = frozenset({"localhost", "localhost.localdomain"})


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how to send. ``starttls``: ``auto`` upgrades when the server offers STARTTLS,
    ``always`` refuses to send without it, ``never`` stays in clear text. ``timeout`` (seconds)
    bounds each network operation. ``ssl_context`` replaces the default (system CAs, host name
    checked; ``verify_tls=False`` checks neither)."""

    host: str
    port: int = 587
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    starttls: Literal["auto", "always", "never"] = "auto"
    timeout: float = 10.0
    sender: str = "crosstrack <no-reply@localhost>"
    verify_tls: bool = True
    ssl_context: ssl.SSLContext | None = None

    def __post_init__(self) -> None:
        if not self.host:
            raise ValueError("SMTP host is empty")
        if not 0 < self.port < 65536:
            raise ValueError(f"SMTP port {self.port} is not between 1 and 65535")
        if self.starttls not in ("auto", "always", "never"):
            raise ValueError(f"starttls must be auto, always or never, not {self.starttls!r}")
        if self.timeout <= 0:
            raise ValueError("SMTP timeout must be positive")


class SmtpSender:
    """Sends buyer emails through one SMTP server, one connection per email."""

    def __init__(self, settings: SmtpSettings) -> None:
        self._settings = settings
        self._tls: ssl.SSLContext | None = settings.ssl_context

    def send(self, email: ShipmentEmail, rendered: RenderedEmail, *, message_id: str) -> None:
        """Deliver ``rendered`` to ``email.to``; raise DeliveryFailed when it did not happen."""
        message = build_message(self._settings.sender, email, rendered, message_id=message_id)
        self.send_message(message, email.to)

    def send_notice(self, to: str, subject: str, text: str, *, message_id: str) -> None:
        """A plain-text notice to a merchant's contact (an endpoint was disabled, say)."""
        message = EmailMessage()
        message["From"] = self._settings.sender
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = f"<{message_id}@crosstrack>"
        message["Date"] = format_datetime(datetime.now(UTC))
        message.set_content(text)
        self.send_message(message, to)

    def send_message(self, message: EmailMessage, recipient: str) -> None:
        """Deliver a built message; raise DeliveryFailed when it did not happen."""
        where = f"SMTP {self._settings.host}:{self._settings.port}"
        try:
            self._deliver(message, recipient)
        except DeliveryFailed:
            raise
        except smtplib.SMTPRecipientsRefused as error:
            code, reply = next(iter(error.recipients.values()), (-1, b""))
            raise _from_reply(f"{where} refused the recipient", code, reply) from error
        except smtplib.SMTPResponseException as error:
            raise _from_reply(f"{where} said", error.smtp_code, error.smtp_error) from error
        except smtplib.SMTPServerDisconnected as error:
            raise DeliveryFailed(f"{where} closed the connection", retryable=True) from error
        except smtplib.SMTPException as error:
            # Not a reply: no AUTH offered, no common AUTH mechanism... a configuration problem.
            raise DeliveryFailed(f"{where}: {error}", retryable=False) from error
        except ssl.SSLCertVerificationError as error:
            message_text = f"{where}: TLS certificate not trusted ({error.verify_message})"
            raise DeliveryFailed(message_text, retryable=False) from error
        except ssl.SSLError as error:
            raise DeliveryFailed(f"{where}: TLS failed ({error.reason})", retryable=True) from error
        except TimeoutError as error:
            raise DeliveryFailed(f"{where} timed out", retryable=True) from error
        except OSError as error:
            detail = error.strerror or type(error).__name__
            raise DeliveryFailed(f"{where} unreachable: {detail}", retryable=True) from error

    def _deliver(self, message: EmailMessage, recipient: str) -> None:
        """One SMTP session: EHLO, STARTTLS when wanted, AUTH when configured, the message."""
        settings = self._settings
        # Connecting in the constructor also records the host name STARTTLS verifies.
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        try:
            smtp.ehlo_or_helo_if_needed()
            encrypted = self._start_tls(smtp)
            if settings.username is not None:
                if not encrypted and not _is_loopback(settings.host):
                    raise DeliveryFailed(
                        f"SMTP {settings.host}:{settings.port}: refusing to send credentials "
                        "over an unencrypted connection (STARTTLS not in use)",
                        retryable=False,
                    )
                smtp.login(settings.username, settings.password or "")
            smtp.send_message(message, to_addrs=[recipient])
        except BaseException:
            smtp.close()
            raise
        _quit_quietly(smtp)

    def _start_tls(self, smtp: smtplib.SMTP) -> bool:
        """Upgrade to TLS as the settings say; whether the session is now encrypted."""
        settings = self._settings
        if settings.starttls == "never":
            return False
        if not smtp.has_extn("starttls"):
            if settings.starttls == "always":
                raise DeliveryFailed(
                    f"SMTP {settings.host}:{settings.port} does not offer STARTTLS "
                    "and starttls is 'always'",
                    retryable=False,
                )
            return False
        smtp.starttls(context=self._tls_context())
        smtp.ehlo()
        return True

    def _tls_context(self) -> ssl.SSLContext:
        """The given context, else one built on first use (not at construction: it reads CAs)."""
        if self._tls is None:
            context = ssl.create_default_context()
            if not self._settings.verify_tls:
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            self._tls = context
        return self._tls


def build_message(
    sender: str, email: ShipmentEmail, rendered: RenderedEmail, *, message_id: str
) -> EmailMessage:
    """The message as sent: text and HTML alternatives and the headers docs/email.md lists.

    Raises DeliveryFailed (not retryable) when an input cannot go into a header: a
    line break in an address, a Message-ID with characters RFC 5322 forbids, an unsubscribe
    URL too long for one header line."""
    if not _MESSAGE_ID.fullmatch(message_id):
        raise DeliveryFailed(
            f"message id {message_id!r} is not valid in a Message-ID", retryable=False
        )
    unsubscribe = email.unsubscribe_url.strip()
    if (
        not unsubscribe
        or len(unsubscribe) > _MAX_UNSUBSCRIBE_URL
        or any(character.isspace() or character in "<>" for character in unsubscribe)
    ):
        raise DeliveryFailed("the unsubscribe URL cannot go into a header", retryable=False)
    message = EmailMessage(policy=_BUILD_POLICY)
    try:
        message["From"] = sender
        message["To"] = email.to
    except (ValueError, TypeError) as error:
        raise DeliveryFailed(f"address not usable in a header: {error}", retryable=False) from error
    message["Subject"] = rendered.subject
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = f"<{message_id}@crosstrack>"
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(rendered.text, subtype="plain", charset="utf-8")
    message.add_alternative(rendered.html, subtype="html", charset="utf-8")
    # After the bodies: set_content() and add_alternative() move Content-* headers to the parts.
    message["Content-Language"] = rendered.locale
    message.policy = _WIRE_POLICY
    return message


def _from_reply(what: str, code: int, reply: bytes | str) -> DeliveryFailed:
    """A failure from an SMTP reply: 4xx (and anything unexpected) retryable, 5xx not."""
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    permanent = 500 <= code < 600
    status = code if 200 <= code < 600 else None
    return DeliveryFailed(
        f"{what} {code} {' '.join(text.split())}", retryable=not permanent, status=status
    )


def _quit_quietly(smtp: smtplib.SMTP) -> None:
    """QUIT after the message was accepted: a failure here must not make it look unsent."""
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine (credentials may then go in clear text)."""
    if host.lower().rstrip(".") in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
