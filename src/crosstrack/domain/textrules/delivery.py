"""Rules for the end of the journey: delivery, pick-up points and the delivery round.

Returns and failed attempts, which are tried before these, live in ``delivery_attempts``.
Each list is ordered: the classifier tries rules in order and the first that fits decides.
Phrasings are grouped by language (en, fr, pt, es, de, nl, pl, it, ru, zh simplified and
traditional, ja, ko, sv, da, no, fi, tr, cs, uk, el, hu, ro, ar, he, th, vi, id and ms).
"""

from __future__ import annotations

from crosstrack.domain.textrules.rule import TextRule, rule
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Status as S

# Arabic "to (the)": a separate word (الى ال...) or a prefix (لل..., ل...).
_AR_TO = r"(الي ال|الي |لل|ل)"

# Carriers a "delivered to ..." verb may name: then the parcel changed hands inside the chain.
_CARRIER_NAMES = (
    r"(dhl|ups|fedex|tnt|gls|dpd|usps|postnord|bring|posten|posti|matkahuolto|ptt|yurtici|aras|"
    r"ppl|ceska posta|zasilkovna|nova poshta|ukrposhta|elta|acs|magyar posta|mpl|posta romana|"
    r"fan courier|sameday|cargus|aramex|smsa|spl|kerry|flash|ninja ?van|j&t|ghn|viettel post|"
    r"vnpost|jne|sicepat|pos laju|ctt|correos|seur|mrw|poste italiane|brt|sda|royal mail|evri|"
    r"la poste|colissimo|chronopost|postnl|canada post|australia post|japan post|yamato|sagawa|"
    r"korea post|sf express|cainiao|yanwen|4px|ems)\b"
)

