"""Empirical quantiles by group with back-off: the baselines' tables and the model's priors.

A table holds, for each level of grouping (say lane, then carrier and destination, then
destination, then everything), the count and the 10th, 50th and 90th percentiles of a value
per group. A look-up walks the levels from the most specific and answers from the first group
with at least ``min_count`` observations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

Key = tuple[str, ...]
QUANTILES = (0.1, 0.5, 0.9)


@dataclass(frozen=True, slots=True)
class GroupQuantiles:
    """The answer of a look-up: which level answered, from how many, and the quantiles."""

    level: str
    count: int
    p10: float
    p50: float
    p90: float


@dataclass(frozen=True, slots=True)
class BackoffQuantiles:
    """Quantiles of one value per group, at several levels of grouping (specific first)."""

    levels: tuple[str, ...]
    tables: tuple[dict[Key, tuple[int, float, float, float]], ...]
    min_count: int

    @classmethod
    def fit(
        cls,
        levels: Sequence[str],
        keys: Sequence[Sequence[Key]],
        values: Sequence[float] | np.ndarray,
        *,
        min_count: int = 30,
    ) -> BackoffQuantiles:
        """``keys[i][j]`` is observation ``j``'s group at level ``i`` (the last may be ``()``)."""
        array = np.asarray(values, dtype=float)
        tables = []
        for level_keys in keys:
            members: dict[Key, list[int]] = defaultdict(list)
            for row, key in enumerate(level_keys):
                members[key].append(row)
            table = {}
            for key, rows in members.items():
                q = np.quantile(array[rows], QUANTILES)
                table[key] = (len(rows), float(q[0]), float(q[1]), float(q[2]))
            tables.append(table)
        return cls(tuple(levels), tuple(tables), min_count)

    def lookup(self, keys: Sequence[Key]) -> GroupQuantiles | None:
        """The most specific group with enough observations (``None`` when none has)."""
        for level, table, key in zip(self.levels, self.tables, keys, strict=True):
            found = table.get(key)
            if found is not None and found[0] >= self.min_count:
                return GroupQuantiles(level, *found)
        return None

    def count(self, level: int, key: Key) -> int:
        """How many observations the group ``key`` at ``level`` has."""
        found = self.tables[level].get(key)
        return found[0] if found else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "levels": list(self.levels),
            "min_count": self.min_count,
            "tables": [
                [[list(key), *value] for key, value in table.items()] for table in self.tables
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BackoffQuantiles:
        tables = tuple(
            {
                tuple(row[0]): (int(row[1]), float(row[2]), float(row[3]), float(row[4]))
                for row in table
            }
            for table in data["tables"]
        )
        return cls(tuple(data["levels"]), tables, int(data["min_count"]))
