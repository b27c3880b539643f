"""One carrier: its documented status codes (statuses.py)."""
