"""The Jinja environment of every web page (the tracking page, the lookup form, the
dashboard): templates from ``crosstrack/web/templates``, autoescaped."""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, select_autoescape


@functools.cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("crosstrack.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
