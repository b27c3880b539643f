"""Rules for the end of the journey going wrong: returns to the sender and failed attempts.

Each list is ordered: the classifier tries rules in order and the first that fits decides.
Phrasings are grouped by language (en, fr, pt, es, de, nl, pl, it, ru, zh simplified and
traditional, ja, ko, sv, da, no, fi, tr, cs, uk, el, hu, ro, ar, he, th, vi, id and ms).
"""

from __future__ import annotations

from crosstrack.domain.textrules.rule import TextRule, rule
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

RETURNS: list[TextRule] = [
    rule(
        "return_threat_if_not_collected",
        [
            # deadlines: "available until D; after that it is returned", in many languages
            r"\b(herefter|derefter|darefter|deretter|sen) (returneres|returneras|sendes .{0,20}retur)",
            r"\bpote bude vracen|\bpo uplynuti .{0,30}vracen",
            r"\bsi no se recoge.{0,60}devuelt|\bpasado (este|dicho) plazo.{0,40}devuelt",
            r"\b(apos|depois de) (esta|essa|este) (data|prazo).{0,40}(devolvid|reenviad)",
            r"(после|по истечении) .{0,60}(возврат|будет возвращ|вернут)",
            r"(若|如果|如)\s?\d*.{0,12}(未取|未领|未領|未提取).{0,10}(将|將|會|会)?(退回|退还|退還)",
            r"\bafter (this date|that|the deadline|\d+ days).{0,40}\breturn(ed)? to",
            r"\bnach ablauf .{0,40}(zuruck|retour)|\bpo terminie .{0,40}zwrot",
            r"\b(will|would|may|shall) be return\w*.{0,60}\b(if not|unless|not collected|not picked)",
            r"\bif not (collected|claimed|picked up).{0,60}\breturn",
            r"\bfinal notice\b",
            r"sera retourne.{0,40}si",
            r"sera devolvid.{0,40}(se nao|caso)",
            # es, it, ru
            r"\bsera devuelt[oa].{0,60}\bsi no\b|\bsi no (lo |la )?(recoge|retira)\w*.{0,60}devol",
            r"\bsara (restituit|res)[oa].{0,60}\bse non\b|\bse non (verra |viene )?ritirat.{0,60}(restitu|res[oa]\b)",
            r"будет возвращ\w*.{0,60}если|если .{0,40}не (получ|забер)\w*.{0,60}возвращ",
            # sv, da, no
            r"\breturneras.{0,60}\bom (den |det |paketet |forsandelsen )?inte\b|\bannars returneras",
            r"\breturneres.{0,60}\b(hvis|dersom|om) (den |det |pakken |sendingen |forsendelsen )?ikke\b",
            r"\bellers (bliver den |blir den |vil den bli |vil den blive )?returner",
            r"\b(hvis|dersom|om) (den |det |pakken |sendingen |forsendelsen |forsandelsen )?(ikke|inte) (bliver |blir )?(af|ut)?(hentes|hamtas|hentet|hamtats)\b.{0,60}\breturner",
            # fi
            r"\bpalautetaan.{0,60}\bjos\b.{0,30}\bei\b|\bjos\b.{0,40}\bei nouda.{0,60}palaut",
            # tr
            r"\b(teslim )?alinmazsa.{0,60}\biade|\biade edilecektir.{0,30}\b(alinmazsa|aksi halde)",
            # cs
            r"\b(nebude-li|pokud (nebude|si ji nevyzvednete)).{0,60}\bvracen|\bjinak (bude )?vracen",
            # uk
            r"(буде|будуть) поверн\w*.{0,60}якщо|якщо .{0,40}не (отрима|забер|забра)\w*.{0,60}поверн",
            # el
            r"θα επιστραφει.{0,60}\b(εαν|αν) δεν\b|\b(εαν|αν) δεν παραληφθει.{0,60}επιστροφ",
            # hu
            r"\b(ha|amennyiben) .{0,40}nem (veszi|veszik|vesz)\w* at.{0,60}visszakuld|\bvisszakuldjuk.{0,60}\b(ha|amennyiben)\b.{0,30}\bnem\b",
            # ro
            r"\bva fi (returnat|trimis inapoi)\w*.{0,60}\bdaca nu\b|\bdaca nu (este |va fi )?ridicat.{0,60}return",
            # ar
            r"(سيتم|سوف يتم) (ارجاع|اعاده|ارتجاع).{0,60}(في حال|اذا|عند) (عدم|لم)",
            # he
            r"(יוחזר|תוחזר|יוחזרו).{0,40}(אם|במידה ו) ?(לא|הוא לא|היא לא)",
            # th
            r"(หาก|ถ้า)(ไม่|ผู้รับไม่)(มา)?รับ.{0,60}(ส่งคืน|ตีกลับ|คืนผู้)",
            # vi
            r"\bse (duoc |bi )?(chuyen )?hoan.{0,60}\bneu\b|\bneu (khong|khach khong) (den )?nhan.{0,60}\bhoan\b",
            # id, ms
            r"\bakan dikembalikan.{0,60}\b(jika|apabila|sekiranya|jikalau) (tidak|tiada)\b",
            # zh, ja, ko
            r"逾期(未領|未取|未领|不領|不领).{0,6}(將|将)退回",
            r"(保管期限|保管期間).{0,10}(過ぎ|経過し)(ると|た場合).{0,20}返送",
            r"(미수령|수령하지 않으(시면|면)) ?시? ?.{0,10}반송",
        ],
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        confidence=0.7,
    ),
    rule(
        "returned_to_sender",
        [
            r"交回寄件人|退回寄件人|退還寄件人|退还寄件人|已退回寄件",
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
            r"\bretorno ao remetente|\bem processo de devolucao|\bdevolucao\b(?! de (impostos|direitos|iva))",
            # es
            r"\bdevuelt[oa] al remitente|\bdevolucion al remitente|\ben devolucion|\bretorno al remitente",
            r"\b(en )?(proceso|tramite) de devolucion|\bdevuelt[oa]s?\b|\bse devuelve\b|\bdevolucion en curso",
            # de
            r"\bruecksendung|\brucksendung|\bzuruck an (den )?absender|\ban (den )?absender zuruck",
            r"\bretoure\b|\bruckversand|\bwird an den absender",
            # nl
            r"\bretour (naar )?afzender|\bterug naar (de )?afzender|\bretourzending",
            # pl
            r"\bzwrot (do nadawcy|przesylki)|\bzwrocon|\bodeslan[aoy]? do nadawcy",
            # it
            r"\brestituit[oa] al mittente|\breso al mittente|\bin restituzione",
            r"\b(in )?rientro al mittente|\bresa al mittente|\bin reso\b|\brestituit[oa]\b",
            # ru
            r"возврат|возвращен[оа]? отправителю|возвращается отправителю|вручение отправителю",
            r"вернул\w* отправителю|обратн\w* пересылк",
            # zh, ja, ko
            r"退回|退件|退运|退還|退运|退運|退还|返回寄件人|已退",
            r"返送|差出人(様)?(へ|に)(返還|返送)|返品|(差出人|送り主|ご依頼主)(様)?(へ|に)(戻|還付)",
            r"반송|반품|회송",
            # sv
            r"\b(returnera\w*|skick\w* tillbaka|sand\w* tillbaka|pa vag tillbaka|retur) (till )?(avsandare|avsandaren)\b",
            r"\breturnerad\b|\breturnerats\b|\breturneras\b|\breturforsandelse|\bgar i retur\b|\bskickas i retur",
            # da
            r"\b(returner\w*|sendt retur|sendes retur|retur|tilbage|pa vej retur) til (afsender|afsenderen)\b",
            r"\breturneret\b|\bsendt retur\b|\bsendes retur\b|\breturpakke\b",
            # no
            r"\b(returner\w*|sendt i retur|sendes i retur|retur|tilbake|pa vei tilbake) til (avsender|avsenderen)\b",
            r"\breturnert\b|\breturneres\b|\bsendt i retur\b|\bsendes i retur\b",
            # fi
            r"\bpalaut\w*( \w+)? lahettajalle|\bpalautettu\b|\bpalautuu\b|\bpalautuslahetys|\bpalautetaan\b",
            # tr
            r"\b(gondericisine|gondericiye|gonderene|saticiya) iade|\biade (edildi|ediliyor|edilmistir|surecinde|islemi|gonderisi|yolunda|asamasinda)",
            r"\biade (edilmek )?(uzere|icin) (yola|cikis|gonderildi)|\biade$",
            # cs
            r"\bvracen\w* (zpet )?(k |ke )?odesilatel|\bvraci (se )?(zpet )?(k |ke )?odesilatel|\bvraceni zasilky|\bvratka\b",
            r"\bzpet (k |ke )?odesilatel|\bvraceno\b|\bvracena\b|\bdoruceno zpet",
            # uk
            r"поверн\w* (до |назад )?відправник|повертає\w* (до |назад )?відправник|повернення (відправлення|посилки|відправнику|вантажу)",
            r"\bповертається\b|\bвозвращается\b|\bповернено\b|\bповернуто\b|оформлено повернення|^повернення\b",
            # el
            r"\bεπιστροφ\w* (στον |προς τον |προς |σε )?αποστολε|\bεπεστραφη|\bεπιστραφηκε|\bεπιστρεφεται|\bπρος επιστροφη",
            r"\bεπιστροφη αποστολης|^επιστροφη\b",
            # hu
            r"\bvisszakuld\w*|\bvisszakezbesit\w*|\bfeladonak (vissza|kezbesit|visszakuld)|\bvisszaszallit\w*|\bvissza a feladohoz",
            # ro
            r"\breturnat\w*|\breturnare\b|\bretur (catre|la) expeditor|\bin curs de returnare|\binapoi la expeditor",
            r"\bexpediere (in )?retur\b|\bcolet (in )?retur\b",
            # ar
            r"(ارجاع|اعاده|ارتجاع|رجوع|عوده|اعيدت|اعيد|ارجعت)\w* .{0,30}(الي|لل|ل) ?(المرسل|الشاحن|المصدر|البائع|التاجر)",
            r"مرتجع|تم الارجاع|تم ارجاع|ارجاع الشحنه|ارتجاع|في طريقها (للعوده|للرجوع)",
            # he
            r"(הוחזר|מוחזר|הוחזרה|מוחזרת|החזרה|חזרה|הוחזרו|בדרך חזרה) (ל|אל ה)שולח|הוחזר (ל|אל )?(ה)?מקור|בתהליך החזרה|החזרה לשולח",
            # th
            r"ส่งคืน|ตีกลับ|คืนผู้(ฝาก|ส่ง)|ส่งกลับ(ไป)?(ยัง|ถึง|หา)?(ผู้ฝาก|ผู้ส่ง|ต้นทาง)|คืนต้นทาง",
            # vi
            r"\bchuyen hoan\b|\bhoan (tra|hang|ve|lai)\b|\bphat hoan (thanh cong|cho|ve|tra)|\bduyet hoan\b|\bdang hoan\b",
            r"\b(cho|dang|da) tra hang\b|\btra (lai )?(hang|buu pham|buu gui|don hang)( cho| ve| lai)? (nguoi gui|shop)",
            # id, ms
            r"\bdikembalikan (ke|kepada) (pengirim|penghantar|shipper)|\bpengembalian (paket |barang )?(ke|kepada) (pengirim|penghantar)",
            r"\bdiretur\b|\bretur (ke|kepada) pengirim|\bproses retur\b|\bkembali (ke|kepada) pengirim|\bdipulangkan (ke|kepada) (pengirim|penghantar)",
            r"\bsedang (dalam proses )?(dikembalikan|diretur|dipulangkan)|\bparcel dipulangkan|^retur$",
        ],
        S.RETURNED,
        M.RETURN,
        unless=[
            r"\breturn label|\bretour etiket|\bif not\b|\bunless\b|\bwill be returned\b",
            r"\bom (den |det |paketet |forsandelsen )?inte (hamtas|loses)|\b(hvis|dersom) (den |pakken |sendingen )?ikke (af)?hentes",
            r"\bjos\b.{0,30}\bei noude|\balinmazsa\b|\bpokud (ji )?nevyzvednete|\b(εαν|αν) δεν\b|\bdaca nu\b",
            r"\bneu khong\b|\b(jika|apabila|sekiranya) (tidak|tiada) (diambil|dituntut|dipungut)",
            r"(في حال|اذا) (عدم|لم)|אם לא|หากไม่|якщо не|если не",
        ],
    ),
]

