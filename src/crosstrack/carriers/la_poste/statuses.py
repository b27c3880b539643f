"""La Poste / Colissimo tracking API ("Suivi") event codes, as La Poste documents them.

The codes name a stage; the milestone within it (for instance whether a processing step is
in the sending or the destination country) often comes from the event text, so most entries
leave the milestone to it.
"""

from __future__ import annotations

from crosstrack.domain.codes import CodeTable, meaning
from crosstrack.domain.vocabulary import Milestone as M
from crosstrack.domain.vocabulary import Reason as R
from crosstrack.domain.vocabulary import Status as S

CODES: CodeTable = {
    "dr1": meaning(S.INFO_RECEIVED, M.LABEL_CREATED),  # Déclaratif réceptionné
    "pc1": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Pris en charge
    "pc2": meaning(S.IN_TRANSIT, M.PICKED_UP),  # Pris en charge dans le pays d'expédition
    "et1": meaning(S.IN_TRANSIT),  # En cours de traitement
    "et2": meaning(S.IN_TRANSIT),  # En cours de traitement dans le pays d'expédition
    "et3": meaning(S.IN_TRANSIT),  # En cours de traitement dans le pays de destination
    "et4": meaning(S.IN_TRANSIT),  # En cours de traitement dans un pays de transit
    "ep1": meaning(
        S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER, exact=False
    ),  # En attente de présentation
    "do1": meaning(S.IN_TRANSIT, M.IMPORT_CUSTOMS),  # Entrée en douane
    "do2": meaning(S.IN_TRANSIT, M.CUSTOMS_RELEASED),  # Sortie de douane
    "do3": meaning(S.EXCEPTION, M.IMPORT_CUSTOMS, R.CUSTOMS_HELD_OR_SEIZED),  # Retenu en douane
    "pb1": meaning(S.EXCEPTION, reason=R.OTHER, exact=False),  # Problème en cours
    "pb2": meaning(S.IN_TRANSIT),  # Problème résolu
    "md2": meaning(S.IN_TRANSIT, exact=False),  # Mis en distribution
    "nd1": meaning(S.ATTEMPT_FAILED, M.DELIVERY_ATTEMPT, R.OTHER, exact=False),  # Non distribuable
    "ag1": meaning(S.AVAILABLE_FOR_PICKUP, M.AVAILABLE_FOR_PICKUP),  # En attente d'être retiré
    "re1": meaning(S.RETURNED, M.RETURN),  # Retourné à l'expéditeur
    "di1": meaning(S.DELIVERED, M.DELIVERED),  # Distribué
    "di2": meaning(S.RETURNED, M.RETURN),  # Distribué à l'expéditeur
}
