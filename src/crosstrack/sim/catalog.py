"""What simulated parcels contain: a small synthetic shop catalogue with product categories and
HS codes, so that the demo's declarations and customs analytics have something to show.

Each parcel gets one to three lines, drawn deterministically from its id. Parcels the simulator
held in customs draw more often from the products customs stop most in real life (cosmetics
with their ingredient lists, electronics with batteries): the declarations view of the demo
shows it. Everything is synthetic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from crosstrack.domain.declared_items import DeclaredItem
from crosstrack.sim import problems
from crosstrack.sim.model import SimParcel


@dataclass(frozen=True, slots=True)
class Product:
    description: str
    category: str
    hs_code: str
    price: Decimal
    weight: float
    """How often it is ordered (relative)."""
    customs_weight: float
    """How often it is in a parcel customs held (relative)."""


CATALOGUE: tuple[Product, ...] = (
    Product("Phone case", "Accessories", "3926.90", Decimal("6.90"), 9, 3),
    Product("Wireless earbuds", "Electronics", "8518.30", Decimal("24.00"), 6, 9),
    Product("Power bank", "Electronics", "8507.60", Decimal("19.50"), 3, 12),
    Product("USB-C cable", "Electronics", "8544.42", Decimal("4.20"), 8, 3),
    Product("Cotton T-shirt", "Apparel", "6109.10", Decimal("9.90"), 9, 4),
    Product("Summer dress", "Apparel", "6204.43", Decimal("21.00"), 5, 3),
    Product("Sneakers", "Shoes", "6404.11", Decimal("35.00"), 4, 4),
    Product("Building blocks", "Toys", "9503.00", Decimal("15.00"), 5, 2),
    Product("Lipstick set", "Cosmetics", "3304.10", Decimal("12.00"), 3, 14),
    Product("Face serum", "Cosmetics", "3304.99", Decimal("18.00"), 2, 12),
    Product("Silver necklace", "Jewellery", "7113.11", Decimal("29.00"), 2, 6),
    Product("Kitchen scale", "Home", "8423.10", Decimal("11.00"), 3, 2),
)

_CUSTOMS_PROBLEMS = frozenset({problems.CUSTOMS_DOCUMENTS, problems.DUTIES_UNPAID})


def items_for(parcel: SimParcel) -> tuple[DeclaredItem, ...]:
    """The declared contents of a simulated parcel (deterministic for its id)."""
    rng = random.Random(f"items:{parcel.id}")
    held = parcel.problem in _CUSTOMS_PROBLEMS
    weights = [p.customs_weight if held else p.weight for p in CATALOGUE]
    chosen = rng.choices(CATALOGUE, weights=weights, k=rng.choice((1, 1, 1, 2, 2, 3)))
    lines: dict[str, DeclaredItem] = {}
    for product in chosen:
        found = lines.get(product.hs_code)
        quantity = (found.quantity or 0) + 1 if found else 1
        lines[product.hs_code] = DeclaredItem(
            description=product.description,
            category=product.category,
            hs_code=product.hs_code.replace(".", ""),
            quantity=quantity,
            value=product.price * quantity,
        )
    return tuple(lines.values())
