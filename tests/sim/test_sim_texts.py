"""Simulated event texts: every carrier words every step it reports, in its language, and
crosstrack's normalizer reads the generated events as their ground truth."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime

import pytest

from crosstrack import bootstrap
from crosstrack.domain.model import RawEvent
from crosstrack.sim.journeys import generate
from crosstrack.sim.model import SimEvent
from crosstrack.sim.steps import TRUTH, Step
from crosstrack.sim.texts import STYLES, describe

_CHINESE = ("china-post", "cainiao", "yunexpress", "4px")
_LANGUAGES = {
    "usps": "en",
    "royal-mail": "en-GB",
    "australia-post": "en-AU",
    "ups": "en",
    "fedex": "en",
    "dhl": "en",
    "la-poste-colissimo": "fr",
    "dhl-germany": "de",
    "postnl": "nl",
    "spain-correos-es": "es",
    "correios": "pt-BR",
    "japan-post": "ja",
}


@pytest.fixture(scope="module")
def events() -> list[SimEvent]:
    parcels = generate(
        500, 500, start=datetime(2025, 1, 1, tzinfo=UTC), end=datetime(2026, 1, 1, tzinfo=UTC)
    )
    return [e for p in parcels for e in p.events]


def test_every_step_has_its_ground_truth() -> None:
    assert set(TRUTH) == set(Step)


def test_chinese_first_mile_carriers_write_simplified_chinese() -> None:
    for carrier in _CHINESE:
        text, language = describe(carrier, Step.PICKED_UP, random.Random(1), city="Shenzhen")
        assert language == "zh-Hans" and "深圳" in text


@pytest.mark.parametrize(("carrier", "language"), sorted(_LANGUAGES.items()))
def test_each_carrier_writes_in_its_own_language(carrier: str, language: str) -> None:
    assert STYLES[carrier].language == language


def test_steps_have_several_wordings_across_carriers() -> None:
    wordings: Counter[Step] = Counter()
    for style in STYLES.values():
        for step, texts in style.wordings.items():
            wordings[step] += len(texts)
    assert all(wordings[step] >= 5 for step in Step)


def test_hand_over_texts_name_the_new_carrier_and_number() -> None:
    for carrier in ("cainiao", "yunexpress", "4px"):
        for seed in range(6):
            text, _ = describe(
                carrier,
                Step.HANDED_OVER,
                random.Random(seed),
                next_carrier="usps",
                number="9400100000000000000000",
            )
            assert "USPS" in text and "9400100000000000000000" in text


def test_generated_events_use_every_language(events: list[SimEvent]) -> None:
    assert {"zh-Hans", "en", "fr", "de", "nl", "es", "pt-BR", "ja"} <= {e.language for e in events}


def _normalized(events: list[SimEvent]) -> list[tuple[SimEvent, object, object]]:
    normalizer = bootstrap.build_normalizer()
    out = []
    for e in events:
        got = normalizer.normalize(
            RawEvent(
                description=e.description,
                carrier=e.carrier,
                raw_status_code=e.code,
                location=e.location,
                timestamp=e.local_time.isoformat(),
                tracking_number=e.tracking_number,
            )
        )
        out.append((e, got.status, got.milestone))
    return out


def test_the_normalizer_reads_the_ground_truth_of_generated_events(events: list[SimEvent]) -> None:
    results = _normalized(events)
    n = len(results)
    status = sum(got_status == e.status for e, got_status, _ in results) / n
    milestone = sum(got_milestone == e.milestone for e, _, got_milestone in results) / n
    assert n > 5000
    assert status >= 0.97, status
    assert milestone >= 0.90, milestone


def test_the_normalizer_reads_local_times_back_to_the_same_instant(events: list[SimEvent]) -> None:
    normalizer = bootstrap.build_normalizer()
    sample = events[:: max(1, len(events) // 300)]
    same = 0
    for e in sample:
        got = normalizer.normalize(
            RawEvent(
                description=e.description,
                carrier=e.carrier,
                location=e.location,
                timestamp=e.local_time.isoformat(),
            )
        )
        same += got.occurred_at == e.at
    assert same / len(sample) >= 0.95
