"""``GET /healthz``: the process is up (no key needed)."""

from __future__ import annotations

from fastapi import APIRouter

from crosstrack.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness check")
def healthz() -> Health:
    """Answers as long as the process serves requests; needs no API key."""
    return Health()
