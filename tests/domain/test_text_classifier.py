"""The multilingual text rules, as specifications: what carriers write, and what it means.

The phrasings below are written from how carriers word their scans in each language; none is
copied from the development data set.
"""

from __future__ import annotations

import pytest

from crosstrack.domain.text_classifier import DECISION_LIST, TextClassifier
from crosstrack.domain.textrules.rule import fold
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

_COUNTRIES = {
    "germany",
    "new zealand",
    "united kingdom",
    "uk",
    "brazil",
    "china",
    "france",
    "hong kong",
}
_CARRIERS = {"usps": "usps", "postnl": "postnl", "gls": "gls", "royal mail": "royal-mail"}


def _classifier() -> TextClassifier:
    return TextClassifier(
        is_country=lambda phrase: phrase in _COUNTRIES,
        carrier_named=lambda phrase: _CARRIERS.get(phrase.strip(" .")),
    )


CASES: list[tuple[str, str, S, M, R]] = [
    # English
    ("en", "Delivered, front door/porch", S.DELIVERED, M.DELIVERED, R.NONE),
    ("en", "Package was signed for by M. SMITH", S.DELIVERED, M.DELIVERED, R.NONE),
    ("en", "Your item will be delivered tomorrow", S.IN_TRANSIT, M.NONE, R.NONE),
    (
        "en",
        "We could not deliver your parcel because nobody was home",
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.RECIPIENT_UNAVAILABLE,
    ),
    (
        "en",
        "Delivery attempted - no secure location available",
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.OTHER,
    ),
    (
        "en",
        "Delivery attempt failed: incorrect address",
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.ADDRESS_ISSUE,
    ),
    ("en", "Returned to sender", S.RETURNED, M.RETURN, R.NONE),
    (
        "en",
        "Item will be returned to sender if not collected within 14 days",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    (
        "en",
        "Import duties and taxes are due before delivery",
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_DOCUMENTS_OR_DUTIES,
    ),
    (
        "en",
        "Shipment held by customs for inspection",
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_HELD_OR_SEIZED,
    ),
    ("en", "Customs clearance completed", S.IN_TRANSIT, M.CUSTOMS_RELEASED, R.NONE),
    ("en", "Presented to import customs", S.IN_TRANSIT, M.IMPORT_CUSTOMS, R.NONE),
    ("en", "Export customs declaration submitted", S.IN_TRANSIT, M.EXPORT_CUSTOMS, R.NONE),
    ("en", "Departed from the origin country", S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, R.NONE),
    ("en", "Arrived in Germany", S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY, R.NONE),
    ("en", "Arrived at Sort Facility CHICAGO", S.IN_TRANSIT, M.FACILITY, R.NONE),
    (
        "en",
        "Handed over to USPS for final delivery",
        S.IN_TRANSIT,
        M.HANDED_TO_OTHER_CARRIER,
        R.NONE,
    ),
    (
        "en",
        "Parcel is available for collection at your local Post Office",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    ("en", "Out for delivery", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY, R.NONE),
    ("en", "Shipping label created, awaiting item", S.INFO_RECEIVED, M.LABEL_CREATED, R.NONE),
    ("en", "Package damaged in transit", S.EXCEPTION, M.NONE, R.DAMAGED),
    ("en", "Delayed due to severe weather", S.EXCEPTION, M.NONE, R.WEATHER_OR_FORCE_MAJEURE),
    (
        "en",
        "Shipment delayed: missed flight connection",
        S.EXCEPTION,
        M.NONE,
        R.CARRIER_DELAY_OR_CAPACITY,
    ),
    ("en", "Refused by recipient", S.EXCEPTION, M.DELIVERY_ATTEMPT, R.REFUSED),
    ("en", "Accepted at origin facility", S.IN_TRANSIT, M.PICKED_UP, R.NONE),
    ("en", "In transit to next facility", S.IN_TRANSIT, M.NONE, R.NONE),
    (
        "en",
        "Departure from outward office of exchange",
        S.IN_TRANSIT,
        M.DEPARTED_ORIGIN_COUNTRY,
        R.NONE,
    ),
    (
        "en",
        "Arrival at inward office of exchange",
        S.IN_TRANSIT,
        M.ARRIVED_DESTINATION_COUNTRY,
        R.NONE,
    ),
    ("en", "Item dispatched to the UK", S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, R.NONE),
    (
        "en",
        "We're sorry, we missed you. We'll try again tomorrow",
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.RECIPIENT_UNAVAILABLE,
    ),
    ("en", "Delivered to the post office box", S.DELIVERED, M.DELIVERED, R.NONE),
    ("en", "Delivered to PUDO", S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP, R.NONE),
    ("en", "Clearance processing completed", S.IN_TRANSIT, M.CUSTOMS_RELEASED, R.NONE),
    ("en", "Delivery rescheduled at customer request", S.IN_TRANSIT, M.NONE, R.NONE),
    ("en", "Left in mailbox", S.DELIVERED, M.DELIVERED, R.NONE),
    ("en", "Tendered to carrier", S.IN_TRANSIT, M.PICKED_UP, R.NONE),
    (
        "en",
        "Your package was released by the clearing agency.",
        S.IN_TRANSIT,
        M.CUSTOMS_RELEASED,
        R.NONE,
    ),
    (
        "en",
        "Delivered to UPS Access Point. Awaiting customer pickup",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    (
        "en",
        "Held by Australian Border Force for inspection",
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_HELD_OR_SEIZED,
    ),
    (
        "en",
        "Item left Hong Kong for its destination",
        S.IN_TRANSIT,
        M.DEPARTED_ORIGIN_COUNTRY,
        R.NONE,
    ),
    (
        "en",
        "Your item has been collected from the Customer Service Point",
        S.DELIVERED,
        M.DELIVERED,
        R.NONE,
    ),
    (
        "zh",
        "包裹已交付USPS，运单号：9400111899223197428490",
        S.IN_TRANSIT,
        M.HANDED_TO_OTHER_CARRIER,
        R.NONE,
    ),
    ("de", "Die Sendung wurde aus der Packstation abgeholt", S.DELIVERED, M.DELIVERED, R.NONE),
    ("nl", "Zending is vrijgegeven door de douane", S.IN_TRANSIT, M.CUSTOMS_RELEASED, R.NONE),
    (
        "pl",
        "Oczekuje na opłacenie należności celnych",
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_DOCUMENTS_OR_DUTIES,
    ),
    # French
    ("fr", "Votre colis a été livré", S.DELIVERED, M.DELIVERED, R.NONE),
    ("fr", "Votre colis sera livré demain", S.IN_TRANSIT, M.NONE, R.NONE),
    (
        "fr",
        "Destinataire absent, avis de passage déposé",
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.RECIPIENT_UNAVAILABLE,
    ),
    (
        "fr",
        "Votre colis est disponible dans votre point relais",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    ("fr", "Votre colis est en cours de livraison", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY, R.NONE),
    ("fr", "Colis retourné à l'expéditeur", S.RETURNED, M.RETURN, R.NONE),
    (
        "fr",
        "Adresse incomplète, nous recherchons le destinataire",
        S.EXCEPTION,
        M.NONE,
        R.ADDRESS_ISSUE,
    ),
    ("fr", "Votre colis est en cours de dédouanement", S.IN_TRANSIT, M.IMPORT_CUSTOMS, R.NONE),
    ("fr", "Arrivée sur la plateforme de tri de Roissy", S.IN_TRANSIT, M.FACILITY, R.NONE),
    # Spanish
    ("es", "Entregado al destinatario", S.DELIVERED, M.DELIVERED, R.NONE),
    ("es", "En reparto", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY, R.NONE),
    (
        "es",
        "Intento de entrega fallido, destinatario ausente",
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.RECIPIENT_UNAVAILABLE,
    ),
    (
        "es",
        "Disponible para recoger en oficina",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    ("es", "Devuelto al remitente", S.RETURNED, M.RETURN, R.NONE),
    (
        "es",
        "Pendiente de pago de aranceles en aduana",
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_DOCUMENTS_OR_DUTIES,
    ),
    ("es", "Admitido en oficina de origen", S.IN_TRANSIT, M.PICKED_UP, R.NONE),
    ("es", "En tránsito", S.IN_TRANSIT, M.NONE, R.NONE),
    ("es", "Liberado por aduana", S.IN_TRANSIT, M.CUSTOMS_RELEASED, R.NONE),
    # Portuguese
    ("pt", "Objeto entregue ao destinatário", S.DELIVERED, M.DELIVERED, R.NONE),
    (
        "pt",
        "Objeto saiu para entrega ao destinatário",
        S.OUT_FOR_DELIVERY,
        M.OUT_FOR_DELIVERY,
        R.NONE,
    ),
    (
        "pt",
        "Objeto aguardando retirada no endereço indicado",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    (
        "pt",
        "Aguardando pagamento do despacho postal",
        S.EXCEPTION,
        M.IMPORT_CUSTOMS,
        R.CUSTOMS_DOCUMENTS_OR_DUTIES,
    ),
    ("pt", "Objeto postado", S.IN_TRANSIT, M.PICKED_UP, R.NONE),
    ("pt", "Objeto em trânsito - por favor aguarde", S.IN_TRANSIT, M.NONE, R.NONE),
    ("pt", "Fiscalização aduaneira finalizada", S.IN_TRANSIT, M.CUSTOMS_RELEASED, R.NONE),
    ("pt", "Objeto devolvido ao remetente", S.RETURNED, M.RETURN, R.NONE),
    # German
    ("de", "Die Sendung wurde erfolgreich zugestellt.", S.DELIVERED, M.DELIVERED, R.NONE),
    (
        "de",
        "Die Sendung wird voraussichtlich heute zugestellt.",
        S.OUT_FOR_DELIVERY,
        M.OUT_FOR_DELIVERY,
        R.NONE,
    ),
    (
        "de",
        "Der Empfänger wurde nicht angetroffen. Die Sendung wird in eine Filiale gebracht.",
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.RECIPIENT_UNAVAILABLE,
    ),
    (
        "de",
        "Die Sendung liegt in der Filiale zur Abholung bereit.",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    ("de", "Die Sendung wurde im Paketzentrum bearbeitet.", S.IN_TRANSIT, M.FACILITY, R.NONE),
    (
        "de",
        "Die Sendung wurde vom Absender in die Filiale eingeliefert.",
        S.IN_TRANSIT,
        M.PICKED_UP,
        R.NONE,
    ),
    ("de", "Die Sendung wird an den Absender zurückgesendet.", S.RETURNED, M.RETURN, R.NONE),
    (
        "de",
        "Die Sendung befindet sich in der Zollabfertigung.",
        S.IN_TRANSIT,
        M.IMPORT_CUSTOMS,
        R.NONE,
    ),
    ("de", "Ihr Paket wurde an einen Nachbarn übergeben", S.DELIVERED, M.DELIVERED, R.NONE),
    (
        "de",
        "Das Paket wurde in der Packstation abgelegt",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    # Dutch
    ("nl", "Pakket is bezorgd", S.DELIVERED, M.DELIVERED, R.NONE),
    ("nl", "Bezorger is onderweg", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY, R.NONE),
    (
        "nl",
        "Pakket ligt klaar bij het PostNL-punt",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    ("nl", "Zending is gesorteerd", S.IN_TRANSIT, M.FACILITY, R.NONE),
    ("nl", "Retour naar afzender", S.RETURNED, M.RETURN, R.NONE),
    # Polish
    ("pl", "Przesyłka doręczona", S.DELIVERED, M.DELIVERED, R.NONE),
    ("pl", "Przesyłka wydana do doręczenia", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY, R.NONE),
    (
        "pl",
        "Awizo - przesyłka czeka na odbiór w placówce",
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.OTHER,
    ),
    ("pl", "Przesyłka w drodze", S.IN_TRANSIT, M.NONE, R.NONE),
    ("pl", "Zwrot do nadawcy", S.RETURNED, M.RETURN, R.NONE),
    # Italian
    ("it", "Consegnato", S.DELIVERED, M.DELIVERED, R.NONE),
    ("it", "In consegna", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY, R.NONE),
    ("it", "Spedizione in transito", S.IN_TRANSIT, M.NONE, R.NONE),
    # Russian
    ("ru", "Вручение адресату", S.DELIVERED, M.DELIVERED, R.NONE),
    ("ru", "Прибыло в место вручения", S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP, R.NONE),
    ("ru", "Неудачная попытка вручения", S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER),
    ("ru", "Покинуло сортировочный центр", S.IN_TRANSIT, M.FACILITY, R.NONE),
    ("ru", "Выпущено таможней", S.IN_TRANSIT, M.CUSTOMS_RELEASED, R.NONE),
    ("ru", "Возврат отправителю", S.RETURNED, M.RETURN, R.NONE),
    ("ru", "Таможенное оформление", S.IN_TRANSIT, M.IMPORT_CUSTOMS, R.NONE),
    (
        "es",
        "Entrega en destinatario no posible por ausencia",
        S.ATTEMPT_FAILED,
        M.DELIVERY_ATTEMPT,
        R.RECIPIENT_UNAVAILABLE,
    ),
    ("fr", "Instance au bureau de poste", S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP, R.NONE),
    ("ru", "Принято в отделении связи", S.IN_TRANSIT, M.PICKED_UP, R.NONE),
    # Chinese (simplified and traditional)
    ("zh", "快件已签收，签收人：本人", S.DELIVERED, M.DELIVERED, R.NONE),
    (
        "zh",
        "快件已由【丰巢智能快递柜】代收，请及时取件",
        S.AVAILABLE_FOR_PICKUP,
        M.AVAILABLE_FOR_PICKUP,
        R.NONE,
    ),
    ("zh", "快递员正在派送中", S.OUT_FOR_DELIVERY, M.OUT_FOR_DELIVERY, R.NONE),
    ("zh", "已揽收", S.IN_TRANSIT, M.PICKED_UP, R.NONE),
    ("zh", "到达【深圳转运中心】", S.IN_TRANSIT, M.FACILITY, R.NONE),
    ("zh", "出口报关完成", S.IN_TRANSIT, M.EXPORT_CUSTOMS, R.NONE),
    ("zh", "航班已起飞", S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, R.NONE),
    ("zh", "包裹已退回寄件人", S.RETURNED, M.RETURN, R.NONE),
    ("zh", "收件人地址不详，无法派送", S.EXCEPTION, M.NONE, R.ADDRESS_ISSUE),
    ("zh", "已交付航空公司", S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, R.NONE),
    ("zh", "包裹已离开深圳国际互换局", S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, R.NONE),
    ("zh", "航班到达", S.IN_TRANSIT, M.ARRIVED_DESTINATION_COUNTRY, R.NONE),
    ("zh-Hant", "郵件已投遞成功", S.DELIVERED, M.DELIVERED, R.NONE),
    ("zh-Hant", "清關完成", S.IN_TRANSIT, M.CUSTOMS_RELEASED, R.NONE),
    # Japanese, Korean
    ("ja", "お届け済み", S.DELIVERED, M.DELIVERED, R.NONE),
    ("ja", "ご不在のため持ち戻り", S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.RECIPIENT_UNAVAILABLE),
    ("ja", "引受", S.IN_TRANSIT, M.PICKED_UP, R.NONE),
    ("ja", "国際交換局から発送", S.IN_TRANSIT, M.DEPARTED_ORIGIN_COUNTRY, R.NONE),
    ("ko", "배달완료", S.DELIVERED, M.DELIVERED, R.NONE),
    ("ko", "통관 완료", S.IN_TRANSIT, M.CUSTOMS_RELEASED, R.NONE),
]


@pytest.mark.parametrize(("language", "text", "status", "milestone", "reason"), CASES)
def test_carrier_phrasing_means_what_a_person_reads_in_it(
    language: str, text: str, status: S, milestone: M, reason: R
) -> None:
    got = _classifier().classify(text)
    assert (got.status, got.milestone, got.reason) == (status, milestone, reason), got.rule


def test_text_no_rule_knows_is_unknown_with_zero_confidence() -> None:
    got = _classifier().classify("Xpresspost USA")
    assert got.status is S.UNKNOWN and got.confidence == 0.0


def test_empty_and_markup_only_text_is_unknown_and_never_raises() -> None:
    classifier = _classifier()
    assert classifier.classify("").status is S.UNKNOWN
    assert classifier.classify("<br/>").status is S.UNKNOWN


def test_hand_over_to_the_reporting_carrier_itself_is_a_pick_up() -> None:
    got = _classifier().classify("The parcel was handed over to GLS.", "gls")
    assert got.milestone is M.PICKED_UP
    other = _classifier().classify("The parcel was handed over to GLS.", "seko")
    assert other.milestone is M.HANDED_TO_OTHER_CARRIER


def test_departed_a_named_country_needs_the_place_to_be_a_country() -> None:
    assert _classifier().classify("Package departed UK").milestone is M.DEPARTED_ORIGIN_COUNTRY
    assert _classifier().classify("Package departed Memphis hub").milestone is M.FACILITY


def test_folding_ignores_case_accents_and_spacing_but_keeps_cjk() -> None:
    assert fold("  Livrée  À Lyon ") == "livree a lyon"
    assert fold("Przesyłka doręczona") == "przesylka doreczona"
    assert fold("ご不在") == "ご不在"
    assert fold("배달완료") == "배달완료"


def test_every_rule_has_a_unique_name() -> None:
    names = [r.name for r in DECISION_LIST]
    assert len(names) == len(set(names))
