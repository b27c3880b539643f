"""The errors of the ETA package (part of crosstrack's one hierarchy)."""

from __future__ import annotations

from crosstrack.domain.errors import CrosstrackError


class EtaError(CrosstrackError):
    """Base of the errors raised while training, loading or running an ETA model."""

    code = "eta_error"


class HistoryFileError(EtaError):
    """Raised when a history file cannot be read or lacks a required column."""

    code = "history_file_error"


class NotEnoughData(EtaError):
    """Raised when a history has too few delivered shipments to train or backtest on."""

    code = "not_enough_data"


class ModelFileError(EtaError):
    """Raised when a model directory is missing, incomplete or of an unknown format."""

    code = "model_file_error"
