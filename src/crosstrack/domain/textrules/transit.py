"""Rules for the journey itself: data received, pick-up, hand-overs, facilities, transit.

Ordered: the classifier tries them in order and the first that fits decides. Customs and
borders, read between data received and hand-overs, live in ``customs``. Rules guarded by
``OTHER_CARRIER`` need the classifier's context to apply. Phrasings are grouped by
language, as in ``delivery``.
"""

from __future__ import annotations

from crosstrack.domain.textrules.rule import Guard, TextRule, rule
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Status as S

_PARTY = r"(?P<party>[\w&.' -]{2,40}?)"

# A message sent to the recipient ("SMS sent", "notifikace odeslána") is a notification, not
# the parcel being sent or moving.
_NOTIFICATION_SENT = [
    r"\b(sms|mesaji|bildirimi?|bilgilendirme|e-?postasi?) gonderildi|تم ارسال (رساله|اشعار|اخطار)",
    r"\b(odeslan[aoy]?|dikirim|terkirim|trimis[ae]?|sendt|skickad|lahetetty|elkuldve|enviad[oa]|inviat[oa]) (sms|notifikace|notifikasi|notificare|e-?mail)",
    r"\b(sms|notifikace|notifikasi|notificare|pemberitahuan)\b.{0,30}\b(odeslan|dikirim|terkirim|trimis|sendt|skickad|lahetetty|elkuldve)",
    r"알림|문자 ?(발송|전송)",
]

