"""4PX business link codes (``trackingList[].businessLinkCode``), in our vocabularies.

A code is ``FPX_<stage>_<event>``; the stage letter is 4PX's track category: ``L`` picking in
the origin country, ``C`` operations in a 4PX warehouse, ``F`` facility transit, ``Q`` export
customs, ``M`` transport by air or sea, ``I`` import customs, ``D`` destination delivery,
``S`` signed or closed, ``Y`` case closing (destroyed, missing, seized), ``O`` the service
provider (last mile) and returns. Meanings come from 4PX's public track-code list (as shown on
track.4px.com and reproduced by public trackers); codes 4PX calls "delay" or "held" name their
cause, so they are exact, while generic holds and exceptions are inexact.
"""

from __future__ import annotations

from crosstrack.domain.codes import CodeMeaning, CodeTable, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

_FACILITY = meaning(S.IN_TRANSIT, M.FACILITY)
_MOVING = meaning(S.IN_TRANSIT, exact=False)
_DEPARTED = meaning(S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY)
_ARRIVED = meaning(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY)
_EXPORT = meaning(S.IN_TRANSIT, M.EXPORT_CUSTOMS)
_IMPORT = meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS)
_RELEASED = meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED)
_HANDED = meaning(S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER)
_OUT = meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY)
_PICKUP = meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP)
_DELIVERED = meaning(S.DELIVERED, M.DELIVERED)
_RETURN = meaning(S.RETURNED, M.RETURN)
_PROBLEM = meaning(S.EXCEPTION, reason=R.OTHER, exact=False)
_DUTIES = meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_DOCUMENTS_OR_DUTIES)
_HELD = meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED)


def _exception(reason: R) -> CodeMeaning:
    return meaning(S.EXCEPTION, reason=reason)


def _failed(reason: R = R.NONE, *, exact: bool = True) -> CodeMeaning:
    return meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, reason, exact=exact)


def _all(meaning_: CodeMeaning, *suffixes: str) -> dict[str, CodeMeaning]:
    return {f"fpx_{suffix.lower()}": meaning_ for suffix in suffixes}


_DELAY = _exception(R.CARRIER_DELAY_OR_CAPACITY)
_WEATHER = _exception(R.WEATHER_OR_FORCE_MAJEURE)
_LOST = _exception(R.LOST_OR_MISSING)
_UNAVAILABLE = _exception(R.RECIPIENT_UNAVAILABLE)
_ADDRESS = _exception(R.ADDRESS_ISSUE)

