"""``crosstrack eta train | predict | backtest``: the ETA model on the command line.

Contracts other work relies on (keep them stable); see docs/eta.md and docs/cli.md.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import replace
from datetime import UTC, datetime
from typing import IO

from crosstrack.eta.history import HistoryFile, HistoryRecord


def add_eta_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    eta = sub.add_parser("eta", help="train, run and backtest the delivery-date model")
    commands = eta.add_subparsers(dest="eta_command", required=True)

    p = commands.add_parser("train", help="train a model from a history file or the database")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--history", metavar="FILE", help="history CSV (docs/eta.md)")
    source.add_argument("--database-url", metavar="URL", help="train from this database")
    p.add_argument(
        "--model",
        metavar="DIR",
        help="model directory (default: the service's, CROSSTRACK_ETA_MODEL_DIR)",
    )
    p.add_argument("--half-life-days", type=float, help="recency weight half-life (default 90)")
    p.set_defaults(func=_cmd_train)

    p = commands.add_parser("predict", help="P10/P50/P90 delivery dates for shipments in a file")
    p.add_argument("--model", metavar="DIR", required=True)
    p.add_argument("--input", metavar="FILE", required=True, help="history CSV of open shipments")
    p.add_argument("--output", metavar="FILE", required=True)
    p.add_argument(
        "--as-of", metavar="TIME", help="ISO 8601 time to predict as of (UTC if no offset)"
    )
    p.set_defaults(func=_cmd_predict)

    p = commands.add_parser("backtest", help="rolling backtest of the model and the baselines")
    p.add_argument("--history", metavar="FILE", required=True)
    p.add_argument("--report", metavar="DIR", required=True, help="where report.md and plots go")
    p.add_argument("--fold-days", type=int, default=30, help="days per fold (default 30)")
    p.add_argument("--folds", type=int, default=12, help="the most recent N folds (default 12)")
    p.add_argument("--min-train-days", type=int, default=120, help="history before the first fold")
    p.add_argument("--title", default="ETA backtest", help="the report's title")
    p.set_defaults(func=_cmd_backtest)

    p = commands.add_parser("simulate", help="write a synthetic history file from the simulator")
    p.add_argument("--output", metavar="FILE", required=True)
    p.add_argument("--shipments", type=int, default=20000, help="how many (default 20000)")
    p.add_argument(
        "--days", type=int, default=540, help="shipped over this many days (default 540)"
    )
    p.add_argument(
        "--end", default="2026-10-01", help="shipping ends on this day (default 2026-10-01)"
    )
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.set_defaults(func=_cmd_simulate)


def _read(path: str, *, outcomes: bool = True) -> HistoryFile:
    from crosstrack import bootstrap
    from crosstrack.eta.history import read_history

    history = read_history(path, bootstrap.build_zone_lookup(), outcomes=outcomes)
    for problem in history.problems[:20]:
        print(f"crosstrack: {path} line {problem.line}: {problem.message}", file=sys.stderr)
    if len(history.problems) > 20:
        print(f"crosstrack: … and {len(history.problems) - 20} more bad rows", file=sys.stderr)
    return history


def _cmd_train(args: argparse.Namespace, out: IO[str]) -> int:
    from crosstrack.eta.model import TrainingOptions, train
    from crosstrack.eta.store import save_model

    if args.history:
        history = _read(args.history)
        records, skipped = history.records, len(history.problems)
    else:
        records, skipped = _database_history(args), 0
    options = TrainingOptions()
    if args.half_life_days:
        options = TrainingOptions(half_life_days=args.half_life_days)
    model = train(records, options=options)
    directory = args.model or _settings_model_dir(args)
    version = save_model(model, directory)
    trained = model.info["trained_on"]
    held_out = model.info["held_out"]
    out.write(
        f"model {version} written to {directory}: trained on {trained['shipments']} delivered "
        f"shipments created {trained['from'][:10]} to {trained['to'][:10]} "
        f"({skipped} bad rows skipped); on recent held-out shipments: P50 MAE "
        f"{held_out['mae']:.2f} days, 80% window {held_out['coverage_80']:.0%} "
        f"({held_out['width_80']:.1f} days wide)\n"
    )
    return 0


def _settings_model_dir(args: argparse.Namespace) -> str:
    from crosstrack.config import load_settings

    overrides = {"database_url": args.database_url} if getattr(args, "database_url", None) else {}
    return str(load_settings(**overrides).resolved_eta_model_dir)


def _database_history(args: argparse.Namespace) -> list[HistoryRecord]:
    from crosstrack import bootstrap
    from crosstrack.cli.service_commands import migrated_services
    from crosstrack.eta.live import query_record

    _, services = migrated_services(args)
    zone_of = bootstrap.build_zone_lookup()
    records = []
    for past in services.past_shipments():
        record = query_record(past.query, zone_of)
        records.append(
            replace(
                record,
                shipment_id=past.shipment_id,
                delivered_at=past.delivered_at,
                status=past.status,
            )
        )
    return records


def _cmd_predict(args: argparse.Namespace, out: IO[str]) -> int:
    from crosstrack.eta.history import parse_time
    from crosstrack.eta.predict import estimate
    from crosstrack.eta.snapshots import snapshot_at
    from crosstrack.eta.store import load_model
    from crosstrack.services.errors import InvalidInput

    model = load_model(args.model)
    history = _read(args.input, outcomes=False)
    as_of: datetime | None = None
    if args.as_of:
        try:
            as_of = parse_time(args.as_of, UTC, "--as-of")
        except ValueError as exc:
            raise InvalidInput(str(exc), field="--as-of") from None
    snapshots = [snapshot_at(r, as_of) for r in history.records]
    estimates = estimate(model, snapshots)
    with open(args.output, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(("shipment_id", "p10", "p50", "p90", "p_on_time", "basis", "fallback"))
        for record, est in zip(history.records, estimates, strict=True):
            writer.writerow(
                (
                    record.shipment_id,
                    est.p10.isoformat(),
                    est.p50.isoformat(),
                    est.p90.isoformat(),
                    "" if est.p_on_time is None else f"{est.p_on_time:.3f}",
                    est.basis,
                    est.fallback_level or "",
                )
            )
    out.write(
        f"{len(estimates)} predictions written to {args.output} with model "
        f"{model.info.get('version', '?')} ({len(history.problems)} bad rows skipped)\n"
    )
    return 1 if history.problems else 0


def _cmd_backtest(args: argparse.Namespace, out: IO[str]) -> int:
    from crosstrack.eta.backtest import BacktestOptions, run_backtest
    from crosstrack.eta.report import summary_table, write_report

    history = _read(args.history)
    options = BacktestOptions(
        fold_days=args.fold_days, max_folds=args.folds, min_train_days=args.min_train_days
    )
    result = run_backtest(
        history.records, options, progress=lambda line: print(line, file=sys.stderr)
    )
    path = write_report(result, args.report, args.title)
    out.write(summary_table(result) + "\n")
    out.write(f"report written to {path}\n")
    return 0


def _cmd_simulate(args: argparse.Namespace, out: IO[str]) -> int:
    from datetime import timedelta

    from crosstrack import bootstrap
    from crosstrack.eta.history import write_history
    from crosstrack.sim.eta_history import eta_records
    from crosstrack.sim.journeys import generate

    end = datetime.fromisoformat(args.end).replace(tzinfo=UTC)
    start = end - timedelta(days=args.days)
    parcels = generate(args.seed, args.shipments, start=start, end=end)
    records = eta_records(parcels, bootstrap.build_zone_lookup())
    with open(args.output, "w", encoding="utf-8", newline="") as stream:
        count = write_history(records, stream)
    out.write(f"{count} synthetic shipments written to {args.output}\n")
    return 0
