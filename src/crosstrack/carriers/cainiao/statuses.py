"""Cainiao global logistics action codes (``actionCode`` of each trace), in our vocabularies.

The codes and their Chinese meanings come from the Cainiao global trace detail model
(``action_code``: "CONSIGN(声明发货), OM_CONSIGN(商家发货), ... GTMS_SIGNED(用户签收)") of the
Alibaba open platform SDKs; a few codes seen only in public tracking answers (``SC_ARRIVE``,
``LH_LINEHAUL_ARRIVE``, ``CUSTOMS_ARRIVED_IN_AREA_CALLBACK``, ...) are added. The prefix names
the stage: ``GWMS``/``SC``/``CW`` origin warehouses, ``PU`` pick-up, ``LH`` line-haul, ``CC``
customs (``EX`` export, ``IM`` import, ``HO`` hand-over), ``GTMS`` the destination carrier,
``GSTA``/``STA`` pick-up points, ``RT`` returns. ``*_FAILURE`` codes say only that a step went
wrong, so they are inexact: the text says why.
"""

from __future__ import annotations

from crosstrack.domain.codes import CodeMeaning, CodeTable, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

_FACILITY = meaning(S.IN_TRANSIT, M.FACILITY)
_PROBLEM = meaning(S.EXCEPTION, reason=R.OTHER, exact=False)
_RETURN = meaning(S.RETURNED, M.RETURN)
_REROUTED = meaning(S.IN_TRANSIT, exact=False)
_IMPORT = meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS)
_CUSTOMS_HELD = meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED, exact=False)


def _codes(meaning_: CodeMeaning, *codes: str) -> dict[str, CodeMeaning]:
    return {code.lower(): meaning_ for code in codes}


