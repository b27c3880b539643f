"""Event texts of the destination posts that write in their own language.

German (DHL Paket / Deutsche Post), French (La Poste / Colissimo), Spanish (Correos, Correos
de México), Dutch (PostNL), Brazilian Portuguese (Correios), Japanese (Japan Post), Italian
(Poste Italiane) and Polish (Poczta Polska). Wordings follow the styles of their public
tracking pages; they are written for the simulator, not copied from real parcels.
"""

from __future__ import annotations

from crosstrack.sim.steps import Step

Wordings = dict[Step, tuple[str, ...]]

DHL_PAKET: Wordings = {
    Step.ARRIVED_DESTINATION: ("Die Sendung ist im Zielland eingetroffen",),
    Step.IMPORT_CUSTOMS: ("Die Sendung wird der Zollabfertigung im Zielland übergeben",),
    Step.CUSTOMS_DOCUMENTS: (
        "Die Sendung wurde vom Zoll angehalten. Es fehlen Unterlagen für die Verzollung",
    ),
    Step.CUSTOMS_DUTIES: ("Die Sendung liegt beim Zoll. Einfuhrabgaben sind noch zu bezahlen",),
    Step.CUSTOMS_RELEASED: (
        "Die Sendung wurde vom Zoll freigegeben",
        "Die Verzollung ist abgeschlossen",
    ),
    Step.TRANSIT: ("Die Sendung wird zum Ziel-Paketzentrum transportiert",),
    Step.DEST_FACILITY: (
        "Die Auslandssendung wurde im Import-Paketzentrum bearbeitet",
        "Die Sendung wurde im Ziel-Paketzentrum bearbeitet",
        "Die Sendung wurde im Paketzentrum {city} bearbeitet",
    ),
    Step.OUT_FOR_DELIVERY: ("Die Sendung wurde in das Zustellfahrzeug geladen",),
    Step.ATTEMPT_ABSENT: (
        "Der Empfänger wurde nicht angetroffen. Die Sendung wird in eine Filiale gebracht",
        "Die Sendung konnte nicht zugestellt werden, da der Empfänger nicht angetroffen wurde",
    ),
    Step.ATTEMPT_ADDRESS: (
        "Die Sendung konnte nicht zugestellt werden. Die Adresse ist unvollständig",
    ),
    Step.AVAILABLE_FOR_PICKUP: (
        "Die Sendung liegt in der Filiale zur Abholung bereit",
        "Die Sendung liegt in der Packstation zur Abholung bereit",
    ),
    Step.DELIVERED: ("Die Sendung wurde erfolgreich zugestellt",),
    Step.DELIVERED_NEIGHBOUR: ("Die Sendung wurde an einen Nachbarn zugestellt",),
    Step.DELIVERED_MAILBOX: ("Die Sendung wurde in den Briefkasten zugestellt",),
    Step.COLLECTED: (
        "Die Sendung wurde aus der Packstation abgeholt",
        "Die Sendung wurde in der Filiale abgeholt",
    ),
    Step.RETURNING: ("Die Sendung wird an den Absender zurückgesendet",),
    Step.RETURNED: ("Die Sendung wurde an den Absender zurückgeschickt",),
}

