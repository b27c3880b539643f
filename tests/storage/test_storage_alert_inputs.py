"""Contract: lane norms and alert settings behave alike in memory, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from storage_samples import T0, merchant

from crosstrack.domain.lane_norms import Norm, NormKind
from crosstrack.domain.vocabulary import Milestone
from crosstrack.services.ports import UnitOfWorkFactory


def test_norms_are_replaced_as_a_whole_and_say_when_they_were_computed(
    uow_factory: UnitOfWorkFactory,
) -> None:
    first = [
        Norm("CN-FR", Milestone.IMPORT_CUSTOMS, NormKind.STAY, timedelta(hours=50.5), 40),
        Norm("*", Milestone.FACILITY, NormKind.GAP, timedelta(days=2), 900),
    ]
    with uow_factory() as uow:
        assert uow.lane_norms.all() == [] and uow.lane_norms.computed_at() is None
        uow.lane_norms.replace_all(first, T0)
        uow.commit()
    with uow_factory() as uow:
        assert sorted(uow.lane_norms.all(), key=lambda n: n.scope) == sorted(
            first, key=lambda n: n.scope
        )
        assert uow.lane_norms.computed_at() == T0
        uow.lane_norms.replace_all(first[:1], T0 + timedelta(days=1))
        uow.commit()
    with uow_factory() as uow:
        assert uow.lane_norms.all() == first[:1]
        assert uow.lane_norms.computed_at() == T0 + timedelta(days=1)


def test_alert_settings_are_kept_per_merchant_and_lane(uow_factory: UnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        uow.merchants.add(merchant("m-a"))
        uow.merchants.add(merchant("m-b"))
        uow.alert_settings.put("m-a", "", {"not_collected_days": 9}, T0)
        uow.alert_settings.put("m-a", "CN-FR", {"disabled_kinds": ["late_risk"]}, T0)
        uow.alert_settings.put("m-b", "*-FR", {"late_risk_probability": 0.8}, T0)
        uow.alert_settings.put("m-a", "", {"not_collected_days": 7}, T0)  # replaces
        uow.commit()
    with uow_factory() as uow:
        assert uow.alert_settings.for_merchants(["m-a"]) == {
            "m-a": {"": {"not_collected_days": 7}, "CN-FR": {"disabled_kinds": ["late_risk"]}}
        }
        assert uow.alert_settings.delete("m-a", "CN-FR") is True
        assert uow.alert_settings.delete("m-a", "CN-FR") is False
        uow.commit()
    with uow_factory() as uow:
        found = uow.alert_settings.for_merchants(["m-a", "m-b", "m-c"])
        assert found == {
            "m-a": {"": {"not_collected_days": 7}},
            "m-b": {"*-FR": {"late_risk_probability": 0.8}},
        }


def test_lane_disruptions_are_stored_updated_and_found_while_current(
    uow_factory: UnitOfWorkFactory,
) -> None:
    from dataclasses import replace
    from datetime import date

    from crosstrack.services.records import StoredDisruption

    disruption = StoredDisruption(
        id="lane-1",
        destination="FR",
        milestone=Milestone.IMPORT_CUSTOMS,
        began_on=date(2026, 1, 1),
        raised_on=date(2026, 1, 3),
        normal_hours=14.0,
        latest_hours=60.5,
        peak_hours=61.0,
        updated_at=T0,
        notified={"m-a": 3, "m-b": 1},
    )
    with uow_factory() as uow:
        uow.lane_disruptions.add(disruption)
        uow.commit()
    with uow_factory() as uow:
        assert uow.lane_disruptions.current(date(2026, 1, 10)) == [disruption]
        over = replace(disruption, ended_on=date(2026, 1, 9), latest_hours=15.0)
        uow.lane_disruptions.save(over)
        uow.commit()
    with uow_factory() as uow:
        assert uow.lane_disruptions.current(date(2026, 1, 9)) == [over]
        assert uow.lane_disruptions.current(date(2026, 1, 10)) == []
