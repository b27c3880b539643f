"""Run ``crosstrack serve`` in a child process on a free loopback port, for tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

STOP_SECONDS = 30.0
"""How long a stopping server may take: its bounded graceful shutdown (open streams are cut
after ``bootstrap.SHUTDOWN_GRACE_SECONDS``), the workers' joins, and room for a slow machine."""


@dataclass
class ServedApi:
    """A running server: its base URL, and (after it stopped) what it printed."""

    base_url: str
    output: str = ""


def free_port() -> int:
    """A TCP port nobody listens on right now (on 127.0.0.1)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_in_subprocess(
    database_url: str, *, env: Mapping[str, str] | None = None, timeout: float = 30.0
) -> Iterator[ServedApi]:
    """Start ``crosstrack serve`` on ``database_url``, wait until ``/healthz`` answers, yield,
    then stop it; ``output`` then holds everything the server printed."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crosstrack.cli",
            "serve",
            "--port",
            str(port),
            "--database-url",
            database_url,
        ],
        env={**os.environ, "CROSSTRACK_LOG_LEVEL": "warning", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    served = ServedApi(f"http://127.0.0.1:{port}")
    try:
        _wait_until_healthy(served.base_url, process, timeout)
        yield served
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
            printed = output.decode("utf-8", "replace") if output else ""
            raise RuntimeError(
                f"crosstrack serve did not stop within {STOP_SECONDS:g} s of SIGTERM; "
                f"it printed:\n{printed}"
            ) from None
        served.output = output.decode("utf-8", "replace") if output else ""


def _wait_until_healthy(base_url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"crosstrack serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"crosstrack serve did not answer within {timeout:g} s")
        time.sleep(0.1)
