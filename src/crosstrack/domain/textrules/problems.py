"""Rules for problems: customs holds, address and contact trouble, damage, loss, delays.

Ordered: the classifier tries them in order and the first that fits decides. A routine
customs step is not a problem (see ``transit``); a hold that needs the recipient to act is.
"""

from __future__ import annotations

from crosstrack.domain.textrules.rule import TextRule, rule
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

PROBLEMS: list[TextRule] = [
    rule(
        "customs_documents_or_duties",
        [
            # en
            r"\b(customs |import |export )?(duties|duty|taxes|tax|vat|gst|charges|fees) "
            r"(and \w+ )?(are |is )?(due|unpaid|owed|outstanding|payable|required|not paid|pending)",
            r"\b(awaiting|pending|requires?|needs?) (payment|duties|documents?|documentation|paperwork|"
            r"invoice|customs information)",
            r"\b(paperwork|documents?|documentation|invoice|information) (is |are )?"
            r"(required|needed|missing|incomplete|requested|insufficient)",
            r"\bmissing (documents?|documentation|paperwork|invoice|customs)",
            r"\bheld for (payment|duties|documents)|\bpayment (of )?(duties|charges|taxes|fees) required",
            r"\bawaiting information from (the )?(recipient|receiver|importer|consignee|shipper)",
            r"\bcustoms (requires?|requested|needs|is requesting)",
            # fr, pt, es, de, nl, pl, it, ru
            r"\bdroits (et taxes |de douane )?(a payer|impayes|dus)|\ben attente de (paiement|documents)",
            r"\bdocuments? (manquant|requis)|\btaxes a payer",
            r"\baguardando pagamento|\bpagamento (pendente|de tributos|do despacho)|\btributos",
            r"\bdocumentacao (pendente|necessaria)",
            r"\bpendiente de pago|\bpago de (aranceles|impuestos)|\bdocumentacion (requerida|pendiente)",
            r"\beinfuhrabgaben|\bzoll.{0,40}(zahlung|dokumente|unterlagen|gebuhr)|\bunterlagen fehlen",
            r"\binvoerrechten|\bdouane.{0,30}(betal|document|heffing)",
            r"\bcl[oa] do zaplaty|\boplat[ay] celn|\bdokumenty celne",
            r"\bdazi|\bdogana.{0,40}(pagamento|documenti)",
            r"таможн\w*.{0,40}(оплат|пошлин|документ)|уплат\w* (пошлин|таможен)",
            # zh, ja, ko
            r"待缴税|缴纳税费|缴税|关税|關稅|繳稅|补充资料|补充材料|提供资料|资料不全",
            r"関税|納税|書類(不足|不備)|관세|서류 ?(미비|부족)",
        ],
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_DOCUMENTS_OR_DUTIES,
    ),
    rule(
        "customs_held_or_seized",
        [
            r"\b(held|hold|detained|seized|confiscated|retained|stopped|inspection|inspected|"
            r"examination|examined|delay|delayed)\b.{0,30}\bcustoms\b",
            r"\bcustoms\b.{0,30}\b(hold|held|detained|seized|inspection|examination|delay|delayed|"
            r"confiscated|destroyed|rejected|refused)\b",
            r"\bclearance delay|\bprohibited (item|goods|content)|\brestricted (item|goods)",
            r"\bdouane.{0,30}(retenu|bloque|saisi|controle)|\b(retenu|bloque|saisi) .{0,20}douane",
            r"\bretido (na|pela) (alfandega|fiscalizacao)|\bapreendid|\bretenido en aduana|\bretenid[oa]",
            r"\bzoll.{0,30}(angehalten|zuruckgehalten|beschlagnahmt|kontrolle)",
            r"\bdouane.{0,20}(tegengehouden|in beslag)|\bzatrzyman\w* (przez|w) (urzad|odpraw)",
            r"\btrattenut[oa] (in|dalla) dogana|задержан\w*.{0,20}таможн|таможн\w*.{0,20}задерж",
            r"海关(扣|查验|退运)|海關(扣|查驗)|扣关|扣關|扣留|查验|查驗|通関保留|税関.{0,10}保留|통관 ?보류",
        ],
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_HELD_OR_SEIZED,
    ),
    rule(
        "address_issue",
        [
            r"\b(incorrect|incomplete|insufficient|invalid|wrong|bad|unknown|missing|illegible|"
            r"inaccurate|unable to locate( the)?) (street |delivery |consignee |recipient |shipping )?"
            r"address",
            r"\baddress(ee)?( is| was)? (incorrect|incomplete|insufficient|invalid|unknown|not found|"
            r"does not exist|problem|issue|correction|error|change)",
            r"\baddressing error|\bmoved,? left no (forwarding )?address|\bno such (address|street)",
            r"\baddressee unknown|\bundeliverable as addressed|\brecipient (has )?moved",
            r"\badresse (incomplete|incorrecte|erronee|inconnue|insuffisante|introuvable)",
            r"\berreur d'?adress|\bdestinataire inconnu",
            r"\bendereco (incorreto|incompleto|insuficiente|nao (localizado|encontrado))",
            r"\bdestinatario desconhecido|\bmudou-se",
            r"\bdireccion (incorrecta|incompleta|erronea|desconocida|insuficiente)",
            r"\b(adresse|anschrift) (falsch|unvollstandig|unbekannt|fehlerhaft|nicht (korrekt|auffindbar))",
            r"\bempfanger (unbekannt|verzogen)|\badres (onjuist|onvolledig|onbekend)",
            r"\b(bledny|niepelny|nieprawidlowy|niekompletny) adres|\badresat (nieznany|wyprowadzil)",
            r"\bindirizzo (errato|incompleto|sconosciuto|insufficiente)",
            r"(неверный|неполный|неправильный) адрес|адресат (выбыл|не найден)",
            r"地址(不详|错误|有误|不完整|不全|不詳|錯誤)|住所(不明|不備|誤り)|주소 ?(불명|오류)",
        ],
        S.EXCEPTION,
        M.NONE,
        R.ADDRESS_ISSUE,
    ),
    rule(
        "damaged",
        [
            r"\bdamaged?\b(?!.{0,10}free)|\bbroken\b|\bcrushed\b",
            r"\bendommage|\bavarie|\bdanificad|\bavariad|\bdanad[oa]|\bbeschadigt|\bbeschadigd",
            r"\buszkodzon|\bdanneggiat|поврежд|破损|破損|损坏|損壞|破損|파손",
        ],
        S.EXCEPTION,
        M.NONE,
        R.DAMAGED,
    ),
    rule(
        "lost_or_missing",
        [
            r"\b(lost|missing|misplaced|stolen)\b|\b(cannot|can't|unable to) (be )?locate",
            r"\bnot (be )?(found|located)\b|\btrace (initiated|opened|requested)",
            r"\bperdu|\begare|\bextraviad|\broubad|\bperdid|\bverloren|\bnicht auffindbar|\bvermist",
            r"\bzaginion|\bzagubion|\bsmarrit|утерян|утрачен|потерян|丢失|遗失|丟失|遺失|紛失|분실",
        ],
        S.EXCEPTION,
        M.NONE,
        R.LOST_OR_MISSING,
        unless=[r"\bmissing (address|document|paperwork|invoice)|\bmis-?sort"],
    ),
    rule(
        "weather_or_force_majeure",
        [
            r"\b(weather|storm|snow|hurricane|typhoon|flood|flooding|natural disaster|force majeure|"
            r"earthquake|wildfire|blizzard|cyclone|tornado)\b",
            r"\bintemperies|\bmeteo|\bmau tempo|\bmal tiempo|\bunwetter|\bwitterung|\bnoodweer",
            r"\bwarunki atmosferyczne|\bmaltempo|непогод|погодн|天气|天氣|台风|颱風|暴雨|暴雪|悪天候|台風|기상",
        ],
        S.EXCEPTION,
        M.NONE,
        R.WEATHER_OR_FORCE_MAJEURE,
    ),
    rule(
        "carrier_delay_or_capacity",
        [
            r"\b(delay|delayed|late)\b.{0,40}\b(capacity|volume|mechanical|flight|connection|"
            r"operational|congestion|strike|network|backlog|transport|truck|vehicle|sort)",
            r"\b(late|missed) (flight|connection|truck|linehaul|arrival)|\bflight (cancel+ed|delayed)",
            r"\b(operational|mechanical) (delay|issue|problem)|\bstrike\b|\bhigh volume",
            r"\bretard (de|du) (vol|transport|acheminement)|\bgreve|\batraso (no|do) (voo|transporte)",
            r"\bhuelga|\bstreik|\bstaking|\bstrajk|\bsciopero|забастов|航班延误|航班取消|爆仓|運休",
        ],
        S.EXCEPTION,
        M.NONE,
        R.CARRIER_DELAY_OR_CAPACITY,
    ),
    rule(
        "cancelled",
        [
            r"\b(shipment|order|label|delivery|pickup|consignment)( has been| was| is)? "
            r"(cancel+ed|voided)|\b(cancel+ed|voided) (by (the )?(shipper|sender|merchant))",
            r"\bannul+ee?|\bcancelad[oa]|\bstornier|\bgeannuleerd|\banulowan|\bannullat|отменен",
            r"已取消|取消订单|訂單取消|キャンセル|취소",
        ],
        S.EXCEPTION,
        M.NONE,
        R.CANCELLED,
    ),
    rule(
        "pickup_from_sender_failed",
        [
            r"\b(pick ?up|collection) (attempt(ed)?|was unsuccessful|failed|missed|not (completed|made))",
            r"\b(attempted|tried|unable) to (pick ?up|collect)\b",
        ],
        S.EXCEPTION,
        M.NONE,
        R.OTHER,
    ),
    rule(
        "generic_exception",
        [
            r"\bundeliverable\b|\bdisposed\b|\bdestroyed\b|\babandoned\b",
            r"\bexception\b|\bproblem\b|\bon hold\b|\bincident\b|\birregularity\b",
            r"\banomalie|\bprobleme|\bproblema|\bstorung|\bprobleem|\bnieprawidlowosc",
            r"异常|異常|问题件|問題件|이상",
        ],
        S.EXCEPTION,
        M.NONE,
        R.OTHER,
        confidence=0.7,
    ),
]
