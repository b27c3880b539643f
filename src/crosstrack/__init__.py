"""crosstrack: one timeline per shipment across every carrier of a cross-border journey."""

__version__ = "0.1.0"
