"""The demo's own receivers, viewable in a browser: the emails buyers were sent (a local SMTP
sink: nothing leaves the machine) and the webhooks the demo merchant's endpoint received.

    /demo/inbox          the emails, newest first
    /demo/inbox/{n}      one email as the buyer sees it (its HTML part)
    /demo/webhooks       the webhooks received, newest first (JSON)
"""

from __future__ import annotations

import time
from html import escape
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse

from crosstrack.testing.smtp_sink import SmtpSink
from crosstrack.testing.webhook_sink import WebhookSink

SHOWN = 50


def inbox_router(smtp: SmtpSink, hooks: WebhookSink) -> APIRouter:
    router = APIRouter(prefix="/demo", include_in_schema=False)

    @router.get("/inbox", response_class=HTMLResponse)
    def inbox() -> HTMLResponse:
        rows = []
        for n, message in reversed(list(enumerate(smtp.messages))[-SHOWN:]):
            rows.append(
                f"<li><a href='/demo/inbox/{n}'>{escape(str(message['Subject']))}</a>"
                f" <small>to {escape(str(message['To']))}, {escape(str(message['Date']))}</small>"
                "</li>"
            )
        body = "".join(rows) or "<li>No email yet: buyers are told at key moments.</li>"
        return HTMLResponse(
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta http-equiv='refresh' content='10'><title>Demo inbox</title></head>"
            "<body style='font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto'>"
            f"<h1>Emails sent to buyers ({len(smtp.messages)})</h1><ol>{body}</ol>"
            "<p><a href='/demo/webhooks'>Webhooks received</a></p></body></html>"
        )

    @router.get("/inbox/{number}", response_class=HTMLResponse)
    def one(number: int) -> HTMLResponse:
        if not 0 <= number < len(smtp.messages):
            raise HTTPException(status_code=404, detail="no such email")
        part = smtp.messages[number].get_body(preferencelist=("html", "plain"))
        content = part.get_content() if part is not None else ""
        if part is not None and part.get_content_type() == "text/plain":
            content = f"<pre>{escape(content)}</pre>"
        return HTMLResponse(content)

    @router.get("/webhooks")
    def webhooks() -> list[dict[str, Any]]:
        now = time.monotonic()
        return [
            {
                "received_seconds_ago": round(now - r.at, 1),
                "event_id": r.headers.get("Crosstrack-Event-Id"),
                "type": r.headers.get("Crosstrack-Event-Type"),
                "signature": r.headers.get("Crosstrack-Signature"),
                "body": r.json(),
            }
            for r in reversed(hooks.received[-SHOWN:])
        ]

    return router
