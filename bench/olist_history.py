"""Map the Olist orders file (../shared/data/eta/olist_orders_dev.csv) to the history CSV.

    python bench/olist_history.py SOURCE.csv OUTPUT.csv

``created_at`` = approval time, ``promised_at`` = the platform's estimated delivery date,
``delivered_at`` = delivery to the customer; origin and destination BR; times are Brazilian
local times without an offset (the history contract reads them in the country's zone). Rows
without an approval time are left out (they were never shipped). The data is CC BY-NC-SA 4.0:
evaluation only, never committed to the repository.
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime

from crosstrack.eta.history import COLUMNS, MILESTONE_COLUMNS


def _iso(text: str, *, day_only: bool = False) -> str:
    if not text:
        return ""
    moment = datetime.strptime(text, "%d-%m-%Y %H:%M")
    return moment.date().isoformat() if day_only else moment.isoformat()


def convert(source: str, output: str) -> int:
    count = 0
    with (
        open(source, encoding="utf-8") as inp,
        open(output, "w", encoding="utf-8", newline="") as out,
    ):
        writer = csv.DictWriter(out, fieldnames=(*COLUMNS, *MILESTONE_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for row in csv.DictReader(inp):
            if not row["order_approved_at"]:
                continue
            writer.writerow(
                {
                    "shipment_id": row["order_id"],
                    "origin_country": "BR",
                    "destination_country": "BR",
                    "created_at": _iso(row["order_approved_at"]),
                    "promised_at": _iso(row["order_estimated_delivery_date"], day_only=True),
                    "delivered_at": _iso(row["order_delivered_customer_date"]),
                    "status": row["order_status"],
                }
            )
            count += 1
    return count


if __name__ == "__main__":
    source = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/eta/olist_orders_dev.csv"
    output = sys.argv[2] if len(sys.argv) > 2 else "/tmp/olist_history.csv"
    print(f"{convert(source, output)} rows written to {output}")