CODES: CodeTable = {
    # Order and origin warehouse
    "consign": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # 声明发货
    "om_consign": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # 商家发货
    "gwms_accept": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # 接单成功
    "gwms_reject": _PROBLEM,  # 接单异常
    "gwms_cancel": meaning(S.EXCEPTION, reason=R.CANCELLED),  # 取消成功
    "gwms_exception": _PROBLEM,  # 仓内异常
    **_codes(
        _FACILITY,
        "GWMS_PICK",  # 拣选完成
        "GWMS_PACKAGE",  # 打包完成
        "GWMS_OUTBOUND",  # 出库成功
        "GWMS_HANDOVER",  # 交接成功
        "SC_SIGN_IN_SUCCESS",  # 签收成功 (sorting centre)
        "SC_INBOUND_SUCCESS",  # 入库成功
        "SC_OUTBOUND_SUCCESS",  # 出库成功
        "SC_HO_OUT_SUCCESS",  # 仓转交干线成功
        "SC_ARRIVE",
        "SC_DEPART",
        "SC_TRANS_OUTBOUND_SUCCESS",
        "CW_INBOUND",
        "CW_SIGN_IN_SUCCESS",
        "CW_OUTBOUND",
        "TD_TRANS_ARRIVE",  # 到达中转
        "TD_TRANS_DEPART",  # 离开中转
        "TD_TRANS_ARRIVE_C",
        "TD_TRANS_DEPART_C",
        "TD_TRANSWH_OUTBOUND",
        "OE_DEPART",
    ),
    **_codes(
        _PROBLEM,
        "PU_PICKUP_FAILURE",  # 揽收异常
        "PU_SIGN_IN_FAILURE",  # 揽收点签收异常
        "SC_SIGN_IN_FAILURE",  # 签收异常
        "SC_INBOUND_FAILURE",  # 入库异常
        "SC_OUTBOUND_FAILURE",  # 出库异常
        "SC_HO_OUT_FAILURE",  # 仓转交干线异常
        "LH_HO_IN_FAILURE",  # 交接异常
        "LH_HO_OUT_FAILURE",  # 干线转交异常
        "GTMS_SC_ARRIVE_FAILURE",  # 到达目的国SC失败
        "GTMS_SIGN_FAILURE",  # 用户签收异常
        "GTMS_STA_SIGN_FAILURE",  # 自提点签收异常
        "GTMS_FAILURE",  # 配送异常
        "GSTA_SIGN_FAIL",  # 自提点用户签收异常
        "GSTA_BUYER_SIGN_FAIL",  # 自提点用户签收失败
        "STA_SIGN_FAIL",  # 自提点用户签收异常（国内段）
        "GSTAHUB_INBOUND_FAIL",  # 自提分拨中心入库失败
        "GSTA_INBOUND_FAIL",  # 自提点入库失败
        "REJECT",  # 配送揽收异常（国内）
        "EXCEPTION",
    ),
    # Pick-up
    "pu_pickup_success": meaning(S.IN_TRANSIT, M.PICKED_UP),  # 揽收成功
    "pu_sign_in_success": meaning(S.IN_TRANSIT, M.PICKED_UP),  # 揽收点签收成功
    "got": meaning(S.IN_TRANSIT, M.PICKED_UP),  # 配送揽收成功（国内）
    # Export customs
    "cc_ex_start": meaning(S.IN_TRANSIT, M.EXPORT_CUSTOMS),  # 出口清关开始
    "cc_ex_success": meaning(S.IN_TRANSIT, M.EXPORT_CUSTOMS),  # 出口清关完成
    "cc_ex_failure": meaning(
        S.EXCEPTION, M.EXPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED, exact=False
    ),  # 出口清关异常
    # Line-haul
    "lh_ho_in_success": _FACILITY,  # 交接成功 (handed to the line-haul)
    "lh_ho_airline": _FACILITY,  # 交航安检成功
    "lh_ho_airline_failure": meaning(
        S.EXCEPTION, reason=R.CARRIER_DELAY_OR_CAPACITY, exact=False
    ),  # 交航安检失败
    "lh_post_collection": meaning(S.IN_TRANSIT, exact=False),
    "lh_depart": meaning(S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY),  # 航班起飞 (干线离开)
    "lh_arrive": meaning(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),  # 航班到达目的国
    "lh_linehaul_arrive": meaning(S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY),
    "lh_arrive_failure": meaning(
        S.EXCEPTION, reason=R.CARRIER_DELAY_OR_CAPACITY, exact=False
    ),  # 干线到达异常
    "lh_ho_out_success": _FACILITY,  # 干线转交成功
    "lh_other": meaning(S.IN_TRANSIT, exact=False),  # 其他
    "common_intransit": meaning(S.IN_TRANSIT, exact=False),
    # Transit-country customs
    "cc_trans_start": meaning(S.IN_TRANSIT, exact=False),  # 中转国清关开始
    "cc_trans_success": meaning(S.IN_TRANSIT, exact=False),  # 中转国清关成功
    "cc_trans_failure": meaning(
        S.EXCEPTION, reason=R.CUSTOMS_HELD_OR_SEIZED, exact=False
    ),  # 中转国清关失败
    # Import customs
    "cc_ho_in_success": _IMPORT,  # 清关交接成功 (arrived at customs)
    "cc_ho_in_failure": meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.OTHER, exact=False),
    "cc_im_start": _IMPORT,  # 清关开始(目的地)
    "cc_im_process": _IMPORT,  # 清关中(目的地)
    "cc_im_success": meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED),  # 清关完成(目的地)
    "cc_im_failure": _CUSTOMS_HELD,  # 清关异常(目的地)
    "cc_im_exception": _CUSTOMS_HELD,
    "cc_ho_out_success": meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED),  # 清关转交成功
    "cc_ho_out_failure": meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.OTHER, exact=False),
    "cus_declare": meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS, exact=False),  # 海关申报
    "cus_success": meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED, exact=False),  # 海关审单通过
    "cus_failure": _CUSTOMS_HELD,  # 海关审单异常
    "cus_tax": meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS, exact=False),  # 海关出税 (duties assessed)
    "ciq_success": _IMPORT,  # 商检审单通过
    "ciq_failure": _CUSTOMS_HELD,  # 商检审单异常
    "customs_arrived_in_area_callback": meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS, exact=False),
    # Destination carrier
    "gtms_asn": meaning(S.IN_TRANSIT, exact=False),  # 接收到电子预报
    "last_mile_asn_notify": meaning(S.IN_TRANSIT, exact=False),
    "gtms_accept": meaning(S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),  # 到达目的国/配送揽收成功
    "gtms_relabel": meaning(S.IN_TRANSIT, M.HANDED_TO_OTHER_CARRIER),  # 转单
    **_codes(
        _FACILITY,
        "GTMS_SC_ARRIVE",  # 到达目的国SC
        "GTMS_SC_DEPART",
        "GTMS_DO_ARRIVE",  # 到达最后投递站
        "GTMS_STATION_IN",  # 配送中各节点（国外）
        "GTMS_STATION_OUT",
        "DEPARTURE",  # 配送中各节点（国内）
        "ARRIVAL",
        "GSTAHUB_INBOUND",  # 自提分拨中心入库成功
    ),
    "gtms_other": meaning(S.IN_TRANSIT, exact=False),  # 其他
    "gsta_other": meaning(S.IN_TRANSIT, exact=False),  # 其他
    **_codes(
        meaning(S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY),
        "GTMS_DO_DEPART",  # 离开最后投递站
        "GTMS_DELIVERING",  # 开始投递
        "GTMS_RE_DELIVERING",  # 再次投递
        "SENT_SCAN",  # 包裹开始派送（国内）
    ),
    "gtms_del_failure": meaning(
        S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER, exact=False
    ),  # 投递失败
    "failed": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER, exact=False),  # 妥投异常
    "delivery_failed": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER, exact=False),
    **_codes(
        meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),
        "GTMS_WAIT_SELF_PICK",  # 等待用户自提
        "GTMS_STA_SIGNED",  # 自提点签收 (the pick-up point signed, not the buyer)
        "GSTA_INBOUND",  # 自提点入库成功
        "GSTA_INFORM_BUYER",
    ),
    **_codes(
        meaning(S.DELIVERED, M.DELIVERED),
        "GTMS_SIGNED",  # 用户签收
        "SIGNED",  # 包裹妥投成功（国内）
        "SIGN_SUCCESS",
        "GSTA_SIGN",  # 自提点用户签收
        "GSTA_BUYER_SIGN",  # 自提点用户签收
        "STA_SIGN",  # 自提点用户签收(国内段)
    ),
    # Second routing: the buyer or Cainiao changed the address or pick-up point
    "gtms_sta_wait_cust_change_address": meaning(
        S.EXCEPTION, reason=R.ADDRESS_ISSUE, exact=False
    ),  # 二次路由待消费者更新收件地址
    **_codes(
        _REROUTED,
        "GTMS_STA_CUST_TO_DOOR",
        "GTMS_STA_CHANGE",
        "GTMS_STA_CN_TO_DOOR",
        "GTMS_STA_CN_CHANGE",
        "GTMS_STA_CNCP_TO_DOOR",
        "GTMS_STA_CNCP_CHANGE",
    ),
    # Returns
    **_codes(
        _RETURN,
        "RT_INBOUND",  # 退回给卖家（回到海外cp仓库）
        "RETURNED",  # 退回卖家签收
        "RT_OUTBOUND",  # 海外CP出库
        "RT_HO_OUT",  # CP交出
        "RT_WH_HO_IN",  # 退货仓接收
        "RT_WH_INBOUND",  # 退货仓入库
        "RT_WH_OUTBOUND",  # 退货仓出库
        "RT_WH_HO_OUT",  # 退货仓交出
        "RT_TRANSWH_HO_IN",  # 中转仓接收
        "RT_TRANSWH_INBOUND",  # 中转仓入库
        "RT_TRANSWH_OUTBOUND",  # 中转仓出库
        "RT_TMS_ACCEPT",  # 国内配接收
    ),
    "rt_wh_ho_in_fail": _PROBLEM,  # 退货仓接收失败
    "rt_wh_inbound_failure": _PROBLEM,  # 退货仓入库失败
    "rt_destroy": meaning(S.EXCEPTION, reason=R.LOST_OR_MISSING),  # 海外CP销毁
    "rt_wh_destroy": meaning(S.EXCEPTION, reason=R.LOST_OR_MISSING),  # 销毁
}
