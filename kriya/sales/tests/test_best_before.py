import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from kriya.accounts.models import Role
from kriya.sales import reports, services
from kriya.sales.models import ConsignedItem, StockMove
from kriya.sales.tests.factories import admit, make_maker_product

pytestmark = pytest.mark.django_db


def page_url() -> str:
    return reverse("admin:sales-best-before")  # under the autouse English override: /en/…


def food(outlet, by, name: str, days: int, quantity: int = 4) -> ConsignedItem:
    """``quantity`` pieces of a food product whose best-before is ``days`` from today."""
    product = make_maker_product(name=name, price=35_000)
    admit(outlet.council, product.business)
    return services.receive_consignment(
        outlet=outlet,
        business=product.business,
        by=by,
        lines=[
            services.IntakeLineInput(
                product=product,
                quantity=quantity,
                price=Decimal(35000),
                consignment_price=Decimal(28000),
                best_before=timezone.localdate() + dt.timedelta(days=days),
            )
        ],
    ).items.get()


def on_hand(item, outlet) -> int:
    return StockMove.objects.on_hand(item_ids=[item.pk], outlet=outlet)[item.pk]


@pytest.fixture
def pantry(gallery, airport, badung_secretary) -> dict[str, ConsignedItem]:
    return {
        "kopi": food(gallery, badung_secretary, "Kopi Kintamani", 12),
        "pie": food(airport, badung_secretary, "Pie Susu", -2, quantity=3),
        "kacang": food(gallery, badung_secretary, "Kacang Disko", 45),
        "today": food(gallery, badung_secretary, "Payung Hias", 0, quantity=1),
    }


def test_it_lists_goods_near_or_past_their_date_soonest_first(badung, pantry):
    rows = reports.near_best_before(badung)
    assert [(r.product, r.on_hand, r.days_left) for r in rows] == [
        ("Pie Susu", 3, -2),
        ("Payung Hias", 1, 0),
        ("Kopi Kintamani", 4, 12),
    ]
    assert reports.near_best_before_count(badung) == 3


def test_goods_already_gone_are_not_listed(badung, gallery, pantry, badung_secretary):
    services.return_to_maker(
        item=pantry["kopi"], outlet=gallery, quantity=4, by=badung_secretary, reason="Ditarik"
    )
    assert "Kopi Kintamani" not in [r.product for r in reports.near_best_before(badung)]


def test_the_page_returns_everything_on_hand_to_the_maker_with_the_reason(
    client, gallery, pantry, badung_secretary
):
    client.force_login(badung_secretary)
    page = client.get(page_url())
    assert page.status_code == 200
    names = re.findall(r'<p class="font-semibold text-important">([^<]+) <span', page.text)
    assert names == ["Pie Susu", "Payung Hias", "Kopi Kintamani"]
    assert 'name="jumlah" min="1" max="4" value="4"' in page.text
    assert 'value="Near its best-before date"' in page.text
    assert 'value="Past its best-before date"' in page.text
    kopi = pantry["kopi"]
    r = client.post(
        page_url(),
        {
            "barang": kopi.pk,
            "gerai": gallery.pk,
            "jumlah": "4",
            "alasan": "Near its best-before date",
        },
        follow=True,
    )
    assert r.status_code == 200 and "4 × Kopi Kintamani" in r.text
    assert on_hand(kopi, gallery) == 0
    move = StockMove.objects.get(item=kopi, kind=StockMove.Kind.RETURN_TO_MAKER)
    assert (move.quantity, move.reason, move.by) == (
        -4,
        "Near its best-before date",
        badung_secretary,
    )
    assert "Kopi Kintamani" not in client.get(page_url()).text


@pytest.mark.parametrize(
    "jumlah,message",
    [
        ("9", "Only 4 of Kopi Kintamani"),
        ("0", "Ensure this value is greater than or equal to 1."),
        ("dua", "Enter a whole number."),
    ],
)
def test_bad_quantities_are_explained_and_nothing_moves(
    client, gallery, pantry, badung_secretary, jumlah, message
):
    client.force_login(badung_secretary)
    r = client.post(
        page_url(),
        {"barang": pantry["kopi"].pk, "gerai": gallery.pk, "jumlah": jumlah, "alasan": "Basi"},
    )
    assert r.status_code == 200 and message in r.text
    assert on_hand(pantry["kopi"], gallery) == 4


def test_the_item_must_be_at_the_outlet_named(client, airport, pantry, badung_secretary):
    client.force_login(badung_secretary)
    r = client.post(
        page_url(),
        {"barang": pantry["kopi"].pk, "gerai": airport.pk, "jumlah": "1", "alasan": "Basi"},
    )
    assert r.status_code == 200 and "Only 0 of Kopi Kintamani" in r.text


def test_gianyar_neither_sees_nor_returns_badungs_goods(client, gallery, pantry, gianyar_secretary):
    client.force_login(gianyar_secretary)
    assert "Kopi Kintamani" not in client.get(page_url()).text
    r = client.post(
        page_url(), {"barang": pantry["kopi"].pk, "gerai": gallery.pk, "jumlah": "1", "alasan": "x"}
    )
    assert r.status_code == 404
    assert on_hand(pantry["kopi"], gallery) == 4


def test_the_board_reads_the_list_but_returns_nothing(client, badung, gallery, pantry):
    client.force_login(make_user("badung_board", badung, Role.BOARD))
    page = client.get(page_url())
    assert "Kopi Kintamani" in page.text and 'name="jumlah"' not in page.text
    r = client.post(
        page_url(), {"barang": pantry["kopi"].pk, "gerai": gallery.pk, "jumlah": "1", "alasan": "x"}
    )
    assert r.status_code == 403


def test_the_page_costs_a_bounded_number_of_queries(
    client, pantry, badung_secretary, django_assert_max_num_queries
):
    client.force_login(badung_secretary)
    with django_assert_max_num_queries(7):
        client.get(page_url())


def test_the_dashboard_counts_them_for_a_council_with_a_gallery(
    client, pantry, badung_secretary, gianyar_secretary
):
    client.force_login(badung_secretary)
    assert 'data-card="best_before">3<' in client.get(reverse("admin:index")).text
    client.force_login(gianyar_secretary)  # no outlet: no card
    assert 'data-card="best_before"' not in client.get(reverse("admin:index")).text