INFO_RECEIVED: list[TextRule] = [
    rule(
        "info_received",
        [
            r"^information received\b",
            # more languages: shipment data received, waybill created
            r"\bobdrzeny udaje|\budaje (o|k) zasilce|\belektronicky (oznamen|prijat)|\belektronikusan rogzitette|\badatait rogzitette",
            r"\bawb-?ul a fost (generat|creat)|\bdate(le)? (de expediere )?(primite|receptionate)|\bdati (di )?spedizione ricevuti",
            r"\benvio registado pelo remetente|\bregistad[oa] pelo remetente|\bthe sender has told us|\bdata pengiriman (telah )?diterima",
            r"створено (електронну )?накладну|відправник (самостійно )?створив|εχουν ληφθει τα στοιχεια|στοιχεια (της )?αποστολης",
            r"운송장(이|을)? ?(등록|발행|출력)|お荷物(の)?情報(が|を)?(登録|受付)|寄件人已建立|已建立託運單|託運單|托运单已",
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
            r"\ba?guard\w* entrada (nos|na|no)\b|\binformacao (de envio )?recebida|\bpre-?registo|\bpre-?registrad|\bprerregistr",
            # de, nl
            r"\belektronisch angekundigt|\bsendungsdaten|\bauftragsdaten|\bnoch nicht (an uns )?ubergeben",
            r"\bvom absender vorbereitet|\bvoorgemeld|\bvooraangemeld|\bnog niet .{0,30}(ontvangen|aangenomen)",
            r"\bzending verwacht|\blabel aangemaakt",
            # pl, it, ru
            r"\bnadawca przygotowal|\bdane przesylki|\bprzesylka zarejestrowana|\boczekuje na nadanie",
            r"\bspedizione (creata|registrata)|\bin attesa di (ritiro|presa in carico)|\bdati ricevuti",
            r"\betichetta (creata|stampata|generata)|\bspedizione in preparazione|\bordine (creato|registrato)",
            r"присвоен (трек|почтовый идентификатор)|информация (об отправлении )?получена|ожидает приема",
            r"электронн\w* (уведомлени|информаци)|создан\w* (заказ|накладн)",
            r"заказ (зарегистрирован|создан)|отправление зарегистрировано|^создан\w*\.?$",
            # zh, ja, ko
            r"已下单|下单成功|订单已创建|电子信息|電子資料|电子数据|等待揽收|待揽收|待攬收|面单|面單|已接单|已接單",
            r"(データ|情報)(を)?受付|荷物情報|伝票番号|出荷準備|発送準備中|引受前|송장 ?(등록|출력)|상품 ?준비",
            r"出荷予定|(送り状|ラベル)(発行|作成)|(データ|情報)(受信|受領)|주문 ?접수|배송 ?준비 ?중|집하 ?예정",
            # sv, da, no
            r"\belektronisk\w* (information|avisering|aviserad)|\bhar aviserats elektroniskt|\baviserad (elektroniskt|av avsandaren|fran avsandaren)",
            r"\b(information|uppgifter) om forsandelsen (har )?(mottagits|tagits emot|inkommit)|\bvi har (fatt|tagit emot) (information|uppgifter)",
            r"\bannu inte (lamnats|inlamnad|overlamnad)|\bfraktsedel (skapad|utskriven)",
            r"\belektronisk (besked|information|advisering|meddelelse)|\bforsendelsen er (registreret|oprettet)|\bafsender(en)? har (oprettet|registreret|bestilt)",
            r"\bvi har modtaget (information|besked|oplysninger)|\b(oplysninger|information) om (forsendelsen|pakken)|\bendnu ikke (modtaget|indleveret)|\blabel (oprettet|printet)",
            r"\belektronisk (melding|informasjon|varsel)|\bmelding om (sending|forsendelse)|\bregistrert (hos|av) (posten|bring|avsender\w*)|\bsendingen er (registrert|opprettet)|\bvi har mottatt (informasjon|melding|beskjed) om",
            r"\benna ikke (mottatt|levert inn|innlevert)|\bavsender har (registrert|opprettet|bestilt)|\bordre (mottatt|registrert)",
            # fi
            r"\blahetyksen tiedot|\btiedot (on )?(vastaanotettu|saatu|rekisteroity)|\bennakkotiedot|\blahettaja on (luonut|rekisteroinyt|ilmoittanut)",
            r"\bodottaa (lahettajalta|luovutusta|lahettajan)|\bosoitekortti (tulostettu|luotu)|\bei viela (vastaanotettu|luovutettu)|\blahetys on rekisteroity",
            # tr
            r"\b(gonderi|kargo|siparis)\w* bilgi\w* (alindi|olusturuldu|iletildi)|\b(kargo|gonderi) kaydi olusturuldu|\bgonderi olusturuldu|\bbarkod olusturuldu",
            r"\bhenuz kargoya verilmedi|\b(gonderici|satici) tarafindan hazirlaniyor|\bsiparis hazirlaniyor|\belektronik bilgi",
            # cs
            r"\belektronick\w* (data|informace|udaje|avizo)|\b(data|udaje|informace) o zasilce (byla |byly )?(prijat|obdrzen|predan)\w*|\bzasilka (byla )?zaregistrovan\w*",
            r"\bceka na (podani|predani)|\bodesilatel (pripravil|vytvoril|zalozil)|\b(zatim|jeste) nebyla (predana|podana)|\bstitek (vytvoren|vytisten)|\bprijeti dat\b",
            # uk
            r"створ\w* (експрес-)?(накладн|ттн|відправленн|посилк)|накладн\w* створен|очікує (надходження|передачі)|ще не (надано|передано|надійшло)",
            r"(зареєстровано|оформлено) (відправлення|в системі)|дані (отримано|про відправлення)|електронн\w* (повідомлен|дан|інформац)|готується до відправлення",
            # el
            r"\bδημιουργ\w* (η )?(αποστολη|ετικετα|voucher|συνοδευτικ\w*)|\bλαβαμε (τα στοιχεια|πληροφοριες)|\bηλεκτρονικ\w* (στοιχεια|ενημερωση|πληροφορ\w*)",
            r"\bαναμονη (παραδοσης|παραλαβης) απο (τον )?αποστολεα|\bδεν εχει (ακομα )?παραληφθει|\bκαταχωρηθηκε|\bστοιχεια αποστολης",
            # hu
            r"\b(kuldemeny|csomag)\w* adata\w* (beerkez|rogzit|megerkez)\w*|\bcsomagadat\w* (beerkez|megerkez)\w*|\belektronikus (adat|ertesites|elorejelzes)\w*",
            r"\ba felado (rogzitette|letrehozta|elokeszitette)|\bfelvetelre var|\bmeg nem (erkezett be|adtak fel|kerult atadasra)|\bcimke (nyomtatva|letrehozva)|\belorejelzett",
            # ro
            r"\bawb\w* (creat|generat|emis)\w*|\b(date|informatii) (de expediere )?(primite|despre expediere)|\bexpediere (inregistrata|creata)|\bcolet inregistrat",
            r"\bin asteptarea predarii|\basteapta (preluarea|ridicarea) (de la|de catre|din partea) (expeditor|curier)|\bexpeditorul a (creat|generat|pregatit)",
            # ar, he, th
            r"تم (انشاء|تسجيل) (ال)?(شحنه|بوليصه|طلب)|(بيانات|معلومات) (ال)?شحنه|بانتظار (استلام (ال)?شحنه من|تسليم) (ال)?(مرسل|شاحن)|لم يتم استلام (ال)?شحنه بعد",
            r"התקבל מידע|מידע (על|אודות) (ה)?משלוח|(ה)?משלוח נרשם|נרשם במערכת|נוצרה (תווית|הזמנת משלוח)|השולח (יצר|רשם|הכין)|טרם נמסר|ממתין למסירה מ(ה)?שולח",
            r"ได้รับข้อมูล(การจัดส่ง|พัสดุ|ล่วงหน้า)|สร้าง(รายการ|ข้อมูล|ใบ)(จัดส่ง|พัสดุ)|ผู้ส่ง(กำลัง)?เตรียม(พัสดุ|การจัดส่ง)|รอ(การ)?เข้ารับ|ยังไม่ได้ส่งมอบ|รอผู้ส่ง",
            # vi
            r"\btao don( hang)?( thanh cong)?\b|\bdon hang da (duoc )?tao|\b(cho|chua|dang) lay hang|\bdang cho (lay|ban giao)|\bnguoi gui (dang chuan bi|da tao)",
            r"\bda tiep nhan (don|thong tin)|\bthong tin (don hang|buu gui) (da duoc )?(tao|tiep nhan)|\bcho ban giao|\bcho xac nhan",
            # id, ms
            r"\bpesanan (dibuat|telah dibuat|diterima|sedang diproses)|\bdata (kiriman|paket|pengiriman|penghantaran) (diterima|dibuat)|\bmanifes\b|\blabel (dibuat|dicetak)",
            r"\bmenunggu (pick[- ]?up|penjemputan|pengambilan oleh kurir|dijemput|diserahkan)|\bbelum (diserahkan|dijemput|diterima kurir|dikirim)",
            r"\bpengirim (sedang )?(menyiapkan|mempersiapkan)|\b(informasi|maklumat) (penghantaran|pengiriman|kiriman) (telah )?diterima",
        ],
        S.INFO_RECEIVED,
        M.LABEL_CREATED,
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
            rf"\b(overlamnad|overlamnats|overlamnades) till {_PARTY}(\.|$|,| for)",
            rf"\b(overdraget|overleveret|overgivet) til {_PARTY}(\.|$|,| for| til)",
            rf"\boverlevert til {_PARTY}(\.|$|,| for)",
            rf"\bpredan\w* (dopravci |prepravci |spolecnosti |partnerovi )?{_PARTY}(\.|$|,| k | pro )",
            rf"\batad\w* (a |az )?{_PARTY}(-nek|-nak)?( reszere)?(\.|$|,| kezbesit)",
            rf"\bpredat\w* (catre |la )?{_PARTY}(\.|$|,| pentru)",
            rf"\b(ban giao|chuyen giao|da giao) (cho|sang) {_PARTY}(\.|$|,)",
            rf"\bdiserahkan (ke|kepada) {_PARTY}(\.|$|,| untuk)",
            rf"\b(levererad\w*|levererats|(af|ud)?leveret|(ut)?levert|dorucen\w*|doruceno|livrat\w*|entregue|entregad[oa]|consegnat\w*|dihantar) "
            rf"(till|til|ao|a|al|alla|a la|catre|la|ke|kepada|do) {_PARTY}(\.|$|,)",
            rf"^(gonderi |kargo |paket )?{_PARTY}'(ye|ya|e|a|ne|na) teslim edildi",
            rf"\baffidat[oa] (a|al corriere|al vettore) {_PARTY}(\.|$|,| per)",
        ],
        S.IN_TRANSIT,
        M.HANDED_TO_OTHER_CARRIER,
        guard=Guard.OTHER_CARRIER,
    ),
    rule(
        "handed_to_partner",
        [
            r"(交付|交由|转交|轉交) ?[a-z][a-z0-9 &.-]{1,30}",
            # more languages: handed to a partner / the destination postal operator
            r"\b(overlamnats|overlamnad|overdraget|overlevert|luovutettu|predan[aă]|predat[aă]|atadat|atadva)\b.{0,40}\b(mottagarlandets|lokal|lokale|partner|partener|destinat|kumppani|operator|distributor|postoperat|kuller)",
            r"передано .{0,20}(для доставки|партнер|перевізник)|παραδοθηκε σε συνεργαζομεν|συνεργαζομενη εταιρεια",
            r"ส่งมอบ.{0,20}(พันธมิตร|บริษัทขนส่ง)|타 ?택배사로? ?인계|(提携|協力)(配送)?業者(に|へ)(引渡|引き渡)|交由.{0,10}(派送|配送)|\baffidat[oa] al corriere partner",
            r"\b(handed|transferred|passed|tendered|forwarded) (over )?to (the |a |our )?(local|last[- ]mile|"
            r"destination|delivering|delivery|partner|final[- ]mile|domestic|postal) (carrier|courier|"
            r"partner|agent|post(al)?( service| operator)?|company)",
            r"\b(tracked|tracking) further in the tracking system|\btracking continues (with|under|at)",
            r"\bnew tracking number\b.{0,20}\b(with|by|from) ",
            r"\bremis (au|a un) (transporteur|partenaire)|\ban (den )?(zustell)?partner ubergeben",
            r"\boverdragen aan (de )?(lokale )?(vervoerder|partner)",
            r"转交|轉交|交由.{0,10}(派送|配送)|移交|转运至.{0,10}(派送|承运)",
            r"\bentregue (a|ao|a uma) (transportadora|parceiro|operador)|\bentregad[oa] (al|a la) (transportista|operador|socio)",
            r"\bconsegnat\w* (al|a|ad un) (partner|vettore|trasportatore|spedizioniere)",
            r"передано (перевозчику|партнеру|в службу доставки|в курьерскую службу|курьерской службе)",
            # sv, da, no, fi
            r"\boverlamna\w* till (en |var )?(lokal|extern|annan) (transportor|partner|leverantor|speditor|distributor)|\boverlamnad till transportor",
            r"\boverdraget til (en |vores )?(lokal |ekstern |anden )?(transportor|fragtforer|partner|samarbejdspartner|vognmand)",
            r"\boverlevert til (en |var )?(lokal |ekstern |annen )?(transportor|samarbeidspartner|partner|speditor)",
            r"\bluovutettu (paikalliselle|yhteistyokumppanille|kuljetusyhtiolle|jakelukumppanille|toiselle kuljetusyhtiolle)",
            # tr, cs, uk, el, hu, ro
            r"\b(anlasmali|partner|yerel|diger) (kargo )?(firma|sirket|tasiyici)\w* (teslim|devredildi|aktarildi|verildi)",
            r"\bpredan\w* (partnerskemu|externimu|mistnimu|jinemu|smluvnimu) (dopravci|prepravci)|\bpredan\w* (partnerovi|dopravci|prepravci)\.?$",
            r"передано (партнеру|іншому перевізнику|місцевому перевізнику|перевізнику)",
            r"\bπαραδοθηκε σε συνεργατ\w*|\bπαραδοση σε (συνεργαζομενη|τοπικη) (εταιρεια|courier)|\bπαραδοθηκε (στον |σε )?μεταφορεα",
            r"\b(atadva|atadtuk|atadasra kerult) (a |egy )?(partner|helyi|kezbesito|kulso) ?(szolgaltato\w*|futar\w*|partner\w*|ceg\w*)|\b(partnernek|futarszolgalatnak) atadva",
            r"\bpredat\w* (catre |la )?(partener\w*|curier partener|transportator\w*|operatorul local)",
            # ar, he, th, vi, id, ms
            r"(تسليم|سلمت|نقل|تحويل)\w*( ال\w+)? (الي ال|الي |لل|ل)(شريك|ناقل|شركه الشحن|شركه التوصيل)",
            r"הועבר\w* (ל|אל )(חברת (ה)?(שילוח|שליחויות|הובלה)|מוביל|שותף)|נמסר\w* (ל|אל )(חברת|מוביל|שותף)",
            r"ส่งต่อให้(บริษัท|ขนส่ง|พันธมิตร|ผู้ให้บริการ)|ส่งมอบให้(บริษัท)?(ขนส่ง|พันธมิตร)",
            r"\b(ban giao|chuyen giao|giao) (cho|sang) (doi tac|don vi van chuyen|hang van chuyen|ben van chuyen)",
            r"\bdiserahkan (ke|kepada) (mitra|kurir mitra|rakan kongsi|ekspedisi|pihak ketiga|syarikat penghantaran)|\bdialihkan ke (mitra|ekspedisi)",
        ],
        S.IN_TRANSIT,
        M.HANDED_TO_OTHER_CARRIER,
        confidence=0.75,
    ),
    rule(
        "picked_up",
        [
            r"\bditerima oleh (j&t|jnt|jne|pos indonesia|sicepat|anteraja|kurir|agen|gerai|drop ?point)",
            # more languages: accepted from the sender, collected by the courier
            r"забрав відправлення|прийнято від відправника|αποδοχη (αντικειμενου|αποστολης)|\bfelvetele megtortent|\bfelvette\b",
            r"\bdepus[aă]? la (oficiul|ghiseul|agentia)|\bpredat[aă]? (de expeditor|la ghiseu)|נמסר לדואר על ידי השולח|התקבל מהשולח",
            r"已集貨|已集货|集貨完成|\bposting/collection\b|\bposting\b",
            # en
            r"\bpicked up\b|\bpick[- ]?up scan\b|\bpicked-up\b|\bcollected\b|\bcollection scan\b",
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
            r"принят\w* на склад\w* отправител",
            # zh, ja, ko
            r"荷物受付|揽收|揽件|已收件|收寄|已收寄|攬收|攬件|取件成功|快件已被收取|集荷|引受|접수|집하|인수",
            r"交寄|집화",
            # a hand-over to a named carrier that is the reporting carrier itself
            r"\b(overlamna\w* till|overdraget til|overlevert til|predan\w* (dopravci|prepravci)|ban giao cho|diserahkan (ke|kepada)) \w+\.?$",
            # pt, it
            r"\baceite\b|\baceitacao\b|\b(consegnat|affidat)\w* (al|a) (corriere|vettore)\b(?! per la consegna)",
            # sv, da, no
            r"\b(inlamnad|inlamnats|inlamnat|lamnats in|lamnades in|upphamtad|upphamtat)\b|\b(hamtad|hamtats|hamtades) (hos|fran) avsandar\w*",
            r"\b(lamnats|lamnades|inlamnad|ankommit) (in )?(till|hos) (postnord|dhl|bring|schenker|budbee|ombud\w*)\b",
            r"\b(vi har tagit|har tagits) emot (forsandelsen|paketet|din forsandelse)|\b(mottagen|mottagits|tagits emot) (av|hos) (postnord|oss|dhl|bring|schenker|budbee|instabox|db schenker)",
            r"\bindleveret\b|\bindlevering\b|\b(af)?hentet (hos|fra) (afsender\w*|kunde\w*)|\bvi har modtaget (din |pakken|forsendelsen)|\bmodtaget (af|hos) (postnord|gls|dao|bring|os)\b|\bafhentet\b",
            r"\binnlevert\b|\binnlevering\b|\bmottatt (av|hos) (bring|posten|oss|postnord)|\b(hentet|opphentet) (hos|fra) avsender\w*|\bvi har mottatt (sendingen|pakken)|\bsendingen er mottatt\b(?! pa)",
            # fi
            r"\bvastaanotettu (kuljetettavaksi|kuljetukseen|lahettajalta|postissa|postiin|toimipisteessa)|\bnoudettu lahettajalta|\bjatetty (kuljetettavaksi|postiin|lahetettavaksi)",
            r"\blahetys on vastaanotettu\.?$|\bluovutettu (postille|kuljetukseen|kuljetettavaksi)|\bposti on vastaanottanut",
            # tr
            r"\bzasilka (byla )?prevzata\.?$",
            r"\bkabul edildi|\bgonderi kabul|\bteslim alindi\b|\bkargoya (verildi|teslim edildi)|\b(gonderici|gonderen)den (teslim )?alindi|\bsubeye (birakildi|teslim edildi)|\bgonderici subede",
            # cs
            r"\bpodani zasilky|\bzasilka (byla )?podana|\bpodan[ao]\b|\bprevz\w* (zasilk\w* )?(od odesilatele|do prepravy|k preprave)",
            r"\bprijat\w* (k preprave|do prepravy|od odesilatele)|\bsvoz od odesilatele|\bvyzvednut\w* (od|u) odesilatel\w*",
            # uk
            r"\bприйнят\w*|\bприйом\b|отримано від відправника|забрано (у|від) відправника",
            # el
            r"\bπαραληφθηκε απο (τον )?αποστολεα|\bπαραλαβη απο (τον )?αποστολεα|\bαποδοχη αποστολης|\bη αποστολη (εγινε δεκτη|παραληφθηκε)\.?$",
            r"\bκαταθεση (στο|σε) καταστημα|\bπαραδοθηκε απο (τον )?αποστολεα|^παραλαβη\.?$",
            # hu
            r"\bpostai felvetel|\bfelvetel\b|\bfelveve\b|\b(gls|posta|futar|mpl|dpd|express one|sameday|foxpost)\w* atvette|\batvett\w* a feladotol|\bfeladotol atveve|\bfeladva\b|\bfeladas\b",
            # ro
            r"\bpreluat\w* (de (catre )?curier|de la expeditor|in (sistem|depozit)|spre expediere)|\bridicat\w* de la expeditor|\bpredat\w* de expeditor",
            r"\bprimit la oficiul postal|\bdepus la (oficiul|ghiseu)|\b(expediere|colet) preluat\w*|\bdepunere\b",
            # ar, he, th
            r"(تم )?استلام\w*( ال\w+)? (من|لدي) (ال)?(مرسل|شاحن|عميل|بائع)|استلمت من (ال)?مرسل|تم استلام (ال)?(شحنه|طرد)$|تم (ال)?قبول|تم (ال)?ايداع|قبول (ال)?شحنه",
            r"(נאסף|נאספה|איסוף) מ(ה)?שולח|התקבל (למשלוח|לשילוח|מ(ה)?שולח)|הפריט נקלט|(נמסר|הופקד) (ע.?י|על ידי) (ה)?שולח",
            r"รับฝาก|รับเข้าระบบ|รับพัสดุ(จากผู้ส่ง|เข้าระบบ)|เข้ารับพัสดุ(แล้ว|สำเร็จ)|ผู้ส่งส่งพัสดุที่",
            # vi
            r"\bda lay hang|\blay hang thanh cong|\bchap nhan\b|\bnhan (hang )?tu nguoi gui|\bbuu ta da (nhan|lay) hang|\bda nhan hang tu|\bda tiep nhan (buu gui|hang|buu pham)|\bgui tai buu cuc",
            # id, ms
            r"\b(di ?pick[- ]?up|dijemput|diambil) (oleh )?(kurir|petugas|sprinter)|\bditerima (oleh|di) (kurir|sprinter|petugas|driver|counter|kaunter|agen|kantor pos|gerai|konter|loket)|\bposting loket",
            r"\b(pengambilan|diambil) dari pengirim|\bditerima (daripada|dari) (pengirim|pelanggan)|\bdiposkan\b|\bdipungut daripada (pengirim|penghantar)|\bpenerimaan di (loket|kaunter|counter)",
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
        "notification_sent",
        [
            # A message to the recipient about the parcel is no step of the parcel's own.
            r"\b(sms|e-?mail|text message|push notification)\b.{0,40}\b(sent|envoye|enviad|inviat|verschickt|verzonden|wyslan|gonderildi|skickat|sendt|lahetetty|odeslan|elkuldtuk|trimis)",
            r"\b(bilgilendirme|bildirim)\w* gonderildi|\bsms (gonderildi|notification)",
        ],
        S.UNKNOWN,
        M.NONE,
        confidence=0.6,
    ),
    rule(
        "rerouted_or_forwarded",
        [
            r"\bredirect\w*|\bre-?rout\w*|\bforwarded\b|\bmis-?sort|\bmissent\b|\bmis-?routed",
            r"\b(delivery|address) (option|change|instructions?|preference)s? (requested|updated|changed|"
            r"received)|\b(redirect|reroute|reschedul\w*|hold) request",
            r"\bnew tracking number (assigned|issued)|\b(delivery )?rescheduled\b|\brequested (a )?(new |another )?delivery",
            r"\bredirige|\breencaminhad|\bredirigid|\bumgeleitet|\bomgeleid|\bprzekierowan",
            r"\bvideresendt\b|\bomdirigera\w*|\bomdirigere\w*|\bomadresser\w*|\buudelleenohja\w*|\bpresmerovan\w*|\batiranyit\w*|\bredirectionat\w*|перенаправлен|переадресован",
            r"配達(希望|日時)(受付|変更)|お届け(日時|予定日?)(の)?変更|転送|배송지 ?변경|改寄|轉寄",
        ],
        S.IN_TRANSIT,
        M.NONE,
        confidence=0.7,
    ),
    rule(
        "facility",
        [
            r"غادرت الشحنة (مرفق|منشأة)|وصلت الشحنة (إلى|الى) (مرفق|منشأة)",
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
            r"\bcentro operacional|\bcentro de (triagem|producao)|\bentrada (em|no) (centro|armazem)|\bsaida (do|de) (centro|armazem)|\bem armazem",
            r"\bclasificad[oa]|\bprocesad[oa]\b|\bllegada a\b|\bsalida de\b|\brecebido na unidade",
            # de, nl
            r"\bpaketzentrum|\bzustellbasis|\bdepot\b|\bverteilzentrum|\bbearbeitet|\bsortiert|\bumgeschlagen",
            r"\bsorteercentrum|\bdistributiecentrum|\bgesorteerd|\bverwerkt\b",
            # pl, it, ru
            r"\bksieg\w* oddawcz|\bsortowni|\bz ladunkiem|\bw oddziale|\bw terminalu|\bcentrum (logistyczne|sortowania)|\bplacowk",
            r"\bcentro di smistamento|\bsmistat|\bfiliale\b|\barrivat[oa] (al|presso|nel)|\bpartit[oa] da",
            r"\bin lavorazione",
            r"\bcentro (operativo|logistico|di lavorazione|di distribuzione)|\bin arrivo (al|presso) (centro|hub|filiale)",
            r"сортировочн|сортировк|прибыло в|покинуло|обработк|погрузк|отправлено из",
            r"прибыл\w* (на|в) (склад|сортировочн|терминал|пункт)|принят\w* на склад|сдан\w* перевозчику",
            # zh, ja, ko
            r"已收入|已发出|已發出|到达|到達|离开|離開|发往|發往|转运中心|轉運中心|分拨中心|分撥中心|中转|中轉",
            r"出库|出庫|仓库|倉庫|集散|处理中心|處理中心|分拣|分揀|网点|網點|到着|発送|通過|中継|仕分|도착|발송|간선|터미널",
            r"處理中|处理中|물류센터|집중국|허브",
            # sv, da, no
            r"\b(ankommit|anlant|ankom|avgatt|lamnat|lamnade|sorterad|sorterats|hanterad|lastad|lastats|mottagen|omlastad|skickad|skickats|skickades)\b.{0,40}\b(terminal\w*|sorteringscentral\w*|paketcentral\w*|utdelningsenhet\w*|postterminal\w*|lager\w*|distributionscentral\w*|utvaxlingskontor\w*)",
            r"\bsorterad\b|\bsorterats\b|\b(lamnat|ankommit till|anlant till) terminalen",
            r"\b(ankommet|ankom|afgaet|afsendt|forladt|sorteret|modtaget|behandlet|lastet|omlastet|scannet|leveret|afleveret)\b.{0,40}\b(terminal\w*|pakkecent\w*|sorteringscent\w*|depot\w*|distributionscent\w*|lager\w*|omdelingscent\w*)",
            r"\bsorteret\b|\bforladt (terminalen|pakkecentret|depotet)",
            r"\b(ankommet|ankom|avreist|sendt|forlatt|sortert|mottatt|behandlet|lastet|omlastet|skannet)\b.{0,40}\b(terminal\w*|sorteringssentral\w*|pakkesenter\w*|lager\w*|distribusjonssenter\w*)",
            r"\bsortert\b",
            # fi
            r"\b(saapunut|lahtenyt|lajiteltu|kasitelty|vastaanotettu|siirretty)\b.{0,40}\b(lajittelu\w*|terminaali\w*|logistiikka\w*|jakelu(piste|keskus|terminaali|toimipaikka|yksikko)\w*|toimipaikka\w*|keskukse\w*|varasto\w*|postikeskus\w*)",
            r"\blajiteltu\b|\blajittelussa\b",
            # tr
            r"\b(transfer|aktarma|dagitim|islem|isleme|lojistik|operasyon) merkez\w*|\b(cikis|varis|teslimat|dagitim) (subes\w*|birim\w*)|\bsube\w* (ulasti|geldi|cikti|ayrildi)",
            r"\bulasti\b|\bayrildi\b|\bisleme alindi|\bgonderici subede\b",
            # cs
            r"\b(v|ve|do|z|ze) (depu|depo|depa|tridicim|tridiciho|tridirn\w*|sberne\w*|prekladist\w*|logistick\w*|distribucni\w*|hubu?)\b",
            r"\b(dorazil|opustil|odjel|odeslan|prijat|zpracovan|vypraven|triden|pretriden)\w*\b.{0,40}\b(dep\w*|tridic\w*|tridirn\w*|sklad\w*|centr\w*|posty|poste|postu|provozovn\w*|hub\w*)",
            r"\bzpracovani zasilky|\btrideni\b|\bvypraveni zasilky",
            # uk
            r"отримано (на|у|в) (склад|сортувальн|термінал|депо)|сортувальн|сортування|(прибул|надійшл|відправлено|залишил|покинул|вибул|оброблено)\w*.{0,40}(центр|відділенн|термінал|склад|депо|вузл)|обробк|обробля",
            # el
            r"\b(αφιξη|αναχωρηση|εφτασε|αναχωρησε|διαλογη|διακινηση)\w*.{0,40}(κεντρο|καταστημα|σταθμο|αποθηκη|hub|κομβο)|\bκεντρο (διαλογης|διανομης)|\bδιαλογη\b|\bδιακινηση\b",
            # hu
            r"\b(erkezett|beerkezett|megerkezett|elhagyta|tovabbitva|feldolgozva|atrakva|szortirozva|elinditva)\b.{0,40}\b(depo\w*|kozpont\w*|logisztikai\w*|uzem\w*|postara|postahivatal\w*|csomagkozpont\w*|raktar\w*|elosztokozpont\w*|hub)",
            r"\b(depo|kozpont|logisztikai kozpont|feldolgozo uzem|csomagkozpont)\w* (erkezett|elhagyta)|\bfeldolgoz\w*|\bszortirozva|\bszortirozas",
            # ro
            r"\b(sosit|ajuns|plecat|iesit|procesat|prelucrat|sortat|intrat)\w*\b.{0,40}\b(depozit\w*|centru\w*|hub\w*|oficiu\w*|agentie\w*)|\bin depozit\b|\bcentrul de (sortare|procesare|distributie)",
            r"\bsortat\b|\bprocesat\b|\bprelucrat\b",
            # ar, he, th
            r"(وصل|وصلت|وصول|غادر|غادرت|مغادره|خرجت|معالجه|فرز)\w*.{0,30}(مركز|مستودع|منشاه|محطه|فرع|مكتب)|مركز (ال)?فرز|تم (ال)?فرز|قيد (ال)?معالجه|في (ال)?(مركز|مستودع|منشاه)",
            r"(הגיע|יצא|נקלט|התקבל|עזב|הועבר|נשלח)\w*.{0,20}(מרכז|סניף|מחסן|מסוף|יחידת)|מרכז (ה)?(מיון|לוגיסטי|הפצה|חלוקה)|מיון",
            r"(ถึง|ออกจาก|มาถึง|เข้าสู่|อยู่ที่|ส่งต่อไปยัง|ออกเดินทางจาก)(ศูนย์|สาขา|ที่ทำการ|คลัง|ไปรษณีย์|ฮับ|hub|dc|จุด)|คัดแยก|ศูนย์กระจาย",
            # vi
            r"\b(den|roi|di khoi|xuat|nhap|tai|chuyen den|chuyen toi)\b.{0,20}\b(buu cuc|kho|trung tam|hub|ttkt|tram)\b|\b(nhap|xuat|luu) kho\b|\bkhai thac\b|\bphan loai\b",
            # id, ms
            r"\b(tiba|sampai|diterima|keluar|berangkat|dikirim\w*|diproses|disortir|diteruskan|diberangkatkan)\b.{0,30}\b(gudang|drop point|hub|pusat|sortir|sorting|gateway|kantor|cabang|depo|sortation|mpc|pejabat pos|kaunter)\b",
            r"\bdisortir\b|\bpenyortiran\b|\bproses sortir",
        ],
        S.IN_TRANSIT,
        M.FACILITY,
        confidence=0.8,
        unless=[
            r"\b(in transit|en route|on (the|its) way|heading|travel+ing|moving) (to|between|from)\b",
            r"\bmoving through\b",
            r"\b(em transito|en transito|in transito|a caminho|en camino) (para|a|al|hacia|verso|per)\b",
            r"\b(pa vag|pa vej|pa vei) (till|mot|til|mod)\b|\b(matkalla|yolda|na ceste|uton) |прямує|в дорозі|у дорозі",
            *_NOTIFICATION_SENT,
        ],
    ),
    rule(
        "in_transit",
        [
            # a delivery announced for later (tomorrow, expected): still on its way
            r"\b(tomorrow|demain|manana|amanha|domani|morgen|jutro|zitra|holnap|maine|huomenna|yarin|besok|imorgen)\b",
            r"\b(prevista|previsto|prevue?|expected|estimated|voraussichtlich|verwacht|beklenen|varhato|estimat)\b.{0,40}\b(consegna|entrega|livraison|delivery|zustellung|bezorging|teslim|kezbesit|livrar)",
            r"завтра|明天|明日|내일|พรุ่งนี้|ngay mai|αυριο|מחר|غدا|(预计|預計).{0,6}(送达|送達|派送|到达|到達)|(배송|배달) ?예정|(配達|お届け)予定",
            r"转运中|轉運中|运输途中|運輸途中",
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
            # bare "departed" / "arrived" / "sent", with no facility named
            r"\b(avgatt|avgick|anlant|afgaet|ankommet|avreist|lahtenyt|saapunut|odeslan[aoy]|dorazil[aoy]|elindult|megerkezett|plecat|sosit|berangkat|tiba)\b",
            r"\bse entregara\b|\bentrega prevista\b|\bin arrivo\b|\bspedizione partita\b|\bconsegna prevista\b|(配達|お届け)予定|(배달|도착) ?예정",
            # sv, da, no, fi
            r"\bpa vag\b|\bunder transport|\bi transit\b|\btransporteras\b|\bforsenad|\blevereras (imorgon|i morgon|under|mellan|pa)|\bkommer att levereras|\bska levereras",
            r"\bpa vej\b|\bundervejs\b|\bforsinket\b|\bforventet (levering|leveret)|\bleveres (i morgen|mellem|pa|inden)|\bvil blive leveret|\bbliver leveret",
            r"\bpa vei\b|\bunderveis\b|\bforventet (levert|levering)|\bleveres (mellom|innen)|\bvil bli levert|\bblir levert|\bskal leveres",
            r"\bmatkalla\b|\bkuljetuksessa\b|\bkuljetettavana\b|\bmyohassa\b|\bviivastyn\w*|\btoimitetaan (huomenna|arviolta)|\barvioitu toimitus",
            # tr, cs, uk, el, hu, ro
            r"\byolda\b|\byola cikti|\btransfer (surecinde|asamasinda|halinde)|\bsevk edildi|\bgonderildi\b|\btasiniyor|\bteslim edilecek|\bgecikme|\bgecikti|\btransferde\b",
            r"\bna ceste\b|\bv preprave\b|\bprepravovan\w*|\bbude dorucen\w*|\bzpozden\w*|\bpreprava\b",
            r"отправлен\w* в (г\.|город)|в дорозі|у дорозі|прямує|транспортуєт|буде доставлен|затримк|у транзиті|транзит",
            r"\bσε μεταφορα|\bκαθ.? ?οδον|\bσε διαμετακομιση|\bυπο μεταφορα|\bθα παραδοθει|\bκαθυστερηση|\bδιακινειται",
            r"\bszallitas (alatt|folyamatban)|\bszallitasban\b|\buton van|\btovabbitas alatt|\btovabbitva\b|\bkesik\b|\bkesedelem|\bkezbesiteni fogjuk|\bkezbesitesre var\b|\bkezbesitjuk\b|\bvarhatoan\b",
            r"\bin tranzit\b|\bin curs de transport|\bpe drum\b|\bin drum spre|\bintarzier\w*|\bva fi livrat|\btransportat\w*|\bexpediat\b|\bin transport\b",
            # ar, he, th
            r"في الطريق|قيد النقل|في طريقها|جاري (ال)?(شحن|نقل)|ترانزيت|(سيتم|سوف يتم) (ال)?(تسليم|توصيل)|تاخير|متاخره|تم (ال)?شحن|تم ارسال|ارسلت",
            r"בדרך|במעבר|בשינוע|יימסר|יגיע|עיכוב",
            r"จะ(จัดส่ง|นำจ่าย|ได้รับ|ถึง)|คาดว่า|ระหว่าง(การ)?ขนส่ง|กำลังขนส่ง|กำลังจัดส่ง|ล่าช้า|กำลังเดินทาง|ระหว่างการจัดส่ง|อยู่ระหว่างการจัดส่ง",
            # vi, id, ms
            r"\bdang (van chuyen|luan chuyen|trung chuyen|chuyen)\b|\bluan chuyen\b|\btrung chuyen\b|\bdang tren duong|\bcham tre|\bbi tre\b|\bcho phat( lai)?\b|\bse (duoc )?giao|\bdu kien giao|\bvan chuyen\b",
            r"\bdalam perjalanan|\bsedang dikirim|\bdalam pengiriman|\bdalam transit|\bdikirim ke\b|\bterlambat|\bketerlambatan|\bakan (dikirim|diantar|dihantar)",
        ],
        S.IN_TRANSIT,
        M.NONE,
        confidence=0.75,
        # "sent" of a message to the recipient is a notification, not the parcel moving
        unless=_NOTIFICATION_SENT,
    ),
]

