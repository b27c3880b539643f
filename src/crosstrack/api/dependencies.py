"""What routes get from the app: the services and the rate limiter it was created with."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from crosstrack.api.limits import RateLimiter
from crosstrack.services.facade import Services


def services_of(request: Request) -> Services:
    """The ``Services`` the app was created with."""
    services: Services = request.app.state.services
    return services


def limiter_of(request: Request) -> RateLimiter:
    """The app's per-key rate limiter."""
    limiter: RateLimiter = request.app.state.limiter
    return limiter


ServicesDep = Annotated[Services, Depends(services_of)]
LimiterDep = Annotated[RateLimiter, Depends(limiter_of)]