ATTEMPTS: list[TextRule] = [
    rule(
        "attempt_address_problem",
        [
            # a failed attempt naming an address problem, in any language
            r"(leveransforsok|leveringsforsok|teslimat denemesi|doruceni|dorucit|failed delivery|delivery failed|giao hang (khong )?thanh cong|gagal|nem sikerult).{0,60}(adress|adres|adresa|alamat|dia chi|cim)",
            r"(попытка|не удалось доставить|невдала спроба|投递失败|投遞不成功|投遞失敗|派送失败|配達できません|미배달).{0,60}(адрес(?!ат)|地址|住所|あて所|주소)",
            r"(あて所不明|宛所不明|주소 ?불명|地址不詳|地址错误|地址錯誤|адрес не найден|неверный адрес)",
            r"\b(adres bulunamadi|adressen kunde inte hittas|adressen kunne ikke findes|feil adresse|chybna adresa|wrong address)\b",
            # en
            r"(delivery attempt|attempted delivery|attempted to deliver|unable to deliver|"
            r"could not be delivered|not delivered|undeliverable).{0,60}\baddress",
            r"\baddress.{0,40}(delivery attempt|attempted delivery|could not be delivered|unable to deliver)",
            r"\bundeliverable as addressed",
            # fr, pt, de
            r"tentative de livraison.{0,60}adresse|adresse.{0,40}(non livr|pas pu)",
            r"entrega nao (pode ser |foi )?(efetuada|realizada).{0,40}endereco",
            r"\bnao entregue.{0,40}\b(morada|endereco)",
            r"\b(no entregad[oa]|intento de entrega|entrega fallida|no se (pudo|ha podido) entregar).{0,40}\bdireccion",
            r"\b(mancata consegna|non consegnat[oa]|tentativo di consegna).{0,40}\bindirizzo",
            r"zustell\w*.{0,40}(adresse|anschrift)",
            # sv, da, no
            r"\b(kunde inte (levereras|delas ut)|leverans(en)? misslyckades|misslyckat leveransforsok|ej levererad).{0,60}\badress",
            r"\b(kunne ikke (af|ud)?leveres|levering(en)? mislykke\w*|forgaeves leveringsforsog|ikke (af)?leveret|ikke levert|mislykket leveringsforsok).{0,60}\badresse",
            # fi
            r"\b(ei voitu (toimittaa|jakaa)|toimitus epaonnistui|jakelu epaonnistui|jakeluyritys).{0,60}\bosoit",
            # tr
            r"\b(teslim edilemedi|teslimat basarisiz|dagitim basarisiz).{0,60}\badres(i|e|in)? (hatali|yanlis|eksik|yetersiz|bulunamadi|tespit edilemedi|anlasilamadi)",
            r"\badres(i)? (hatali|yanlis|eksik|yetersiz|bulunamadi|tespit edilemedi).{0,40}\b(teslim edilemedi|teslimat basarisiz)",
            # cs, uk
            r"\b(nedoruceno|nepodarilo se (zasilku )?dorucit|neuspesn\w* pokus o doruceni|nebylo mozne (zasilku )?dorucit|zasilka nebyla dorucena).{0,60}\badres(a|e|y|u|ou)\b",
            r"(не вдалося (доставити|вручити)|невдала спроба|не доставлено|не вручено).{0,60}адрес(а|и|у|ою|і)?\b",
            # el, hu, ro
            r"(αποτυχια|ανεπιτυχης|αδυναμια|αποτυχημενη)\w* .{0,30}(παραδοσ|επιδοσ|διανομ).{0,60}διευθυνσ",
            r"\b(sikertelen kezbesites|nem kezbesitheto|kezbesitese sikertelen|nem sikerult kezbesiteni).{0,60}\b(cim|cimhiba|cimen|cimre)\b",
            r"\b(livrare (esuata|nereusita)|nu a putut fi livrat\w*|incercare (esuata )?de livrare).{0,60}\badres",
            # ar, he
            r"(تعذر|فشل|لم يتم|لم نتمكن من|محاوله) (ال)?(تسليم|توصيل).{0,60}(العنوان|عنوان)",
            r"(מסירה נכשלה|ניסיון מסירה|לא נמסר|לא ניתן למסור).{0,60}כתובת",
            # th, vi, id, ms
            r"(นำจ่ายไม่สำเร็จ|จัดส่งไม่สำเร็จ|ส่งไม่สำเร็จ|ไม่สามารถ(นำจ่าย|จัดส่ง|นำส่ง)).{0,60}(ที่อยู่|จ่าหน้า|เลขที่บ้าน)",
            r"\b(giao (hang )?(khong thanh cong|that bai)|khong giao duoc|phat (khong thanh cong|that bai)|khong phat duoc).{0,60}\bdia chi\b",
            r"\b(gagal (kirim|antar|diantar|dikirim|dihantar)|pengiriman gagal|penghantaran (gagal|tidak berjaya)|tidak berhasil (dikirim|diantar)).{0,60}\balamat\b",
        ],
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.ADDRESS_ISSUE,
    ),
    rule(
        "attempt_refused",
        [
            r"\b(has been|was|been) refused\b|\brecusou-se a receber|\brecusou receber|수취 ?거절|수령 ?거절",
            r"\b(delivery |package |parcel |shipment )?(refused|rejected|declined) by (the )?"
            r"(recipient|consignee|receiver|customer|addressee)",
            r"\b(recipient|consignee|receiver|customer|addressee) (has )?(refused|rejected|declined)",
            r"\brefused\b.{0,30}\bdelivery|\bdelivery\b.{0,30}\brefused",
            r"\brefuse\b|\brefusee?\b|\brecusad[oa]|\brechazad[oa]|\bverweigert|\bgeweigerd|\brehusad[oa]",
            r"\bodmowa przyjecia|\bodmowil|\brifiutat[oa]|отказ",
            r"拒收|拒签|拒簽|受取拒否|수취 ?거부",
            # sv, da, no, fi
            r"\b(mottagaren )?(vagrade|har vagrat) (att )?(ta emot|losa ut)|\bmottagning(en)? (nekad|vagrad)|\bvagrad\b",
            r"\bnaegtet (at )?modtag|\bmodtagelse(n)? (afvist|naegtet)|\bafvist af modtager|\bmodtager (har )?afvist",
            r"\bnektet (a )?(motta|ta imot)|\bmottak nektet|\bavvist av mottaker|\bmottaker (har )?(nektet|avvist)",
            r"\bkieltaytyi (vastaanottamasta|ottamasta)|\bvastaanotosta kieltaydyttiin|\bkieltaydytty",
            # tr, cs, uk
            r"\b(alici )?(teslim almayi|almayi) (reddetti|kabul etmedi)|\balici (gonderiyi )?(kabul etmedi|reddetti|istemedi)|\breddedildi\b|\bteslim almak istemedi",
            r"\bodmitnut\w*|\bodmitl\w* (prevzeti|prevzit|zasilku)|\bodmitnuti prevzeti",
            r"відмов\w* (від|в) (отримання|одержання|прийняття)|одержувач відмовив|відмова одержувача|відмова отримувача",
            # el, hu, ro
            r"\bαρνηση παραλαβης|\bαρνηθηκε\b|\bαρνειται\b|\bαρνηση\b",
            r"\bmegtagadta\b|\batvetel\w* megtagad\w*|\bmegtagadva\b",
            r"\brefuz\w*\b",
            # ar, he, th
            r"رفض (ال)?(استلام|المستلم|العميل)|رفض الشحنه|المستلم رفض|العميل رفض|تم الرفض",
            r"סירב|סירוב|מסרב",
            r"ปฏิเสธ(การ)?รับ|ผู้รับปฏิเสธ|ไม่ยอมรับ",
            # vi, id, ms
            r"\btu choi (nhan|nhan hang)|\bkhong chap nhan\b|\b(nguoi nhan|khach|khach hang) tu choi",
            r"\bditolak (oleh )?(penerima|pelanggan)|\b(penerima|pelanggan) menolak|\bmenolak (menerima|paket)|\bpenolakan\b",
        ],
        S.EXCEPTION,
        M.DELIVERY_ATTEMPT,
        R.REFUSED,
    ),
    rule(
        "attempt_recipient_unavailable",
        [
            r"немає вдома|адресат відсутн|отсутствие адресата|адресата нет дома",
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
            r"\badresat(a)? nieobecn|\bnie zastano|\bdestinatario assente|\bassente\b",
            # ru, zh, ja, ko
            r"отсутств\w* адресат|адресат отсутствует",
            r"无人|無人|收件人不在|联系不上|聯繫不上|电话无人接听|ご不在|不在(のため|持戻)|부재",
            # sv, da, no
            r"\b(mottagaren|kunden) (var )?(inte|ej) (hemma|antraffbar|antraffad)|\bingen (var )?hemma\b|\bingen oppnade|\bej antraffad",
            r"\b(modtager(en)?|kunden) (var )?ikke (hjemme|til stede|truffet)|\bingen (var )?(hjemme|til stede)\b|\bikke truffet\b",
            r"\b(mottaker(en)?|kunden) (var )?ikke (hjemme|til stede|tilgjengelig|truffet)|\bikke (hjemme|til stede)\b|\bikke pa adressen\b",
            # fi
            r"\bvastaanottaja(a)? (ei (ollut|tavoitettu|tavoitettavissa)|ei ollut kotona)|\bei tavoitettu\b|\bketaan ei ollut (kotona|paikalla)|\bei ollut kotona",
            # tr
            r"\balici (adres(te|inde) )?(bulunamadi|yok|mevcut degil)|\badreste (kimse )?(bulunamadi|yok)|\baliciya ulasilamadi|\b(isyeri|is yeri|adres) kapali",
            # cs, uk
            r"\b(adresat|prijemce) (nebyl )?(nezastizen|zastizen)|\bnezastizen\b|\bprijemce nebyl doma|\badresat nebyl doma",
            r"(відсутн\w* (одержувача|адресата|отримувача))|(одержувач|адресат|отримувач)\w* (відсутн|не було вдома)|не було вдома|не застали",
            # el, hu, ro
            r"\bαπων\b|\bαπουσια (του )?παραληπτη|\bο παραληπτης (απουσιαζε|δεν ηταν)|\bαπουσιαζε\b|\bκλειστο\b",
            r"\bcimzett (nem volt otthon|nem tartozkodott|tavol|nem talalhato otthon)|\bnem volt otthon|\bnem tartozkodott (otthon|a cimen)",
            r"\bdestinatar(ul)? (absent|lipsa|nu (a fost gasit|era acasa|raspunde))|\bdestinatar absent|\bnu raspunde la telefon|\bnimeni acasa",
            # ar, he, th
            r"(المستلم|المرسل اليه|العميل) (غير (متواجد|موجود|متوفر)|لا يرد)|عدم (تواجد|وجود) (المستلم|العميل)|لا يوجد احد|لم يتم الرد|الهاتف مغلق",
            r"(הנמען|הלקוח) (לא (נמצא|היה)|אינו נמצא)|לא נמצא בבית|אין מענה|אף אחד לא",
            r"ไม่มีผู้รับ(?!ตาม|ชื่อ)|ผู้รับไม่อยู่|ติดต่อผู้รับไม่ได้|ไม่มีคนรับ|ไม่มีผู้รับสาย|ไม่รับสาย",
            # vi, id, ms
            r"\b(nguoi nhan|khach|khach hang) (khong co nha|vang nha|di vang|khong nghe may)|\bkhong lien lac duoc|\bkhong nghe may|\bvang nha\b|\bhen giao lai\b",
            r"\bpenerima tidak (ada|di tempat|di rumah|dapat dihubungi|bisa dihubungi)|\brumah kosong\b|\btiada orang\b|\bpenerima tiada\b|\btidak dapat dihubungi",
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
            r"\bnao entregue\b|\bnao foi possivel entregar|\bavisado (na|no|para)\b",
            r"\bintento de entrega|\bno se (pudo|ha podido) entregar|\bentrega fallida|\bno entregad[oa]\b",
            # de, nl
            r"\bzustellversuch|\bkonnte nicht zugestellt|\bzustellung (nicht moglich|fehlgeschlagen)",
            r"\bbenachrichtigungskarte|\bbezorgpoging|\bkon niet (worden )?bezorgd|\bniet bezorgd",
            # pl, it, ru
            r"\bawizo|\bawizowan|\bproba doreczenia|\bnieudan\w* prob|\bnie doreczono",
            r"\btentativo di consegna|\bmancata consegna|\bnon consegnat[oa]\b",
            r"неудачная попытка|не удалось (доставить|вручить)|\bне вручен\w*",
            # zh, ja, ko
            r"投递失败|投遞失敗|派送失败|派送不成功|派送未成功|未妥投|再次派送|二次派送|签收失败|簽收失敗",
            r"派遞不成功|投遞不成功|派遞失敗|未能(派遞|投遞|派送)",
            r"持戻|持ち戻り|持ち帰り|配達できません|배달 ?실패|미배달",
            # sv, da, no
            r"\bkunde inte (levereras|delas ut|lamnas ut)|\bleverans(en)? (misslyckades|kunde inte genomforas)|\bmisslyckat leveransforsok|\bleveransforsok\b|\butdelningsforsok\w*|\b(ej|inte) (blivit )?(levererad|levererats)",
            r"\bkunne ikke (af|ud)?leveres|\blevering(en)? (mislykkedes|kunne ikke gennemfores)|\bforgaeves (leveringsforsog|levering)|\bleveringsforsog\b|\bikke (blevet )?(af)?leveret",
            r"\bforsog\w* at (af)?levere|\bforsokt (a |at )?(levere|levert)\b|\bforsokt leverera|\bforsokte leverera|\bvi har forsokt\b",
            r"\bkunne ikke (ut)?leveres|\blevering(en)? mislyktes|\bmislykket (leveringsforsok|levering)|\bleveringsforsok\b|\bforsokt levert|\bikke (blitt )?(ut)?levert",
            # fi
            r"\bei voitu (toimittaa|jakaa|luovuttaa)|\b(toimitus|jakelu) epaonnistui|\bjakeluyritys|\btoimitusyritys|\byritti toimittaa|\bei toimitettu\b",
            # tr
            r"\bteslim edilemedi|\bteslim edilemeyen|\bteslimat (basarisiz|denemesi|gerceklestirilemedi)|\bdagitim basarisiz|\bteslim edilmedi\b",
            # cs
            r"\bnedoruceno\b|\bnedorucen[aoy]\b|\bnepodarilo se (zasilku )?dorucit|\bneuspesn\w* pokus o doruceni|\bpokus o doruceni|\bnebylo mozne (zasilku )?dorucit|\bnebyla dorucena",
            # uk
            r"не вдалося (доставити|вручити)|невдала спроба (доставки|вручення)|спроба (доставки|вручення)|\bне доставлено|\bне вручено",
            # el
            r"\b(αποτυχια|αδυναμια) (παραδοσης|επιδοσης|διανομης)|\b(ανεπιτυχης|αποτυχημενη) (προσπαθεια )?(παραδοση|επιδοση|παραδοσης|επιδοσης)|\bδεν (ηταν δυνατη|καταστηκε δυνατη) η (παραδοση|επιδοση)|\bδεν παραδοθηκε|\bπροσπαθεια (παραδοσης|επιδοσης)",
            # hu
            r"\bsikertelen (kezbesites|kiszallitas)|\bnem kezbesitheto|\bkezbesites\w* sikertelen|\bkezbesitesi kiserlet|\bnem sikerult (kezbesiteni|kiszallitani)|\bertesito hatrahagyva|\bnem (lett |volt |kerult )?(kezbesitve|kiszallitva)|\bertesitot hagytunk",
            # ro
            r"\blivrare (esuata|nereusita)|\bnu a putut fi livrat|\bincercare (esuata )?de livrare|\bnelivrat\w*|\bavizat\w*",
            # ar
            r"تعذر (ال)?(تسليم|توصيل)|فشل (ال)?(تسليم|توصيل)|محاوله (ال)?(تسليم|توصيل)|لم يتم (ال)?(تسليم|توصيل)|لم نتمكن من (ال)?(تسليم|توصيل)",
            # he
            r"מסירה נכשלה|ניסיון מסירה|לא נמסר|לא ניתן למסור|מסירה לא הצליחה|הושאר (לך )?(פתק|הודעה)",
            # th
            r"นำจ่ายไม่สำเร็จ|จัดส่งไม่สำเร็จ|ส่งไม่สำเร็จ|ไม่สามารถ(นำจ่าย|จัดส่ง|นำส่ง)|พยายาม(นำจ่าย|จัดส่ง)|นำส่งไม่สำเร็จ",
            # vi
            r"\bgiao (hang )?(khong thanh cong|that bai)|\bkhong giao duoc|\bchua giao duoc|\bphat (khong thanh cong|that bai)|\bkhong phat duoc|\bchua phat duoc",
            # id, ms
            r"\bgagal (kirim|antar|diantar|dikirim|dihantar|penghantaran|pengiriman)\b|\bpengiriman gagal|\bpenghantaran (gagal|tidak berjaya)|\btidak berhasil (dikirim|diantar)|\bpercubaan penghantaran|\bcubaan penghantaran|\bpercobaan pengiriman",
        ],
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.OTHER,
    ),
]
