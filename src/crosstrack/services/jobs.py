"""Jobs and the queue that runs them: the seam where a distributed engine can come in later.

The poller cuts its work into jobs (one per carrier per run) and hands them to a
:class:`JobQueue`. :class:`InProcessJobQueue` runs them in the calling thread, in order; a
queue backed by a distributed engine (a task broker, a database-backed job table) implements
the same two methods, and the services do not change.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)

Job = Callable[[], None]
"""A unit of work; it reports its results through the objects it closes over."""


@dataclass(frozen=True, slots=True)
class JobsRun:
    """What one ``run_pending`` did."""

    ran: int
    failed: tuple[str, ...] = ()
    """Names of the jobs that raised (each logged with its traceback)."""


class JobQueue(Protocol):
    """Where services put work to be done."""

    def submit(self, name: str, job: Job) -> None:
        """Queue ``job``; ``name`` identifies it in logs and reports."""
        ...

    def run_pending(self) -> JobsRun:
        """Run (or wait for) every job submitted so far, including jobs they submit. A job
        that raises is logged and counted; the others still run."""
        ...


class InProcessJobQueue:
    """``JobQueue`` that runs jobs one after another in the calling thread."""

    def __init__(self) -> None:
        self._pending: deque[tuple[str, Job]] = deque()

    def submit(self, name: str, job: Job) -> None:
        self._pending.append((name, job))

    def run_pending(self) -> JobsRun:
        ran = 0
        failed: list[str] = []
        while self._pending:
            name, job = self._pending.popleft()
            ran += 1
            try:
                job()
            except Exception:
                log.exception("job %s failed", name)
                failed.append(name)
        return JobsRun(ran, tuple(failed))
