"""Use cases: register shipments, ingest events, answer queries, manage accounts.

Services take their collaborators (a unit-of-work factory, the normalizer, a clock) as
parameters; ``crosstrack.bootstrap`` wires the real ones and tests pass fakes.
"""
