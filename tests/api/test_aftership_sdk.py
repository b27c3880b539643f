"""AfterShip's own Python SDK (``aftership-tracking-sdk``, which none of us wrote) drives a
served crosstrack with only its ``domain`` changed: every call of docs/aftership-compat.md
goes over real HTTP to a ``crosstrack serve`` process and is read back by the SDK's models.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from crosstrack.cli import main
from crosstrack.testing.server import serve_in_subprocess

tracking_sdk = pytest.importorskip("tracking", reason="aftership-tracking-sdk is a test dependency")
from tracking import Client, Configuration  # noqa: E402
from tracking.exceptions import (  # noqa: E402
    BadRequestError,
    NotFoundError,
    UnauthorizedError,
)

ROYAL_MAIL = "RB123456785GB"
UPS = "1Z999AA10123456784"


def _run(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out=out) == 0, out.getvalue()
    return out.getvalue()


def _key(database: str, name: str) -> str:
    return str(
        json.loads(_run("merchants", "create", name, "--json", "--database-url", database))[
            "api_key"
        ]
    )


@dataclass
class Served:
    base_url: str
    key: str
    other_key: str
    lane: dict[str, str]
    """A lane the trained ETA model knows: origin, destination (alpha-2) and carrier."""

    def client(self, key: str | None = None) -> Client:
        return Client(Configuration(domain=self.base_url, api_key=key or self.key, max_retry=0))

    def scan(self, shipment_id: str, *events: dict[str, Any]) -> None:
        sent = httpx.post(
            f"{self.base_url}/v1/shipments/{shipment_id}/events",
            json={"events": list(events)},
            headers={"Authorization": f"Bearer {self.key}"},
        )
        assert sent.status_code < 300, sent.text

    def raw(self, path: str) -> dict[str, Any]:
        answer = httpx.get(f"{self.base_url}{path}", headers={"as-api-key": self.key})
        assert answer.status_code == 200, answer.text
        data: dict[str, Any] = answer.json()["data"]
        return data


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("aftership")
    history, model = root / "history.csv", root / "model"
    _run(
        "eta",
        "simulate",
        "--output",
        str(history),
        "--shipments",
        "900",
        "--days",
        "150",
        "--end",
        "2026-06-01",
        "--seed",
        "5",
    )
    _run("eta", "train", "--history", str(history), "--model", str(model))
    with history.open() as rows:
        first = next(csv.DictReader(rows))
    lane = {k: first[k] for k in ("origin_country", "destination_country", "carrier")}
    database = f"sqlite:///{root / 'aftership.db'}"
    key, other = _key(database, "Shop"), _key(database, "Other shop")
    env = {"CROSSTRACK_ETA_MODEL_DIR": str(model)}
    with serve_in_subprocess(database, env=env) as server:
        yield Served(server.base_url, key, other, lane)


def test_create_read_back_with_checkpoints_and_list(served: Served) -> None:
    sdk = served.client()
    created = sdk.tracking.create_tracking(
        {
            "tracking_number": ROYAL_MAIL,
            "slug": "royal-mail",
            "title": "Blue scarf",
            "order_id": "SO-1001",
            "order_number": "#1001",
            "note": "gift",
            "custom_fields": {"channel": "shopify"},
            "origin_country_region": "GBR",
            "destination_country_region": "FRA",
            "destination_city": "Lyon",
            "destination_postal_code": "69003",
            "order_promised_delivery_date": {"promised_delivery_date": "2026-12-10"},
            "customers": [{"role": "buyer", "name": "Claire", "email": "claire@example.fr"}],
        }
    ).data
    assert created is not None and created.id
    assert (created.tracking_number, created.slug) == (ROYAL_MAIL, "royal-mail")
    assert created.tag is not None and created.tag.value == "Pending"
    assert created.subtag == "Pending_001" and created.active is True
    assert (created.title, created.order_id, created.order_number) == (
        "Blue scarf",
        "SO-1001",
        "#1001",
    )
    assert created.custom_fields == {"channel": "shopify"} and created.note == "gift"
    assert (created.origin_country_region, created.destination_country_region) == ("GBR", "FRA")
    assert created.destination_city == "Lyon" and created.destination_postal_code == "69003"
    assert created.order_promised_delivery_date is not None
    assert created.order_promised_delivery_date.promised_delivery_date == "2026-12-10"
    assert created.customers and created.customers[0].email == "claire@example.fr"
    assert created.checkpoints == []
    assert created.shipment_weight is None and created.signed_by is None  # never invented

    served.scan(
        created.id,
        {
            "description": "Item received for delivery",
            "timestamp": "2026-11-20T09:00:00Z",
            "carrier": "royal-mail",
            "location": "London",
        },
        {
            "description": "Out for delivery",
            "timestamp": "2026-11-24T07:30:00Z",
            "carrier": "royal-mail",
            "location": "Lyon, France",
        },
    )
    read = sdk.tracking.get_tracking_by_id(created.id).data
    assert read is not None and read.checkpoints is not None
    assert [c.message for c in read.checkpoints] == [
        "Item received for delivery",
        "Out for delivery",
    ]
    last = read.checkpoints[-1]
    assert last.tag is not None and last.tag.value == "OutForDelivery"
    assert last.subtag == "OutForDelivery_001" and last.slug == "royal-mail"
    assert last.country_region == "FRA" and last.source is not None and last.source.value == "user"
    assert last.checkpoint_time is not None and last.checkpoint_time.startswith(
        "2026-11-24T08:30:00+01:00"
    )
    assert read.tag is not None and read.tag.value == "OutForDelivery"
    assert (
        read.unique_token
        and read.aftership_tracking_url
        and read.unique_token in read.aftership_tracking_url
    )
    # Our extras ride along for clients that want them; the SDK's model ignores them.
    extension = served.raw(f"/tracking/2026-07/trackings/{created.id}")["crosstrack"]
    assert (
        extension["status"] == "out_for_delivery"
        and extension["legs"][0]["carrier"] == "royal-mail"
    )

    second = sdk.tracking.create_tracking({"tracking_number": UPS}).data  # no slug: detected
    assert second is not None and second.slug == "ups" and second.order_id is None

    everything = sdk.tracking.get_trackings().data
    assert everything is not None and everything.trackings is not None
    assert {t.id for t in everything.trackings} == {created.id, second.id}
    by_slug = sdk.tracking.get_trackings(slug="royal-mail").data
    assert by_slug is not None and [t.id for t in by_slug.trackings or []] == [created.id]
    by_tag = sdk.tracking.get_trackings(tag="OutForDelivery,Delivered").data
    assert by_tag is not None and [t.id for t in by_tag.trackings or []] == [created.id]
    by_place = sdk.tracking.get_trackings(
        destination="FRA", tracking_numbers=f"{ROYAL_MAIL},X"
    ).data
    assert by_place is not None and [t.id for t in by_place.trackings or []] == [created.id]
    first_page = sdk.tracking.get_trackings(limit=1).data
    assert first_page is not None and first_page.pagination is not None
    assert first_page.pagination.has_next_page is True and first_page.pagination.next_cursor
    assert first_page.pagination.total == 2
    rest = sdk.tracking.get_trackings(limit=1, cursor=first_page.pagination.next_cursor).data
    assert (
        rest is not None and rest.pagination is not None and rest.pagination.has_next_page is False
    )
    paged = [t.id for t in (first_page.trackings or []) + (rest.trackings or [])]
    assert sorted(paged) == sorted([created.id, second.id])
    # Another merchant's key sees none of them.
    stranger = served.client(served.other_key).tracking.get_trackings().data
    assert stranger is not None and stranger.trackings == []
    with pytest.raises(NotFoundError) as hidden:
        served.client(served.other_key).tracking.get_tracking_by_id(created.id)
    assert hidden.value.meta_code == 4004


def test_a_tracking_created_twice_is_refused_as_aftership_does(served: Served) -> None:
    sdk = served.client()
    number = "RB987654321GB"
    sdk.tracking.create_tracking({"tracking_number": number, "slug": "royal-mail"})
    with pytest.raises(BadRequestError) as again:
        sdk.tracking.create_tracking({"tracking_number": number, "slug": "royal-mail"})
    assert again.value.meta_code == 4003 and again.value.status_code == 400
    with pytest.raises(BadRequestError) as bad_slug:
        sdk.tracking.create_tracking(
            {"tracking_number": "RB111111111GB", "slug": "no-such-courier"}
        )
    assert bad_slug.value.meta_code == 4010


def test_update_mark_completed_retrack_and_delete(served: Served) -> None:
    sdk = served.client()
    made = sdk.tracking.create_tracking({"tracking_number": "RB555555555GB", "title": "Old"}).data
    assert made is not None
    updated = sdk.tracking.update_tracking_by_id(
        made.id, {"title": "New", "note": "call first", "slug": "royal-mail"}
    ).data
    assert updated is not None and (updated.title, updated.note, updated.slug) == (
        "New",
        "call first",
        "royal-mail",
    )
    assert sdk.tracking.get_tracking_by_id(made.id).data.title == "New"  # type: ignore[union-attr]
    with pytest.raises(BadRequestError) as still_active:
        sdk.tracking.retrack_tracking_by_id(made.id)
    assert still_active.value.meta_code == 4013

    lost = sdk.tracking.mark_tracking_completed_by_id(made.id, {"reason": "LOST"}).data
    assert lost is not None and lost.active is False
    assert lost.tag is not None and lost.tag.value == "Exception" and lost.subtag == "Exception_013"
    assert lost.checkpoints and lost.checkpoints[-1].source is not None
    assert lost.checkpoints[-1].source.value == "user"
    again = sdk.tracking.retrack_tracking_by_id(made.id).data
    assert again is not None and again.active is True
    assert served.raw(f"/tracking/2026-07/trackings/{made.id}")["crosstrack"]["retracks"] == 1

    other = sdk.tracking.create_tracking({"tracking_number": "RB666666666GB"}).data
    assert other is not None
    delivered = sdk.tracking.mark_tracking_completed_by_id(
        other.id, {"reason": "DELIVERED", "event_datetime": "2026-11-25T15:00:00+01:00"}
    ).data
    assert (
        delivered is not None and delivered.tag is not None and delivered.tag.value == "Delivered"
    )
    assert delivered.active is False and delivered.shipment_delivery_date is not None
    assert delivered.shipment_delivery_date.startswith("2026-11-25T14:00:00")

    gone = sdk.tracking.delete_tracking_by_id(made.id).data
    assert gone is not None and gone.id == made.id
    with pytest.raises(NotFoundError) as missing:
        sdk.tracking.get_tracking_by_id(made.id)
    assert missing.value.meta_code == 4004


def test_couriers_and_detection(served: Served) -> None:
    sdk = served.client()
    couriers = sdk.courier.get_couriers().data
    assert couriers is not None and couriers.couriers is not None
    slugs = {c.slug for c in couriers.couriers}
    assert {"ups", "royal-mail", "usps", "china-post"} <= slugs and couriers.total == len(slugs)
    one = sdk.courier.get_couriers(slug="ups").data
    assert one is not None and [c.slug for c in one.couriers or []] == ["ups"]
    detected = sdk.courier.detect_courier({"tracking_number": UPS}).data
    assert detected is not None and detected.couriers
    assert detected.couriers[0].slug == "ups" and detected.total == len(detected.couriers)
    narrowed = sdk.courier.detect_courier({"tracking_number": UPS, "slug": ["usps"]}).data
    assert narrowed is not None and narrowed.total == 0


def test_estimated_delivery_dates_come_from_the_eta_model(served: Served) -> None:
    from crosstrack.api.aftership.countries import alpha3

    sdk = served.client()
    lane = served.lane
    request = {
        "slug": lane["carrier"],
        "origin_address": {"country_region": alpha3(lane["origin_country"])},
        "destination_address": {"country_region": alpha3(lane["destination_country"])},
        "pickup_time": "2026-05-04T10:00:00+00:00",
    }
    single = sdk.estimated_delivery_date.predict(request).data
    assert single is not None and single.estimated_delivery_date is not None
    low, mid, high = (
        single.estimated_delivery_date_min,
        single.estimated_delivery_date,
        single.estimated_delivery_date_max,
    )
    assert low is not None and high is not None and "2026-05-04" < low <= mid <= high
    assert single.slug == lane["carrier"] and single.confidence_code is None
    batch = sdk.estimated_delivery_date.predict_batch(
        {"estimated_delivery_dates": [request, {**request, "pickup_time": "2026-05-11T10:00:00Z"}]}
    ).data
    assert batch is not None and batch.estimated_delivery_dates is not None
    first, later = batch.estimated_delivery_dates
    assert first.estimated_delivery_date == mid
    assert later.estimated_delivery_date is not None and later.estimated_delivery_date > mid


def test_a_wrong_key_is_the_sdks_own_unauthorized_error(served: Served) -> None:
    with pytest.raises(UnauthorizedError) as refused:
        served.client("ct_not_a_real_key").tracking.get_trackings()
    assert refused.value.status_code == 401 and refused.value.meta_code == 401
