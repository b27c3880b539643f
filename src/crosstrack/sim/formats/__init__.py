"""The carriers' API formats as the simulator serves them: one module per carrier or aggregator.

Each module renders a simulated parcel in the carrier's documented shape (mirroring the recorded
payloads in ``tests/carriers/<carrier>/payloads/``) and answers the requests its real connector
sends (:class:`~crosstrack.sim.formats.exchange.CarrierApi`). All of it is synthetic.
"""
