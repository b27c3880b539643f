"""A clock that moves only when told to, and predictable ids."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FrozenClock:
    """A ``Clock`` standing still at ``now`` until ``advance`` moves it."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
        if self.now.tzinfo is None:
            raise ValueError("FrozenClock needs an aware datetime")

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        self.now += delta
        return self.now


class SequentialIds:
    """An ``IdFactory`` giving ``prefix-1``, ``prefix-2``, ... (readable in test failures)."""

    def __init__(self, prefix: str = "id") -> None:
        self._prefix = prefix
        self._next = 0

    def __call__(self) -> str:
        self._next += 1
        return f"{self._prefix}-{self._next}"
