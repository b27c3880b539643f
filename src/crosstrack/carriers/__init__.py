"""Carriers and aggregators: one sub-package each, plus the directory and number formats.

A carrier's ``statuses.py`` is pure data (its documented status codes in our vocabularies);
``client.py`` and ``parse.py`` arrive with the carrier integrations.
"""
