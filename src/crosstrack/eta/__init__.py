"""Predicted delivery: history files, snapshots, baselines, the quantile model, the backtest.

Everything here works on :class:`~crosstrack.eta.history.HistoryRecord` values and numpy
arrays; nothing reads the clock or the database. The CLI (``crosstrack eta``) and the
service's :class:`~crosstrack.eta.live.ModelEtaEstimator` are the shells around it. The method
and the latest backtest figures are in docs/eta.md.
"""
