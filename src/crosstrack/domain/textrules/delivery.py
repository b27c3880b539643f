"""Rules for the end of the journey: returns, failed attempts, delivery, pick-up, out for delivery.

Each list is ordered: the classifier tries rules in order and the first that fits decides.
Phrasings are grouped by language (en, fr, pt, es, de, nl, pl, it, ru, zh simplified and
traditional, ja, ko).
"""

from __future__ import annotations

from crosstrack.domain.textrules.rule import TextRule, rule
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

# Phrases that turn "delivered" into something that has not happened (yet).
_NOT_DELIVERED = [
    r"\b(not|never|n't|cannot|unable to|failed to|could not|couldn't|can't)( yet)?( been| be)? delivered",
    r"\bundeliver",
    r"\b(will|to|shall|should|would|may|might|can|could) be delivered",
    r"\b(expected|scheduled|estimated|planned|due|ready) (to be )?(for )?delivered",
    r"\bdelivered (by|before|on) (end of day|\d)",
    r"\bnon (livre|distribue)|\bpas (ete |pu etre )?(livre|distribue)|\bsera (livre|distribue)|\bva etre livre",
    r"\bnao (foi |pode ser )?entregue|\bsera entregue|\bno (ha sido |fue |pudo ser )?entregad|\bsera entregad",
    r"\bnicht (zugestellt|ausgeliefert)|\bwird .{0,30}zugestellt|\bsoll .{0,20}zugestellt|voraussichtlich",
    r"\bniet (bezorgd|afgeleverd|geleverd)|\bwordt .{0,20}(bezorgd|geleverd)|\bzal .{0,20}bezorgd",
    r"\bnie (doreczon|dostarczon)|\bdo doreczenia",
    r"\bnon consegnat|\bsara consegnat",
    r"\bне (вручен|доставлен)",
    r"未签收|未妥投|待签收|投递失败|未簽收|未妥投|待簽收|交付(给|予)?(航空|承运|海关|运输|物流)",
]

RETURNS: list[TextRule] = [
    rule(
        "return_threat_if_not_collected",
        [
            r"\b(will|would|may|shall) be return\w*.{0,60}\b(if not|unless|not collected|not picked)",
            r"\bif not (collected|claimed|picked up).{0,60}\breturn",
            r"\bfinal notice\b",
            r"sera retourne.{0,40}si",
            r"sera devolvid.{0,40}(se nao|caso)",
        ],
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        confidence=0.7,
    ),
    rule(
        "returned_to_sender",
        [
            # en
            r"\breturn(ed|ing)?( back)? to (the )?(sender|shipper|origin|merchant|retailer|seller)",
            r"\b(being|been|was|is) returned\b(?! to (the )?(depot|facility|hub|station|post office|branch))",
            r"\breturn(ed)? (shipment|parcel|package|item) (in transit|received|processed)",
            r"\breturn (in progress|initiated|process(ing)? started)\b",
            r"\bsent back to\b|\brts\b|\breturn to sender\b",
            r"\bdelivered (back )?to (the )?(sender|shipper)\b",
            r"\bout for delivery to (the )?(sender|shipper)",
            # fr
            r"\bretour(ne|nee)? (a|vers) l'?expediteur|\bretour expediteur|\brenvoye a l'?expediteur",
            r"\ben (cours de )?retour\b",
            # pt
            r"\bdevolvid[oa]|\bdevolucao ao remetente|\bem devolucao|\bsaiu para entrega ao remetente",
            r"\bretorno ao remetente",
            # es
            r"\bdevuelt[oa] al remitente|\bdevolucion al remitente|\ben devolucion|\bretorno al remitente",
            # de
            r"\bruecksendung|\brucksendung|\bzuruck an (den )?absender|\ban (den )?absender zuruck",
            r"\bretoure\b|\bruckversand|\bwird an den absender",
            # nl
            r"\bretour (naar )?afzender|\bterug naar (de )?afzender|\bretourzending",
            # pl
            r"\bzwrot (do nadawcy|przesylki)|\bzwrocon|\bodeslan[aoy]? do nadawcy",
            # it
            r"\brestituit[oa] al mittente|\breso al mittente|\bin restituzione",
            # ru
            r"возврат|возвращен[оа]? отправителю|возвращается отправителю|вручение отправителю",
            # zh, ja, ko
            r"退回|退件|退运|退還|退运|退運|退还|返回寄件人|已退",
            r"返送|差出人(様)?(へ|に)(返還|返送)|返品",
            r"반송|반품",
        ],
        S.RETURNED,
        M.RETURN,
        unless=[r"\breturn label|\bretour etiket|\bif not\b|\bunless\b|\bwill be returned\b"],
    ),
]

