"""Contract: a merchant's shipping rates are replaced as a whole, read back in their order
with their amounts' digits as given, and never another merchant's; alike on every back-end."""

from __future__ import annotations

from decimal import Decimal

from storage_samples import seed

from crosstrack.services.ports import UnitOfWorkFactory
from crosstrack.services.records import ShippingRate

DHL = ShippingRate("dhl", "express", "FR", 500, Decimal("24.90"), "EUR")
ANY = ShippingRate("yanwen", None, "*", None, Decimal("9.5000"), "USD")


def test_rates_are_replaced_whole_and_read_back_in_order(uow_factory: UnitOfWorkFactory) -> None:
    seed(uow_factory)
    with uow_factory() as uow:
        uow.shipping_rates.replace("m-a", [DHL, ANY])
        uow.shipping_rates.replace("m-b", [ANY])
        uow.commit()
    with uow_factory() as uow:
        mine = uow.shipping_rates.for_merchant("m-a")
    assert mine == [DHL, ANY] and str(mine[1].amount) == "9.5000"
    with uow_factory() as uow:
        uow.shipping_rates.replace("m-a", [ANY])
        uow.commit()
    with uow_factory() as uow:
        assert uow.shipping_rates.for_merchant("m-a") == [ANY]
        assert uow.shipping_rates.for_merchant("m-b") == [ANY]
        uow.shipping_rates.replace("m-a", [])  # not committed: rolled back
    with uow_factory() as uow:
        assert uow.shipping_rates.for_merchant("m-a") == [ANY]