COLISSIMO: Wordings = {
    Step.ARRIVED_DESTINATION: ("Votre colis est arrivé dans le pays de destination",),
    Step.IMPORT_CUSTOMS: (
        "Votre colis est en cours de dédouanement",
        "Votre colis est entré en douane",
    ),
    Step.CUSTOMS_DOCUMENTS: (
        "Votre colis est retenu en douane. Des documents complémentaires sont nécessaires",
    ),
    Step.CUSTOMS_DUTIES: (
        "Votre colis est retenu en douane dans l'attente du paiement des droits et taxes",
    ),
    Step.CUSTOMS_RELEASED: ("Votre colis est sorti de douane", "Votre colis a été dédouané"),
    Step.TRANSIT: ("Votre colis est en cours d'acheminement",),
    Step.DEST_FACILITY: (
        "Votre colis est arrivé sur notre plateforme internationale",
        "Votre colis est arrivé sur son site de distribution",
    ),
    Step.OUT_FOR_DELIVERY: ("Votre colis est en cours de livraison",),
    Step.ATTEMPT_ABSENT: (
        "Votre colis n'a pas pu être livré, vous étiez absent lors de la livraison",
    ),
    Step.ATTEMPT_ADDRESS: ("Votre colis n'a pas pu être livré : l'adresse est incomplète",),
    Step.AVAILABLE_FOR_PICKUP: (
        "Votre colis est disponible dans votre bureau de poste",
        "Votre colis est disponible dans votre point de retrait",
    ),
    Step.DELIVERED: ("Votre colis est livré", "Votre colis a été livré"),
    Step.DELIVERED_NEIGHBOUR: ("Votre colis a été livré chez votre voisin",),
    Step.DELIVERED_MAILBOX: ("Votre colis a été livré dans votre boîte aux lettres",),
    Step.COLLECTED: (
        "Votre colis a été retiré au bureau de poste",
        "Votre colis a été remis au destinataire en point de retrait",
    ),
    Step.RETURNING: ("Votre colis est retourné à l'expéditeur",),
    Step.RETURNED: ("Votre colis a été livré à l'expéditeur",),
}

CORREOS: Wordings = {
    Step.ARRIVED_DESTINATION: (
        "Llegada a la oficina de cambio de destino",
        "Envío recibido en el país de destino",
    ),
    Step.IMPORT_CUSTOMS: ("En proceso de despacho aduanero", "Envío en aduana"),
    Step.CUSTOMS_DOCUMENTS: ("Retenido en aduana: pendiente de documentación",),
    Step.CUSTOMS_DUTIES: ("En aduana: pendiente de pago de aranceles e impuestos",),
    Step.CUSTOMS_RELEASED: ("Despacho aduanero finalizado", "Liberado por la aduana"),
    Step.LAST_MILE_ACCEPTED: ("Admitido en el centro de tratamiento de {city}",),
    Step.TRANSIT: ("En tránsito",),
    Step.DEST_FACILITY: (
        "Llegada al centro de tratamiento de {city}",
        "En centro de clasificación",
    ),
    Step.OUT_FOR_DELIVERY: ("En reparto", "En proceso de entrega"),
    Step.ATTEMPT_ABSENT: ("Intento de entrega fallido: destinatario ausente",),
    Step.ATTEMPT_ADDRESS: ("Intento de entrega fallido: dirección incorrecta",),
    Step.AVAILABLE_FOR_PICKUP: (
        "Disponible para recoger en oficina",
        "Disponible en CityPaq para su recogida",
    ),
    Step.DELIVERED: ("Entregado",),
    Step.DELIVERED_NEIGHBOUR: ("Entregado a un vecino",),
    Step.DELIVERED_MAILBOX: ("Entregado en el buzón",),
    Step.COLLECTED: ("Entregado en oficina", "Recogido por el destinatario en CityPaq"),
    Step.RETURNING: ("En devolución al remitente",),
    Step.RETURNED: ("Devuelto al remitente",),
}