CODES: CodeTable = {
    # L, S, O: information and label
    **_all(meaning(S.INFO_RECEIVED, M.LABEL_CREATED), "L_RPIF", "O_CRLB", "S_SFBR"),
    "fpx_l_atp": meaning(S.INFO_RECEIVED),  # Already assigned courier to pick up shipment
    # Pick-up and 4PX warehouses (L, C, F)
    **_all(meaning(S.IN_TRANSIT, M.PICKED_UP), "L_PKED", "C_SPQS", "C_SPLS"),
    "fpx_l_sc": meaning(S.IN_TRANSIT, M.PICKED_UP, exact=False),
    **_all(
        _FACILITY,
        "C_AAF",  # Shipment arrived at facility and measured
        "C_RDFF",  # Shipment operation completed
        "C_ADFF",  # Depart from facility to service provider
        "C_PP",  # Picking the operating point
        "C_ZDCH",  # Total order out
        "F_AF",  # Shipment arrived at facility
        "F_DF",  # Shipment departed from facility
        "F_AMSC",  # Arrived at transit center for international main line transport
        "F_ZGWC",  # Loading completed, goods sent to the port of shipment
        "Q_AAEC",  # Arrived at export center
        "Q_DFEC",  # Departed from export center
        "M_AAA",  # Arrive at transit airport
        "M_DFA",  # Depart from transit airport
        "M_AAHK",  # Arrived at Hong Kong hub
        "M_HA",  # Hand over to airline
        "M_PPRL",  # Packaged into air pallet and ready to loading plane
        "M_DFIC",  # Departed from international transit center
        "D_AAD",  # Arrive at the destination distribution center
        "D_DFD",  # Depart from the destination distribution center
        "D_HQ",  # Reach destination delivery station
        "D_APC",  # Arrival at Processing Center
    ),
    "fpx_f_st": _MOVING,
    "fpx_d_aopc": meaning(S.IN_TRANSIT, M.FACILITY, exact=False),
    **_all(_LOST, "C_DT", "C_DTTM", "C_DTCQ"),  # Shipment destroyed (as requested, trademark)
    "fpx_c_hf": _PROBLEM,  # Held in facility
    "fpx_c_hfnp": _exception(R.OTHER),  # Held in facility: payment not ready
    "fpx_c_btc": _RETURN,  # Return to customers
    # Q: export customs
    **_all(_EXPORT, "Q_ECI", "Q_UEPC", "Q_ECC"),  # inspection, under process, released
    # M: line-haul
    **_all(_DEPARTED, "M_DAHK", "M_DFOA", "M_DFSP"),  # left HK / origin airport / port
    "fpx_m_atd": meaning(S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, exact=False),  # depart airport
    **_all(_ARRIVED, "M_DC", "M_ADCA", "M_ATA", "M_AADP", "D_ADC"),
    **_all(_MOVING, "M_PT", "M_STUA", "M_IT", "M_PCSM"),  # pending, unloaded, in transit
    "fpx_m_sttc": meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS, exact=False),  # in transit to customs
    "fpx_m_crsd": meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS, exact=False),
    **_all(
        _DELAY,
        "M_TD",  # Transport delay
        "M_TDMF",  # late arrival, missed the flight
        "M_TDPH",  # public holiday
        "M_TDDB",  # destination airport blocked
        "M_TDFM",  # flight delayed for mechanical reasons
        "M_TDFC",  # flight cancelled
        "M_TDOL",  # airline off-loaded shipments
        "M_TDSC",  # security check
        "M_TDOP",  # transit to other provinces
        "M_TDAC",  # awaiting collection from agents
        "M_TDWF",  # wait for flight
        "M_TDFD",  # flight delay
        "M_TDSA",  # to special areas
        "M_LDTP",  # left for the next transit
    ),
    "fpx_m_tdbw": _WEATHER,  # Transport delay, bad weather
    "fpx_m_tdnf": _LOST,  # Consignment not found, airline investigating
    "fpx_m_tdhm": _exception(R.OTHER),  # Hazardous material irregularity
    "fpx_m_hcsc": meaning(S.EXCEPTION, reason=R.CUSTOMS_HELD_OR_SEIZED),  # transit customs
    "fpx_m_prts": _RETURN,  # Shipment returned
    "fpx_m_se": _PROBLEM,  # Shipment exception
    # I: import customs
    **_all(_IMPORT, "I_CP", "I_ICI", "I_CCHB", "D_CCPH"),  # in progress, inspection, broker
    **_all(_RELEASED, "I_CPC", "I_RCUK"),  # completed; released, customs cleared
    "fpx_i_cr": _RETURN,  # Customs return
    "fpx_i_hc": meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED, exact=False),
    **_all(
        _DUTIES,
        "I_HCIT",  # recipient to confirm duty and tax
        "I_HCTI",  # valid tax identification number needed
        "I_HCPW",  # paperwork needed
        "I_HCPA",  # consignee authority needed
        "I_HCWI",  # awaiting clearance instructions from consignee
        "I_HCFE",  # formal entry submission
        "I_HCDN",  # data not available
        "I_HCVC",  # verify commodity description
        "I_HCVV",  # verify value
        "I_HCCI",  # consignee's information needed
        "I_HCRC",  # recipient will arrange clearance
        "I_HCCD",  # recipient confirms paying duty and tax
        "I_HCAD",  # customs appraising duty and tax
        "I_HCAI",  # awaiting information from customs
        "I_HCCR",  # paperwork rejected by customs
        "I_HCAP",  # awaiting clearance paperwork from recipient
        "I_HCWC",  # wrong commodity declaration
        "I_HCRR",  # recipient refuses to give instructions
        "I_HCNR",  # no response from recipient
        "I_HCPC",  # fine and penalty imposed
        "I_HCCC",  # recipient contacts customs directly
        "I_HCCF",  # awaiting clearance file from consignee
        "D_SHRD",  # on hold, consignee refused to pay duty
        "D_SHND",  # on hold, duty not paid
        "D_SHWC",  # on hold, warehouse documents and charges to confirm
        "D_SHAP",  # on hold, awaiting paperwork
        "D_SHRP",  # on hold, receiver refuses to pay fees
    ),
    **_all(
        _HELD,
        "I_HCPI",  # pending inspection and quarantine
        "I_HCCB",  # customs computer system breakdown
        "I_HCLE",  # live animal entry
        "I_HCUG",  # unacceptable goods
        "I_HCPR",  # pending customs release
        "Y_CCSC",  # consignment seized by customs
    ),
    "fpx_i_delay": meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED, exact=False),
    "fpx_i_dg": meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED, exact=False),
    "fpx_i_cdsh": meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.WEATHER_OR_FORCE_MAJEURE),  # strike
    "fpx_y_adpr": meaning(S.EXCEPTION, reason=R.CUSTOMS_HELD_OR_SEIZED),  # prohibited items
    # D: destination delivery
    **_all(_MOVING, "D_STPP", "D_LPRS", "D_TPTDL", "D_SHPD", "D_APBR", "O_IR", "O_IRI", "O_SIS"),
    **_all(_HANDED, "D_CCNS", "D_HODP", "O_RR"),  # handed to a third party / provider
    "fpx_d_dsrt": meaning(S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER, exact=False),
    **_all(_OUT, "D_SD", "D_ODBP", "D_OFD", "D_TDA"),  # scheduled / out for delivery (again)
    "fpx_d_dip": meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY, exact=False),
    **_all(_PICKUP, "D_AP", "D_SASPS", "D_ADWP", "O_SHFC"),  # awaiting collection
    "fpx_d_dd": meaning(S.EXCEPTION, reason=R.CARRIER_DELAY_OR_CAPACITY, exact=False),
    **_all(_DELAY, "D_DDMD", "D_DDMS", "D_DDRS", "D_DDTP"),  # missed cycle, missort, traffic
    **_all(_WEATHER, "D_DDSR", "D_DDBW"),  # strike or riots; bad weather
    **_all(_LOST, "D_DDNF", "D_DDSS", "D_FDPL", "Y_DS", "Y_CCMC"),  # not found, lost, destroyed
    **_all(_ADDRESS, "D_DDIA", "D_DDCM", "D_DDCA", "D_SHOA"),  # address wrong, moved, out of area
    **_all(
        _UNAVAILABLE,
        "D_DDBT",  # telephone no response or bad number
        "D_DDOH",  # recipient on holiday
        "D_DDRR",  # recipient asks for another delivery date
        "D_DDCN",  # consignee not available
        "D_DDAR",  # awaiting reply from recipient
        "D_DDNI",  # consignee not in the country
        "D_DDDC",  # company closed
        "D_POD",  # package expired at pick-up site
    ),
    "fpx_d_ddcc": meaning(S.EXCEPTION, reason=R.RECIPIENT_UNAVAILABLE, exact=False),
    **_all(_PROBLEM, "D_SH", "D_DDSC", "D_DDRC", "D_VN", "D_RA", "D_SPRA", "O_SPHS"),
    **_all(_exception(R.OTHER), "D_SHNP", "D_SHWD", "D_SHCC"),  # payment, weight, charges
    "fpx_d_shrc": _exception(R.REFUSED),  # refused to pay the COD charge
    "fpx_d_rr": _exception(R.REFUSED),  # recipient refused to accept shipment
    "fpx_d_ddrh": _failed(R.RECIPIENT_UNAVAILABLE),  # recipient not at home
    "fpx_d_fd": _failed(R.OTHER, exact=False),  # Delivery failed
    "fpx_d_fdia": _failed(R.ADDRESS_ISSUE),  # incorrect or incomplete address
    "fpx_d_fdnr": _failed(R.ADDRESS_ISSUE),  # unable to gain access
    "fpx_d_fdlo": _failed(R.RECIPIENT_UNAVAILABLE),  # recipient away a long time
    "fpx_d_fdnc": _failed(R.RECIPIENT_UNAVAILABLE),  # unsuccessful call to recipient
    "fpx_d_fdvo": _failed(R.OTHER),  # too large for the locker or site
    "fpx_d_dfcr": _failed(R.REFUSED),  # customer refused
    "fpx_d_fdwp": _failed(),  # attempted, redirected to the post office
    "fpx_d_fdsd": _exception(R.DAMAGED),  # Delivery failed, damaged
    "fpx_o_sd": _exception(R.DAMAGED),  # Shipment damaged
    "fpx_o_scbs": _exception(R.CANCELLED),  # Shipment cancelled by sender
    # S: delivered and closed
    **_all(_DELIVERED, "S_OK", "S_OKGP", "S_OKVP", "S_OKPO", "S_OKCC", "S_OKSC", "S_OKIDC"),
    "fpx_d_pd": meaning(S.DELIVERED, M.DELIVERED, exact=False),  # Partial delivered
    "fpx_s_okrc": meaning(S.DELIVERED, M.DELIVERED, exact=False),  # handed to recipient broker
    **_all(_PROBLEM, "S_CC", "Y_COBH"),  # case closed (overtime, by hand)
    # Returns
    **_all(
        _RETURN,
        "D_SR",  # Return as shipper's request
        "O_RT",  # Returned to the place of shipper
        "O_PRUC",  # Parcel returned, unclaimed
        "O_PRRR",  # Parcel returned, receiver refused
        "O_PRIA",  # Parcel returned, insufficient address
        "O_PRRF",  # Parcel returned, receiver not found
        "O_RTOC",  # Being returned to country of origin
        "O_RTHM",  # Returned: hazardous material irregularity
        "O_RFLM",  # Last-mile provider returned the package to 4PX
    ),
}
