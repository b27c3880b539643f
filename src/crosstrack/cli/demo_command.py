"""``crosstrack demo``: the tour of the domain core, then the live demo (docs/cli.md)."""

from __future__ import annotations

import argparse
import webbrowser
from pathlib import Path
from typing import IO

from crosstrack import bootstrap
from crosstrack.config import load_settings
from crosstrack.services.errors import InvalidInput


def run_demo_command(args: argparse.Namespace, out: IO[str]) -> int:
    """Run the demo; returns the exit code (Ctrl-C stops it cleanly)."""
    from crosstrack.demo import run_demo
    from crosstrack.sim.demo import DemoOptions, start_demo, write_info
    from crosstrack.sim.demo_inbox import inbox_router

    run_demo(out)
    if args.reset:
        _reset(args.database_url)
    options = DemoOptions(
        database_url=args.database_url,
        host=args.host or "127.0.0.1",
        port=args.port or 8000,
        speed=args.speed,
        live=args.shipments,
        history=args.history,
    )

    def say(line: str) -> None:
        out.write(f"   {line}\n")
        out.flush()

    out.write("\n3. The service, with a simulated carrier network (all data synthetic)\n")
    state = start_demo(options, say=say, background=not args.no_serve)
    try:
        say(f"API: {state.api_url}  (docs: {state.api_url}/docs)")
        say(f"API key (shown once): {state.api_key}")
        first = f"{state.api_url}/v1/shipments/{state.shipments[0]}"
        say(f"try: curl -H 'Authorization: Bearer {state.api_key}' {first}")
        for page in state.tracking_pages()[:3]:
            say(f"a buyer's tracking page: {page}")
        say(f"the merchant dashboard: {state.api_url}/dashboard (sign in with the API key)")
        if args.info_file:
            write_info(state, Path(args.info_file))
            say(f"connection details written to {args.info_file}")
        if args.no_serve:
            return 0
        if not args.no_browser:
            webbrowser.open(f"{state.api_url}/docs")
        app = bootstrap.build_app(state.settings, state.services)
        if state.smtp is not None and state.hooks is not None:
            app.include_router(inbox_router(state.smtp, state.hooks))
            say(f"emails to buyers: {state.api_url}/demo/inbox")
            say(f"webhooks received: {state.api_url}/demo/webhooks")
        say("Ctrl-C stops the demo")
        bootstrap.serve_http(app, options.host, options.port, "warning")
        return 0
    finally:
        state.close()


def _reset(database_url: str | None) -> None:
    settings = load_settings(**({"database_url": database_url} if database_url else {}))
    url = settings.resolved_database_url
    if not url.startswith("sqlite:///"):
        raise InvalidInput("--reset only empties the embedded SQLite database", field="--reset")
    path = Path(url.removeprefix("sqlite:///"))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        file.unlink(missing_ok=True)
