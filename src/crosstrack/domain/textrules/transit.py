"""Rules for the journey itself: data received, pick-up, facilities, customs, borders, hand-overs.

Ordered: the classifier tries them in order and the first that fits decides. Rules guarded
by ``PLACE_IS_COUNTRY`` or ``OTHER_CARRIER`` need the classifier's context to apply.
"""

from __future__ import annotations

from crosstrack.domain.textrules.rule import Guard, TextRule, rule
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Status as S

_PARTY = r"(?P<party>[\w&.' -]{2,40}?)"

INFO_RECEIVED: list[TextRule] = [
    rule(
        "info_received",
        [
            # en
            r"\b(shipping|shipment|order|electronic|pre-?shipment|advance|consignment|parcel|item)"
            r" (info|information|data|details|notification|manifest)\b",
            r"\blabel (has been |was )?(created|printed|generated|produced)|\bshipping label\b",
            r"\bpre-?advice|\bpre-?alert|\bmanifested\b|\bmanifest (received|created)",
            r"\bdata (uploaded|received|transmitted|submitted)|\bnotified .{0,30}electronically",
            r"\b(not yet|yet to be|has not (yet )?been|have not (yet )?been) (been )?"
            r"(received|handed|tendered|collected|picked|scanned|arrived)",
            r"\bhas not (yet )?received the (package|parcel|item|shipment)",
            r"\bawaiting (item|package|parcel|shipment|drop-?off|collection from (the )?(sender|shipper))",
            r"\b(order|shipment|consignment) (created|registered|booked|confirmed)\b",
            r"(?<!new )\btracking (number|code|id) (allocated|assigned|created|generated|issued)",
            r"\bprepared for (transport\w*|shipment|shipping|dispatch) by the (sender|shipper)",
            r"\bin preparation\b|\bbeing prepared\b|\bto be shipped\b|\bready to ship\b",
            r"\bpre-?shipment\b|\b(dispatched|shipped) by (the )?(seller|merchant|shop|store|vendor)",
            r"商家已发货|卖家已发货|賣家已發貨|\bexpected,? but not yet|\bshipper created\b|\b(sender|shipper) is preparing",
            # fr
            r"\betiquette (creee|imprimee|editee|generee)|\bpret[e]? a (prendre en charge|etre expedie)",
            r"\ben (cours de )?preparation chez (votre |l'?)expediteur|\bbientot nous etre confie",
            r"\binformations? (d'expedition |de l'envoi )?(recues|transmises)|\bdonnees (recues|transmises)",
            r"\b(a )?recu l'?information|\binformations? concernant (la commande|l'envoi|le colis)",
            r"\ben attente de prise en charge|\bpas encore (ete )?(pris en charge|remis|confie)",
            # pt, es
            r"\betiqueta (emitida|criada|gerada|creada|generada|impresa)|\bpre-?postad|\baguardando postagem",
            r"\binformac\w+ (eletronicas? )?(enviadas|recebidas)|\bpre-?admision|\bdatos recibidos",
            r"\binformacion (de envio )?recibida|\bpendiente de (recepcion|admision|entrega al transportista)",
            # de, nl
            r"\belektronisch angekundigt|\bsendungsdaten|\bauftragsdaten|\bnoch nicht (an uns )?ubergeben",
            r"\bvom absender vorbereitet|\bvoorgemeld|\bvooraangemeld|\bnog niet .{0,30}(ontvangen|aangenomen)",
            r"\bzending verwacht|\blabel aangemaakt",
            # pl, it, ru
            r"\bnadawca przygotowal|\bdane przesylki|\bprzesylka zarejestrowana|\boczekuje na nadanie",
            r"\bspedizione (creata|registrata)|\bin attesa di (ritiro|presa in carico)|\bdati ricevuti",
            r"присвоен (трек|почтовый идентификатор)|информация (об отправлении )?получена|ожидает приема",
            r"электронн\w* (уведомлени|информаци)|создан\w* (заказ|накладн)",
            # zh, ja, ko
            r"已下单|下单成功|订单已创建|电子信息|電子資料|电子数据|等待揽收|待揽收|待攬收|面单|面單|已接单|已接單",
            r"(データ|情報)(を)?受付|荷物情報|伝票番号|出荷準備|発送準備中|引受前|송장 ?(등록|출력)|상품 ?준비",
        ],
        S.INFO_RECEIVED,
        M.LABEL_CREATED,
    ),
]