# Phrases that turn "delivered" into something that has not happened (yet), or into a
# hand-over inside the chain ("delivered to the airline / the courier / customs").
_NOT_DELIVERED = [
    r"\b(not|never|n't|cannot|unable to|failed to|could not|couldn't|can't)( yet)?( been| be)? delivered",
    r"\bundeliver",
    r"\b(will|to|shall|should|would|may|might|can|could) be delivered",
    r"\b(expected|scheduled|estimated|planned|due|ready) (to be )?(for )?delivered",
    r"\bdelivered (by|before|on) (end of day|\d)",
    r"\bnon (livre|distribue)|\bpas (ete |pu etre )?(livre|distribue)|\bsera (livre|distribue)|\bva etre livre",
    r"\bnao (foi |pode ser )?entregue|\bsera entregue|\bno (ha sido |fue |pudo ser )?entregad|\bsera entregad",
    # "delivered" to a named carrier, in the languages below
    r"\b(levererad\w*|levererats|(af|ud)?leveret|(ut)?levert|dorucen\w*|doruceno|livrat\w*|entregue|entregad[oa]|consegnat\w*|da giao|dihantar|diserahkan|teslim edildi) "
    r"(till|til|ao|a|al|alla|a la|catre|la|cho|ke|kepada|do) (the )?" + _CARRIER_NAMES,
    r"\b" + _CARRIER_NAMES + r"'?(ye|ya|e|a|ne|na|'ye|'ya) teslim edil",
    r"\bentregue (a|ao|a uma|para (a|o)) (transportador\w*|parceir\w*|operador\w*|companhia|alfandega)",
    r"\bentregad[oa] (al|a la|a) (transportista|compania|operador|socio|aduana|aerolinea)",
    r"\bnicht (zugestellt|ausgeliefert)|\bwird .{0,30}zugestellt|\bsoll .{0,20}zugestellt|voraussichtlich",
    r"\bniet (bezorgd|afgeleverd|geleverd)|\bwordt .{0,20}(bezorgd|geleverd)|\bzal .{0,20}bezorgd",
    r"\bnie (doreczon|dostarczon)|\bdo doreczenia",
    r"\bnon consegnat|\bsara consegnat|\bconsegna prevista",
    r"\bconsegnat\w* (al|alla|ad un|a un) (corriere|vettore|partner|trasportatore|spedizioniere|dogana|compagnia aerea|centro)",
    r"\bне (вручен|доставлен)",
    r"\b(tomorrow|demain|manana|amanha|domani|morgen|jutro|zitra|holnap|maine|huomenna|yarin|besok|imorgen|i morgen)\b",
    r"завтра|明天|明日|내일|พรุ่งนี้|ngay mai|αυριο|מחר|غدا|预计|預計|予定|예정",
    r"\bditerima oleh (j&t|jnt|jne|pos indonesia|sicepat|anteraja|kurir|agen|gerai|drop ?point)|\bdata pengiriman",
    r"未签收|未妥投|待签收|投递失败|未簽收|未妥投|待簽收|交付(给|予)?(航空|承运|海关|运输|物流)|不成功|未能|失败|失敗",
    r"(交付|交由|转交|轉交) ?[a-z]",
    # sv, da, no
    r"\b(inte|ej) (har )?(blivit )?(levererad|levererats|utdelad|delats ut|utlamnad)|\bberaknas (bli )?levererad",
    r"\bleverera\w* till (terminal\w*|flyg\w*|tull\w*|transportor\w*|partner\w*|sorteringscentral\w*)",
    r"\bikke (blevet )?(af|ud)?leveret|\bforventes (at blive )?(af)?leveret|\bforventet (af)?leveret|\bvil blive (af)?leveret|\bbliver (af)?leveret",
    r"\b(af)?leveret til (terminal\w*|pakkecent\w*|sorteringscent\w*|depot\w*|luftfartsselskab\w*|flyselskab\w*|told\w*|fragtforer\w*|vognmand\w*|partner\w*|samarbejdspartner\w*)",
    r"^(bring )?pakke (levert hjem|i postkassen)\.?$|\bikke (blitt )?(ut)?levert|\bforsokt levert|\bforventet (ut)?levert|\bvil bli (ut)?levert|\bblir (ut)?levert",
    r"\b(ut)?levert til (terminal\w*|sorteringssentral\w*|flyselskap\w*|toll\w*|transportor\w*|partner\w*|samarbeidspartner\w*)",
    # fi
    r"\bei (ole )?(viela )?(voitu )?(toimitettu|luovutettu|toimittaa)",
    r"\b(toimitettu|luovutettu) (lentoyhtiolle|tulliin|tullille|kuljetukseen|kuljetusliikkeelle|kumppanille|yhteistyokumppanille|terminaaliin|postille|lajitteluun|jakeluun)",
    # tr
    r"\b(gumruge|havayoluna|havayolu sirketine|ucaga|kuryeye|kargoya|(kargo |tasiyici |partner |anlasmali )?firma(ya|sina)|sube(ye|sine|mize)|merkez(e|ine)|birim(e|ine)|aktarmaya|dagitima) (teslim edil|verildi)",
    # cs
    r"\bnebyl[aoy]? dorucen|\bbude (dnes |zitra |brzy )?dorucen|\bmel[ao]? by byt dorucen|\bvyzvednut\w* (od|u) odesilatel",
    r"\bvydan\w* (k doruceni|do doruceni|kuryrovi|dorucovateli)|\bdorucen\w* (do|na) (depa|depo|tridic\w*|prekladist\w*|celnic\w*|sklad\w*)",
    # uk
    r"\bне (вручено|доставлено|отримано|видано)|буде (доставлено|вручено|доставлена|доставлений)",
    r"доставлено (до|у|в) (сортувальн|термінал|митниц|аеропорт|склад)",
    # el
    r"\bδεν (εχει )?(παραδοθει|παραδοθηκε|επιδοθηκε|επιδοθει)|\bθα (παραδοθει|επιδοθει)",
    r"\bπαραδοθηκε (στο |στον |στην |σε )?(τελωνειο|μεταφορεα|αεροπορικη|συνεργατ\w*|courier|κουριερ|ταχυμεταφορ\w*|διανομεα|κεντρο)|\bπαραδοθηκε απο (τον )?αποστολεα",
    # hu
    r"\bnem (lett |volt |kerult )?(kezbesitve|kiszallitva)|\bkezbesitve (lesz|lesznek)|\bkezbesiteni fogjuk",
    r"\b(futarnak|futarszolgalatnak|partnernek|vamnak|legitarsasagnak|depoba) (kezbesitve|atadva)",
    # ro
    r"\bnu (a |au )?(fost |putut fi )?livrat|\bnelivrat|\bva fi livrat|\burmeaza sa fie livrat",
    r"\blivrat\w* (catre|la) (curier\w*|depozit\w*|hub\w*|vama|companie|partener\w*|transportator\w*)",
    # ar
    r"لم (يتم|يستطع|نتمكن)|تعذر|فشل|(سيتم|سوف يتم|جاري|قيد) (ال)?(تسليم|توصيل)",
    r"(تسليم|توصيل|سلمت|تسليمها)\w*( ال\w+)? "
    + _AR_TO
    + r"(شركه|جمارك|مندوب|ناقل|طيران|خطوط|مركز|مستودع|فرع|مكتب|شريك|منشاه)",
    # he
    r"לא נמסר|טרם נמסר|יימסר|ימסר|נמסר\w* (ל|אל )(ה)?(שליח|חברת|מכס|דואר|חלוקה|מוביל|נציג|שותף|חברה|סניף|יחידת)",
    # th
    r"ไม่สำเร็จ|ไม่สามารถ|ยังไม่|จะ(ได้รับ|นำจ่าย|จัดส่ง)",
    # vi
    r"\bkhong thanh cong|\bkhong giao duoc|\bchua (giao|phat)|\bthat bai|\bse (duoc )?(giao|phat)|\bcho (giao|phat)|\bdu kien giao",
    r"\bda giao (cho |sang |toi )?(buu ta|nhan vien|shipper|buu cuc|don vi|doi tac|hang (bay|van chuyen|hang khong)|hai quan|van chuyen|kho|trung tam)",
    r"\bda giao (cho|sang) (?!(nguoi nhan|khach|chu nha|nguoi than|le tan|bao ve|hang xom)\b)",
    # id, ms
    r"\bgagal|\btidak (berhasil|dapat|bisa)|\bbelum (diterima|terkirim|dihantar|sampai)|\bakan (dikirim|diantar|dihantar|diterima)",
    r"\bditerima (oleh|di) (kurir|sprinter|petugas|counter|kaunter|agen|driver|gudang|hub|drop point|gerai|konter|loket|kantor|pusat|cabang)",
    r"\bditerima (daripada|dari) (pengirim|pelanggan)|\b(dihantar|terkirim) (ke|kepada|dari)\b(?! (penerima|pelanggan|alamat penerima)\b)",
]

