"""What a parcel contains, as the merchant declares it at registration (its customs lines).

Each item may give a description, a product category, an HS code (the Harmonized System's
6-digit subheading, or a country's 8–10-digit tariff line), a quantity and a declared value.
HS codes are checked (6 to 10 digits, dots allowed between them: ``8517.62``,
``6109.10.00``) and kept as their digits alone, so ``8517.62.00`` and ``85176200`` are one
code; the first two digits are the code's *chapter*, the first four its *heading*.
Categories are the merchant's own words, trimmed; analytics groups them case-blind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from crosstrack.domain.errors import DomainError

MAX_ITEMS = 100
MAX_DESCRIPTION = 500
MAX_CATEGORY = 100
MAX_QUANTITY = 1_000_000
MAX_SERVICE = 64
"""The longest service name (``express``, ``dedicated_line``...)."""


def service_key(given: str | None) -> str | None:
    """A service name as stored and compared: trimmed, lower case (``None`` when blank)."""
    if given is None or not given.strip():
        return None
    return given.strip().lower()


HS_DIGITS = (6, 10)
"""The fewest and most digits of an HS code."""

_HS_CODE = re.compile(r"\d+(?:\.\d+)*")


@dataclass(frozen=True, slots=True)
class DeclaredItem:
    """One line of the parcel's contents; every field is optional."""

    description: str | None = None
    category: str | None = None
    hs_code: str | None = None
    """Digits only (``85176200``)."""
    quantity: int | None = None
    value: Decimal | None = None
    """The declared value of the line, in the order's currency, digits as given."""

    @property
    def hs_chapter(self) -> str | None:
        """The HS chapter (2 digits: ``85``, electrical machinery)."""
        return self.hs_code[:2] if self.hs_code else None

    @property
    def hs_heading(self) -> str | None:
        """The HS heading (4 digits: ``8517``, telephone sets)."""
        return self.hs_code[:4] if self.hs_code else None

    def to_document(self) -> dict[str, object]:
        """A JSON-ready document (stored with the shipment; the value as decimal text)."""
        return {
            "description": self.description,
            "category": self.category,
            "hs_code": self.hs_code,
            "quantity": self.quantity,
            "value": str(self.value) if self.value is not None else None,
        }

    @classmethod
    def from_document(cls, document: dict[str, object]) -> DeclaredItem:
        value = document.get("value")
        quantity = document.get("quantity")
        return cls(
            description=_text(document.get("description")),
            category=_text(document.get("category")),
            hs_code=_text(document.get("hs_code")),
            quantity=int(str(quantity)) if quantity is not None else None,
            value=Decimal(str(value)) if value is not None else None,
        )


def _text(value: object) -> str | None:
    return str(value) if value is not None else None


def normalize_hs_code(text: str, *, field: str = "hs_code") -> str:
    """The digits of an HS code; ``DomainError`` unless it is 6–10 digits (dots allowed
    between digits)."""
    given = text.strip()
    if not _HS_CODE.fullmatch(given):
        raise DomainError(f"{text!r} is not an HS code (digits, dots allowed)", field=field)
    digits = given.replace(".", "")
    low, high = HS_DIGITS
    if not low <= len(digits) <= high:
        raise DomainError(
            f"an HS code has {low} to {high} digits; {text!r} has {len(digits)}", field=field
        )
    return digits


def declared_item(
    *,
    description: str | None = None,
    category: str | None = None,
    hs_code: str | None = None,
    quantity: int | None = None,
    value: Decimal | int | str | None = None,
    field: str = "items[0]",
) -> DeclaredItem:
    """A checked item (blank texts become ``None``); ``DomainError`` naming ``field.<name>``."""
    return DeclaredItem(
        description=_bounded(description, MAX_DESCRIPTION, f"{field}.description"),
        category=_bounded(category, MAX_CATEGORY, f"{field}.category"),
        hs_code=normalize_hs_code(hs_code, field=f"{field}.hs_code") if hs_code else None,
        quantity=_quantity(quantity, f"{field}.quantity"),
        value=_value(value, f"{field}.value"),
    )


def checked_items(
    items: Sequence[DeclaredItem], *, field: str = "items"
) -> tuple[DeclaredItem, ...]:
    """Every item checked again (what a service does with items it is given)."""
    if len(items) > MAX_ITEMS:
        raise DomainError(f"at most {MAX_ITEMS} items", field=field)
    return tuple(
        declared_item(
            description=item.description,
            category=item.category,
            hs_code=item.hs_code,
            quantity=item.quantity,
            value=item.value,
            field=f"{field}[{position}]",
        )
        for position, item in enumerate(items)
    )


def _bounded(text: str | None, limit: int, field: str) -> str | None:
    if text is None or not text.strip():
        return None
    if len(text.strip()) > limit:
        raise DomainError(f"at most {limit} characters", field=field)
    return text.strip()


def _quantity(quantity: int | None, field: str) -> int | None:
    if quantity is None:
        return None
    if isinstance(quantity, bool) or not 1 <= quantity <= MAX_QUANTITY:
        raise DomainError(f"a quantity is a whole number from 1 to {MAX_QUANTITY}", field=field)
    return quantity


def _value(value: Decimal | int | str | None, field: str) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise DomainError(f"{value!r} is not a number", field=field) from None
    if not amount.is_finite() or amount < 0:
        raise DomainError("a declared value is a number of zero or more", field=field)
    return amount
