"""The built-in code tables: well formed, and carrying the documented meanings."""

from __future__ import annotations

import pytest

from crosstrack.carriers.code_tables import code_tables
from crosstrack.domain.codes import GENERIC_CODES, code_key
from crosstrack.domain.crosswalk_model import REASON_BEARING_STATUSES
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

TABLES = code_tables()


@pytest.mark.parametrize("carrier", sorted(TABLES))
def test_every_entry_is_keyed_as_looked_up_and_is_a_consistent_meaning(carrier: str) -> None:
    for key, meaning in TABLES[carrier].items():
        assert key == code_key(key), (carrier, key)
        assert meaning.status not in (S.PENDING, S.EXPIRED), (carrier, key)
        if meaning.reason is not R.NONE:
            assert meaning.status in REASON_BEARING_STATUSES, (carrier, key)


@pytest.mark.parametrize(
    ("carrier", "code", "status", "milestone"),
    [
        ("fedex", "DL", S.DELIVERED, M.DELIVERED),
        ("fedex", "OD", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
        ("usps", "01", S.DELIVERED, M.DELIVERED),
        ("usps", "GX", S.INFO_RECEIVED, M.LABEL_CREATED),
        ("dhl", "WC", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
        ("la-poste-colissimo", "DI1", S.DELIVERED, M.DELIVERED),
        ("aftership", "Exception_007", S.EXCEPTION, M.NONE),
        ("17track", "InTransit_CustomsProcessing", S.IN_TRANSIT, M.IMPORT_CUSTOMS),
        ("easypost", "pre_transit", S.INFO_RECEIVED, M.LABEL_CREATED),
        (GENERIC_CODES, "OUT_FOR_DELIVERY", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
    ],
)
def test_documented_codes_mean_what_the_carrier_says(
    carrier: str, code: str, status: S, milestone: M
) -> None:
    meaning = TABLES[carrier][code_key(code)]
    assert (meaning.status, meaning.milestone) == (status, milestone)


def test_status_words_used_as_codes_are_families_the_text_may_refine() -> None:
    assert all(not m.exact for m in TABLES[GENERIC_CODES].values())
