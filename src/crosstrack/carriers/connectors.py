"""Which connectors exist, what credentials each needs, and how to build them from settings.

Every connector, built-in or third-party, registers the same way: a :class:`ConnectorSpec`
published under the ``crosstrack.carriers`` entry-point group (crosstrack's own are listed in
``pyproject.toml``). Credentials come from the ``carrier_credentials`` setting, one mapping per
carrier slug (``{"ups": {"client_id": "...", "client_secret": "..."}}``); a carrier without
credentials has no connector, and its legs are not polled.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from crosstrack.carriers.connector import CarrierConnector, WebhookReceiver
from crosstrack.domain.errors import CrosstrackError

ENTRY_POINT_GROUP = "crosstrack.carriers"


class ConnectorConfigurationError(CrosstrackError):
    """Raised at start-up when carrier credentials name an unknown carrier or miss a key."""

    code = "connector_configuration_error"


@dataclass(frozen=True, slots=True)
class ConnectorSpec:
    """How to build one carrier's connector."""

    slug: str
    factory: str
    """``module:Class``, imported only when the carrier is configured."""
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    def build(
        self, credentials: Mapping[str, str], base_url: str | None = None, **options: Any
    ) -> Any:
        """The connector, from its credentials (and a base URL for sandboxes or simulators;
        ``options`` are passed to the constructor as they are: ``sleep=`` in tests)."""
        missing = [key for key in self.required if not credentials.get(key)]
        if missing:
            raise ConnectorConfigurationError(
                f"carrier {self.slug!r} needs credentials {', '.join(missing)}"
            )
        unknown = sorted(set(credentials) - set(self.required) - set(self.optional))
        if unknown:
            raise ConnectorConfigurationError(
                f"carrier {self.slug!r} takes no credential {', '.join(unknown)}"
            )
        module, _, name = self.factory.partition(":")
        cls: Callable[..., Any] = getattr(importlib.import_module(module), name)
        extra = {"base_url": base_url} if base_url else {}
        return cls(**credentials, **extra, **options)


SEVENTEENTRACK = ConnectorSpec(
    "17track",
    "crosstrack.carriers.seventeentrack:SeventeenTrackConnector",
    ("api_key",),
    ("webhook_key",),
)
AFTERSHIP = ConnectorSpec(
    "aftership",
    "crosstrack.carriers.aftership:AfterShipConnector",
    ("api_key",),
    ("webhook_secret",),
)
UPS = ConnectorSpec("ups", "crosstrack.carriers.ups:UpsConnector", ("client_id", "client_secret"))
FEDEX = ConnectorSpec(
    "fedex", "crosstrack.carriers.fedex:FedexConnector", ("client_id", "client_secret")
)
USPS = ConnectorSpec(
    "usps", "crosstrack.carriers.usps:UspsConnector", ("client_id", "client_secret")
)
DHL = ConnectorSpec("dhl", "crosstrack.carriers.dhl:DhlConnector", ("api_key",), ("service",))
POSTNL = ConnectorSpec("postnl", "crosstrack.carriers.postnl:PostnlConnector", ("api_key",))
CAINIAO = ConnectorSpec(
    "cainiao", "crosstrack.carriers.cainiao:CainiaoConnector", ("app_key", "app_secret")
)
YUNEXPRESS = ConnectorSpec(
    "yunexpress",
    "crosstrack.carriers.yunexpress:YunExpressConnector",
    ("customer_code", "api_secret"),
)
FOURPX = ConnectorSpec(
    "4px", "crosstrack.carriers.fourpx:FourPxConnector", ("app_key", "app_secret")
)


def registered_specs() -> dict[str, ConnectorSpec]:
    """Every connector spec published under the entry-point group, by slug."""
    specs: dict[str, ConnectorSpec] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        spec = entry.load()
        if not isinstance(spec, ConnectorSpec):
            raise ConnectorConfigurationError(f"entry point {entry.name!r} is no ConnectorSpec")
        specs[spec.slug] = spec
    return specs


def build_connectors(
    credentials: Mapping[str, Mapping[str, str]],
    base_urls: Mapping[str, str] | None = None,
    specs: Mapping[str, ConnectorSpec] | None = None,
    **options: Any,
) -> dict[str, CarrierConnector]:
    """A connector for every carrier that has credentials (``options``: see ``build``)."""
    known = dict(specs) if specs is not None else registered_specs()
    unknown = sorted(set(credentials) - set(known))
    if unknown:
        raise ConnectorConfigurationError(
            f"no connector for {', '.join(unknown)} (known: {', '.join(sorted(known))})"
        )
    urls = base_urls or {}
    return {
        slug: known[slug].build(values, urls.get(slug), **options)
        for slug, values in credentials.items()
    }


def receivers_among(connectors: Mapping[str, CarrierConnector]) -> dict[str, WebhookReceiver]:
    """The connectors that also receive pushed webhooks."""
    return {
        slug: connector  # type: ignore[misc]
        for slug, connector in connectors.items()
        if callable(getattr(connector, "verify", None))
        and callable(getattr(connector, "receive", None))
    }
