"""PostNL Shipping Status API codes: shipment status codes (``Status.StatusCode``, 1–99) and
the event codes (``Event.Code``, a letter and two digits) grouped under them.

Source: PostNL's reference page "T&T status codes / event codes"
(developer.postnl.nl/docs/#/http/reference-data/t-t-status-codes/event-codes), read through a
public transcription (the PostNL service of the itsvic-dev parcel tracker) that lists each event
code under its status code and Dutch status text; the status texts for 1, 2, 5, 7 and 13 match
PostNL's own SDK examples (postnl/postnl-ecommerce-sdk-python). Everything else is unverified
against PostNL directly. Status codes 10, 18, 24–26, 29 and 30 do not appear in that list and
are left out; 99 ("not applicable") has no meaning and no entry.

Event codes share their status's meaning but are inexact (the event text refines them).
"""

from __future__ import annotations

from crosstrack.domain.codes import CodeMeaning, CodeTable, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

STATUSES: dict[str, CodeMeaning] = {
    "1": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # Zending voorgemeld (pre-alerted)
    "2": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Zending in ontvangst genomen (received by PostNL)
    "3": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Zending afgehaald (collected)
    "4": meaning(
        S.EXCEPTION, reason=R.OTHER, exact=False
    ),  # Zending niet afgehaald (not collected)
    "5": meaning(S.IN_TRANSIT, M.FACILITY),  # Zending gesorteerd (sorted)
    "6": meaning(S.IN_TRANSIT, M.FACILITY, exact=False),  # Zending niet gesorteerd (not sorted)
    "7": meaning(
        S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY
    ),  # Zending in distributieproces (out for delivery)
    "8": meaning(
        S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER, exact=False
    ),  # Zending niet afgeleverd
    "9": meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS, exact=False),  # Zending bij douane (at customs)
    "11": meaning(S.DELIVERED, M.DELIVERED),  # Zending afgeleverd (delivered)
    "12": meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),  # Beschikbaar op afhaallocatie
    "13": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # Voorgemeld: nog niet aangenomen
    "14": meaning(
        S.EXCEPTION, reason=R.CANCELLED, exact=False
    ),  # Voorgemeld: definitief niet aangenomen
    "15": meaning(
        S.EXCEPTION, reason=R.LOST_OR_MISSING, exact=False
    ),  # Manco collectie (missing at collection)
    "16": meaning(
        S.EXCEPTION, reason=R.LOST_OR_MISSING, exact=False
    ),  # Manco sortering (missing at sorting)
    "17": meaning(
        S.EXCEPTION, reason=R.LOST_OR_MISSING, exact=False
    ),  # Manco distributie (missing in delivery)
    "19": meaning(S.EXCEPTION, reason=R.OTHER, exact=False),  # Zending afgekeurd (rejected)
    "20": meaning(
        S.IN_TRANSIT, M.IMPORT_CUSTOMS, exact=False
    ),  # Zending in inklaringsproces (customs clearance)
    "21": meaning(S.IN_TRANSIT, M.FACILITY, exact=False),  # Zending in voorraad (held in stock)
    "22": meaning(
        S.DELIVERED, M.DELIVERED
    ),  # Zending afgehaald van postkantoor (collected by recipient)
    "23": meaning(
        S.IN_TRANSIT, M.PICKED_UP, exact=False
    ),  # Afhaalopdracht gecollecteerd (pickup order collected)
    "27": meaning(S.RETURNED, M.RETURN),  # Retour onbestelbaar (returned: undeliverable)
    "28": meaning(
        S.RETURNED, M.RETURN
    ),  # Retour foutieve aflevercode (returned: wrong delivery code)
    "31": meaning(
        S.IN_TRANSIT, M.EXPORT_CUSTOMS, exact=False
    ),  # Klaar voor transport naar land van bestemming
}

_EVENTS_BY_STATUS = {
    "1": "A01 A10 A71 F01 J93 M03 X80 X81",
    "2": "B01 X40",
    "3": "B04",
    "4": "D02 D03 D04 D05 D06 D07 D09 D40 D41 H31 X42 X43 Y80 Y81",
    "5": "A08 A09 A11 A12 A13 A27 A28 A29 A30 A31 A32 A34 A35 A42 A43 A99 J01 J06 J07 J09 J10 "
    "J14 J16 J17 J22 J24 J26 J27 J28 J33 J36 J61 J90 Q12 Q13 R01 R06 X01 X02 X07 X08 X11 X14 "
    "X17 X20 X21 X22 X50 X51 X68 Y23 Y24 Y33 Y35 Y60 Y61 Y62",
    "6": "D08 H10 K01 K02 K03 K30 K92 V01 V06 Y07",
    "7": "H32 H35 J05 J08 J29 J39 J41 J42 J45 J47 J48 J55 J94 J95 K14 K15 K70 Q15 S05 T02 X04 "
    "X06 X19 X55 Y05",
    "8": "H01 H02 H03 H04 H05 H07 H08 H09 H12 H20 H22 H24 H34 H36 H38 H51 H52 J92 K16 K41 K43 "
    "Y01 Y02 Y03 Y04 Y08 Y09 Y10 Y11 Y12 Y13 Y14 Y15 Y16 Y17 Y18 Y19 Y20 Y21 Y22 Y30 Y31 Y32 "
    "Y36 Y38 Y39 Y40 Y41 Y42 Y43 Y44 Y50 Y71",
    "9": "J59 X30 X60 X61 X62 X63 X64 X65 X66 Y25 Y29",
    "11": "I01 I03 I05 I06 I07 I09 I10 I11 I12 I22 I23 J63 J91 K91 X24 Y26 Z01 Z02 Z03 Z04 Z05 "
    "Z06 Z08 Z09",
    "12": "I08 J02 J12 J23 J52 X05",
    "13": "A20 A21 A22 Q02 X03",
    "14": "M01",
    "15": "G03",
    "16": "G01 G02 G05",
    "17": "H23 K90",
    "19": "F03 F04 F05 F06 F07 F08 F10",
    "20": "A76 X10 X67",
    "21": "V02 V03 V04 V11 V12 V13 V21 V22 V23 V31 V50",
    "22": "I02",
    "23": "C01",
    "27": "H16 H25",
    "28": "Y37",
    "31": "A72 A74 A75 X15",
}


def _inexact(code: CodeMeaning) -> CodeMeaning:
    return meaning(code.status, code.milestone, code.reason, exact=False)


CODES: CodeTable = {
    **STATUSES,
    **{f"0{code}": m for code, m in STATUSES.items() if len(code) == 1},  # "01" spelling
    **{
        event.lower(): _inexact(STATUSES[status])
        for status, events in _EVENTS_BY_STATUS.items()
        for event in events.split()
    },
}