ATTEMPTS: list[TextRule] = [
    rule(
        "attempt_address_problem",
        [
            r"(delivery attempt|attempted delivery|attempted to deliver|unable to deliver|"
            r"could not be delivered|not delivered|undeliverable).{0,60}\baddress",
            r"\baddress.{0,40}(delivery attempt|attempted delivery|could not be delivered|unable to deliver)",
            r"\bundeliverable as addressed",
            r"tentative de livraison.{0,60}adresse|adresse.{0,40}(non livr|pas pu)",
            r"entrega nao (pode ser |foi )?(efetuada|realizada).{0,40}endereco",
            r"zustell\w*.{0,40}(adresse|anschrift)",
        ],
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.ADDRESS_ISSUE,
    ),
    rule(
        "attempt_refused",
        [
            r"\b(delivery |package |parcel |shipment )?(refused|rejected|declined) by (the )?"
            r"(recipient|consignee|receiver|customer|addressee)",
            r"\b(recipient|consignee|receiver|customer|addressee) (has )?(refused|rejected|declined)",
            r"\brefused\b.{0,30}\bdelivery|\bdelivery\b.{0,30}\brefused",
            r"\brefuse\b|\brefusee?\b|\brecusad[oa]|\brechazad[oa]|\bverweigert|\bgeweigerd",
            r"\bodmowa przyjecia|\bodmowil|\brifiutat[oa]|отказ",
            r"拒收|拒签|拒簽|受取拒否|수취 ?거부",
        ],
        S.EXCEPTION,
        M.DELIVERY_ATTEMPT,
        R.REFUSED,
    ),
    rule(
        "attempt_recipient_unavailable",
        [
            # en
            r"\b(no one|nobody|no-one|no body)( was)? (home|at home|available|in|present|there)",
            r"\b(recipient|receiver|consignee|customer|addressee|business)('s)?( location)?"
            r"( was| is)? (not (home|available|present|in|at home)|unavailable|absent|closed)",
            r"\b(business|office|premises|location|building) (was |is )?closed|\bwe missed you\b",
            r"\bclosed on (the )?\w+ delivery attempt",
            # fr
            r"\bdestinataire (absent|indisponible|non present)|\babsence du destinataire",
            # pt, es
            r"\bcarteiro nao atendido|\bdestinatario ausente|\bausente\b|\bestabelecimento fechado",
            r"\bno posible por ausencia|\bpor ausencia\b|\bdestinatario (no localizado|no disponible)|\bnadie en (casa|el domicilio)",
            # de, nl, pl, it
            r"\bnicht angetroffen|\bempfanger (war )?nicht anwesend|\bniet thuis|\bniemand (thuis|aanwezig)",
            r"\badresat(a)? nieobecn|\bnie zastano|\bdestinatario assente",
            # ru, zh, ja, ko
            r"отсутств\w* адресат|адресат отсутствует",
            r"无人|無人|收件人不在|联系不上|聯繫不上|电话无人接听|ご不在|不在(のため|持戻)|부재",
        ],
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.RECIPIENT_UNAVAILABLE,
    ),
    rule(
        "attempt_generic",
        [
            # en
            r"\battempted delivery|\bdelivery attempt(ed)?\b|\b(tried|attempted) to deliver",
            r"\b(could not|couldn't|unable to|cannot|can't|failed to|was unable to) (be )?deliver",
            r"\bnot delivered\b|\bdelivery (was )?(unsuccessful|failed|not possible|not completed)",
            r"\bunsuccessful delivery|\blivraison (a )?echou",
            r"\bdelivery failed\b|\bfailed delivery\b|\bmissed delivery\b|\bundelivered\b",
            r"\b(notice|card|slip|calling card|notification card) (was )?left\b|\bcarded\b",
            # fr
            r"\btentative de livraison|\bn'?a pas pu etre (livre|distribue|remis)|\bavis de passage",
            r"\blivraison (impossible|echouee|manquee|infructueuse)|\bnon livre",
            # pt, es
            r"\btentativa de entrega|\bentrega nao (pode ser |foi )?(efetuada|realizada)",
            r"\bintento de entrega|\bno se (pudo|ha podido) entregar|\bentrega fallida",
            # de, nl
            r"\bzustellversuch|\bkonnte nicht zugestellt|\bzustellung (nicht moglich|fehlgeschlagen)",
            r"\bbenachrichtigungskarte|\bbezorgpoging|\bkon niet (worden )?bezorgd|\bniet bezorgd",
            # pl, it, ru
            r"\bawizo|\bawizowan|\bproba doreczenia|\bnieudan\w* prob|\bnie doreczono",
            r"\btentativo di consegna|\bmancata consegna",
            r"неудачная попытка|не удалось (доставить|вручить)",
            # zh, ja, ko
            r"投递失败|投遞失敗|派送失败|派送不成功|派送未成功|未妥投|再次派送|二次派送",
            r"持戻|配達できません|배달 ?실패|미배달",
        ],
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.OTHER,
    ),
]

