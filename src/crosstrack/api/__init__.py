"""The REST API: ``create_app(services, settings=...)`` gives a FastAPI app over the services."""

from crosstrack.api.app import create_app
from crosstrack.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
