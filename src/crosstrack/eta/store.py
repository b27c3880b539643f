"""Model files: one directory per version, and a ``CURRENT`` file naming the one in use.

    DIR/CURRENT                       the version in use (one line)
    DIR/versions/<version>/model.json what it was trained on, its options, offsets, metrics
    DIR/versions/<version>/p10.txt    LightGBM boosters in LightGBM's text format
    DIR/versions/<version>/p50.txt
    DIR/versions/<version>/p90.txt

A version is ``<UTC time of training>-<first 8 hex of the boosters' hash>``. Saving writes the
version directory first and then replaces ``CURRENT`` atomically, so a reader never sees half
a model. :class:`ModelStore` re-reads ``CURRENT`` when it changes: a service picks up a newly
trained model without a restart.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import lightgbm as lgb

from crosstrack.eta.baselines import Priors
from crosstrack.eta.calibration import Offsets
from crosstrack.eta.errors import ModelFileError
from crosstrack.eta.features import FEATURES, Categories, FeatureBuilder
from crosstrack.eta.model import ALPHAS, QuantileModel, TrainingOptions
from crosstrack.eta.stats import BackoffQuantiles

FORMAT = "crosstrack-eta/1"
_BOOSTER_FILES = {0.1: "p10.txt", 0.5: "p50.txt", 0.9: "p90.txt"}


def save_model(model: QuantileModel, directory: str | Path, *, now: datetime | None = None) -> str:
    """Write ``model`` as a new version in ``directory``, make it current; return the version."""
    root = Path(directory)
    texts = {alpha: model.boosters[alpha].model_to_string() for alpha in ALPHAS}
    digest = hashlib.sha256("".join(texts.values()).encode()).hexdigest()[:8]
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    version = f"{stamp}-{digest}"
    target = root / "versions" / version
    try:
        target.mkdir(parents=True, exist_ok=True)
        for alpha, text in texts.items():
            (target / _BOOSTER_FILES[alpha]).write_text(text, encoding="utf-8")
        model.info["version"] = version
        meta = {
            "format": FORMAT,
            "version": version,
            "features": list(FEATURES),
            "info": model.info,
            "options": asdict(model.options),
            "categories": model.builder.categories.to_json(),
            "priors": {
                "total": model.builder.priors.total.to_json(),
                "remaining": model.builder.priors.remaining.to_json(),
            },
            "offsets": {group: list(pair) for group, pair in model.offsets.by_group.items()},
            "lane_counts": [[list(lane), count] for lane, count in model.lane_counts.items()],
        }
        (target / "model.json").write_text(
            json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8"
        )
        pointer = root / "CURRENT.tmp"
        pointer.write_text(version + "\n", encoding="utf-8")
        os.replace(pointer, root / "CURRENT")
    except OSError as exc:
        raise ModelFileError(f"cannot write the model to {root}: {exc.strerror}") from exc
    return version


def current_version(directory: str | Path) -> str:
    """The version ``CURRENT`` names; raises :class:`ModelFileError` when there is none."""
    pointer = Path(directory) / "CURRENT"
    try:
        version = pointer.read_text(encoding="utf-8").strip()
    except OSError:
        raise ModelFileError(
            f"no model in {directory} (train one with `crosstrack eta train`)"
        ) from None
    if not version:
        raise ModelFileError(f"{pointer} is empty")
    return version


def load_model(directory: str | Path, version: str | None = None) -> QuantileModel:
    """Load the current (or the given) version; raises :class:`ModelFileError` when unreadable."""
    root = Path(directory)
    version = version or current_version(root)
    folder = root / "versions" / version
    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        boosters = {
            alpha: lgb.Booster(model_str=(folder / name).read_text(encoding="utf-8"))
            for alpha, name in _BOOSTER_FILES.items()
        }
    except (OSError, ValueError, lgb.basic.LightGBMError) as exc:
        raise ModelFileError(f"cannot read model {version} in {root}: {exc}") from exc
    if meta.get("format") != FORMAT or meta.get("features") != list(FEATURES):
        raise ModelFileError(f"model {version} was written by another version of crosstrack")
    priors = Priors(
        BackoffQuantiles.from_json(meta["priors"]["total"]),
        BackoffQuantiles.from_json(meta["priors"]["remaining"]),
    )
    builder = FeatureBuilder(Categories.from_json(meta["categories"]), priors)
    options = TrainingOptions(**meta["options"])
    offsets = Offsets({group: (float(p[0]), float(p[1])) for group, p in meta["offsets"].items()})
    lanes = {tuple(lane): int(count) for lane, count in meta["lane_counts"]}
    info = dict(meta["info"])
    info["version"] = version
    return QuantileModel(boosters, builder, offsets, lanes, options, info)


@dataclass(slots=True)
class _Loaded:
    version: str
    model: QuantileModel


class ModelStore:
    """The current model of a directory, re-read when ``CURRENT`` changes (checked at most every
    ``check_seconds``). ``get()`` returns ``None`` while there is no model; safe across threads."""

    def __init__(self, directory: str | Path, *, check_seconds: float = 5.0) -> None:
        self._directory = Path(directory)
        self._check_seconds = check_seconds
        self._lock = threading.Lock()
        self._loaded: _Loaded | None = None
        self._checked_at = float("-inf")
        self.last_error: str | None = None
        """Why the last reload failed (the previous model stays in use)."""

    def get(self) -> QuantileModel | None:
        now = time.monotonic()
        if now - self._checked_at < self._check_seconds:
            return self._loaded.model if self._loaded else None
        with self._lock:
            self._checked_at = now
            try:
                version = current_version(self._directory)
                if self._loaded is None or self._loaded.version != version:
                    self._loaded = _Loaded(version, load_model(self._directory, version))
                self.last_error = None
            except ModelFileError as exc:
                self.last_error = exc.message
            return self._loaded.model if self._loaded else None
