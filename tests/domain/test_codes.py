"""How a carrier's status code and its event text combine into one meaning."""

from __future__ import annotations

from crosstrack.domain.codes import CodeMeaning, code_key, combine
from crosstrack.domain.model import UNCLASSIFIED, Classification
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S


def _text(
    status: S, milestone: M = M.NONE, reason: R = R.NONE, confidence: float = 0.85
) -> Classification:
    return Classification(status, milestone, reason, confidence, "text:test")


def test_code_keys_ignore_case_spacing_and_punctuation() -> None:
    assert code_key(" Out-For Delivery ") == "out_for_delivery"
    assert code_key("InTransit_CustomsProcessing") == "intransit_customsprocessing"


def test_without_a_code_the_text_decides() -> None:
    text = _text(S.DELIVERED, M.DELIVERED)
    assert combine(None, text) is text


def test_an_exact_code_decides_when_the_text_says_nothing() -> None:
    got = combine(CodeMeaning(S.DELIVERED, M.DELIVERED), UNCLASSIFIED)
    assert (got.status, got.milestone) == (S.DELIVERED, M.DELIVERED)
    assert got.confidence >= 0.9


def test_an_exact_code_wins_a_disagreement_with_the_text() -> None:
    got = combine(CodeMeaning(S.EXCEPTION, reason=R.CANCELLED), _text(S.IN_TRANSIT))
    assert (got.status, got.reason) == (S.EXCEPTION, R.CANCELLED)


def test_a_status_family_code_yields_to_a_confident_text() -> None:
    # UPS type "I" (in transit) with the text "Out For Delivery Today".
    family = CodeMeaning(S.IN_TRANSIT, exact=False)
    got = combine(family, _text(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY))
    assert got.status is S.OUT_FOR_DELIVERY


def test_a_status_family_code_beats_a_hesitant_text() -> None:
    family = CodeMeaning(S.DELIVERED, M.DELIVERED, exact=False)
    got = combine(family, _text(S.IN_TRANSIT, confidence=0.5))
    assert got.status is S.DELIVERED


def test_agreement_keeps_the_more_specific_milestone_and_raises_confidence() -> None:
    code = CodeMeaning(S.IN_TRANSIT, exact=True)
    got = combine(code, _text(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY, confidence=0.85))
    assert got.milestone is M.ARRIVED_DESTINATION_COUNTRY
    assert got.confidence > 0.9


def test_a_text_that_is_positively_no_tracking_step_overrides_a_family_code() -> None:
    not_an_event = Classification(S.UNKNOWN, confidence=0.6, rule="text:not_a_tracking_step")
    got = combine(CodeMeaning(S.EXCEPTION, reason=R.OTHER, exact=False), not_an_event)
    assert got.status is S.UNKNOWN
