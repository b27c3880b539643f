"""``crosstrack analytics refresh``: rebuild the analytics rollups (docs/analytics.md)."""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict
from typing import IO

from crosstrack.cli.service_commands import migrated_services


def _cmd_analytics_refresh(args: argparse.Namespace, out: IO[str]) -> int:
    _, services = migrated_services(args)
    merchant_id = services.accounts.find_merchant(args.merchant).id if args.merchant else None
    started = time.perf_counter()
    report = services.analytics.refresh(merchant_id, full=args.full, facts=args.facts)
    seconds = time.perf_counter() - started
    if args.json:
        out.write(json.dumps({**asdict(report), "seconds": round(seconds, 3)}) + "\n")
        return 0
    facts = f"facts of {report.facts} shipments worked out again; " if args.facts else ""
    out.write(
        f"analytics: {facts}{report.weeks} weeks of {report.merchants} merchants rebuilt "
        f"in {seconds:.1f} s\n"
    )
    return 0


def add_analytics_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The analytics commands."""
    p = sub.add_parser("analytics", help="merchant analytics")
    analytics = p.add_subparsers(dest="analytics_command", required=True)
    q = analytics.add_parser(
        "refresh", help="rebuild the rollups of the weeks whose shipments changed"
    )
    q.add_argument(
        "--database-url", metavar="URL", help="database (default: CROSSTRACK_DATABASE_URL)"
    )
    q.add_argument("--merchant", help="one merchant (id or name); default: every merchant")
    q.add_argument("--full", action="store_true", help="rebuild every week, not only stale ones")
    q.add_argument(
        "--facts",
        action="store_true",
        help="first work out every shipment's facts again from its events",
    )
    q.add_argument("--json", action="store_true", help="print the report as JSON")
    q.set_defaults(func=_cmd_analytics_refresh)