POSTNL: Wordings = {
    Step.ARRIVED_DESTINATION: ("Zending is in Nederland aangekomen",),
    Step.IMPORT_CUSTOMS: ("Zending bij douane", "Zending is in het inklaringsproces"),
    Step.CUSTOMS_DOCUMENTS: ("Zending wordt door de douane vastgehouden: documenten ontbreken",),
    Step.CUSTOMS_DUTIES: ("Zending ligt bij de douane: invoerrechten moeten nog betaald worden",),
    Step.CUSTOMS_RELEASED: ("Zending is vrijgegeven door de douane",),
    Step.LAST_MILE_ACCEPTED: ("Zending is ontvangen door PostNL", "Zending in ontvangst genomen"),
    Step.DEST_FACILITY: ("Zending is gesorteerd", "Zending gesorteerd in {city}"),
    Step.OUT_FOR_DELIVERY: ("Zending in distributieproces", "Bezorger is onderweg"),
    Step.ATTEMPT_ABSENT: ("Zending niet afgeleverd: geadresseerde niet thuis",),
    Step.ATTEMPT_ADDRESS: ("Zending niet afgeleverd: adres onvolledig",),
    Step.AVAILABLE_FOR_PICKUP: (
        "Zending beschikbaar op afhaallocatie",
        "Zending ligt klaar bij het PostNL-punt",
    ),
    Step.DELIVERED: ("Zending afgeleverd", "Zending is bezorgd"),
    Step.DELIVERED_NEIGHBOUR: ("Zending afgeleverd bij de buren",),
    Step.DELIVERED_MAILBOX: ("Zending is bezorgd in de brievenbus",),
    Step.COLLECTED: ("Zending afgehaald bij PostNL-punt",),
    Step.RETURNING: ("Zending wordt retour gestuurd naar de afzender",),
    Step.RETURNED: ("Zending is retour afzender",),
}

CORREIOS: Wordings = {
    Step.ARRIVED_DESTINATION: ("Objeto recebido pelos Correios do Brasil",),
    Step.IMPORT_CUSTOMS: (
        "Objeto encaminhado para fiscalização aduaneira",
        "Fiscalização aduaneira em andamento",
    ),
    Step.CUSTOMS_DOCUMENTS: ("Objeto retido pela fiscalização: aguardando documentação",),
    Step.CUSTOMS_DUTIES: ("Aguardando pagamento do imposto de importação", "Aguardando pagamento"),
    Step.CUSTOMS_RELEASED: (
        "Fiscalização aduaneira finalizada",
        "Objeto liberado pela fiscalização aduaneira",
    ),
    Step.TRANSIT: ("Objeto em trânsito - por favor aguarde",),
    Step.DEST_FACILITY: (
        "Objeto recebido na unidade de distribuição",
        "Objeto recebido na unidade de tratamento em {city}",
    ),
    Step.OUT_FOR_DELIVERY: ("Objeto saiu para entrega ao destinatário",),
    Step.ATTEMPT_ABSENT: ("Carteiro não atendido - destinatário ausente",),
    Step.ATTEMPT_ADDRESS: ("Objeto não entregue - endereço incorreto",),
    Step.AVAILABLE_FOR_PICKUP: ("Objeto aguardando retirada no endereço indicado",),
    Step.DELIVERED: ("Objeto entregue ao destinatário",),
    Step.DELIVERED_NEIGHBOUR: ("Objeto entregue ao vizinho",),
    Step.DELIVERED_MAILBOX: ("Objeto entregue na caixa postal",),
    Step.COLLECTED: ("Objeto retirado pelo destinatário na agência",),
    Step.RETURNING: ("Objeto devolvido ao remetente", "Objeto em devolução ao remetente"),
    Step.RETURNED: ("Objeto devolvido ao país de origem",),
}

JAPAN_POST: Wordings = {
    Step.ARRIVED_DESTINATION: ("国際交換局に到着",),
    Step.IMPORT_CUSTOMS: ("通関手続中", "税関へ提示"),
    Step.CUSTOMS_DOCUMENTS: ("税関から書類の提出を求められています",),
    Step.CUSTOMS_DUTIES: ("関税・消費税の納付待ち",),
    Step.CUSTOMS_RELEASED: ("国際交換局から発送", "通関手続完了"),
    Step.LAST_MILE_ACCEPTED: ("引受",),
    Step.DEST_FACILITY: ("中継", "到着"),
    Step.OUT_FOR_DELIVERY: ("持ち出し中", "配達中"),
    Step.ATTEMPT_ABSENT: ("ご不在のため持ち戻り",),
    Step.ATTEMPT_ADDRESS: ("あて所不明のため配達できませんでした",),
    Step.AVAILABLE_FOR_PICKUP: ("窓口でお受け取りいただけます", "保管"),
    Step.DELIVERED: ("お届け済み", "お届け先にお届け済み"),
    Step.DELIVERED_NEIGHBOUR: ("お届け済み（隣人受け取り）",),
    Step.DELIVERED_MAILBOX: ("お届け済み（郵便受箱）",),
    Step.COLLECTED: ("窓口でお渡し",),
    Step.RETURNING: ("差出人に返送",),
    Step.RETURNED: ("差出人に返送済み",),
}

