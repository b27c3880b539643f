"""``serve``, ``db upgrade``, ``merchants create``, ``keys create|list|revoke`` and ``import``.

Each loads the settings once (``--database-url`` overrides ``CROSSTRACK_DATABASE_URL``) and
calls the services; secrets are printed only where the command exists to show them (a new
API key, once).
"""

from __future__ import annotations

import argparse
import json
import threading
from dataclasses import asdict
from pathlib import Path
from typing import IO

from crosstrack import bootstrap
from crosstrack.config import Settings, load_settings
from crosstrack.services.errors import InvalidInput
from crosstrack.services.facade import Services
from crosstrack.services.records import Scope


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    if getattr(args, "database_url", None):
        overrides["database_url"] = args.database_url
    if getattr(args, "host", None):
        overrides["host"] = args.host
    if getattr(args, "port", None):
        overrides["port"] = args.port
    return load_settings(**overrides)


def _cmd_db_upgrade(args: argparse.Namespace, out: IO[str]) -> int:
    from crosstrack.storage.migrate import current_revision, upgrade

    settings = _settings(args)
    engine = bootstrap.build_engine(settings)
    upgrade(engine)
    out.write(f"database at revision {current_revision(engine)}\n")
    return 0


def _cmd_serve(args: argparse.Namespace, out: IO[str]) -> int:
    settings, services = migrated_services(args)
    return serve(settings, services, out)


def serve(settings: Settings, services: Services, out: IO[str]) -> int:
    """Serve the HTTP API until interrupted, with the poller in a background thread."""
    from crosstrack.workers.dispatcher import start_dispatcher
    from crosstrack.workers.eta_refresher import start_eta_refresher
    from crosstrack.workers.poller import run_poller

    app = bootstrap.build_app(settings, services)
    stop = threading.Event()
    poller: threading.Thread | None = None
    connectors = bootstrap.polling_connectors(settings, bootstrap.build_connectors(settings))
    if settings.poller_enabled and connectors:
        poller = threading.Thread(
            target=run_poller,
            args=(services, connectors),
            kwargs={"interval": settings.poll_interval_seconds, "stop_event": stop},
            name="crosstrack-poller",
            daemon=True,
        )
        poller.start()
    refresher = start_eta_refresher(
        services, interval=settings.eta_refresh_seconds, stop_event=stop
    )
    dispatcher = (
        start_dispatcher(services, interval=settings.dispatch_interval_seconds, stop_event=stop)
        if settings.dispatcher_enabled
        else None
    )
    polling = (
        f"polling {len(set(map(id, connectors.values())))} connectors" if poller else "no poller"
    )
    out.write(
        f"crosstrack API on http://{settings.host}:{settings.port} (docs at /docs), {polling}\n"
    )
    out.flush()
    try:
        bootstrap.serve_http(app, settings.host, settings.port, settings.log_level)
    finally:
        stop.set()
        if poller is not None:
            poller.join(timeout=10)
        refresher.join(timeout=10)
        if dispatcher is not None:
            dispatcher.join(timeout=10)
    return 0


def _cmd_dispatch(args: argparse.Namespace, out: IO[str]) -> int:
    from crosstrack.workers.dispatcher import run_dispatcher

    settings, services = migrated_services(args)
    stop = threading.Event()
    out.write("crosstrack dispatcher: delivering notifications (Ctrl-C to stop)\n")
    out.flush()
    try:
        run_dispatcher(services, interval=settings.dispatch_interval_seconds, stop_event=stop)
    except KeyboardInterrupt:
        stop.set()
    finally:
        services.dispatcher.close()
    return 0


