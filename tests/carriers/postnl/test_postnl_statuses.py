"""The PostNL code table: well formed, status codes exact where PostNL names one step."""

from __future__ import annotations

from crosstrack.carriers.postnl.statuses import CODES, STATUSES
from crosstrack.domain.codes import code_key
from crosstrack.domain.crosswalk_model import REASON_BEARING_STATUSES
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S


def test_every_key_is_looked_up_as_written_and_every_meaning_is_consistent() -> None:
    for key, meaning in CODES.items():
        assert key == code_key(key)
        assert meaning.status not in (S.PENDING, S.EXPIRED, S.UNKNOWN)
        if meaning.reason is not R.NONE:
            assert meaning.status in REASON_BEARING_STATUSES, key


def test_status_codes_are_read_with_or_without_a_leading_zero() -> None:
    assert CODES["7"] == CODES["07"]
    assert CODES["11"].status is S.DELIVERED and CODES["11"].exact


def test_event_codes_share_their_status_meaning_but_leave_the_text_the_last_word() -> None:
    assert CODES["i01"].status is S.DELIVERED and not CODES["i01"].exact
    assert CODES["a01"].milestone is M.LABEL_CREATED
    assert CODES["j05"].status is S.OUT_FOR_DELIVERY
    assert CODES["h25"].status is S.RETURNED
    assert len(CODES) > 3 * len(STATUSES)
