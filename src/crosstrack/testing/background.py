"""A base for helpers that run in the background of a test (servers on loopback): started
and stopped by ``with``."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class Background:
    """``with X() as x:`` starts ``x`` and stops it after; subclasses define both."""

    def start(self) -> Self:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