def _cmd_notifications_replay(args: argparse.Namespace, out: IO[str]) -> int:
    from datetime import UTC, datetime

    _, services = migrated_services(args)
    merchant_id = services.accounts.find_merchant(args.merchant).id if args.merchant else None
    if args.delivery:
        if merchant_id is None:
            raise InvalidInput("--delivery needs --merchant", field="merchant")
        services.endpoints.replay(merchant_id, args.delivery)
        count = 1
    else:
        try:
            since = datetime.fromisoformat(args.dead_since)
        except ValueError:
            raise InvalidInput(
                "--dead-since is a date or time (ISO 8601)", field="--dead-since"
            ) from None
        since = since if since.tzinfo else since.replace(tzinfo=UTC)
        count = services.endpoints.replay_dead(merchant_id, since)
    out.write(f"queued again: {count} deliveries\n")
    return 0


def _cmd_alerts_norms(args: argparse.Namespace, out: IO[str]) -> int:
    _, services = migrated_services(args)
    report = services.refresh_norms()
    out.write(
        f"lane norms: {report.norms} P95s in {report.scopes} scopes "
        f"from {report.shipments} shipments\n"
    )
    return 0


def _cmd_merchants_create(args: argparse.Namespace, out: IO[str]) -> int:
    _, services = migrated_services(args)
    merchant = services.accounts.create_merchant(args.name)
    key, plaintext = services.accounts.create_key(merchant.id)
    _print_key(out, args.json, merchant.id, plaintext, key.scopes)
    return 0


def _cmd_keys_create(args: argparse.Namespace, out: IO[str]) -> int:
    _, services = migrated_services(args)
    merchant = services.accounts.find_merchant(args.merchant)
    try:
        scopes = frozenset(Scope(s) for s in args.scope) if args.scope else frozenset(Scope)
    except ValueError:
        raise InvalidInput(f"scopes are {', '.join(Scope)}", field="--scope") from None
    key, plaintext = services.accounts.create_key(merchant.id, scopes, name=args.name)
    _print_key(out, args.json, merchant.id, plaintext, key.scopes)
    return 0


def _cmd_keys_list(args: argparse.Namespace, out: IO[str]) -> int:
    _, services = migrated_services(args)
    merchant = services.accounts.find_merchant(args.merchant)
    keys = services.accounts.keys(merchant.id)
    if args.json:
        rows = [
            {
                "id": k.id,
                "prefix": k.prefix,
                "name": k.name,
                "scopes": sorted(s.value for s in k.scopes),
                "created_at": k.created_at.isoformat(),
                "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None,
            }
            for k in keys
        ]
        out.write(json.dumps(rows) + "\n")
        return 0
    for k in keys:
        state = f"revoked {k.revoked_at:%Y-%m-%d}" if k.revoked_at else "live"
        scopes = ",".join(sorted(s.value for s in k.scopes))
        out.write(f"{k.id}  {k.prefix}…  {scopes:<16} {state:<18} {k.name or ''}\n".rstrip() + "\n")
    return 0


def _cmd_keys_revoke(args: argparse.Namespace, out: IO[str]) -> int:
    _, services = migrated_services(args)
    merchant = services.accounts.find_merchant(args.merchant)
    key = services.accounts.revoke_key(merchant.id, args.key_id)
    out.write(f"revoked {key.id} ({key.prefix}…) at {key.revoked_at:%Y-%m-%d %H:%M} UTC\n")
    return 0


def _cmd_import(args: argparse.Namespace, out: IO[str]) -> int:
    _, services = migrated_services(args)
    merchant = services.accounts.find_merchant(args.merchant)
    text = Path(args.file).read_text(encoding="utf-8")
    report = services.importer.import_csv(merchant.id, text)
    if args.json:
        out.write(json.dumps(asdict(report)) + "\n")
    else:
        out.write(
            f"{report.rows} rows: {report.created} created, {report.existing} existing, "
            f"{report.events_stored} outcome events, {len(report.errors)} problems\n"
        )
        for error in report.errors:
            out.write(f"  line {error.line} [{error.field or '-'}]: {error.message}\n")
    return 1 if any(e.line > 1 for e in report.errors) else 0