POSTE_ITALIANE: Wordings = {
    Step.ARRIVED_DESTINATION: ("La spedizione è arrivata in Italia",),
    Step.IMPORT_CUSTOMS: ("La spedizione è in dogana",),
    Step.CUSTOMS_DOCUMENTS: ("Spedizione trattenuta in dogana: documentazione mancante",),
    Step.CUSTOMS_DUTIES: ("In attesa del pagamento dei dazi doganali",),
    Step.CUSTOMS_RELEASED: ("La spedizione è stata sdoganata",),
    Step.LAST_MILE_ACCEPTED: ("La spedizione è stata presa in carico",),
    Step.TRANSIT: ("La spedizione è in transito",),
    Step.DEST_FACILITY: ("La spedizione è arrivata al centro di distribuzione",),
    Step.OUT_FOR_DELIVERY: ("La spedizione è in consegna",),
    Step.ATTEMPT_ABSENT: ("Mancata consegna: destinatario assente",),
    Step.ATTEMPT_ADDRESS: ("Mancata consegna: indirizzo errato",),
    Step.AVAILABLE_FOR_PICKUP: (
        "La spedizione è disponibile per il ritiro presso l'ufficio postale",
    ),
    Step.DELIVERED: ("La spedizione è stata consegnata",),
    Step.DELIVERED_NEIGHBOUR: ("Consegnata al vicino",),
    Step.DELIVERED_MAILBOX: ("Consegnata nella cassetta postale",),
    Step.COLLECTED: ("La spedizione è stata ritirata presso l'ufficio postale",),
    Step.RETURNING: ("La spedizione è in restituzione al mittente",),
    Step.RETURNED: ("La spedizione è stata restituita al mittente",),
}

POCZTA_POLSKA: Wordings = {
    Step.ARRIVED_DESTINATION: ("Przesyłka przyjęta w kraju przeznaczenia",),
    Step.IMPORT_CUSTOMS: ("Przesyłka w odprawie celnej",),
    Step.CUSTOMS_DOCUMENTS: ("Przesyłka zatrzymana przez urząd celny: brak dokumentów",),
    Step.CUSTOMS_DUTIES: ("Oczekuje na opłacenie należności celnych",),
    Step.CUSTOMS_RELEASED: ("Odprawa celna zakończona",),
    Step.TRANSIT: ("Przesyłka w drodze",),
    Step.DEST_FACILITY: ("Wysłanie przesyłki z sortowni", "Przyjęcie przesyłki w sortowni"),
    Step.OUT_FOR_DELIVERY: ("Przesyłka wydana do doręczenia", "Doręczanie"),
    Step.ATTEMPT_ABSENT: ("Próba doręczenia - adresat nieobecny, pozostawiono awizo",),
    Step.ATTEMPT_ADDRESS: ("Nieudana próba doręczenia - błędny adres",),
    Step.AVAILABLE_FOR_PICKUP: ("Przesyłka czeka na odbiór w placówce",),
    Step.DELIVERED: ("Doręczono",),
    Step.DELIVERED_NEIGHBOUR: ("Doręczono sąsiadowi",),
    Step.DELIVERED_MAILBOX: ("Doręczono do skrzynki pocztowej",),
    Step.COLLECTED: ("Odebrano w placówce",),
    Step.RETURNING: ("Zwrot do nadawcy",),
    Step.RETURNED: ("Przesyłka zwrócona do nadawcy",),
}