NON_EVENTS: list[TextRule] = [
    rule(
        "not_a_tracking_step",
        [
            r"\bsms\b|\be-?posta (bildirimi )?gonderildi|\bbilgilendirme(si)? gonderildi",
            r"\binternal activity|\bnot applicable\b|^n/?a$|\binternal error|\bsms\b|\be-?mail (sent|notification)",
            r"\bniet van toepassing|\bnon applicable|\bnao aplicavel|\bno aplica",
            # notifications sent to the recipient, in any language
            r"\bavisering (skickad|har skickats)|\b(besked|notifikation|advisering) (er )?sendt|\b(varsel|melding) (er )?sendt",
            r"\b(ilmoitus|tekstiviesti|saapumisilmoitus) (on )?lahetetty|\b(bilgilendirme|bildirim)\w* (mesaji |e-postasi )?gonderildi",
            r"\bodeslan[aoy]? (notifikace|e-mailova|upozorneni)|\bnotifikace (odeslana|zaslana)",
            r"повідомлення (надіслано|відправлено)|уведомление (отправлено|направлено)",
            r"\bαποστολη (ενημερωσης|ειδοποιησης)|\bεσταλη (ενημερωση|ειδοποιηση)|\bertesites (elkuldve|kikuldve)|\bnotificare (trimisa|sms)",
            r"تم ارسال (رساله|اشعار|اخطار)|رساله نصيه|נשלחה הודעה|נשלח מסרון|ส่ง(ข้อความ|การแจ้งเตือน)",
            r"알림톡|알림 ?발송|문자 ?(발송|전송)|\bda gui (tin nhan|thong bao)|\bgui thong bao|\b(notifikasi|pemberitahuan) (telah )?(terkirim|dikirim|dihantar)",
        ],
        S.UNKNOWN,
        M.NONE,
        confidence=0.6,
    ),
]
