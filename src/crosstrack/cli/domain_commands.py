"""``crosstrack detect`` and ``crosstrack normalize``: the domain core on the command line.

Contracts other work relies on (keep them stable); see docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import asdict
from typing import IO, Any

from crosstrack import bootstrap
from crosstrack.domain.errors import CrosstrackError, MalformedEvent


def _cmd_detect(args: argparse.Namespace, out: IO[str]) -> int:
    detector = bootstrap.build_detector()
    for number in args.numbers:
        detection = detector.detect(number)
        if args.json:
            payload = {
                "input": detection.input,
                "normalized": detection.normalized,
                "candidates": [asdict(c) for c in detection.candidates],
            }
            out.write(json.dumps(payload, ensure_ascii=False) + "\n")
            continue
        out.write(f"{detection.input!r} -> {detection.normalized or '(empty)'}\n")
        if not detection.candidates:
            out.write("  no known carrier format\n")
        for c in detection.candidates:
            check = {True: "check digit ok", False: "check digit WRONG", None: "no check digit"}[
                c.checksum_valid
            ]
            extra = ", ".join(x for x in (c.standard, c.country, c.service) if x)
            out.write(f"  {c.confidence:4.2f}  {c.carrier:<22} {c.name} ({check}) {extra}\n")
    return 0


def _read_jsonl(stream: IO[str]) -> Iterable[tuple[int, str, Any]]:
    """Yield (line number, line, parsed value or the JSONDecodeError) for non-blank lines."""
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield lineno, line, json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, line, exc


def _cmd_normalize(args: argparse.Namespace, out: IO[str]) -> int:
    if args.input:
        try:
            with open(args.input, encoding="utf-8") as stream:
                return _normalize_stream(stream, out)
        except OSError as exc:
            print(f"crosstrack: cannot read {args.input}: {exc.strerror}", file=sys.stderr)
            return 2
    return _normalize_stream(sys.stdin, out)


def _normalize_stream(stream: IO[str], out: IO[str]) -> int:
    from crosstrack.domain.normalize import raw_event_from_mapping

    normalizer = bootstrap.build_normalizer()
    bad = 0
    for lineno, line, obj in _read_jsonl(stream):
        try:
            if isinstance(obj, json.JSONDecodeError):
                raise MalformedEvent(f"not JSON ({obj.msg} at column {obj.colno})")
            raw = raw_event_from_mapping(obj)
        except CrosstrackError as exc:
            # Keep the line: one output line per input line, so nothing is lost downstream.
            bad += 1
            print(f"crosstrack: line {lineno}: {exc}", file=sys.stderr)
            error = {"line": lineno, "error": str(exc), "input": line.rstrip("\n")}
            out.write(json.dumps(error, ensure_ascii=False) + "\n")
            continue
        event = normalizer.normalize(raw)
        result = dict(obj)
        result.update(
            status=event.status.value,
            milestone=event.milestone.value,
            reason=event.reason.value,
            country=event.location.country,
            occurred_at=event.occurred_at.isoformat() if event.occurred_at else None,
            confidence=round(event.confidence, 3),
        )
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 1 if bad else 0


def add_domain_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``detect`` and ``normalize``: the domain core on the command line."""
    p = sub.add_parser("detect", help="guess the carrier of tracking numbers")
    p.add_argument("numbers", nargs="+", metavar="NUMBER", help="tracking numbers, as pasted")
    p.add_argument("--json", action="store_true", help="one JSON object per line per input")
    p.set_defaults(func=_cmd_detect)

    p = sub.add_parser("normalize", help="normalize raw carrier events (JSON Lines in and out)")
    p.add_argument("--input", metavar="FILE", help="read FILE instead of standard input")
    p.set_defaults(func=_cmd_normalize)
