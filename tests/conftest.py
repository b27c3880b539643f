"""Fixtures shared by every test layer (the database back-ends live in ``backends.py``)."""

from backends import (
    clean_postgres_engine,
    postgres_engine,
    postgres_url,
    sqlite_engine,
)

__all__ = ["clean_postgres_engine", "postgres_engine", "postgres_url", "sqlite_engine"]