DELIVERED: list[TextRule] = [
    rule(
        "delivered_to_pickup_point",
        [
            r"\bdelivered to (the |a )?(post office(?! box)|pick ?up (point|location)|parcel ?shop|"
            r"service point|access point|collection point|retail (location|outlet)|pudo)",
            r"\b(dostarczona|przekazana) do punktu|\b(in|an) (die|der) packstation (abgelegt|zugestellt|eingetroffen)",
            r"\bdeposee? (en|au|dans (un|le)) (point relais|relais|consigne)",
        ],
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
    ),
    rule(
        "delivered_to_another_party_in_the_chain",
        [
            r"\bdelivered to (the )?(airline|air carrier|carrier|courier|postal (service|operator)|"
            r"usps|customs|local (carrier|post)|partner|hub|agent for (onward|final))",
        ],
        S.IN_TRANSIT,
        M.HANDED_TO_OTHER_CARRIER,
        confidence=0.7,
    ),
    rule(
        "delivered",
        [
            # en
            r"\bdelivered\b|\bdelivery (was )?(completed|successful|confirmed|made)\b",
            r"\bsigned for\b|\bsigned by\b|\bsignature (image )?(recorded|obtained|captured|received)",
            r"\bproof of delivery\b|\bpod (captured|received)\b",
            r"^left at\b|\bleft (at|in|with) (the )?(front |back |side )?(door|porch|mailbox|"
            r"letterbox|reception|neighbou?r|garage|safe place|concierge)",
            r"\b(picked up|collected|received) by (the )?(recipient|customer|consignee|addressee|receiver)",
            r"^dropped off$|\ban (einen |den |ihren )?nachbarn|\bbeim nachbarn|\bbij de buren",
            # fr
            r"\blivree?s?\b|\bdistribuee?\b|\bremise? (au destinataire|en main propre)",
            r"\bsignature\b.{0,30}\benregistree|\bimage de la signature",
            r"\breceptionnee? par le destinataire",
            # pt, es
            r"\bentregue\b|\bentregad[oa]s?\b",
            # de
            r"\bzugestellt\b|\bausgeliefert\b|\ban (den )?empfanger ubergeben|"
            r"\bvom empfanger (abgeholt|ubernommen)|\bempfang bestatigt",
            # nl
            r"\bbezorgd\b|\bafgeleverd\b|\bgeleverd\b",
            # pl
            r"\bdoreczon[aoy]\b|\bdostarczon[aoy] do (odbiorcy|adresata)|\bodebran[aoy] (w punkcie|przez)",
            r"\bwydan[aoy] (odbiorcy|adresatowi)",
            # it
            r"\bconsegnat[oaie]\b",
            # ru
            r"вручено|вручен[аы]?\b|вручение адресату|доставлен[оа]? (адресату|получателю)|получен[оа]? адресатом|выдан[оа]? получателю",
            # zh
            r"已签收|签收人|妥投|已送达|已交付|投递成功|派送成功|已簽收|簽收人|已送達|投遞成功|配送完成",
            r"本人签收|代签收|已取件|已领取|已領取",
            # ja, ko
            r"配達(が)?完了|お届け(済|完了)|配達済|お渡し済|受取完了|배달 ?완료|배송 ?완료",
        ],
        S.DELIVERED,
        M.DELIVERED,
        confidence=0.9,
        unless=_NOT_DELIVERED,
    ),
]

