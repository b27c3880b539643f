"""Offline geography: the ``Gazetteer`` adapter over GeoNames, airportsdata and pycountry."""

from crosstrack.geo.offline import OfflineGazetteer

__all__ = ["OfflineGazetteer"]