CUSTOMS_AND_BORDERS: list[TextRule] = [
    rule(
        "export_customs",
        [
            r"\bexport (customs|clearance|declaration)",
            r"\bcustoms\b.{0,30}\bexport|\boutbound (customs|clearance)|\bcustoms transmission",
            r"\bcleared and awaiting|\bawaiting (international )?(departure|dispatch|despatch)",
            r"\bdedouanement export|\bdespacho de exportacion|\bausfuhr|\bexportabfertigung",
            r"\bodprawa eksportowa|\bsdoganamento (in )?export",
            r"экспортн\w* (таможен|оформлен)|出口(报关|清关|海关|报检|報關|清關|海關|直封)|輸出(通関|手続)|수출 ?통관",
        ],
        S.IN_TRANSIT,
        M.EXPORT_CUSTOMS,
    ),
    rule(
        "customs_released",
        [
            r"\b(customs|import|export) (clearance )?(completed|complete|cleared|released|finished|done|"
            r"approved|successful)",
            r"\bcleared (by |through )?(customs|import|export)|\breleased (by|from) (the )?customs",
            r"\bclearance\b.{0,25}\b(completed|complete|successful|success|finished|done)\b|\bcleared customs",
            r"\bdedouanee?s?\b|\bformalites douanieres (terminees|effectuees)|\blibere par (la )?douane",
            r"\bliberado (pela|na) (alfandega|fiscalizacao|receita)|\bfiscalizacao aduaneira finalizada",
            r"\bdesembaraco (concluido|finalizado)|\bliberado por (la )?aduana|\bdespachado de aduana",
            r"\bverzollt|\bzollabfertigung (abgeschlossen|erfolgt)|\bvom zoll freigegeben",
            r"\bingeklaard|\bdouane.{0,20}vrijgegeven|\bodprawa celna zakonczona|\bzwolnion\w* przez (urzad|celn)",
            r"\bsdoganat|выпущено таможней|таможенное оформление завершено|выпуск (разрешен|товаров)",
            r"清关完成|清关成功|海关放行|已放行|完成清关|清關完成|海關放行|通関(許可|完了)|輸入許可|통관 ?완료",
        ],
        S.IN_TRANSIT,
        M.CUSTOMS_RELEASED,
    ),
    rule(
        "import_customs",
        [
            r"\bcustoms\b|\bclearance (in progress|started|processing|event|pending)|\bawaiting clearance",
            r"\b(import|inbound) (clearance|customs)|\bclearance processing",
            r"\bdouane|\bdedouanement|\balfandega|\baduaneir|\bfiscalizacao|\baduana|\bdespacho aduanero",
            r"\bzoll|\bdouane|\bodpraw\w* celn|\burzad celny|\bdogana|\bsdoganamento",
            r"\bpagamento confirmado|\b(duties|taxes) (have been )?paid",
            r"таможн|таможен|进口清关|清关|进口报关|海关|進口清關|清關|海關|通関|税関|통관|세관",
        ],
        S.IN_TRANSIT,
        M.IMPORT_CUSTOMS,
        confidence=0.8,
    ),
    rule(
        "departed_origin_country",
        [
            r"\bdepart\w* (from )?(the )?(origin|exporting|sending) country",
            r"\bdeparture (to|for) (the )?(country of destination|destination country|destination)",
            r"\b(international|overseas) (transit|departure|dispatch|despatch)\b",
            r"\b(dispatched|despatched|departed|sent|forwarded|shipped|in transit) (to|for|towards) (the )?"
            r"(destination country|country of destination|overseas|abroad)",
            r"\b(handed|tendered|delivered|released|transferred) (over )?to (the )?(airline|air carrier|"
            r"shipping line|vessel)|\bprocessed by air carrier",
            r"\b(flight|plane|aircraft) (departed|took off|in flight)|\bloaded (on|onto) (the )?"
            r"(aircraft|flight|plane)",
            r"\bdespatch\w* .{0,25}from (the )?export|\bdispatched from (the )?(international|outward|"
            r"office of exchange|exchange office)",
            r"\b(left|leaving|departed|departing) (the )?(country of origin|origin country|exporting country)",
            r"\b(departure|departed|dispatch\w*|despatch\w*|left|leaving) from (the )?(outward )?"
            r"(office of exchange|exchange office)|\boutward office of exchange",
            r"\bhand(ed)? ?over to (the )?(airline|air carrier)|\bairline (departure|hand ?over)",
            r"\bsalid[oa] de la oficina de cambio|\bsalida de la oficina de cambio",
            r"航班(已)?起飞|交付航空|离开.{0,12}(互换局|交换站|国际|海关)|離開.{0,12}(互換局|交換站)",
            r"\bcrossing (the )?border\b|\bborder crossing\b",
            r"\bpret a partir de son territoire|\bquitte le pays|\bdepart vers le pays de destination",
            r"\bsaiu do pais de origem|\bpartiu do pais|\bencaminhado para o pais de destino",
            r"\bsalio del pais de origen|\bsalida internacional|\bhat das (abgangs|herkunfts)land verlassen",
            r"\bvertrokken uit (het )?land|\bopuscil\w* kraj|\bha lasciato il paese",
            r"покинул\w* (страну|место международного обмена)|вывезено",
            r"离开(中国|始发国|寄件国|出口国|互换局|交换站)|離開(中國|互換局|交換站)|航班(起飞|已起飞)|已交航|交航|已出境|出境",
            r"国際交換局から発送|出国|航空機搭載|출국|항공기 ?탑재",
        ],
        S.IN_TRANSIT,
        M.DEPARTED_ORIGIN_COUNTRY,
    ),
    rule(
        "departed_named_country",
        [
            r"\b(departed|left|leaving|departing|dispatched from|despatched from) (from )?(the )?"
            r"(?P<place>[a-z][a-z .'-]{1,40}?)\.?$",
            r"\b(dispatched|despatched|sent|forwarded|exported|shipped) to (the )?"
            r"(?P<place>[a-z][a-z .'-]{1,40}?)\.?$",
        ],
        S.IN_TRANSIT,
        M.DEPARTED_ORIGIN_COUNTRY,
        guard=Guard.PLACE_IS_COUNTRY,
    ),
    rule(
        "arrived_destination_country",
        [
            r"\barriv\w* .{0,40}\b(destination country|country of destination|destination post)",
            r"\barrival (at|in) destination (post|country|office)|\barrival from abroad",
            r"\b(arrived|received|arrival) (at|in) (the )?(inward|import|inbound) (office|exchange|hub|"
            r"facility)|\b(inward|inbound) (office of exchange|exchange office)",
            r"\barrived at the postal operator of the (country of )?destination",
            r"\breceived in (the )?destination country|\bimport scan\b",
            r"\brecebido (pelos correios do brasil|no brasil)|航班(已)?(到达|抵达)|\bflight arrived",
            r"\barrive dans le pays (du destinataire|de destination)|\barrivee dans le pays",
            r"\bchegou ao (brasil|pais de destino)|\bchegada ao (brasil|pais de destino)|\brecebido no brasil",
            r"\bllego al pais de destino|\bllegada al pais de destino|\bim zielland (angekommen|eingetroffen)",
            r"\bankunft im zielland|\bhat das zielland erreicht|\baangekomen in (het )?land van bestemming",
            r"\bdotarl\w* do kraju (przeznaczenia|docelowego)|\barrivat[oa] nel paese di destinazione",
            r"прибыл\w* (в (россию|страну назначения)|на территорию)|ввезено|импорт",
            r"到达(目的地国家|目的国|寄达国)|抵达目的国|已入境|到達目的國|入境|国際交換局(に)?到着|到着国|입국",
        ],
        S.IN_TRANSIT,
        M.ARRIVED_DESTINATION_COUNTRY,
    ),
    rule(
        "arrived_named_country",
        [
            r"\b(arrived|arrival|received) (in|at) (the )?(?P<place>[a-z][a-z .'-]{1,40}?)\.?$",
            r"\b(received|processing|processed) (for processing )?in (the )?(?P<place>[a-z][a-z .'-]{1,40}?)\.?$",
        ],
        S.IN_TRANSIT,
        M.ARRIVED_DESTINATION_COUNTRY,
        guard=Guard.PLACE_IS_COUNTRY,
    ),
]