def migrated_services(args: argparse.Namespace) -> tuple[Settings, Services]:
    """The settings (with the command's overrides) and services over a migrated database."""
    from crosstrack.storage.migrate import upgrade

    settings = _settings(args)
    engine = bootstrap.build_engine(settings)
    upgrade(engine)
    return settings, bootstrap.build_services(settings, engine=engine)


def _print_key(
    out: IO[str], as_json: bool, merchant_id: str, key: str, scopes: frozenset[Scope]
) -> None:
    if as_json:
        out.write(json.dumps({"merchant_id": merchant_id, "api_key": key}) + "\n")
        return
    out.write(f"merchant: {merchant_id}\n")
    out.write(f"api key ({', '.join(sorted(scopes))}): {key}\n")
    out.write("This key is shown once; store it now.\n")


def add_service_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The service's commands."""
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database-url",
        metavar="URL",
        help="database (default: CROSSTRACK_DATABASE_URL or SQLite)",
    )

    p = sub.add_parser("serve", parents=[database], help="run the HTTP API")
    p.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port to listen on (default 8000)")
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("db", help="database maintenance")
    db = p.add_subparsers(dest="db_command", required=True)
    q = db.add_parser("upgrade", parents=[database], help="apply migrations")
    q.set_defaults(func=_cmd_db_upgrade)

    p = sub.add_parser("dispatch", parents=[database], help="run the notification dispatcher alone")
    p.set_defaults(func=_cmd_dispatch)

    p = sub.add_parser("notifications", help="notification deliveries")
    notifications = p.add_subparsers(dest="notifications_command", required=True)
    q = notifications.add_parser(
        "replay", parents=[database], help="send dead (or given) deliveries again"
    )
    which = q.add_mutually_exclusive_group(required=True)
    which.add_argument("--delivery", help="one delivery id (with --merchant)")
    which.add_argument("--dead-since", metavar="TIME", help="every dead delivery since TIME")
    q.add_argument("--merchant", help="merchant id or name")
    q.set_defaults(func=_cmd_notifications_replay)

    p = sub.add_parser("alerts", help="exception alerts")
    alerts = p.add_subparsers(dest="alerts_command", required=True)
    q = alerts.add_parser(
        "norms", parents=[database], help="recompute the lane norms from the stored histories"
    )
    q.set_defaults(func=_cmd_alerts_norms)

    p = sub.add_parser("merchants", help="manage merchants")
    merchants = p.add_subparsers(dest="merchants_command", required=True)
    q = merchants.add_parser(
        "create", parents=[database], help="create a merchant and its first key"
    )
    q.add_argument("name")
    q.add_argument("--json", action="store_true", help='print {"merchant_id", "api_key"}')
    q.set_defaults(func=_cmd_merchants_create)

    p = sub.add_parser("keys", help="manage API keys")
    keys = p.add_subparsers(dest="keys_command", required=True)
    q = keys.add_parser("create", parents=[database], help="create an API key for a merchant")
    q.add_argument("merchant", help="merchant id or name")
    q.add_argument(
        "--scope", action="append", help="read, write or admin (repeatable; default all)"
    )
    q.add_argument("--name", help="a label for the key")
    q.add_argument("--json", action="store_true", help='print {"merchant_id", "api_key"}')
    q.set_defaults(func=_cmd_keys_create)
    q = keys.add_parser("list", parents=[database], help="list a merchant's keys (never the keys)")
    q.add_argument("merchant", help="merchant id or name")
    q.add_argument("--json", action="store_true", help="print a JSON list")
    q.set_defaults(func=_cmd_keys_list)
    q = keys.add_parser("revoke", parents=[database], help="revoke one of a merchant's keys")
    q.add_argument("merchant", help="merchant id or name")
    q.add_argument("key_id", help="the key's id (from keys list)")
    q.set_defaults(func=_cmd_keys_revoke)

    p = sub.add_parser("import", parents=[database], help="import shipments from a CSV file")
    p.add_argument("file")
    p.add_argument("--merchant", required=True, help="merchant id or name")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=_cmd_import)
