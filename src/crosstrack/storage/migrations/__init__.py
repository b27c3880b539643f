"""Alembic migrations of the crosstrack schema (run with ``crosstrack.storage.upgrade``)."""
