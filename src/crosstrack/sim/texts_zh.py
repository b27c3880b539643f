"""Event texts of the Chinese first-mile carriers (simplified Chinese), in their styles.

Wordings follow the public tracking pages of China Post (11185 international mail),
Cainiao (global.cainiao.com), YunExpress (yuntrack.com) and 4PX (track.4px.com); they are
written for the simulator, not copied from real parcels. ``{city}`` is the scan city in
Chinese where known, ``{carrier}`` the next carrier's name and ``{number}`` its number.
"""

from __future__ import annotations

from crosstrack.sim.steps import Step

Wordings = dict[Step, tuple[str, ...]]

CITY_NAMES = {
    "Shenzhen": "深圳",
    "Guangzhou": "广州",
    "Dongguan": "东莞",
    "Yiwu": "义乌",
    "Hangzhou": "杭州",
    "Shanghai": "上海",
    "Hong Kong": "香港",
}
"""Chinese names of the origin cities (destination cities stay in Latin script)."""

_IMPORT = (
    "包裹到达目的国海关，清关中",
    "目的国进口清关中",
    "进口清关开始",
)
_DOCUMENTS = (
    "海关扣留，需提供清关资料",
    "清关异常：需收件人提供身份证明及发票",
    "目的国海关要求补充文件，包裹暂扣",
)
_DUTIES = (
    "海关扣留：待收件人缴纳关税",
    "清关异常：关税未支付，包裹暂扣",
)
_RELEASED = ("进口清关完成", "目的国海关已放行", "清关完成，海关放行")
_RETURNING = ("包裹退回发件人", "退件处理中，包裹正在退回发件人")
_RETURNED = ("包裹已退回发件人", "退回卖家签收")

CHINA_POST: Wordings = {
    Step.LABEL_CREATED: ("电子信息已收到", "收到电子数据，等待收寄"),
    Step.PICKED_UP: ("【{city}】已收寄", "【{city}邮政】已收寄，揽投员：陈师傅"),
    Step.ORIGIN_ARRIVED: ("已到达【{city}国际邮件处理中心】", "到达【{city}】处理中心"),
    Step.ORIGIN_DEPARTED: (
        "已离开【{city}】处理中心，发往【{hub}】",
        "离开【{city}】，下一站【{hub}】",
    ),
    Step.EXPORT_CUSTOMS: ("【{city}】已交出口海关", "【{city}】出口海关已放行", "出口报关完成"),
    Step.DEPARTED_ORIGIN: ("已交航空公司运输", "已离开【{city}】，发往【{country}】", "航班已起飞"),
    Step.RETURNING: _RETURNING,
    Step.RETURNED: _RETURNED,
}

CAINIAO: Wordings = {
    Step.LABEL_CREATED: ("商家已发货，等待揽收", "物流订单已创建，等待卖家发货"),
    Step.PICKED_UP: ("【{city}】包裹已被揽收", "揽收成功"),
    Step.ORIGIN_ARRIVED: ("到达【{city}】分拣中心", "包裹已到达【{city}】仓库，正在分拣"),
    Step.ORIGIN_DEPARTED: ("离开【{city}】分拣中心", "包裹已从【{city}】仓库出库"),
    Step.EXPORT_CUSTOMS: ("出口清关完成", "出口清关开始", "出口报关放行"),
    Step.DEPARTED_ORIGIN: ("航班起飞", "干线离开始发国", "包裹已离开始发国，发往【{country}】"),
    Step.ARRIVED_DESTINATION: ("到达目的国", "航班到达目的国机场", "包裹已到达【{country}】"),
    Step.IMPORT_CUSTOMS: _IMPORT,
    Step.CUSTOMS_DOCUMENTS: _DOCUMENTS,
    Step.CUSTOMS_DUTIES: _DUTIES,
    Step.CUSTOMS_RELEASED: _RELEASED,
    Step.HANDED_OVER: (
        "包裹已交付{carrier}，运单号：{number}",
        "已转交末端派送商【{carrier}】，新单号：{number}",
        "包裹已交给尾程服务商{carrier}派送，跟踪号{number}",
    ),
    Step.RETURNING: _RETURNING,
    Step.RETURNED: _RETURNED,
}

YUNEXPRESS: Wordings = {
    Step.LABEL_CREATED: ("信息已收到", "已下单，等待揽收", "预上网，等待包裹入库"),
    Step.PICKED_UP: ("【{city}】已揽收", "包裹已揽收"),
    Step.ORIGIN_ARRIVED: ("到达【{city}】头程仓库", "已签入【{city}】处理中心"),
    Step.ORIGIN_DEPARTED: ("【{city}】处理中心已发出", "包裹已出库，发往机场"),
    Step.EXPORT_CUSTOMS: ("出口报关完成", "始发国出口报关中"),
    Step.DEPARTED_ORIGIN: ("国际航班已起飞", "包裹已离开始发国，运往目的国"),
    Step.ARRIVED_DESTINATION: ("国际航班已到达目的国", "已到达目的国机场"),
    Step.IMPORT_CUSTOMS: _IMPORT,
    Step.CUSTOMS_DOCUMENTS: _DOCUMENTS,
    Step.CUSTOMS_DUTIES: _DUTIES,
    Step.CUSTOMS_RELEASED: _RELEASED,
    Step.HANDED_OVER: (
        "已交货给末端派送商{carrier}，派送单号：{number}",
        "包裹已交付{carrier}派送，转单号{number}",
    ),
    Step.RETURNING: _RETURNING,
    Step.RETURNED: _RETURNED,
}

FOURPX: Wordings = {
    Step.LABEL_CREATED: ("已收到订单信息，等待揽收", "订单信息已接收"),
    Step.PICKED_UP: ("【{city}】快件已揽收", "4PX已揽收包裹"),
    Step.ORIGIN_ARRIVED: ("快件已到达【{city}】4PX处理中心，已称重", "到达【{city}】仓库"),
    Step.ORIGIN_DEPARTED: ("快件已离开【{city}】处理中心", "已完成操作，离开【{city}】仓库"),
    Step.EXPORT_CUSTOMS: ("出口报关已放行", "出口报关处理中"),
    Step.DEPARTED_ORIGIN: ("快件已从始发机场起飞", "已离开【香港】，发往【{country}】"),
    Step.ARRIVED_DESTINATION: ("快件已到达目的国机场", "航班已抵达目的国"),
    Step.IMPORT_CUSTOMS: _IMPORT,
    Step.CUSTOMS_DOCUMENTS: _DOCUMENTS,
    Step.CUSTOMS_DUTIES: _DUTIES,
    Step.CUSTOMS_RELEASED: _RELEASED,
    Step.HANDED_OVER: (
        "快件已交给{carrier}，跟踪号：{number}",
        "已移交末端服务商{carrier}派送，单号{number}",
    ),
    Step.RETURNING: _RETURNING,
    Step.RETURNED: _RETURNED,
}

COUNTRY_NAMES = {
    "US": "美国", "GB": "英国", "DE": "德国", "FR": "法国", "ES": "西班牙", "NL": "荷兰",
    "BR": "巴西", "JP": "日本", "AU": "澳大利亚", "CA": "加拿大", "IT": "意大利",
    "PL": "波兰", "MX": "墨西哥",
}  # fmt: skip
"""Chinese names of the destination countries."""
