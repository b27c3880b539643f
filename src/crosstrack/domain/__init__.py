"""The pure core of crosstrack.

Nothing in this package reads the clock, the network, the database or the environment, and it
imports only the standard library (a test enforces this). Collaborators that need data from
outside, such as a gazetteer of places and time zones, come in as ``typing.Protocol`` ports.
"""
