"""Registering shipments."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from crosstrack.domain.shipment import Endpoint
from crosstrack.domain.units import Measure, Unit
from crosstrack.services.errors import InvalidInput, NotFound
from crosstrack.services.facade import Services
from crosstrack.services.records import Merchant, Topic
from crosstrack.services.registration import NumberInput, RegisterShipment
from crosstrack.testing import InMemoryStore


def _command(merchant: Merchant, *numbers: NumberInput, ref: str = "SO-1001") -> RegisterShipment:
    return RegisterShipment(
        merchant_id=merchant.id,
        order_ref=ref,
        numbers=numbers,
        origin=Endpoint("CN", city="Shenzhen"),
        destination=Endpoint("FR", postcode="69003", city="Lyon"),
    )


def test_carrier_is_detected_when_absent_and_the_answer_says_how_sure(
    services: Services, merchant: Merchant
) -> None:
    shipment = services.registrar.register(
        _command(merchant, NumberInput("rb 1234-5678 5gb"))
    ).shipment
    (leg,) = shipment.legs
    assert leg.tracking_number == "RB123456785GB"
    assert (leg.carrier, leg.carrier_detected) == ("royal-mail", True)
    assert leg.carrier_confidence is not None and leg.carrier_confidence > 0.9


def test_a_given_carrier_is_resolved_by_alias_and_not_detected(
    services: Services, merchant: Merchant
) -> None:
    shipment = services.registrar.register(
        _command(merchant, NumberInput("1234567890", carrier="dhl_express"))
    ).shipment
    assert (shipment.legs[0].carrier, shipment.legs[0].carrier_detected) == ("dhl", False)


def test_registering_the_same_reference_and_number_twice_returns_the_first(
    services: Services, merchant: Merchant, store: InMemoryStore
) -> None:
    first = services.registrar.register(_command(merchant, NumberInput("RB123456785GB")))
    again = services.registrar.register(_command(merchant, NumberInput("RB123456785GB")))
    assert first.created and not again.created
    assert again.shipment.id == first.shipment.id
    assert len(store.data.shipments) == 1
    created = [m for m in store.data.outbox.values() if m.topic is Topic.SHIPMENT_CREATED]
    assert len(created) == 1


def test_the_same_reference_for_another_merchant_is_another_shipment(
    services: Services, merchant: Merchant, other_merchant: Merchant
) -> None:
    mine = services.registrar.register(_command(merchant, NumberInput("RB123456785GB")))
    theirs = services.registrar.register(_command(other_merchant, NumberInput("RB123456785GB")))
    assert theirs.created and theirs.shipment.id != mine.shipment.id


@pytest.mark.parametrize(
    ("numbers", "ref", "field"),
    [
        ((), "SO-1", "tracking_numbers"),
        ((NumberInput("--"),), "SO-1", "tracking_numbers[0].number"),
        (
            (NumberInput("RB123456785GB", carrier="pigeon-post"),),
            "SO-1",
            "tracking_numbers[0].carrier",
        ),
        ((NumberInput("RB123456785GB"),), "  ", "order_ref"),
    ],
)
def test_bad_input_names_the_field(
    services: Services, merchant: Merchant, numbers: tuple[NumberInput, ...], ref: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        services.registrar.register(_command(merchant, *numbers, ref=ref))
    assert caught.value.field == field


def test_the_declared_parcel_weight_is_kept_as_given(
    services: Services, merchant: Merchant
) -> None:
    weight = Measure(Decimal("1.20"), Unit.KILOGRAM)
    command = replace(_command(merchant, NumberInput("RB123456785GB")), weight=weight)
    shipment = services.registrar.register(command).shipment
    assert shipment.weight == weight and str(shipment.weight.value) == "1.20"
    assert services.queries.require(merchant.id, shipment.id).weight == weight
    assert [leg.weight for leg in shipment.legs] == [None]  # legs carry the carriers' weights


@pytest.mark.parametrize(
    ("weight", "field"),
    [
        (Measure(Decimal("0"), Unit.KILOGRAM), "parcel.weight.value"),
        (Measure(Decimal("-2"), Unit.POUND), "parcel.weight.value"),
        (Measure(Decimal("20"), Unit.CELSIUS), "parcel.weight.unit"),
        (Measure(Decimal("3"), Unit.KILOMETRE), "parcel.weight.unit"),
    ],
)
def test_a_declared_weight_must_be_a_positive_mass(
    services: Services, merchant: Merchant, weight: Measure, field: str
) -> None:
    command = replace(_command(merchant, NumberInput("RB123456785GB")), weight=weight)
    with pytest.raises(InvalidInput) as caught:
        services.registrar.register(command)
    assert caught.value.field == field


def test_legs_can_be_added_and_a_carrier_corrected(services: Services, merchant: Merchant) -> None:
    shipment = services.registrar.register(
        _command(merchant, NumberInput("RB123456785GB"))
    ).shipment
    grown = services.registrar.add_leg(
        merchant.id, shipment.id, NumberInput("6A12345678901", "colissimo")
    )
    assert [leg.carrier for leg in grown.legs] == ["royal-mail", "la-poste-colissimo"]
    fixed = services.registrar.correct_carrier(merchant.id, shipment.id, grown.legs[0].id, "usps")
    assert fixed.legs[0].carrier == "usps" and not fixed.legs[0].carrier_detected


def test_another_merchant_cannot_change_or_archive_my_shipment(
    services: Services, merchant: Merchant, other_merchant: Merchant
) -> None:
    shipment = services.registrar.register(
        _command(merchant, NumberInput("RB123456785GB"))
    ).shipment
    with pytest.raises(NotFound):
        services.registrar.add_leg(other_merchant.id, shipment.id, NumberInput("6A12345678901"))
    with pytest.raises(NotFound):
        services.registrar.correct_carrier(
            other_merchant.id, shipment.id, shipment.legs[0].id, "usps"
        )
    with pytest.raises(NotFound):
        services.registrar.archive(other_merchant.id, shipment.id)
    with pytest.raises(NotFound):
        services.registrar.delete(other_merchant.id, shipment.id)
    assert services.queries.shipment(merchant.id, shipment.id).shipment.archived_at is None
