"""The ``crosstrack`` command line: a thin shell over the domain and the services.

Errors from crosstrack are one line on standard error (``crosstrack: ...``) and exit code 2;
see docs/cli.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import IO

from crosstrack import __version__
from crosstrack.cli.analytics_commands import add_analytics_commands
from crosstrack.cli.domain_commands import add_domain_commands
from crosstrack.cli.eta_commands import add_eta_commands
from crosstrack.cli.service_commands import add_service_commands
from crosstrack.domain.errors import CrosstrackError


def _cmd_demo(args: argparse.Namespace, out: IO[str]) -> int:
    from crosstrack.cli.demo_command import run_demo_command

    return run_demo_command(args, out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crosstrack", description="Shipment tracking for cross-border e-commerce."
    )
    parser.add_argument("--version", action="version", version=f"crosstrack {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    add_domain_commands(sub)
    add_service_commands(sub)
    add_eta_commands(sub)
    add_analytics_commands(sub)
    p = sub.add_parser(
        "demo", help="the main job: the API with a simulated carrier network and demo data"
    )
    p.add_argument("--database-url", metavar="URL", help="database (default: SQLite in var/)")
    p.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port to listen on (default 8000)")
    p.add_argument("--info-file", metavar="PATH", help="write api_url, api_key, tracking_urls")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--no-serve", action="store_true", help="set up the demo data, then stop")
    p.add_argument("--reset", action="store_true", help="start from an empty SQLite database")
    p.add_argument("--speed", type=float, default=3600.0, help="simulated seconds per second")
    p.add_argument("--shipments", type=int, default=300, help="live simulated shipments")
    p.add_argument("--history", type=int, default=2000, help="past shipments with outcomes")
    p.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args, out or sys.stdout)
    except CrosstrackError as exc:
        where = f" ({exc.field})" if exc.field else ""
        print(f"crosstrack: {exc.message}{where}", file=sys.stderr)
        return 2
    return code
