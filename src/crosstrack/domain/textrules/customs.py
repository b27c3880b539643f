"""Rules for routine customs and borders: export, release, import, leaving and entering countries.

Ordered: the classifier tries them in order and the first that fits decides. Customs trouble
(documents, duties, holds) is read earlier, by ``problems``. Rules guarded by
``PLACE_IS_COUNTRY`` need the classifier's gazetteer to apply. Phrasings are grouped by
language, as in ``delivery``.
"""

from __future__ import annotations

from crosstrack.domain.textrules.rule import Guard, TextRule, rule
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Status as S

CUSTOMS_AND_BORDERS: list[TextRule] = [
    rule(
        "export_customs",
        [
            r"\bexport (customs|clearance|declaration)",
            r"\bcustoms\b.{0,30}\bexport|\boutbound (customs|clearance)|\bcustoms transmission",
            r"\bcleared and awaiting|\bawaiting (international )?(departure|dispatch|despatch)",
            r"\bdedouanement export|\bdespacho de exportacion|\bausfuhr|\bexportabfertigung",
            r"\bodprawa eksportowa|\bsdoganamento (in )?export",
            r"\bdesalfandegamento (de )?exportacao|\bdesalfandegamento export",
            r"экспортн\w* (таможен|оформлен)|出口(报关|清关|海关|报检|報關|清關|海關|直封)|輸出(通関|手続)|수출 ?통관",
            # sv, da, no, fi
            r"\bexport(tull\w*|deklaration|klarering|fortullning)|\beksport(fortold\w*|told\w*|klarering|deklaration|fortolling|toll\w*)|\budforselsfortold",
            r"\bvienti(tull\w*|selvity\w*|ilmoitu\w*)",
            # tr, cs, uk, el, hu, ro
            r"\bihracat (gumruk|islem|beyan)\w*|\bcikis gumrug\w*",
            r"\bvyvozn\w* (celn\w*|rizeni|prohlas\w*)",
            r"експортн\w* (митн|оформл)|митн\w* оформлення (на )?експорт",
            r"\bεξαγωγ\w* (τελωνει\w*|εκτελωνισ\w*)|\bτελωνει\w* εξαγωγης",
            r"\bkiviteli (vam\w*|ugyint\w*)|\bexport\w* vamkezel\w*",
            r"\bvam\w* (la )?export|\bexport\w* vamal\w*|\bdeclarati\w* de export",
            # ar, he, th, vi, id, ms
            r"(تخليص|جمارك|الجمارك)( جمركي)? (لل|ال)?تصدير|تصدير جمركي",
            r"מכס (ב)?יצוא|שחרור (מכס )?ביצוא",
            r"ศุลกากรขาออก|พิธีการส่งออก",
            r"\bhai quan (xuat|noi xuat)|\bthong quan (xuat|chieu xuat)|\bxuat khau\b",
            r"\b(bea cukai|pabean|kastam) (ekspor|eksport)|\bpemeriksaan ekspor|\bproses ekspor",
        ],
        S.IN_TRANSIT,
        M.EXPORT_CUSTOMS,
    ),
    rule(
        "customs_released",
        [
            r"\breleased by (the )?(\w+ )?(clearing|customs|border|clearance) (agency|authority|force|services agency|broker)",
            r"\bout of customs\b|\bcleared by (the )?(\w+ )?customs\b|\bverzollung (ist )?abgeschlossen|\bvrijgegeven door de douane",
            r"\b(customs|import|export) (clearance )?(completed|complete|cleared|released|finished|done|"
            r"approved|successful)",
            r"\bcleared (by |through )?(customs|import|export)|\breleased (by|from) (the )?customs",
            r"\bclearance\b.{0,25}\b(completed|complete|successful|success|finished|done)\b|\bcleared customs",
            r"\bdedouanee?s?\b|\bformalites douanieres (terminees|effectuees)|\blibere par (la )?douane",
            r"\bliberado (pela|na) (alfandega|fiscalizacao|receita)|\bfiscalizacao aduaneira finalizada",
            r"\bdesembaraco (concluido|finalizado)|\bliberado por (la )?aduana|\bdespachado de aduana",
            r"\bdesalfandegad[oa]s?\b|\bdesalfandegamento (concluido|efetuado|efectuado|terminado|finalizado)",
            r"\bdespacho (de aduana|aduanero) (completado|finalizado|realizado)|\bdespachad[oa] (por )?(la )?aduana",
            r"\bverzollt|\bzollabfertigung (abgeschlossen|erfolgt)|\bvom zoll freigegeben",
            r"\bingeklaard|\bdouane.{0,20}vrijgegeven|\bodprawa celna zakonczona|\bzwolnion\w* przez (urzad|celn)",
            r"\bsdoganat|выпущено таможней|таможенное оформление .{0,40}завершено|выпуск (разрешен|товаров)",
            r"清关完成|清关成功|海关放行|已放行|完成清关|清關完成|海關放行|通関(手続き?)?(許可|完了|終了)|輸入許可|통관 ?완료",
            r"清關.{0,6}(已)?完成|已清關|清關成功|通關完成|통관 ?(승인|허가)|수입신고 ?수리",
            # sv, da, no, fi
            r"\b(tullklarerad|fortullad|tullbehandlad|fortullats|fortullades)\w*|\btull\w* (ar )?(klar|avslutad|godkand|slutford)\b|\bfri(slappt|given) av tull",
            r"\bfortoldet\b|\btoldklareret|\bfrigivet (af|fra) told|\bfortoldning(en)? (er )?(gennemfort|afsluttet|fuldfort)",
            r"\bfortollet\b|\btollklarert|\bfrigitt (av|fra) toll|\bfortolling(en)? (er )?(fullfort|ferdig|gjennomfort|avsluttet)",
            r"\btullattu\b|\btulliselvitetty|\btulli(selvitys)? (on )?(valmis|vapauttanut|hyvaksynyt|paattynyt)|\bvapautettu tullista|\btullaus (on )?valmis",
            # tr, cs, uk
            r"\bgumruk (islem\w* )?(tamamlandi|bitti|sonuclandi)|\bgumrukten (cikti|gecti|cikarildi|cikis|serbest)|\bgumruk cikisi",
            r"\bproclen[aoy]\b|\bpropusten\w* (celn\w*|do volneho)|\bceln\w* rizeni (ukonceno|dokonceno)|\bcelni odbaveni dokonceno",
            r"митн\w* (оформлення|контроль|очищення) (завершено|закінчено|пройдено)|випущено митниц|розмитнен|пройш\w* митн",
            # el, hu, ro
            r"\bεκτελωνιστηκε|\bεκτελωνισμ\w* (ολοκληρ\w*)|\bολοκληρ\w* (ο |του )?εκτελωνισμ|\bαποδεσμευ\w*.{0,15}τελων|\bελευθερωθηκε απο το τελωνειο",
            r"\bvamkezel\w* (befejez\w*|megtort\w*|lezar\w*|kesz)|\bvamkezelve|\belvamolva|\bvamkezelt\b",
            r"\bvamuit\w*|\bvamuire (finalizata|incheiata)|\beliberat\w* (din|de) vam|\bprocedur\w* vamal\w* (finalizat|incheiat)",
            # ar, he, th
            r"تم (ال)?تخليص|اكتمل\w* (ال)?تخليص|الافراج|افراج جمركي|خرجت من (ال)?جمارك|اجتاز\w* (ال)?جمارك",
            r"שוחרר\w* מ(ה)?מכס|שחרור מ(ה)?מכס|עבר (את )?(ה)?מכס",
            r"ผ่านพิธีการศุลกากร|ตรวจปล่อย|ปล่อยจากศุลกากร|ผ่านศุลกากร",
            # vi, id, ms
            r"\bda thong quan|\bthong quan (thanh cong|xong|hoan tat)|\bhoan tat (thu tuc )?(hai quan|thong quan)",
            r"\b(lolos|lulus|melewati|selesai) (pemeriksaan |proses )?(bea cukai|kastam|pabean)|\b(bea cukai|kastam|pabean)\w* (telah )?selesai",
            r"\bdilepas\w* (oleh )?(bea cukai|kastam)|\bpelepasan (kastam|bea cukai)|\bdiluluskan (oleh )?kastam",
        ],
        S.IN_TRANSIT,
        M.CUSTOMS_RELEASED,
    ),
    rule(
        "import_customs",
        [
            r"\bclearance process\b|\bborder force\b|\bborder services agency\b|\bborder protection\b",
            r"\baduaner\w*|\bkepabeanan|\bbea cukai|\btramites aduaneros",
            r"\bcustoms\b|\bclearance (in progress|started|processing|event|pending)|\bawaiting clearance",
            r"\b(import|inbound) (clearance|customs)|\bclearance processing",
            r"\bdouane|\bdedouanement|\balfandega|\baduaneir|\bfiscalizacao|\baduana|\bdespacho aduanero",
            r"\bdesalfandeg\w*",
            r"\bzoll|\bdouane|\bodpraw\w* celn|\burzad celny|\bdogana|\bsdoganamento",
            r"\bpagamento confirmado|\b(duties|taxes) (have been )?paid",
            r"таможн|таможен|进口清关|清关|进口报关|海关|進口清關|清關|海關|通関|税関|통관|세관",
            # sv, da, no, fi
            r"\btull(en|verket|behandling|hantering|kontroll|klarering|deklaration)?\b|\bfortullning|\bhos tullen",
            r"\btolden\b|\b(til|hos) told\b|\bfortold\w*|\btoldbehandl\w*|\btoldklarering|\btoldkontrol|\btoldmyndighed\w*|\btoldstyrelsen|\bi told(en)?\b",
            r"\btollen\b|\bfortoll\w*|\btollbehandl\w*|\btollklarering|\btollkontroll|\btollvesen\w*|\btolletaten|\bi toll\b",
            r"\btulli|\btullau\w*|\btullat\w*",
            # tr, cs, uk, el, hu, ro
            r"\bgumru[gk]\w*",
            r"\bceln[ií]\w*|\bcelnic\w*|\bprocleni\b",
            r"митн|митниц|розмитн",
            r"τελων|εκτελωνισ",
            r"\bvam(kezel|ugy|hatosag|hivatal|ellenor|eljaras|vizsgalat)\w*|\bvam(on|nal|nak|ra|tol)?\b",
            r"\bvam(a|ii|ala|ale|al|uire)\b|\bin vama\b",
            # ar, he, th, vi, id, ms
            r"جمرك|جمارك|تخليص",
            r"מכס",
            r"ศุลกากร",
            r"\bhai quan\b|\bthong quan\b",
            r"\bbea cukai\b|\bkastam\b|\bpabean\b",
        ],
        S.IN_TRANSIT,
        M.IMPORT_CUSTOMS,
        confidence=0.8,
    ),
    rule(
        "departed_origin_country",
        [
            # more languages
            r"\bsalida del pais de origen|\bexpedido para o pais de destino|\bdeparted from (the )?departure country",
            r"(交由|交付|交予)航空公司|已交航空|غادرت .{0,10}(بلد المنشأ|دولة المنشأ)",
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
            r"\bexpedicao internacional|\benviad[oa] para o pais de destino|\bsaiu de portugal",
            r"\bsalio del pais de origen|\bsalida internacional|\bhat das (abgangs|herkunfts)land verlassen",
            r"\benviad[oa] al pais de destino|\bsalid[oa] de espana",
            r"\bvertrokken uit (het )?land|\bopuscil\w* kraj|\bha lasciato il paese",
            r"\bpartit[oa] (dall'?italia|dal paese di origine|dal centro (internazionale|di scambio))|\bspedit[oa] (verso il|nel) paese di destinazione",
            r"\baffidat[oa] (al vettore aereo|alla compagnia aerea)",
            r"\b(entregue|entregad[oa]|consegnat\w*) (a|ao|al|a la|alla) (companhia aerea|compania aerea|aerolinea|compagnia aerea|vettore aereo)",
            r"покинул\w* (страну|место международного обмена)|вывезено|^экспорт\b|экспорт международн",
            r"отправлено (в страну назначения|за границу|за рубеж)|передано (авиаперевозчику|авиакомпании)",
            r"离开(中国|始发国|寄件国|出口国|互换局|交换站)|離開(中國|互換局|交換站)|航班(起飞|已起飞)|已交航|交航|已出境|出境",
            r"已離開(香港|台灣|臺灣|澳門)|寄往(目的地|海外)|(送交|交付|已交)航空公司",
            r"航空(会社|機)?(へ|に)(引渡|引き渡|搭載)|国際交換局から発送|出国|航空機搭載|출국|항공기 ?탑재|항공사 ?인계|해외 ?발송",
            # the carrier's own country, left
            r"\b(lamnat|lamnade) sverige|\bforladt danmark|\bforlatt norge|\blahtenyt suomesta|\bturkiye'?den (ayrildi|cikti|cikis)|\bopustil\w* (cr|ceskou republiku)\b",
            r"\bαναχωρ\w* απο (την )?(ελλαδα|κυπρο)|\ba parasit romania|\b(meninggalkan|keluar dari) (indonesia|malaysia)\b",
            # sv, da, no
            r"\blamna\w* (avsandar|ursprungs|avgangs|export)landet|\b(skickad|skickats|pa vag|sand|avgatt|skeppad) (till|mot) (mottagar|destinations)landet",
            r"\b(overlamnad|levererad|levererats|overlamnats) till flyg(bolag\w*|et)|\bavgatt fran utvaxlingskontor\w*|\bskickad utomlands",
            r"\bforladt (afsender|oprindelses|afgangs)landet|\b(afsendt|sendt|pa vej) (til|mod) (modtager|destinations)landet",
            r"\b(overdraget|afleveret|leveret) til (luftfartsselskab\w*|flyselskab\w*)|\b(forladt|afgaet fra) udvekslingskontor\w*|\bsendt til udlandet",
            r"\bforlatt (avsender|opprinnelses|avgangs)landet|\b(sendt|pa vei|videresendt) (til|mot) (mottaker|destinasjons)landet",
            r"\b(overlevert|levert) til (flyselskap\w*)|\bforlatt utvekslingskontor\w*|\bsendt (ut av norge|til utlandet)",
            # fi
            r"\blahtenyt (lahtomaasta|lahettajamaasta|alkuperamaasta|vaihtotoimipaikasta)|\b(lahetetty|matkalla) (kohdemaahan|vastaanottajamaahan|ulkomaille)",
            r"\b(luovutettu|toimitettu) lentoyhtiolle",
            # tr
            r"\byurt ?disina (gonderildi|cikis|sevk)\w*|\byurt ?disi (cikis|sevk)\w*|\b(ucaga|havayoluna|havayolu sirketine) (verildi|teslim|yuklendi)",
            r"\b(cikis|gonderen|mense|kaynak) ulke\w* (ayrildi|cikti)|\bulkeden (ayrildi|cikti|cikis)|\b(cikis|degisim) ofisinden (ayrildi|gonderildi|cikti)|\bvaris ulkesine (gonderildi|sevk)",
            # cs
            r"\bodeslan\w* do (zeme urceni|zahranici|cilove zeme)|\bodeslani (zasilky )?do (zeme urceni|zahranici)|\bopustil\w* (zemi|uzemi) (odeslani|puvodu|odesilatele)",
            r"\bpredan\w* (letecke spolecnosti|leteckemu dopravci)",
            # uk
            r"(відправлено|прямує) (за кордон|до країни призначення)|покину\w* (країну|територію) (відправлення|походження)",
            r"передано (авіаперевізнику|авіакомпанії)|вибул\w* (з|із) (україни|місця міжнародного|пункту міжнародного)",
            # el
            r"\b(αναχωρ|εφυγε|αποχωρ)\w* (απο )?(τη |την )?χωρα (αποστολης|προελευσης|αναχωρησης)",
            r"\b(εσταλη|αποστολη|απεσταλη|προωθηθηκε|αποστελλεται) (στη|προς τη|για τη) χωρα προορισμου|\bαποστολη (στο|προς) εξωτερικο",
            r"\b(παραδοση|παραδοθηκε) (σε |στην )?αεροπορικη|\bαναχωρ\w* απο (το )?(κεντρο|γραφειο) (διεθνους|ανταλλαγης)",
            # hu
            r"\belhagyta a (felado|kiindulasi|szarmazasi|kuldo) orszag\w*|\b(tovabbitva|elinditva|elkuldve|kuldve) (a )?(rendeltetesi|cel) ?orszag",
            r"\b(legitarsasagnak|legi fuvarozonak) atadva|\belhagyta magyarorszagot|\bkulfoldre (tovabbitva|inditva|kuldve)",
            # ro
            r"\bparasit\w* (tara|teritoriul) (de origine|expeditorului|de expediere)|\b(expediat|trimis|plecat)\w* (in|spre|catre) (tara de destinatie|strainatate)",
            r"\bpredat\w* (catre |la )?(compania aeriana|companiei aeriene|operatorului aerian|transportatorului aerian)|\b(plecat|expediat)\w* din (oficiul|centrul) de schimb",
            # ar
            r"(غادر|غادرت|مغادره)\w*( ال\w+)? (بلد|دوله) (المنشا|المصدر|الارسال|المرسل)|(غادر|غادرت|مغادره)\w*( ال\w+)? (مكتب|مركز) التبادل",
            r"(تسليم|سلمت|تم تسليم)\w*.{0,15}(شركه الطيران|الناقل الجوي|الخطوط الجويه)|(?<!\w)(ارسل|ارسلت|ارسال|شحنت|متجهه)\w* (الي|نحو) (بلد|دوله) (الوجهه|المقصد|المستلم)",
            # he
            r"(יצא|עזב|יצאה)\w* (את |מ)?(ארץ|מדינת) (ה)?מוצא|(נשלח|יצא|בדרך)\w* (ל|אל )(ארץ|מדינת) (ה)?יעד",
            r"(נמסר|הועבר)\w* (ל|אל )חברת (ה)?תעופה|יצא מ(ישראל|הארץ)|נשלח לחו.?ל",
            # th
            r"ออกจากประเทศ(ต้นทาง|ไทย)|(ส่งมอบ|ส่ง)(ให้|แก่)สายการบิน|ส่ง(ออก|ไป|ต่อไปยัง)ต่างประเทศ|ออกจากที่ทำการแลกเปลี่ยน|ขึ้นเครื่องบิน",
            # vi
            r"\broi (khoi )?(nuoc|quoc gia) (gui|di|xuat xu)|\b(giao|ban giao) (cho )?hang (bay|hang khong)|\bchuyen (di )?nuoc ngoai",
            r"\b(xuat|roi) khoi viet nam|\bdi khoi buu cuc ngoai dich|\bgui ra nuoc ngoai|\bda (bay|cat canh)\b",
            # id, ms
            r"\bmeninggalkan (negara|negeri) (asal|pengirim)|\b(diserahkan|dihantar|diserah) (ke|kepada) (maskapai|syarikat penerbangan|pengangkut udara)",
            r"\b(dikirim|dihantar|diberangkatkan|berangkat) (ke|menuju) (negara|negeri) (tujuan|destinasi)|\bberangkat dari kantor tukar|\bdihantar ke luar negara",
        ],
        S.IN_TRANSIT,
        M.DEPARTED_ORIGIN_COUNTRY,
    ),
    rule(
        "departed_named_country",
        [
            r"\bleft (?P<place>[a-z][a-z .\'-]{1,30}?) for (its |the )?destination",
            r"发往【?(?P<place>[^】，, ]{1,8})】?$",
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
            r"\breceived .{0,20}from (overseas|abroad)\b|\brecibido en el pais de destino|\boficina de cambio de destino",
            r"\bprzyjet\w* w kraju przeznaczenia",
            # more languages
            r"(运抵|運抵)目的地|到达目的地国|抵達目的地國|(国际|國際)快件已到达|(国际|國際)快件已到達",
            r"\barriv\w* .{0,40}\b(destination country|country of destination|destination post)",
            r"\barrival (at|in) destination (post|country|office)|\barrival from abroad",
            r"\b(arrived|received|arrival) (at|in) (the )?(inward|import|inbound) (office|exchange|hub|"
            r"facility)|\b(inward|inbound) (office of exchange|exchange office)",
            r"\barrived at the postal operator of the (country of )?destination",
            r"\breceived in (the )?destination country|\bimport scan\b",
            r"\brecebido (pelos correios do brasil|no brasil)|航班(已)?(到达|抵达)|\bflight arrived",
            r"\barrive dans le pays (du destinataire|de destination)|\barrivee dans le pays",
            r"\bchegou ao (brasil|pais de destino)|\bchegada ao (brasil|pais de destino)|\brecebido no brasil",
            r"\b(chegada|chegou|entrada) (a|em) portugal|\brecebido em portugal",
            r"\bllego al pais de destino|\bllegada al pais de destino|\bim zielland (angekommen|eingetroffen)",
            r"\b(llegada|llego|recibid[oa]) (a|en) espana",
            r"\bankunft im zielland|\bhat das zielland erreicht|\baangekomen in (het )?land van bestemming",
            r"\bdotarl\w* do kraju (przeznaczenia|docelowego)|\barrivat[oa] nel paese di destinazione",
            r"\b(arrivat[oa]|giunt[oa]) in italia",
            r"прибыл\w* (в (россию|страну назначения)|на территорию)|ввезено|импорт",
            r"到达(目的地国家|目的国|寄达国)|抵达目的国|已入境|到達目的國|入境|国際交換局(に)?到着|到着国|입국",
            r"(抵達|到達|已抵達|已到達)(香港|台灣|臺灣|澳門|目的地)|상대국 ?도착|도착국 ?도착",
            # sv, da, no, fi
            r"\b(anlant|ankommit|kommit|inkommit|mottagen|mottagits) (till|i) (sverige|mottagarlandet|destinationslandet)|\bankomst till (sverige|mottagarlandet)",
            r"\b(ankommet|kommet|modtaget|ankomst) (til|i) (danmark|modtagerlandet|destinationslandet)",
            r"\b(ankommet|kommet|mottatt|ankomst) (til |i )?(norge|mottakerlandet|destinasjonslandet)\b",
            r"\bsaapu\w* (suomeen|kohdemaahan|vastaanottajamaahan|maahan)\b|\bvastaanotettu suomessa",
            # tr, cs, uk
            r"\bturkiye'?(ye|ya)? (ulasti|giris yapti|geldi|vardi)|\bvaris ulkesine (ulasti|vardi|giris)|\b(yurda|ulkeye) giris|\byurt ?disindan (geldi|ulasti)",
            r"\b(dorazil|prisl|dovezen)\w* do (zeme urceni|ceske republiky|cr|cilove zeme)|\bprichod do (zeme urceni|cr)|\bprijat\w* (v|ve) (zemi urceni|cr|ceske republice)",
            r"(прибул|надійшл|ввезен)\w* (в|до|на територію) (україн\w*|країн\w* призначення)",
            # el, hu, ro
            r"\b(εφτασε|αφιξη|εισηλθε|παραληφθηκε|εισοδος)\w* (στην |στη |σε )?(ελλαδα|κυπρο|χωρα προορισμου)|\bαφιξη (απο|απ) (το )?εξωτερικο",
            r"\b(megerkezett|beerkezett|erkezett)\w* (magyarorszagra|a rendeltetesi orszagba|a celorszagba)|\b(rendeltetesi|cel) ?orszagba (erkezett|megerkezett)",
            r"\b(sosit|ajuns|intrat|primit)\w* (in|pe) (tara|romania|teritoriul romaniei|tara de destinatie)\b|\bsosire (in|pe) (tara|romania)",
            # ar, he, th
            r"(وصل|وصلت|وصول)\w*( ال\w+)? (الي )?(بلد|دوله) (الوجهه|المقصد|المستلم|الوصول)|(وصل|وصلت|وصول)\w*( ال\w+)? (الي )?(المملكه|الامارات|السعوديه|مصر|الكويت|قطر|البحرين|الاردن)",
            r"(הגיע|נקלט|התקבל|נחת)\w* (ב|ל)(ישראל|ארץ (ה)?יעד|מדינת (ה)?יעד)",
            r"(ถึง|เข้าสู่|มาถึง)ประเทศ(ปลายทาง|ไทย)",
            # vi, id, ms
            r"\b(da )?(den|toi|ve) (viet nam|nuoc nhan|quoc gia (nhan|dich|den))\b",
            r"\b(tiba|sampai|masuk|diterima) (di|ke) (indonesia|malaysia|negara tujuan|negeri tujuan|negara destinasi)\b",
        ],
        S.IN_TRANSIT,
        M.ARRIVED_DESTINATION_COUNTRY,
    ),
    rule(
        "arrived_named_country",
        [
            r"\bin (?P<place>[a-z][a-z .\'-]{1,30}?) aangekomen\b",
            r"^(?P<place>[^ ]{1,12}?) ?(에|に)? ?(도착|到着)$",
            r"(到达|到達|抵达|抵達)(?P<place>[^ ]{1,6}?)$",
            r"\b(arrived|arrival|received) (in|at) (the )?(?P<place>[a-z][a-z .'-]{1,40}?)\.?$",
            r"\b(received|processing|processed) (for processing )?in (the )?(?P<place>[a-z][a-z .'-]{1,40}?)\.?$",
        ],
        S.IN_TRANSIT,
        M.ARRIVED_DESTINATION_COUNTRY,
        guard=Guard.PLACE_IS_COUNTRY,
    ),
]