HANDOVER_AND_PICKUP: list[TextRule] = [
    rule(
        "handed_to_other_carrier",
        [
            rf"\b(handed|transferred|passed|tendered|given|forwarded|sent) (over )?to {_PARTY}"
            r"( for (delivery|final delivery|onward|further))?(\.|$| and | on | at |,)",
            rf"^{_PARTY} (is )?in possession of (the )?(item|package|parcel|shipment)",
            rf"\b(tracked|tracking) (further|continues|can be continued)\b.{{0,40}}\b(of|with|by) {_PARTY}"
            r"(\.|$|,| under)",
            rf"\bremis (au|a) {_PARTY}( pour|\.|$|,)",
            rf"\bubergeben an {_PARTY}(\.|$|,| zur)",
            rf"\bovergedragen aan {_PARTY}(\.|$|,)",
            rf"\bentregue (a|ao|para) {_PARTY}(\.|$|,)",
            rf"\bprzekazan\w* (do|przewoznikowi) {_PARTY}(\.|$|,)",
        ],
        S.IN_TRANSIT,
        M.HANDED_TO_OTHER_CARRIER,
        guard=Guard.OTHER_CARRIER,
    ),
    rule(
        "handed_to_partner",
        [
            r"\b(handed|transferred|passed|tendered|forwarded) (over )?to (the |a |our )?(local|last[- ]mile|"
            r"destination|delivering|delivery|partner|final[- ]mile|domestic|postal) (carrier|courier|"
            r"partner|agent|post(al)?( service| operator)?|company)",
            r"\b(tracked|tracking) further in the tracking system|\btracking continues (with|under|at)",
            r"\bnew tracking number\b.{0,20}\b(with|by|from) ",
            r"\bremis (au|a un) (transporteur|partenaire)|\ban (den )?(zustell)?partner ubergeben",
            r"\boverdragen aan (de )?(lokale )?(vervoerder|partner)",
            r"转交|轉交|交由.{0,10}(派送|配送)|移交|转运至.{0,10}(派送|承运)",
        ],
        S.IN_TRANSIT,
        M.HANDED_TO_OTHER_CARRIER,
        confidence=0.75,
    ),
    rule(
        "picked_up",
        [
            # en
            r"\bpicked up\b|\bpick ?up scan\b|\bpicked-up\b|\bcollected\b|\bcollection scan\b",
            r"\b(accepted|acceptance)\b|\breceived (item |package |parcel |shipment )?(from|by) (the )?"
            r"(sender|shipper|merchant|customer|retailer)",
            r"\b(received|accepted) at (the )?origin|\bshipment received at origin",
            r"\bdrop[- ]?off\b|\bdropped off (at|by|with)|\bposted\b|\blodged\b|\bmailed\b",
            r"\bin (the )?(\w+ )?possession\b|\bhanded over (by (the )?(sender|shipper)|to us|to \w+\.?$)",
            r"\btaken (over |in )?(from|by)\b|\bhanded over by|\bpicked up from (the )?(sender|shipper)",
            r"\bwe('ve| have) (got|received|collected) your (parcel|package|item|shipment)",
            r"\btendered to (the |a )?(carrier|courier)\b|\bhanded over to (a|the) (carrier|courier)\b|\bregistered (by|at) (the )?(post office|"
            r"carrier|depot|branch|counter)",
            r"\breceived by \w+( post| express| courier)?\.?$|\bwith (the )?courier\b",
            # fr
            r"\bpris en charge|\bdepose (dans|au|en) (un |le |la )?(point postal|bureau|point de contact|"
            r"agence|boite)|\bcollecte\b|\bramasse\b|\bremis par l'?expediteur|\bprise en charge",
            # pt, es
            r"\bpostad[oa]\b|\bcoletad[oa]|\brecebido do remetente|\badmitid[oa]|\badmision\b",
            r"\brecogid[oa]|\brecogida realizada|\brecibido del remitente",
            # de, nl
            r"\beingeliefert|\babgeholt\b|\bubernommen|\bvom absender ubergeben|\baufgegeben",
            r"\baangenomen|\bopgehaald|\bafgegeven|\bontvangen (door|van)\b",
            # pl, it, ru
            r"\bnadanie\b|\bnadan[aoy]\b|\bprzyjet\w* (do (przewozu|nadania|wysylki)|od nadawcy)",
            r"\bodebran\w* od nadawcy|\bpresa in carico|\britirat[oa] dal corriere|\baccettat[oa]",
            r"принят\w* (в отделении|от отправителя|к пересылке)|при[её]м\b|получено от отправителя",
            # zh, ja, ko
            r"荷物受付|揽收|揽件|已收件|收寄|已收寄|攬收|攬件|取件成功|快件已被收取|集荷|引受|접수|집하|인수",
        ],
        S.IN_TRANSIT,
        M.PICKED_UP,
        unless=[
            r"\bnot (yet )?(been )?(picked up|collected|accepted|posted)",
            r"\b(ready|available|awaiting|waiting) (for|to be)",
        ],
    ),
]