DELIVERED: list[TextRule] = [
    rule(
        "delivered_to_pickup_point",
        [
            r"\bdelivered to (the |a |an )?(\w+ )?(access point|pick[- ]?up point|parcel ?shop|service point|collection point)",
            r"\bdelivered to (a |the |your )?(parcel )?locker for (collection|pick[- ]?up)",
            # en, pl, de, fr
            r"\bdelivered to (the |a )?(post office(?! box)|pick[- ]?up (point|location)|parcel ?shop|"
            r"service point|access point|collection point|retail (location|outlet)|pudo)",
            r"\b(dostarczona|przekazana) do punktu|\b(in|an) (die|der) packstation (abgelegt|zugestellt|eingetroffen)",
            r"\bdeposee? (en|au|dans (un|le)) (point relais|relais|consigne)",
            # pt, es, it, ru
            r"\b(entregue|depositad[oa]) (no|num|em|na) (ponto (de recolha|pickup|de levantamento|ctt)|cacifo|locker|loja (ctt|parceira))",
            r"\bentregad[oa] en (el )?(punto de recogida|citypaq|locker|punto pack|oficina de recogida)",
            r"\bconsegnat\w* (presso|al|nel|in) (un |il )?(fermopoint|locker|punto poste|brt-fermopoint|parcel shop|punto di ritiro|punto ritiro)",
            r"доставлен\w* в (постамат|пункт выдачи|пвз)",
            # zh, ja, ko
            r"(送達|送达|投遞至|投递至|放入|存入|已投入|已放入|到達|已到達|已到达).{0,10}(門市|便利商店|超商|i郵箱|智慧櫃|智能櫃|快遞櫃|快递柜|驛站|驿站|自提點|自提点)",
            r"(コンビニ|pudo|宅配ロッカー|はこぽす)(に|へ)(到着|お届け|配達)",
            r"(편의점|무인택배함|택배보관함|무인보관함)(에|으로)? ?(도착|보관|배달)",
            # sv, da, no, fi
            r"\b(levererad|levererats|har kommit fram|kommit fram|anlant|ankommit) till (ditt |ert |valt |ett |mitt )?(valda |valt )?(ombud|paketbox|paketskap|utlamningsstalle|servicestalle|postombud|paketautomat)",
            r"\b(af)?leveret (til|i) (din |en |dit |et )?(pakkeshop|pakkeboks|posthus|udleveringssted|afhentningssted|naerboks|parcelshop|pakkeautomat)",
            r"\b(ut)?levert (til|pa|i) (ditt |din |en |et )?(hentested|pakkeboks|pakkeautomat|postkontor|post i butikk|utleveringssted)",
            r"\b(toimitettu|luovutettu) (noutopisteeseen|pakettiautomaattiin|postiautomaattiin|palvelupisteeseen|smartpostiin|noutopisteelle)",
            # tr, cs, uk
            r"\b(kargomat|pttmatik|paketmat|hepsimat|teslim noktas|teslimat noktas|akilli dolap|kargo dolab)\w*.{0,10}(birakildi|teslim edildi|yerlestirildi)",
            r"\b(doruceno|dorucena|dorucen|ulozen[ao]?) (na|do|ve|v) (vydejni\w* mist\w*|balikovn\w*|z-box\w*|zbox\w*|parcelshop\w*|parcelbox\w*|vydejn\w*|alzabox\w*)",
            r"доставлено (до|у|в) (відділення|поштомат|пункт (видачі|приймання-видачі))",
            # el, hu, ro
            r"\bπαραδοθηκε (σε|στο|στη|στην) (θυριδα|καταστημα|σημειο παραλαβης|locker|box now|αυτοματο|acs point|smartpoint)",
            r"\b(kezbesitve|elhelyezve|atadva|leadva) (a |egy )?(postaponton|postapontra|csomagautomataba|parcelshopba|csomagpontra|automataba|foxpost)",
            r"\blivrat\w* (in|la) (easybox|locker|punct\w*|oficiul postal|fanbox|automat\w*|pachetomat\w*)",
            # ar, he
            r"(تسليم|توصيل)\w*.{0,15}(نقطه (ال)?استلام|خزانه|لوكر|صندوق (ال)?طرود)",
            r"(נמסר|הופקד|הונח)\w* (ל|ב)(נקודת (ה)?איסוף|נקודת (ה)?מסירה|לוקר|תיבת (ה)?חבילות)",
            # vi, id, ms
            r"\b(da giao|giao) (den|toi|vao) (diem nhan hang|tu nhan hang|locker|tu locker)",
            r"\b(diantar|dikirim|diserahkan|dihantar|diletakkan|ditaruh) (ke|di|kepada) (loker|locker|parcel locker|titik (ambil|pengambilan)|pusat pengambilan|smart locker)",
        ],
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
    ),
    rule(
        "delivered_to_another_party_in_the_chain",
        [
            r"παραδοθηκε σε (συνεργαζομεν|εταιρει|μεταφορικ|courier)",
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
            r"\bcollected from (the )?(customer service point|post office|parcel locker|locker|pick[- ]?up point|collection point|access point|parcel ?shop)",
            r"\b(aus der|in der|von der) (packstation|filiale|postfiliale) abgeholt|\bretirad[oa] pelo destinatario|\britirat[oa] presso\b|\bodebrano\b",
            r"^collected from (the )?(post office|parcel locker|locker|pick[- ]?up point|depot|counter|branch|store|outlet)",
            # collected / received by the recipient, more languages
            r"\b(recogido|retirado) por el destinatario|\britirat[oa] dal destinatario|\blevantad[oa] pelo destinatario",
            r"\b(lamnats ut|utlamnad|utlevert|udleveret) (till|til) (mottagaren|modtageren|mottakeren)|\bvyzvedl\w* (si )?adresat|\bvyzvedl\w* adresat",
            r"\bdiambil oleh penerima|\bditerima oleh penerima|\bnguoi nhan da (den|nhan)",
            r"قام المستلم باستلام|استلم المستلم|تم الاستلام من قبل المستلم|ผู้รับ(มา)?รับพัสดุ|顺利送达|順利送達|已妥投|(收件人|本人)已(签收|簽收|取件|領取)",
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
            r"\bentregue\b|\bentregad[oa]s?\b|\bentrega (conseguida|efetuada|efectuada|realizada)\b",
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
            r"簽收|签收|配達成功|配送成功|送達成功|本人签收|代签收|已取件|已领取|已領取|已派遞|已經派遞|已投遞(?!至)|成功派遞|派遞成功|已交收件人",
            # ja, ko
            r"配達(が)?完了|お届け(済|完了)|配達済|お渡し済|受取完了|배달 ?완료|배송 ?완료",
            r"窓口(で|にて)?お渡し|(受取人|お客様)(様)?(へ|に)お渡し|수령 ?완료|(고객|본인|가족|수취인|경비실) ?수령(?! ?가능)",
            # sv
            r"\blevererad\w*\b|\blevererats\b|\butdelad\b|\bhar delats ut\b|\butlamnad\b|\buthamtad\b|\bhamtats ut\b|\bkvitterad\b",
            r"\bhamtad av mottagare\w*|\bhar hamtats av mottagare",
            # da, no
            r"\b(af|ud)?leveret\b|\bafhentet (af (modtager\w*|dig)|i (pakkeshop\w*|posthus\w*|pakkeboks\w*))|\bkvitteret\b|\bomdelt\b",
            r"\bstillet (ved|foran|pa) (doren|hoveddoren|trappen|terrassen)|\blagt i postkassen|\bsatt (igjen )?(ved|utenfor|pa) (doren|dora|trappa|trappen)",
            r"\b(ut)?levert\b|\bhentet (av mottaker\w*|pa hentested\w*)|\bkvittert\b",
            # fi
            r"\btoimitettu\b|\bluovutettu (vastaanottajalle|asiakkaalle)|\bjaettu vastaanottajalle|\bkuitattu\b",
            r"\bjatetty (oven (taakse|eteen)|postilaatikkoon|naapurille)",
            r"\bnoudettu (noutopisteesta|pakettiautomaatista|postista|automaatista|palvelupisteesta)|\bvastaanottaja on noutanut",
            # tr
            r"\bteslim edil(di|mistir|mis)\b|\bteslimat (gerceklesti|tamamlandi|yapildi|basarili)|\balici\w* (tarafindan )?teslim al(indi|di)",
            # cs
            r"\bdoruceno\b|\bdorucen[aoy]\b|\bdodani zasilky\b|\bvydan[aoy]? (adresatovi|prijemci)|\bzasilka (byla )?vydana\b",
            r"\b(predan|dorucen|vydan)\w* (sousedovi|sousedce|sousedum)|\bu souseda\b",
            r"\bvyzvednut[aoy]\b|\bprevzat[aoy]? (adresatem|prijemcem)|\bprevzal[a]? (adresat|prijemce)",
            # uk
            r"\bотримано\b(?! (від|на|до)\b)(?! (в|у) (сортувальн|термінал|депо|склад))|отриман[оа] (адресатом|одержувачем|отримувачем)",
            r"(одержувач|отримувач|адресат) (отримав|забрав)|\bдоставлено\b|\bодержано\b|видано (одержувачу|отримувачу|адресату)",
            # el
            r"\bπαραδοθηκε\b|\bεπιδοθηκε\b|\bπαραδοση (στον |σε )?παραληπτη|\bπαρ(α|ε)ληφθη(κε)? απο (τον )?παραληπτη|\bεπιτυχης (παραδοση|επιδοση)",
            # hu
            r"\bszomszed\w* (atadva|leadva|kezbesitve)|\bszomszednal\b|\bszomszednak (atadva|kezbesitve)",
            r"\bkezbesitve\b|\bkezbesitett(ek|uk|e)?\b|\bsikeres(en)? kezbesit\w*|\b(cimzett|atvevo) (atvette|altal atveve)|\batvette a cimzett|\batadva a cimzettnek|\bkiszallitva\b",
            # ro
            r"\blasat\w* la (receptie|vecin|portar|usa)|\bla vecin\b",
            r"\blivrat[ae]?\b|\bpredat\w* (catre )?destinatar\w*|\bridicat\w* de (catre )?destinatar|\binmanat\w*|\bpreluat\w* de (catre )?destinatar",
            # ar
            r"تم (ال)?(تسليم|توصيل)|سلمت (ال)?شحنه|تم استلام\w*( ال\w+)? (من قبل|بواسطه) (ال)?(مستلم|عميل|مرسل اليه)|استلمها (المستلم|العميل)",
            # he
            r"נמסר|נמסרה|נמסרו|נאסף על ידי הנמען|הנמען (קיבל|אסף)",
            # th
            r"นำจ่ายสำเร็จ|จัดส่งสำเร็จ|ส่งสำเร็จ|ส่งพัสดุสำเร็จ|นำส่งสำเร็จ|เซ็นรับ|ลงชื่อรับ|ผู้รับได้รับ|ถึงมือผู้รับ|ส่งถึงผู้รับแล้ว|จัดส่ง(พัสดุ)?เรียบร้อยแล้ว",
            # vi
            r"\bgiao (hang )?thanh cong|\bda giao( hang)?\b|\bphat thanh cong|\bda phat\b|\bnguoi nhan da (nhan|ky nhan)|\bda ky nhan|\bgiao (hang )?hoan tat",
            # id, ms
            r"\bditerima oleh\b|\b(telah|sudah) diterima\b(?! (di|daripada|dari)\b)|\bselesai (antar|diantar|dikirim)|\bberhasil (diantar|dikirim|diterima)",
            r"\bdiserahkan (ke|kepada) (penerima|pelanggan|yang bersangkutan)\b|\bpredan\w* (adresatovi|prijemci)\b",
            r"\boverlamna\w* till mottagaren|\boverdraget til modtager\w*|\boverlevert til mottaker\w*",
            r"\bdititipkan (ke|kepada|di|pada) (tetangga|satpam|resepsionis|keluarga|security|pos satpam)",
            r"\bterkirim\b|\bpenghantaran (berjaya|selesai)|\b(telah|berjaya|sudah) dihantar\b",
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
            # more languages
            r"\balicisini bekliyor|\balici(sini)? bekle|\bteslim alinmayi bekli",
            r"τοποθετηθηκε σε .{0,30}(smartpoint|locker|θυριδ)|μπορειτε να (την|το) παραλαβετε|מחכה לאיסוף|תיבת חבילות|קוד איסוף",
            r"可供領取|可供领取|取件門市|取件门市|已配達取件|待領取|\bplease collect\b|\bfor collection\b",
            # en
            r"\b(ready|available|awaiting|waiting) (for )?(recipient |customer |your )?"
            r"(pick[- ]?up|collection|to be (collected|picked up))",
            r"\bawaiting collection|\bready to collect|\bheld (at|in) .{0,50}\bfor (recipient |customer )?"
            r"(pick[- ]?up|collection)",
            r"\bcan (now )?be (collected|picked up) (from|at)\b",
            r"\b(arrived|is|now) at (the |a )?(pick[- ]?up|collection|access|service|parcel) (point|location|"
            r"shop|locker|station|counter)",
            r"\bin (the )?(parcel )?locker\b.{0,30}\b(collect|pick)",
            # fr
            r"\bdisponible (en|au|dans|a|pour) .{0,30}(bureau|point|relais|agence|consigne|retrait)",
            r"\binstance\b|\ba retirer\b|\ben attente de retrait|\bpret a etre retire|\bmise? a (votre )?disposition",
            r"\bdisponible au retrait",
            # pt, es
            r"\baguardando retirada|\bdisponivel para retirada|\bretirar na|\bdisponivel na agencia",
            r"\bdisponivel para (levantamento|recolha|levantar)|\bpara levantamento\b|\baguarda (levantamento|recolha)",
            r"\bem espera (para|de) levantamento|\bdisponivel (no|na|em) (loja|ponto|cacifo|estacao|balcao|posto)",
            r"\bdisponible para (recoger|retirar|recogida)|\blisto para (recoger|retirar)",
            r"\bpendiente de recogida en|\bdisponible para su (recogida|retirada)|\bdisponible en (la )?(oficina|estafeta|citypaq|locker|punto)",
            r"\ben oficina para su (recogida|entrega)|\bpuede (recoger|retirar)(lo|la)? en",
            # de, nl
            r"\bzur abholung|\babholbereit|\bliegt .{0,30}(filiale|packstation|abholung)",
            r"\bkann .{0,40}abgeholt werden|\bligt klaar|\baf te halen|\bkan (worden )?opgehaald",
            # pl, it, ru
            r"\bczeka na odbior|\bgotowa do odbioru|\bdo odbioru w|\bw paczkomacie",
            r"\bdisponibile (per il ritiro|presso|al ritiro)|\bin giacenza|\bpronta? per il ritiro|\bda ritirare|\britirabile\b",
            r"ожидает (вручения|получения|адресата)|прибыло в место вручения|готово к выдаче|в пункте выдачи",
            r"готов\w* к (выдаче|вручению)|(прибыл|поступил|доставлен)\w* в (пункт выдачи|постамат|пвз)|можно (забрать|получить)",
            # zh, ja, ko
            r"代收|请及时取件|請及時取件|待取件|待領取|可领取|可領取|取件码|取件碼|自提|驿站|快递柜|丰巢",
            r"招領|可在.{0,20}(領取|领取)|待領|到達郵局",
            r"窓口(で|にて)(お預かり|保管)|保管中|^保管|お受け取り(可能|いただけます)|보관 ?중|수령 ?가능",
            # sv
            r"\bkan (nu )?hamtas|\b(klar|redo) (att|for) (hamtas|hamta|upphamtning)|\bfinns att hamta|\bvantar pa (att )?(hamtas|upphamtning)",
            r"\b(finns|ligger|vantar\w*( pa dig| pa er)?) (hos|pa|i) (ditt |ert )?(ombud\w*|utlamningsstalle\w*|paketbox\w*|paketskap\w*)",
            r"\bhamta ut (ditt|paketet|forsandelsen)|\b(anlant|ankommit|kommit fram) till (ditt |ert )?(ombud|utlamningsstalle|paketbox|paketskap|servicestalle)",
            # da
            r"\b(klar|parat) til afhentning|\bkan (nu )?(af)?hentes|\bventer pa (af)?hentning|\btil afhentning\b",
            r"\b(ankommet|kommet frem) til (din |en )?(pakkeshop|posthus|pakkeboks|udleveringssted|afhentningssted|naerboks|parcelshop)",
            # no
            r"\b(klar|tilgjengelig) (til|for) (henting|avhenting|utlevering)|\bventer pa (av)?henting|\bhentes (pa|innen|senest)",
            r"\b(ankommet|kommet fram) (til )?(ditt |din |et |en )?(hentested\w*|pakkeboks\w*|pakkeautomat\w*|postkontor\w*|post i butikk|utleveringssted\w*)",
            # fi
            r"\bnoudettavissa|\bnoudettavana|\bodottaa noutoa|\bvoi(t|daan) noutaa",
            r"\bsaapunut (noutopisteeseen|pakettiautomaattiin|postiautomaattiin|postiin|palvelupisteeseen|smartpostiin|automaattiin|noutopisteelle)",
            # tr
            r"\bteslim alinabilir|\bteslim alinmayi bekliyor|\b(subeden|subemizden|teslim noktasindan|kargomattan) teslim alabilir",
            r"\b(kargomat|pttmatik|paketmat|hepsimat|akilli dolap|teslim noktasi)\w* .{0,20}(ulasti|bekliyor)|\bsubede (bekliyor|teslim alinmayi)|\bgiseden teslim",
            # cs
            r"\bk prevzeti\b|\bk vyzvednuti|\bpro vyzvednuti|\bceka na vyzvednuti|\bmuzete (si )?vyzvednout|\bulozeni zasilky|\bulozen[ao]? (na |v |ve )?(poste|pobocce|balikovne|vydejn)",
            r"\b(dorazil\w*|prisl\w*) (na|do) (vydejni\w*|balikovn\w*|z-box\w*|zbox\w*|parcelshop\w*|parcelbox\w*|pobock\w*)",
            # uk
            r"(прибу\w*|надійшл\w*|надходження|доставлено) (у|в|до) (відділення|поштомат)|очікує (на )?(отримання|отримувача|одержувача|адресата|у відділенні|в відділенні|в поштоматі|у поштоматі)",
            r"зберігається (у|в) (відділенні|поштоматі)|готов\w* до (видачі|отримання)|можна (отримати|забрати)|^(відправлення|посилка) (знаходиться )?(у|в) (відділенні|поштоматі)",
            # el
            r"\bδιαθεσιμ\w* (για|προς) παραλαβη|\bπρος παραλαβη\b|\bαναμενει (την )?παραλαβη|\bσε αναμονη παραλαβης|\bπαραμονη στο καταστημα|\bπαραμενει στο καταστημα",
            # hu
            r"\batveheto\b|\batvetelre var|\bfelveheto a postan|\b(megerkezett|erkezett|elhelyezve|elhelyeztuk)\w* .{0,20}(postapont\w*|csomagautomata\w*|csomagpont\w*|parcelshop\w*|atvevohely\w*)",
            # ro
            r"\bdisponibil\w* (pentru|spre) ridicare|\bpoate fi ridicat|\basteapta (sa fie )?ridicat\w* (de catre destinatar|din|de la (oficiu|easybox|locker))|\bgata de ridicare",
            r"\b(in|la) (easybox|fanbox)\b|\bpentru ridicare de la\b|\bde ridicat de la\b",
            # ar
            r"جاهز\w* (لل|ل)?استلام|متاح\w* (لل|ل)?استلام|(بانتظار|في انتظار) (ال)?استلام|يمكن(ك)? (ال)?استلام",
            # he
            r"ממתינ?\w* (לך|לאיסוף|לנמען|לאסיפה)|מוכנ\w* לאיסוף|זמינ\w* לאיסוף|ניתן לאסוף|(הגיע|נמסר|הופקד)\w* (ל|ב)(נקודת (ה)?איסוף|לוקר)",
            # th
            r"รอ(ผู้รับ)?(มา)?รับ(พัสดุ)?(ที่|ได้ที่|ด้วยตนเอง)|พร้อมให้(ผู้รับ)?(มา)?รับ|สามารถ(มา)?รับ(พัสดุ)?ได้ที่|ถึงจุดรับ|ตู้รับพัสดุ|รอรับที่|รอผู้รับมารับ",
            # vi
            r"\b(den|toi) (tu nhan hang|tu locker|diem nhan hang)|\bvui long (den )?(nhan|lay)\b|\bcho (khach |nguoi nhan )?(den )?(nhan|lay) (hang )?tai\b|\bco the (den )?nhan (hang )?tai\b|\bsan sang (de )?(nhan|lay)|\bcho nguoi nhan (den )?(nhan|lay)",
            # id, ms
            r"\b(siap|sedia|tersedia) (untuk )?(diambil|dipungut|pengambilan|pungutan)|\b(dapat|bisa|boleh) (diambil|dipungut)( di)?\b",
            r"\bmenunggu (untuk )?(diambil|pengambilan|dipungut) (di|oleh penerima)",
        ],
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        unless=[r"\b(not|never) (been )?(collected|picked up)\b.{0,30}\breturn"],
    ),
    rule(
        "out_for_delivery",
        [
            r"\bdoreczanie\b",
            r"\bu kuryra na doruceni|\bpredan\w* kuryrovi k doruceni|为您派件|正在派件|為您派件|正在派送",
            r"\b(out )?with (the |a )?(courier|driver) for delivery\b",
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
            r"\bsaiu para entrega|\bem rota de entrega|\bsaiu para distribuicao|\bem distribuicao\b|\bem entrega\b",
            r"\ben reparto\b|\ben ruta de entrega|\bsalio para (entrega|reparto)|\ben proceso de entrega",
            # de, nl
            r"\bin zustellung|\bwird .{0,25}heute .{0,15}zugestellt|\bzustellfahrzeug|\bzustelltour|\bin die zustellung",
            r"\bbezorger is onderweg|\bwordt vandaag bezorgd|\bin bezorging|\bchauffeur is onderweg",
            # pl, it, ru
            r"\bwydan[aoy] do doreczenia|\bprzekazan[aoy] (kurierowi|do doreczenia)|\bw doreczeniu",
            r"\bkurier (doreczy|w drodze)|\bw trakcie doreczania",
            r"\bin consegna\b|\bin corso di consegna|\baffidat[oa] al corriere per la consegna|\bconsegna prevista (oggi|in giornata)",
            r"(передано|выдано) (курьеру|почтальону|на доставку)|курьер (доставляет|выехал)|в доставке",
            # zh, ja, ko
            r"派件中|派件人|正在派送|派送中|已派件|安排派送|开始派送|開始派送|派送員|派件員|正在投递",
            r"派遞中|正在派遞|投遞中|正在投遞|配送中",
            r"配達中|配達(に|へ)出発|持出中|持ち出し中|배달 ?출발|배달 ?중|배송 ?출발|배달 ?준비",
            # sv
            r"\b(ute|lastad|lastat|skickad|pa vag ut) for (utdelning|leverans|utkorning)|\bunder utdelning|\bi utdelning\b",
            r"\blevereras (idag|i dag|under dagen)|\butkorning\b|\bchauffor\w* (ar )?pa vag|\bbudet ar pa vag|\bdelas ut (idag|i dag)",
            # da
            r"\bude (at|til|for) (levere|levering|udbringning|omdeling|kore)|\bleveres i dag|\budbringning|\bpa vej ud til\b",
            r"\bchauff\w* (er )?pa vej|\bpa bilen\b|\bunder (levering|udbringning|omdeling)",
            # no
            r"\bute (for|til) (levering|utkjoring|utlevering)|\butkjoring\b|\bpa vei ut til\b|\bsjafor\w* (er )?pa vei",
            r"\bleveres i dag|\blastet (pa bil|for utkjoring)",
            # fi
            r"\bjakelussa\b|\blahtenyt jakeluun|\bjakeluun\b|\bkuljettaja (on )?matkalla|\btoimitetaan tanaan|\bjakeluautossa|\bkuljetettavana vastaanottajalle",
            # tr
            r"\bdagitima (cikti|cikarildi|verildi)|\bdagitimda\b|\bkurye\w* (yolda|dagitimda|dagitiminda)|\bteslimat icin yola cikti|\bbugun teslim edilecek",
            r"\bdagitim (aracinda|sirasinda|surecinde)|\bkuryeye (teslim edildi|verildi)|\bdagitima teslim edildi",
            # cs
            r"\bdorucovani\b|\bv doruceni\b|\bbude (dnes|dneska) dorucen|\bdnes (bude )?dorucen|\bpredan\w* (kuryrovi|dorucovateli|k doruceni)",
            r"\bkuryr (je )?na ceste|\bpriprav\w* (zasilky )?k doruceni|\bvydan\w* k doruceni",
            # uk
            r"(передано|видано) (кур.?єру|листоноші|на доставку|для доставки|в доставку)|кур.?єр (доставляє|прямує|виїхав|везе)|доставляється кур.?єр|у кур.?єра",
            # el
            r"\bσε διανομη\b|\bπρος διανομη\b|\bσε διαδικασια (επιδοσης|διανομης|παραδοσης)|\b(βγηκε|εξηλθε) για (διανομη|παραδοση)",
            r"\bο διανομεας (ειναι )?(καθ.? ?οδον|στο δρομο)|\bθα παραδοθει σημερα|\bπαραδοθηκε (στον |σε )?διανομεα|\bπρος επιδοση\b",
            # hu
            r"\bkezbesites (alatt|folyamatban)|\bkezbesitesre (atadva|kiadva|kerult)|\bkiszallitas (alatt|folyamatban)|\bfutarnal\b|\ba futar (uton|kiszallitja)",
            r"\bma kezbesit|\bkiszallitasra (kerul|atadva)",
            # ro
            r"\bin (curs de )?livrare\b|\bpredat\w* (catre )?(curier\w*|postas\w*|factor\w*)( pentru livrare)?$|\bcurier\w* (este )?(pe drum|in drum|in livrare)",
            r"\b(in )?curs de distribuire|\blivrare (astazi|azi)|\bva fi livrat\w* (astazi|azi)|\bincarcat\w* (in masina|pentru livrare)",
            # ar
            r"(خرج|خرجت|خارج)\w* (لل|ل)?(توصيل|تسليم)|مع (ال)?مندوب|(جاري|قيد) (ال)?(توصيل|تسليم)",
            r"(تسليم|تسليمها|سلمت)\w*( ال\w+)? (الي ال|الي |لل|ل)مندوب|المندوب في (ال)?طريق",
            # he
            r"יצא\w* לחלוקה|נמצא בחלוקה|בחלוקה ל|נמסר\w* (ל|אל )(ה)?שליח|השליח (בדרך|יצא)|אצל השליח|הועבר\w* (ל|אל )(ה)?שליח|מסירה היום",
            # th
            r"ออกนำจ่าย|ออกนำส่ง|กำลังนำส่ง|กำลังนำจ่าย|ระหว่าง(การ)?นำจ่าย|เตรียม(การ)?นำจ่าย|ออกไปส่ง",
            # vi
            r"\bdang giao( hang)?\b|\bdang phat\b|\bdi phat\b|\bgiao (cho )?buu ta( di phat)?\b|\bbuu ta (dang )?(di )?(giao|phat)|\bshipper dang giao|\bxuat kho (di )?giao",
            r"\bda giao (cho )?(buu ta|nhan vien giao hang|shipper)",
            # id, ms
            r"\bsedang (diantar|dihantar)|\bdalam (proses )?(pengantaran|penghantaran)\b|\bkurir (sedang|akan|dalam) (menuju|mengantar|mengirim|perjalanan)",
            r"\bdibawa (oleh )?(kurir|sprinter|driver|posmen)|\bkeluar untuk (penghantaran|pengantaran)|\b(akan|sedang) (dikirim|dikirimkan|diantar) ke (alamat )?penerima",
            r"\bproses antar\b|\bsedang dalam pengantaran|\bdibawa (untuk )?penghantaran",
        ],
        S.OUT_FOR_DELIVERY,
        M.OUT_FOR_DELIVERY,
        unless=[
            r"\b(pour (le |la |les )?mettre|preparons|preparer) (en|sa|la) (livraison|distribution)"
        ],
    ),
]
