"""The carrier-network simulator: synthetic cross-border journeys, served on loopback in the
carriers' real API formats. Everything it produces is synthetic and labelled so."""
