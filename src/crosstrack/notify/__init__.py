"""Notification channels: adapters that deliver what the dispatcher hands them (webhooks,
email, SMS). Each raises :class:`~crosstrack.notify.errors.DeliveryFailed` when a delivery did
not happen, saying whether trying again later may help."""