PICKUP_AND_OUT_FOR_DELIVERY: list[TextRule] = [
    rule(
        "available_for_pickup",
        [
            # en
            r"\b(ready|available|awaiting|waiting) (for )?(recipient |customer |your )?"
            r"(pick ?up|collection|to be (collected|picked up))",
            r"\bawaiting collection|\bready to collect|\bheld (at|in) .{0,50}\bfor (recipient |customer )?"
            r"(pick ?up|collection)",
            r"\bcan (now )?be (collected|picked up) (from|at)\b",
            r"\b(arrived|is|now) at (the |a )?(pick ?up|collection|access|service|parcel) (point|location|"
            r"shop|locker|station|counter)",
            r"\bin (the )?(parcel )?locker\b.{0,30}\b(collect|pick)",
            # fr
            r"\bdisponible (en|au|dans|a|pour) .{0,30}(bureau|point|relais|agence|consigne|retrait)",
            r"\binstance\b|\ba retirer\b|\ben attente de retrait|\bpret a etre retire|\bmise? a (votre )?disposition",
            r"\bdisponible au retrait",
            # pt, es
            r"\baguardando retirada|\bdisponivel para retirada|\bretirar na|\bdisponivel na agencia",
            r"\bdisponible para (recoger|retirar|recogida)|\blisto para (recoger|retirar)",
            r"\bpendiente de recogida en",
            # de, nl
            r"\bzur abholung|\babholbereit|\bliegt .{0,30}(filiale|packstation|abholung)",
            r"\bkann .{0,40}abgeholt werden|\bligt klaar|\baf te halen|\bkan (worden )?opgehaald",
            # pl, it, ru
            r"\bczeka na odbior|\bgotowa do odbioru|\bdo odbioru w|\bw paczkomacie",
            r"\bdisponibile (per il ritiro|presso)|\bin giacenza|\bpronto per il ritiro|\bda ritirare",
            r"ожидает (вручения|получения|адресата)|прибыло в место вручения|готово к выдаче|в пункте выдачи",
            # zh, ja, ko
            r"代收|请及时取件|請及時取件|待取件|待領取|可领取|可領取|取件码|取件碼|自提|驿站|快递柜|丰巢",
            r"窓口(で|にて)(お預かり|保管)|保管中|お受け取り(可能|いただけます)|보관 ?중|수령 ?가능",
        ],
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        unless=[r"\b(not|never) (been )?(collected|picked up)\b.{0,30}\breturn"],
    ),
    rule(
        "out_for_delivery",
        [
            # en
            r"\bout for (delivery|dlvry|dlv)\b|\bon (the |a )?(\w+ )?(vehicle|van|truck) for delivery",
            r"\bwith (the )?delivery (courier|driver|agent)|\bon ?board for delivery|\bonboard for delivery",
            r"\bloaded (on|onto|into|for) (the )?(delivery|delivery vehicle|van|truck)",
            r"\b(for|with .{0,25}for) delivery today|\bdelivery (is )?(expected|scheduled|planned) today",
            r"\bexpected to be delivered (today|during the day|this (morning|afternoon|evening))",
            r"\b(driver|courier) is (en route|on (the|his|her|their) way)",
            r"\bgone out on (a|the) delivery (route|round)|\bout on delivery|\bdelivery in progress",
            r"\bin delivery\b|\bout for distribution\b",
            # fr
            r"\ben (cours de )?livraison\b|\bsorti pour (la )?livraison|\bmis en livraison",
            r"\bsera livre aujourd|\ben cours de distribution|\bchez (le|notre) livreur",
            # pt, es
            r"\bsaiu para entrega|\bem rota de entrega|\bsaiu para distribuicao",
            r"\ben reparto\b|\ben ruta de entrega|\bsalio para (entrega|reparto)|\ben proceso de entrega",
            # de, nl
            r"\bin zustellung|\bwird .{0,25}heute .{0,15}zugestellt|\bzustellfahrzeug|\bzustelltour|\bin die zustellung",
            r"\bbezorger is onderweg|\bwordt vandaag bezorgd|\bin bezorging|\bchauffeur is onderweg",
            # pl, it, ru
            r"\bwydan[aoy] do doreczenia|\bprzekazan[aoy] (kurierowi|do doreczenia)|\bw doreczeniu",
            r"\bkurier (doreczy|w drodze)|\bw trakcie doreczania",
            r"\bin consegna\b|\bin corso di consegna|\baffidat[oa] al corriere per la consegna",
            r"(передано|выдано) (курьеру|почтальону)|курьер (доставляет|выехал)|в доставке",
            # zh, ja, ko
            r"派件中|派件人|正在派送|派送中|已派件|安排派送|开始派送|開始派送|派送員|派件員|正在投递",
            r"配達中|配達(に|へ)出発|持出中|배달 ?출발|배달 ?중",
        ],
        S.OUT_FOR_DELIVERY,
        M.OUT_FOR_DELIVERY,
        unless=[r"\b(pour (le |la |les )?mettre|preparons|preparer) (en|sa|la) (livraison|distribution)"],
    ),
]