MOVEMENT: list[TextRule] = [
    rule(
        "rerouted_or_forwarded",
        [
            r"\bredirect\w*|\bre-?rout\w*|\bforwarded\b|\bmis-?sort|\bmissent\b|\bmis-?routed",
            r"\b(delivery|address) (option|change|instructions?|preference)s? (requested|updated|changed|"
            r"received)|\b(redirect|reroute|reschedul\w*|hold) request",
            r"\bnew tracking number (assigned|issued)|\b(delivery )?rescheduled\b|\brequested (a )?(new |another )?delivery",
            r"\bredirige|\breencaminhad|\bredirigid|\bumgeleitet|\bomgeleid|\bprzekierowan",
        ],
        S.IN_TRANSIT,
        M.NONE,
        confidence=0.7,
    ),
    rule(
        "facility",
        [
            # en
            r"\b(arrived|arrival|arriving|departed|departure|departing|processed|processing|sorted|sorting|"
            r"scanned|scan|received|reached|transferred|loaded|unloaded|dispatched|despatched|left|leaving|at|"
            r"through|in|grouped|consolidated)\b.{0,45}\b(facility|hub|depot|terminal|gateway|"
            r"warehouse|station|branch|post office|delivery (office|unit|centre|center|station|site|depot)|"
            r"(sort|sorting|distribution|processing|parcel|logistics|mail|service|exchange) "
            r"(centre|center|facility|office|hub|unit|plant)|location|plant|network|origin|airport|"
            r"international processing|export hub|centre|center)",
            r"\bsorting complete|\bsorted\b|\bin sort process|\b(origin|destination|arrival|departure|"
            r"incoming|outgoing|export|import|hub) scan\b|\bprocessed\b|\bscanned\b|\bgrouped\b",
            r"\bdeparting origin|\bin sort\b|\bsorting\b|\breceived for processing|\bprocessing (at|in)\b",
            r"\borigin post is preparing|\bmoving within\b",
            # fr
            r"\bplate-?forme|\bcentre de (tri|distribution|traitement)|\bsite (de livraison|de distribution|"
            r"qui dessert)|\binstallation postale|\bagence\b|\b(traite|trie)e?\b|\barrivee? (sur|au|a)\b",
            r"\bdepart (de|du)\b",
            # pt, es
            r"\bunidade (de tratamento|de distribuicao|operacional)|\bcentro de (distribuicao|tratamento|"
            r"clasificacion|distribucion|tratamiento|logistica)|\bcdd\b|\bagencia\b|\balmacen\b",
            r"\bclasificad[oa]|\bprocesad[oa]\b|\bllegada a\b|\bsalida de\b|\brecebido na unidade",
            # de, nl
            r"\bpaketzentrum|\bzustellbasis|\bdepot\b|\bverteilzentrum|\bbearbeitet|\bsortiert|\bumgeschlagen",
            r"\bsorteercentrum|\bdistributiecentrum|\bgesorteerd|\bverwerkt\b",
            # pl, it, ru
            r"\bksieg\w* oddawcz|\bsortowni|\bz ladunkiem|\bw oddziale|\bw terminalu|\bcentrum (logistyczne|sortowania)|\bplacowk",
            r"\bcentro di smistamento|\bsmistat|\bfiliale\b|\barrivat[oa] (al|presso|nel)|\bpartit[oa] da",
            r"\bin lavorazione",
            r"сортировочн|сортировк|прибыло в|покинуло|обработк|погрузк|отправлено из",
            # zh, ja, ko
            r"已收入|已发出|已發出|到达|到達|离开|離開|发往|發往|转运中心|轉運中心|分拨中心|分撥中心|中转|中轉",
            r"出库|出庫|仓库|倉庫|集散|处理中心|處理中心|分拣|分揀|网点|網點|到着|発送|通過|中継|仕分|도착|발송|간선|터미널",
        ],
        S.IN_TRANSIT,
        M.FACILITY,
        confidence=0.8,
        unless=[r"\b(in transit|en route|on (the|its) way|heading|travel+ing|moving) (to|between|from)\b"],
    ),
    rule(
        "in_transit",
        [
            r"\bin transit\b|\bon (the|its) way\b|\ben ?route\b|\bmoving through\b|\btransit\b",
            r"\b(will|shall|should) be delivered|\bexpected (delivery|to be delivered)|\bscheduled (for )?delivery",
            r"\bsera (livre|distribue|remis)|\bsera entregue|\bsera entregad|\bwird .{0,40}zugestellt",
            r"\bwordt .{0,30}bezorgd|\bzostanie doreczon|\bsara consegnat|\bбудет доставлен",
            r"\b(arriving|running) (early|on[- ]time|late)|\bon schedule\b|\bdelay(ed)?\b|\bfulfilled\b",
            r"\bdeparted\b|\barrived\b|\bshipped\b|\bdispatched\b|\bdespatched\b",
            r"\ben transit\b|\ben (cours d'?)?acheminement|\ben cours de transport|\bretard\b",
            r"\bem transito|\bencaminhad[oa]|\ba caminho|\ben transito|\ben camino|\batras",
            r"\bunterwegs|\bauf dem weg|\bverzogerung|\bonderweg|\bvertraging",
            r"\bw drodze|\bw transporcie|\btranzyt|\bopoznien|\bin transito|\bin viaggio|\britardo",
            r"в пути|运输中|運輸中|在途|运送中|運送中|途中|輸送中|移動中|배송 ?중|이동 ?중",
        ],
        S.IN_TRANSIT,
        M.NONE,
        confidence=0.75,
    ),
]

NON_EVENTS: list[TextRule] = [
    rule(
        "not_a_tracking_step",
        [
            r"\binternal activity|\bnot applicable\b|^n/?a$|\binternal error|\bsms\b|\be-?mail (sent|notification)",
            r"\bniet van toepassing|\bnon applicable|\bnao aplicavel|\bno aplica",
        ],
        S.UNKNOWN,
        M.NONE,
        confidence=0.6,
    ),
]
