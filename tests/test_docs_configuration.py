"""Every setting is documented, with its environment variable."""

from __future__ import annotations

from pathlib import Path

from crosstrack.config import Settings

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_every_setting_and_its_variable_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [
        name
        for name in Settings.model_fields
        if f"`{name}`" not in text or f"`CROSSTRACK_{name.upper()}`" not in text
    ]
    assert missing == []
