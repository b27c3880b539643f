"""Accuracy of the text rules on tests/domain/data/phrasings.jsonl, by language.

That file holds hand-written, carrier-style event texts in 27 language tags with expected
labels, written by someone who had not read the rules (an independent check, not real carrier
data). Prints status and full-label (status, milestone, reason) accuracy per language, and
the misses with ``-v`` (or only those of the languages named: ``-v sv da``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from crosstrack import bootstrap
from crosstrack.domain.model import RawEvent

DATA = Path(__file__).resolve().parents[1] / "tests" / "domain" / "data" / "phrasings.jsonl"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    only = {a for a in argv[1:] if a != "-v"}
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x]
    normalizer = bootstrap.build_normalizer()
    total: Counter[str] = Counter()
    status_ok: Counter[str] = Counter()
    all_ok: Counter[str] = Counter()
    for row in rows:
        got = normalizer.classify(RawEvent(row["text"]), None)
        language = row["language"]
        same_status = got.status == row["status"]
        same = same_status and got.milestone == row["milestone"] and got.reason == row["reason"]
        total[language] += 1
        status_ok[language] += same_status
        all_ok[language] += same
        if verbose and not same and (not only or language in only):
            print(
                f"  {language:<7} {row['text'][:70]!r:<72} got {got.status}/{got.milestone}/"
                f"{got.reason} want {row['status']}/{row['milestone']}/{row['reason']} [{got.rule}]"
            )
    print(f"{len(rows)} texts; language: status / all three labels")
    for language in sorted(total):
        n = total[language]
        status, full = status_ok[language] / n, all_ok[language] / n
        print(f"  {language:<7} {n:>3}: {status:6.1%} / {full:6.1%}")
    n = len(rows)
    print(f"  overall {n:>3}: {sum(status_ok.values()) / n:6.1%} / {sum(all_ok.values()) / n:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
