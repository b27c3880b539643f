"""The one error every channel raises when a delivery did not happen."""

from __future__ import annotations

from crosstrack.domain.errors import CrosstrackError


class DeliveryFailed(CrosstrackError):
    """A notification was not delivered. ``retryable`` says whether trying again later may
    succeed (a timeout, a refused connection, an overloaded or temporarily failing server)
    or not (a rejected address, a refused credential): the dispatcher backs off on the first
    and dead-letters the second. Each channel decides which of its answers are which."""

    code = "delivery_failed"

    def __init__(self, message: str, *, retryable: bool, status: int | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.status = status
