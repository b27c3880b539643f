"""Accuracy of the event normalizer on the labelled development set, by language and by label.

Reads ../shared/data/events-dev.jsonl (or the file given as the first argument), runs every
event through the real normalizer (code tables, text rules, offline gazetteer) and prints
status / milestone / reason / country accuracy overall, per language and per true label, and
the confusions. The file is real data kept outside the repository; without it this says so
and exits 0.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from crosstrack import bootstrap
from crosstrack.domain.normalize import raw_event_from_mapping

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev.jsonl"
FIELDS = ("status", "milestone", "reason", "country")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if not path.exists():
        print(f"no labelled data at {path}: nothing to measure")
        return 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    normalizer = bootstrap.build_normalizer()
    hits: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    totals: Counter[str] = Counter()
    by_label: dict[str, Counter[str]] = defaultdict(Counter)
    confusions: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for row in rows:
        event = normalizer.normalize(raw_event_from_mapping(row))
        got = {
            "status": event.status.value,
            "milestone": event.milestone.value,
            "reason": event.reason.value,
            "country": event.location.country,
        }
        label = row["label"]
        language = row.get("language") or "?"
        totals[language] += 1
        for field in FIELDS:
            ok = got[field] == label.get(field)
            hits[field][language] += ok
            hits[field]["*"] += ok
        by_label[label["status"]]["n"] += 1
        by_label[label["status"]]["ok"] += got["status"] == label["status"]
        if got["status"] != label["status"]:
            confusions[(label["status"], got["status"])] += 1
        if got["status"] != label["status"] or got["milestone"] != label["milestone"]:
            misses.append(
                f"  {row['carrier']:<16} {str(row.get('raw_status_code'))[:10]:<10} "
                f"{row['description'][:60]!r:<62} got {got['status']}/{got['milestone']} "
                f"want {label['status']}/{label['milestone']}  [{event.rule}]"
            )
    n = len(rows)
    print(f"events: {n}  ({path.name})")
    print("overall: " + "  ".join(f"{f} {hits[f]['*'] / n:.1%}" for f in FIELDS))
    print("\nby language (n: status / milestone / reason / country)")
    for language, count in totals.most_common():
        cells = " / ".join(f"{hits[f][language] / count:.1%}" for f in FIELDS)
        print(f"  {language:<4} {count:>4}: {cells}")
    print("\nstatus accuracy by true status")
    for status, c in sorted(by_label.items(), key=lambda kv: -kv[1]["n"]):
        print(f"  {status:<22} {c['ok']:>4}/{c['n']:<4} {c['ok'] / c['n']:.1%}")
    print("\nstatus confusions (true -> got)")
    for (true, got_status), count in confusions.most_common():
        print(f"  {true} -> {got_status}: {count}")
    print(f"\nstatus or milestone misses ({len(misses)}):")
    print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
