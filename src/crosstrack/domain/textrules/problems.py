"""Rules for problems: customs holds, address and contact trouble, damage, loss, delays.

Ordered: the classifier tries them in order and the first that fits decides. A routine
customs step is not a problem (see ``customs``); a hold that needs the recipient to act is.
Phrasings are grouped by language, as in ``delivery``.
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
            r"\bawaiting (clearance )?documentation|\boplacenie naleznosci celnych|补充文件|要求.{0,6}文件|暂扣",
            # more languages: documents, invoices, duties to pay
            r"\b(tull|told|toll)\w*.{0,40}\b(dokumentasjon|dokumentation|dokument|faktura|betal)",
            r"\bvam\w*.{0,40}(fizetes|dokumentum|szamla)|fizetesre var",
            r"\bvam\w*.{0,40}\b(lipsa|lipseste|necesar)\w* (factur|document)|\blipsa factur",
            r"(مطلوب|يرجى تقديم).{0,20}(فاتورة|مستند|وثائق)|رسوم جمركية|دفع الرسوم",
            r"(需|需要|須|须)(收件人)?(提供|補充|补充)(文件|資料|资料|发票|發票)|待缴|待繳|关税|關稅",
            r"관부가세 ?미납|세금 ?미납|통관 ?서류|\bfee (is )?payable\b|\ba fee to pay\b",
            r"\b(gumruk|gümrük)\w*.{0,40}(vergi|odeme|belge|fatura)",
            r"\bcla?\w*.{0,30}\b(doklad|faktur|platb)|\bbea cukai.{0,30}(dokumen|bayar|pajak)",
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
            r"\ba aguardar (pagamento|documentacao|documentos)|\baguarda (pagamento|documentacao|documentos)",
            r"\bpagamento (de )?(direitos|iva|impostos)|\bdireitos aduaneiros (a pagar|por pagar)",
            r"\bpendiente de pago|\bpago de (aranceles|impuestos)|\bdocumentacion (requerida|pendiente)",
            r"\bpendiente de (documentacion|abono)|\babono de (aranceles|impuestos|tasas)|\bdocumentacion (aduanera )?necesaria",
            r"\beinfuhrabgaben|\bzoll.{0,40}(zahlung|dokumente|unterlagen|gebuhr)|\bunterlagen fehlen",
            r"\binvoerrechten|\bdouane.{0,30}(betal|document|heffing)",
            r"\bcl[oa] do zaplaty|\boplat[ay] celn|\bdokumenty celne",
            r"\bdazi|\bdogana.{0,40}(pagamento|documenti)",
            r"\b(in )?attesa (di|del) (pagamento|documentazione|documenti)|\bdocumentazione (mancante|richiesta)|\boneri doganali",
            r"таможн\w*.{0,40}(оплат|пошлин|документ)|уплат\w* (пошлин|таможен)",
            # zh, ja, ko
            r"待缴税|缴纳税费|缴税|关税|關稅|繳稅|补充资料|补充材料|提供资料|资料不全|稅費|税费|待繳",
            r"関税|納税|書類(不足|不備)|관세|서류 ?(미비|부족|요청)|세금 ?납부|납부 ?대기",
            # sv, da, no
            r"\bbetal\w* (av )?(tull|moms|importavgift|tullavgift)|\b(tull|moms|tullavgift)\w* .{0,20}(ska betalas|obetald|att betala)|\btullavgift",
            r"\btull\w* (behover|kraver|begar) |\b(dokument|handlingar|faktura|uppgifter) (saknas|kravs)|\bvantar pa (betalning|dokument|handlingar)",
            r"\bbetaling af (told|moms|afgift)|\b(told og moms|afgift\w*) (skal betales|ikke betalt)|\bafventer (betaling|dokumenter|dokumentation)",
            r"\bmangler (dokumenter|dokumentation|faktura)",
            r"\bbetal\w* (toll|mva|avgift)|\btoll og (mva|merverdiavgift)|\bventer pa (betaling|dokumentasjon|dokumenter)|\bmangler (dokumentasjon|dokumenter)",
            # fi
            r"\btulli\w*.{0,30}(maksu|maksettava|asiakirj|lisatiet)|\bodottaa (maksua|asiakirjoja|lisatietoja)|\bmaksettava (tulli|vero|arvonlisavero)|\bpuuttuvat asiakirjat",
            # tr
            r"\b(gumruk )?(vergi|vergisi|ucreti?|odeme)\w* .{0,20}(bekleniyor|odenmesi|gerekiyor|odenmemis)|\b(evrak|belge|fatura)\w* .{0,20}(eksik|bekleniyor|talep|gerekli|gerekiyor)",
            r"\bgumruk vergisi|\bvergi odemesi|\beksik (evrak|belge|fatura|bilgi)",
            # cs
            r"\b(zaplaceni|uhrad\w*|doplatek) (cla|dane|dph|poplatk\w*)|\bcel\w* (poplat|dluh)\w*.{0,20}(uhrad|zaplac)|\bceka na (zaplaceni|uhradu|dolozeni)",
            r"\bdoloz\w* (doklad|dokument)|\bdoklad\w* (chybi|pozadov)",
            # uk
            r"(сплат|оплат)\w* (мита|податк|митн)|митн\w*.{0,40}(документ|оплат|платеж|платіж)|очікує (оплати|документ)",
            # el
            r"\bδασμ\w*|\bπληρωμη (δασμων|τελωνειακ\w*|φορου)|\bαναμονη (πληρωμης|εγγραφων|δικαιολογητικων)|\bαπαιτουνται (εγγραφα|δικαιολογητικα)",
            # hu
            r"\b(fizetesre|befizetesre|dokumentumra|dokumentumokra|iratokra|okmanyokra) var|\bvam\w* .{0,30}(fizet|megfizet)|\bhianypotlas|\bhianyzo (dokumentum|okmany|irat)",
            # ro
            r"\b(plata|achitarea) (taxe|taxelor|taxei)|\btaxe (vamale )?(de plata|neachitate|de achitat)|\basteapta (plata|documente)|\bdocumente (lipsa|necesare|suplimentare)",
            # ar, he
            r"(دفع|سداد) ?(ال)?(رسوم|ضريبه|ضرائب|جمارك)|(بانتظار|في انتظار) (الدفع|دفع|سداد|المستندات|الوثائق)|(مستندات|وثائق) (مطلوبه|ناقصه|اضافيه)|مطلوب (مستندات|وثائق)|رسوم جمركيه",
            r"תשלום (מכס|מס|מע.?מ)|ממתין לתשלום|דרוש תשלום|מסמכים (חסרים|נדרשים)|נדרשים מסמכים",
            # th, vi, id, ms
            r"ชำระ(ค่า)?ภาษี|รอชำระ|ชำระอากร|รอเอกสาร|เอกสารไม่ครบ|ค่าภาษีอากร",
            r"\b(cho |dang cho )?(nop|dong|thanh toan) thue|\bthue (nhap khau|hai quan|gtgt|vat)|\bbo sung (giay to|chung tu|ho so)|\b(cho|thieu) (giay to|chung tu)",
            r"\bbea (masuk|cukai) .{0,20}(dibayar|pembayaran|belum)|\bpembayaran (bea|pajak|cukai|duti)|\bmenunggu pembayaran|\bdokumen (kurang|tidak lengkap|diperlukan)|\bcukai (perlu|belum) dibayar",
        ],
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_DOCUMENTS_OR_DUTIES,
    ),
    rule(
        "customs_held_or_seized",
        [
            r"\b(held|detained|inspection)\b.{0,40}\b(border force|border services|border protection)",
            # more languages: held, seized, inspected by customs
            r"\b(hallits kvar|kvarhallen|tilbakeholdt|tilbageholdt|pidatetty|alikonulan|zadrzen|visszatartott|retinut|inmovilizad|sequestrat|trattenut)\w*.{0,30}\b(tull|told|toll|tulli|gumruk|cel|vam|vama|aduana|dogana)",
            r"(задержан|затримано)\w*.{0,30}(тамож|митн)",
            r"\b(tull|told|toll|tulli|gumruk|celnice|vam|vama|aduana|dogana)\w*.{0,30}(kvar|tilbakeholdt|kontroll|inspek|inspecc|ispezion|kontrol)",
            r"(таможн|митн)\w*.{0,30}(проверк|досмотр|огляд)",
            r"(محتجز|مصادر).{0,20}(الجمارك|جمرك)|(الجمارك|جمرك).{0,20}(تفتيش|احتجاز)",
            r"税関.{0,6}(留置|検査|保留)|(海关|海關).{0,6}(扣留|查验|查驗|留置)|통관 ?(보류|검사)",
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
            r"\bbloccat[oa] (in|dalla) dogana|\bfermo doganale",
            r"海关(扣|查验|退运)|海關(扣|查驗)|扣关|扣關|扣留|查验|查驗|通関保留|税関.{0,10}保留|통관 ?보류",
            r"税関検査|検査(のため|中).{0,10}税関",
            # sv, da, no, fi
            r"\b(kvarhallen|stoppad|beslagtagen|granskas)\w*.{0,20}\btull|\btull\w*.{0,20}(kvarhall|stoppa|beslag|granskning)",
            r"\btilbageholdt (af|i) told|\btold\w*.{0,20}(tilbageholdt|beslaglagt)",
            r"\bholdt tilbake (av|i) toll|\btoll\w*.{0,20}(tilbakeholdt|holdt tilbake|beslaglagt)|\bstoppet i toll",
            r"\btulli\w*.{0,20}(pysayt|takavari|pidatet)|\b(pysaytetty|pidatetty|takavarikoitu)\w*.{0,20}tulli",
            # tr, cs, uk, el
            r"\bgumruk\w* .{0,20}(bekletil|el kon|alikon|muayene|tutuldu|denetim)|\bel konuldu",
            r"\bzadrzen\w*.{0,30}\bcel|\bcel\w* .{0,20}(zadrz|zabav)|\bcelni kontrol",
            r"затриман\w*.{0,20}митн|митн\w*.{0,20}(затрим|огляд|конфіск)",
            r"\bδεσμευ\w*.{0,20}τελων|\bτελων\w*.{0,20}(\bδεσμευ|κρατ|κατασχ)|\bκρατειται στο τελωνειο",
            # hu, ro
            r"\bvam\w*.{0,20}(visszatart|lefoglal)|\b(visszatartva|lefoglalva).{0,20}vam",
            r"\bretinut\w*.{0,20}\bvam|\bvam\w*.{0,20}(retin|confisc|blocat)",
            # ar, he, th
            r"محجوز\w* (في|لدي|من قبل) (ال)?جمارك|(ال)?جمارك.{0,20}(احتجاز|حجز|مصادره)|احتجاز.{0,20}جمارك|تفتيش جمركي",
            r"(עוכב|מעוכב|נתפס|עיכוב|נעצר)\w*.{0,15}מכס|(ב)?בדיקת (ה)?מכס",
            r"(กัก|ยึด|อายัด).{0,20}ศุลกากร|ศุลกากร.{0,20}(กัก|ยึด|อายัด)",
            # vi, id, ms
            r"\bbi giu .{0,10}hai quan|\bhai quan .{0,20}(tam giu|thu giu|tich thu)|\btam giu\b",
            r"\bditahan\b.{0,20}\b(bea|kastam|cukai)|\b(bea cukai|kastam).{0,20}(ditahan|tahan|sita)|\bdisita\b",
        ],
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_HELD_OR_SEIZED,
    ),
    rule(
        "address_issue",
        [
            # more languages
            r"\badres (bilgisi )?(hatali|eksik)|\badresa (de livrare )?(este )?(incomplet|gresit|eronat)|\balamat (penerima )?(tidak lengkap|salah|tidak ditemukan)",
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
            r"\bmorada (incorreta|incorrecta|incompleta|insuficiente|desconhecida|errada|inexistente)",
            r"\bdireccion (incorrecta|incompleta|erronea|desconocida|insuficiente)|\bdesconocido\b",
            r"\b(adresse|anschrift) (falsch|unvollstandig|unbekannt|fehlerhaft|nicht (korrekt|auffindbar))",
            r"\bempfanger (unbekannt|verzogen)|\badres (onjuist|onvolledig|onbekend)",
            r"\b(bledny|niepelny|nieprawidlowy|niekompletny) adres|\badresat (nieznany|wyprowadzil)",
            r"\bindirizzo (errato|incompleto|sconosciuto|insufficiente)",
            r"(неверный|неполный|неправильный) адрес|адресат (выбыл|не найден)",
            r"地址(不详|错误|有误|不完整|不全|不詳|錯誤|欠詳)|住所(不明|不備|誤り)|주소 ?(불명|오류)",
            r"宛所(に)?尋ね(当|あ)たり|宛先不明|あて所不明|転居先不明",
            # sv, da, no, fi
            r"\b(felaktig|ofullstandig|okand|bristfallig|fel) adress|\badressen (ar )?(felaktig|ofullstandig|okand)|\bmottagaren (ar )?(okand|flyttad|har flyttat)",
            r"\b(forkert|ufuldstaendig|ukendt|mangelfuld) adresse|\badressen (er )?(forkert|ufuldstaendig|ukendt)|\bmodtager(en)? (er )?(ukendt|flyttet)",
            r"\b(feil|ufullstendig|ukjent|mangelfull) adresse|\badressen (er )?(feil|ufullstendig|ukjent)|\bmottaker(en)? (er )?(ukjent|flyttet)",
            r"\b(virheellinen|puutteellinen|tuntematon|vaara) osoite|\bosoite (on )?(virheellinen|puutteellinen|tuntematon|vaara)|\bvastaanottaja (tuntematon|on muuttanut)",
            # tr, cs, uk
            r"\badres(i)? (hatali|yanlis|eksik|yetersiz|bulunamadi|tespit edilemedi|anlasilamadi)|\b(hatali|yanlis|eksik|yetersiz) adres|\balici (adresten )?tasinmis",
            r"\b(neuplna|nespravna|chybna|nedostatecna|neznama) adres|\badres(a|e) (je )?(neuplna|nespravna|chybna|neznama)|\badresat (je )?(neznamy|se odstehoval)|\bodstehoval",
            r"(неправильн|неповн|невірн|некоректн)\w* адрес|адрес\w* (неправильн|неповн|невірн)|адресат (вибув|невідомий|не проживає)",
            # el, hu, ro
            r"\b(λαθος|ελλιπης|ανεπαρκης|αγνωστη|λανθασμενη) διευθυνση|\bδιευθυνση (λαθος|ελλιπης|ανεπαρκης|αγνωστη)|\bπαραληπτης (αγνωστος|μετακομισε)|\bαγνωστος παραληπτης",
            r"\b(hianyos|hibas|helytelen|ismeretlen|pontatlan) cim\b|\bcim (hianyos|hibas|ismeretlen|nem talalhato|pontatlan)|\bcimzett (ismeretlen|elkoltozott)|\belkoltozott\b|\bcimhiba",
            r"\badres\w* (incompleta|gresita|incorecta|inexistenta|necunoscuta|insuficienta)|\bdestinatar (necunoscut|mutat)|\bs-a mutat\b",
            # ar, he, th
            r"(عنوان|العنوان) (غير (صحيح|كامل|واضح|مكتمل|معروف)|خاطئ|ناقص)|المستلم (انتقل|غير معروف)",
            r"כתובת (שגויה|לא (נכונה|מלאה|ידועה|קיימת)|חסרה)|(ה)?נמען (לא ידוע|עבר דירה)|לא (מצא|נמצא|נמצאה)\w* (את )?(ה)?כתובת|כתובת לא נמצאה|עבר דירה|מען (שגוי|לא ידוע)",
            r"ที่อยู่(ไม่ถูกต้อง|ไม่ครบ|ไม่ชัดเจน|ผิด|ไม่สมบูรณ์)|ไม่พบที่อยู่|จ่าหน้าไม่ชัดเจน|ไม่มีเลขที่|ย้ายไม่ทราบที่อยู่|ย้ายที่อยู่|ไม่มีผู้รับตามจ่าหน้า",
            # vi, id, ms
            r"\b(sai|thieu|khong ro|khong dung|khong chinh xac|khong ton tai) dia chi|\bdia chi (sai|khong (dung|ro|chinh xac|ton tai|day du)|thieu|khong tim thay)|\bnguoi nhan (da )?chuyen (di|noi o)",
            r"\balamat (tidak (lengkap|ditemukan|jelas|dikenal|tepat|sah|dijumpai)|salah|kurang (jelas|lengkap))|\bsalah alamat|\bpenerima (pindah|tidak dikenal)",
        ],
        S.EXCEPTION,
        M.NONE,
        R.ADDRESS_ISSUE,
    ),
    rule(
        "damaged",
        [
            r"\bskadats|\bskadad|\bskadet|\bbeskadiget|\bdeteriorad|\bhasar(li|landi)|\bposkozen|\bserult|\bdeteriorat|\brusak\b|\bhu hong|\bhư hỏng",
            r"\bdamaged?\b(?!.{0,10}free)|\bbroken\b|\bcrushed\b",
            r"\bendommage|\bavarie|\bdanificad|\bavariad|\bdanad[oa]|\bbeschadigt|\bbeschadigd",
            r"\buszkodzon|\bdanneggiat|поврежд|破损|破損|损坏|損壞|破損|파손",
            # sv, da, no, fi, tr, cs, uk, el, hu, ro
            r"\bskadad\w*|\bskadat\b|\bbeskadige\w*|\bskadet\b|\bskadd\b|\bvaurioitu\w*|\bvahingoittu\w*",
            r"\bhasarli|\bhasar (gordu|tespit)|\bposkozen\w*|пошкоджен|\bκατεστραμμεν\w*|\bζημια\b|\bφθορα\b",
            r"\b(meg)?serult\b|\bserules\w*|\bkarosodott|\bdeteriorat\w*|\bavariat\w*",
            # ar, he, th, vi, id, ms
            r"تالف|متضرر|(تعرض|تعرضت)\w* (لل|ل)(تلف|ضرر)|تلف (ال)?(شحنه|طرد)",
            r"פגום|ניזוק|נזק",
            r"เสียหาย|ชำรุด",
            r"\bhu hong|\bbi hong\b|\bbe vo\b|\bmop meo",
            r"\brusak\b|\brosak\b",
        ],
        S.EXCEPTION,
        M.NONE,
        R.DAMAGED,
    ),
    rule(
        "lost_or_missing",
        [
            r"\bmeldt savnet|\bsavnet\b|\bsaknad\b|\bnebyla nalezena|\bnenalezen|\bkayip\b|\bkayboldu|\bhilang\b|\bthat lac\b",
            r"\b(lost|missing|misplaced|stolen)\b|\b(cannot|can't|unable to) (be )?locate",
            r"\bnot (be )?(found|located)\b|\btrace (initiated|opened|requested)",
            r"\bperdu|\begare|\bextraviad|\broubad|\bperdid|\bverloren|\bnicht auffindbar|\bvermist",
            r"\bzaginion|\bzagubion|\bsmarrit|утерян|утрачен|потерян|丢失|遗失|丟失|遺失|紛失|분실",
            # sv, da, no, fi, tr, cs, uk, el, hu, ro
            r"\b(kommit|kommet) bort\b|\bforkommen|\bforsvunnen|\bborttappad|\bbortkommet|\bforsvundet|\bforsvunnet|\bkadonnut|\bkateissa",
            r"\bkayip\b|\bkayboldu|\bkaybolmus|\bztracen\w*|втрачен|загублен|\bχαθηκε|\bαπωλεια|\belveszett|\bpierdut\w*|\brataci\w*",
            # ar, he, th, vi, id, ms
            r"مفقود|فقدان|ضائع|ضياع",
            r"אבד|אבוד|נאבד|אובדן",
            r"สูญหาย|พัสดุหาย",
            r"\bthat lac\b|\bbi mat\b|\bmat hang\b",
            r"\bhilang\b",
        ],
        S.EXCEPTION,
        M.NONE,
        R.LOST_OR_MISSING,
        unless=[r"\bmissing (address|document|paperwork|invoice)|\bmis-?sort"],
    ),
    rule(
        "weather_or_force_majeure",
        [
            r"\b(vader|vaer|vejr|hava kosul|pocasi|idojaras|vreme|cuaca|thoi tiet)\w*\b|\bsaan vuoksi|\bsaaolo|\bbao\b|מזג האוויר|الطقس|สภาพอากาศ|καιρ",
            r"\b(weather|storm|snow|hurricane|typhoon|flood|flooding|natural disaster|force majeure|"
            r"earthquake|wildfire|blizzard|cyclone|tornado)\b",
            r"\bintemperies|\bmeteo|\bmau tempo|\bmal tiempo|\bunwetter|\bwitterung|\bnoodweer",
            r"\bwarunki atmosferyczne|\bmaltempo|непогод|погодн|天气|天氣|台风|颱風|暴雨|暴雪|悪天候|台風|기상",
            # sv, da, no, fi, tr, cs, uk, el, hu, ro
            r"\bovader|\bsnostorm|\bvaderforhallanden|\buvejr|\bvejrforhold|\buvaer|\bvaerforhold|\bekstremvaer",
            r"\bsaaolosuhte|\blumimyrsky|\bmyrsky|\bhava (kosul|muhalefet|sartlar)|\bfirtina|\bdeprem\b|\bkar yagis",
            r"\bnepriznive? pocasi|\bpocasi\b|негод|\bκαιρικ\w*|\bκακοκαιρια|\bidojaras|\bviharos|\bintemperii|\bvreme(a)? (nefavorabil|rea)",
            # ar, he, th, vi, id, ms
            r"الطقس|الاحوال الجويه|احوال جويه|عاصفه",
            r"מזג (ה)?אוויר",
            r"สภาพอากาศ|ภัยธรรมชาติ|น้ำท่วม|พายุ",
            r"\bthoi tiet|\bthien tai|\bbao lu|\blu lut",
            r"\bcuaca\b|\bbencana alam|\bbanjir\b",
        ],
        S.EXCEPTION,
        M.NONE,
        R.WEATHER_OR_FORCE_MAJEURE,
    ),
    rule(
        "carrier_delay_or_capacity",
        [
            # a delay because of volume, in many languages
            r"\b(forsinket|forsenad|forsinka|myohassa|gecik|zpozd|keses|kesik|intarzi|retras|atras|ritard|terlamb|tre do)\w*.{0,50}\b(m(ae|a)ngde|volym|volum|maara|yogunl|objem|forgalom|volumen|volume|luong|jumlah)",
            r"(물량|快件量|件量|货量|貨量|荷物量).{0,10}(증가|激增|增加|増加|多).{0,20}(지연|延误|延誤|遅延|延迟)",
            r"\bmegnovekedett csomagforgalom|\bstor pakkem(ae|a)ngde|\bhigh parcel volumes?\b",
            r"\b(delay|delayed|late)\b.{0,40}\b(capacity|volume|mechanical|flight|connection|"
            r"operational|congestion|strike|network|backlog|transport|truck|vehicle|sort)",
            r"\b(late|missed) (flight|connection|truck|linehaul|arrival)|\bflight (cancel+ed|delayed)",
            r"\b(operational|mechanical) (delay|issue|problem)|\bstrike\b|\bhigh volume",
            r"\bretard (de|du) (vol|transport|acheminement)|\bgreve|\batraso (no|do) (voo|transporte)",
            r"\bhuelga|\bstreik|\bstaking|\bstrajk|\bsciopero|забастов|航班延误|航班取消|爆仓|運休",
            # sv, da, no, fi, tr, cs, uk, el, hu, ro, ar, he, th, vi, id, ms
            r"\bstrejk\w*|\blakko\b|\bgrev\b|\bstavk\w*|страйк|\bαπεργια|\bsztrajk|\bgreva\b",
            r"اضراب|שביתה|นัดหยุดงาน|\bdinh cong\b|\bmogok\b",
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
            # sv, da, no, fi, tr, cs, uk, el, hu, ro
            r"\bavboka\w*|\bmakulerad|\bkansellert|\bperuttu\b|\bperuutettu|\biptal edil\w*|\biptal\b",
            r"\bzrusen\w*|скасован|\bακυρωθηκε|\bακυρωση\b|\btorolve\b|\bstorno\w*|\banulat\w*",
            # ar, he, th, vi, id, ms
            r"ملغي|تم الالغاء|(تم )?الغاء (ال)?(شحنه|طلب|طلبيه)|בוטל|ביטול|ยกเลิก",
            r"\b(da )?huy (don|don hang|van don|giao)\b|\b(da|bi|da bi) huy\b|\bdibatalkan\b|\bbatal\b",
        ],
        S.EXCEPTION,
        M.NONE,
        R.CANCELLED,
    ),
    rule(
        "pickup_from_sender_failed",
        [
            r"\b(pick[- ]?up|collection) (attempt(ed)?|was unsuccessful|failed|missed|not (completed|made))",
            r"\b(attempted|tried|unable) to (pick[- ]?up|collect)\b",
            r"\blay hang (khong thanh cong|that bai)|\bgagal (pick[- ]?up|dijemput|penjemputan)",
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
            # fi, tr, uk, ru, el, ar, he, th, vi, id, ms
            r"\bpoikkeama|\bsorun\b|проблем|\bπροβλημα|مشكله|בעיה|תקלה|ปัญหา|ผิดปกติ|\bsu co\b|\bmasalah\b|\bkendala\b",
        ],
        S.EXCEPTION,
        M.NONE,
        R.OTHER,
        confidence=0.7,
    ),
]
