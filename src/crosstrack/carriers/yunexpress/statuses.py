"""YunExpress track node codes (``TrackNodeCode`` of each tracking detail), in our vocabularies.

YunExpress groups its node codes under a ``TrackingStatus`` (10 info received, 20 in transit,
30 available for pick-up, 40 delivery failure, 50 delivered, 60 exception, 90 returned); the
node code is the finer step and is what ``raw_status_code`` carries. The list and meanings
come from YunExpress's basic-data table as reproduced in public integrations; the short
Chinese codes (``YB/XD``, ``MD/TT``...) are those of its webhook events. ``READY_FOR_PICKUP``
is cargo waiting at an airport terminal for the broker, not a parcel waiting for the buyer.
"""

from __future__ import annotations

from crosstrack.domain.codes import CodeTable, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

_FACILITY = meaning(S.IN_TRANSIT, M.FACILITY)
_MOVING = meaning(S.IN_TRANSIT, exact=False)
_CUSTOMS_HELD = meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED, exact=False)
_RETURN = meaning(S.RETURNED, M.RETURN)

CODES: CodeTable = {
    # TrackingStatus 10: information received
    "order_creation": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # 下单 / 信息已收到
    "pre_info": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # 预上网
    "yb_xd": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # webhook: 信息已收到
    # TrackingStatus 20: in transit
    "pre_advicing": _MOVING,  # 服务商电子预报
    "picked_up": meaning(S.IN_TRANSIT, M.PICKED_UP),  # 揽收
    "xd_zc": meaning(S.IN_TRANSIT, M.PICKED_UP),  # webhook: 揽收
    "xd_cs": _MOVING,  # webhook: 揽收/发出
    "first_mile_arrive": _FACILITY,  # 签入 / 到达头程仓库
    "first_mile_depart": _FACILITY,  # 头程发出
    "transit_in": _FACILITY,  # 调拨入仓
    "transit_out": _FACILITY,  # 调拨出仓
    "depart_confirm_oc": _FACILITY,  # 出库确认 / 发货
    "arrive_confirm_oc": _FACILITY,  # 到港 / 到达国际机场
    "arrive_orin_customs": meaning(S.IN_TRANSIT, M.EXPORT_CUSTOMS),  # 始发国报关
    "export_customs_complete": meaning(S.IN_TRANSIT, M.EXPORT_CUSTOMS),  # 出口报关完成
    "airport_release": _FACILITY,  # 出口机场安检放行
    "main_line_depart": meaning(S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY),  # 国际航班起飞
    "main_line_arrive": meaning(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),  # 国际航班到达
    "md_dd": meaning(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY, exact=False),  # webhook
    "customs_processing": meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS),  # 目的国清关中
    "customs_complete": meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED),  # 清关完成
    "customs_release": meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED),  # 海关放行
    "ready_for_pickup": meaning(S.IN_TRANSIT, M.FACILITY, exact=False),  # 待提取 (cargo terminal)
    "pickup_cargo_terminal": _FACILITY,  # 货站提货
    "in_transit": _MOVING,  # 正常中转 / 运输中
    "ready_for_outbound": _FACILITY,  # 待发出
    "transithub_arrive": meaning(S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),  # 交货给末端派送商
    "change_waybill_info": _MOVING,  # 跟踪号变更
    "edd": _MOVING,  # 预计派送时间
    "carrier_pickup": _MOVING,  # 承运商提取
    "in_transit_carrier": _MOVING,  # 承运商转运
    # TrackingStatus 40/50: delivery
    "delivery_attempt": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, exact=False),  # 派送尝试
    "delivery_failure": meaning(
        S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER, exact=False
    ),  # 投递失败
    "delivered": meaning(S.DELIVERED, M.DELIVERED),  # 妥投
    "md_tt": meaning(S.DELIVERED, M.DELIVERED),  # webhook: 妥投
    # TrackingStatus 60: exceptions
    "customs_exception": _CUSTOMS_HELD,  # 海关异常
    "customs_inspction": _CUSTOMS_HELD,  # 海关查验 (YunExpress's spelling)
    "customs_hold": _CUSTOMS_HELD,  # 海关扣留
    "customs_delay": _CUSTOMS_HELD,  # 清关延误
    "airport_inspection": meaning(
        S.EXCEPTION, reason=R.CARRIER_DELAY_OR_CAPACITY, exact=False
    ),  # 机场查验
    "airport_hold": meaning(S.EXCEPTION, reason=R.CARRIER_DELAY_OR_CAPACITY, exact=False),
    "package_exception": meaning(S.EXCEPTION, reason=R.OTHER, exact=False),  # 包裹异常
    "package_lost": meaning(S.EXCEPTION, reason=R.LOST_OR_MISSING),  # 包裹丢失
    "other": meaning(S.EXCEPTION, reason=R.OTHER, exact=False),  # 其他异常
    # TrackingStatus 90: returns
    "returned": _RETURN,  # 退回
    "returned_back": _RETURN,
    "returned_to_sender": _RETURN,  # 退回发件人
}
