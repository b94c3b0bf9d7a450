"""Recording a consignment intake from the back office, the intake's page with its papers,
and the stock on hand per outlet with transfers and corrections; the board reads, Charlie
(Gianyar) gets 404."""

from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import make_user
from kriya.accounts.models import Role
from kriya.sales.models import ConsignedItem, ConsignmentIntake, StockMove
from kriya.sales.tests.factories import admit, consign, make_maker_product

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"admin:{name}", args=args)


def on_hand(item, outlet) -> int:
    return StockMove.objects.on_hand(item_ids=[item.pk], outlet=outlet)[item.pk]


@pytest.fixture
def maker(badung):
    """An active consignor from Mengwi with two products: umbrellas and a tedung."""
    payung = make_maker_product("51.03.04.2005", name="Payung Bali", price=125_000)
    make_maker_product_of(payung.business, "Tedung Poleng", 300_000)
    admit(badung, payung.business)
    return payung.business


def make_maker_product_of(business, name, price):
    from kriya.catalog.tests.factories import make_product

    return make_product(business, name=name, price=price, publish=False, photo=False, slug="endek")


def product(business, name):
    return business.products.get(name=name)


def intake_data(gallery, business, *lines, **values) -> dict:
    data = {
        "outlet": gallery.pk,
        "business": business.pk,
        "received_on": "2026-01-05",
        "note": "",
        "form-TOTAL_FORMS": str(len(lines)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "1",
        "form-MAX_NUM_FORMS": "50",
        **values,
    }
    for i, line in enumerate(lines):
        for key, value in line.items():
            data[f"form-{i}-{key}"] = value
    return data


def test_twenty_umbrellas_make_one_item_with_twenty_on_hand_and_tags(
    client, badung_cashier, gallery, maker
):
    client.force_login(badung_cashier)
    payung = product(maker, "Payung Bali")
    r = client.post(
        url("sales-intake-new"),
        intake_data(
            gallery,
            maker,
            {
                "product": payung.pk,
                "quantity": "20",
                "price": "125.000",
                "consignment_price": "",
                "commission_rate": "",
            },
        ),
    )
    intake = ConsignmentIntake.objects.get()
    assert r.status_code == 302 and r["Location"] == url("sales-intake", intake.pk)
    item = intake.items.get()
    assert on_hand(item, gallery) == 20
    assert item.price == Decimal(125_000) and item.commission_rate == Decimal(20)
    assert item.consignment_price == Decimal(100_000)  # 125.000 × (100 − 20) / 100
    page = client.get(r["Location"])
    assert "Intake from" in page.text and item.code in page.text
    assert url("sales-intake-tags", intake.pk) in page.text
    assert url("sales-intake-receipt", intake.pk) in page.text
    assert url("sales-stock") in page.text
    tags = client.get(url("sales-intake-tags", intake.pk))
    assert tags.status_code == 200 and tags["Content-Type"] == "application/pdf"


def test_one_of_a_kind_line_of_three_makes_three_items(client, badung_secretary, gallery, maker):
    client.force_login(badung_secretary)
    tedung = product(maker, "Tedung Poleng")
    client.post(
        url("sales-intake-new"),
        intake_data(
            gallery,
            maker,
            {
                "product": tedung.pk,
                "quantity": "3",
                "price": "",
                "consignment_price": "250.000",
                "commission_rate": "15",
                "is_unique": "on",
                "best_before": "",
            },
        ),
    )
    items = list(ConsignedItem.objects.order_by("pk"))
    assert len(items) == 3 and all(i.is_unique for i in items)
    assert {i.price for i in items} == {Decimal(300_000)}  # the product's own price
    assert {i.commission_rate for i in items} == {Decimal(15)}  # per agreement
    assert [on_hand(i, gallery) for i in items] == [1, 1, 1]


def test_a_business_that_is_not_a_consignor_is_refused(client, badung_cashier, gallery):
    stranger = make_maker_product("51.03.04.2005", name="Keris Kecil").business
    client.force_login(badung_cashier)
    r = client.post(
        url("sales-intake-new"),
        intake_data(
            gallery,
            stranger,
            {"product": stranger.products.get().pk, "quantity": "2", "price": "50000"},
        ),
    )
    assert r.status_code == 200
    assert "only the gallery&#x27;s active consignors may bring goods" in r.text
    assert not ConsignmentIntake.objects.exists() and not StockMove.objects.exists()


@pytest.mark.parametrize(
    "price, message",
    [
        ("abc", "Line 1: Selling price (Rp) must be an amount in rupiah, for example 1.250.000."),
        ("-5000", "Line 1: Selling price (Rp) cannot be below zero."),
    ],
)
def test_a_bad_price_names_the_line_and_keeps_what_was_typed(
    client, badung_cashier, gallery, maker, price, message
):
    client.force_login(badung_cashier)
    payung = product(maker, "Payung Bali")
    r = client.post(
        url("sales-intake-new"),
        intake_data(
            gallery,
            maker,
            {"product": payung.pk, "quantity": "4", "price": price},
            note="Dari Mengwi",
        ),
    )
    assert r.status_code == 200 and message in r.text
    assert 'value="Dari Mengwi"' in r.text and f'value="{price}"' in r.text
    assert not ConsignmentIntake.objects.exists()


def test_the_second_line_is_named_and_blank_lines_are_skipped(
    client, badung_cashier, gallery, maker
):
    client.force_login(badung_cashier)
    payung = product(maker, "Payung Bali")
    r = client.post(
        url("sales-intake-new"),
        intake_data(
            gallery,
            maker,
            {"product": payung.pk, "quantity": "2"},
            {"product": payung.pk, "quantity": "0"},
            {"product": "", "quantity": "1", "commission_rate": "20"},
        ),
    )
    assert "Line 2: Pieces: at least 1." in r.text
    assert not ConsignmentIntake.objects.exists()
    r = client.post(
        url("sales-intake-new"),
        intake_data(
            gallery,
            maker,
            {"product": payung.pk, "quantity": "2"},
            {"product": "", "quantity": "1", "commission_rate": "20"},
        ),
    )
    assert r.status_code == 302 and ConsignedItem.objects.count() == 1


def test_the_product_of_another_business_is_refused(client, badung_cashier, gallery, maker):
    other = make_maker_product("51.03.04.2005", name="Keben Ata")
    admit(gallery.council, other.business)
    client.force_login(badung_cashier)
    r = client.post(
        url("sales-intake-new"),
        intake_data(gallery, maker, {"product": other.pk, "quantity": "1", "price": "90000"}),
    )
    assert "Line 1: Product: choose a product of the chosen business." in r.text
    assert not ConsignmentIntake.objects.exists()


def test_the_form_shows_the_defaults_and_reloads_products_for_the_business(
    client, badung_cashier, gallery, airport, maker
):
    client.force_login(badung_cashier)
    page = client.get(url("sales-intake-new"))
    assert page.status_code == 200 and maker.name in page.text
    assert 'name="form-0-commission_rate" value="20"' in page.text
    # choosing the business (the "Choose" button, or htmx) lists its products
    payung = product(maker, "Payung Bali")
    chosen = client.post(
        url("sales-intake-new"),
        intake_data(
            gallery, maker, {"product": "", "quantity": "1", "commission_rate": "20"}, choose="1"
        ),
    )
    assert f'<option value="{payung.pk}">Payung Bali' in chosen.text
    assert "Tedung Poleng" in chosen.text and not ConsignmentIntake.objects.exists()
    # choosing the product fills its price and the consignment price from the commission
    filled = client.post(
        url("sales-intake-new"),
        intake_data(
            gallery,
            maker,
            {"product": str(payung.pk), "quantity": "1", "commission_rate": "20"},
            choose="1",
        ),
        headers={"HX-Request": "true"},
    )
    assert 'value="125.000"' in filled.text and 'value="100.000"' in filled.text
    assert "Rp 125.000 × (100 − 20%) = <strong>Rp 100.000</strong>" in filled.text
    assert "<html" not in filled.text  # only the lines, for htmx
    # adding a line without JavaScript keeps the first
    more = client.post(
        url("sales-intake-new"),
        intake_data(gallery, maker, {"product": str(payung.pk), "quantity": "7"}, add_line="1"),
    )
    assert 'name="form-TOTAL_FORMS" value="2"' in more.text
    assert 'name="form-0-quantity" value="7"' in more.text


def test_the_form_remembers_the_tills_outlet(client, badung_cashier, gallery, airport, maker):
    client.force_login(badung_cashier)
    session = client.session
    session["kriya_till_outlet"] = airport.pk
    session.save()
    page = client.get(url("sales-intake-new"))
    assert f'<option value="{airport.pk}" selected>' in page.text


def test_the_board_reads_but_records_nothing(client, badung, gallery, maker):
    client.force_login(make_user("badung_board", badung, Role.BOARD))
    page = client.get(url("sales-intake-new"))
    assert page.status_code == 200 and 'id="intake-form"' not in page.text
    payung = product(maker, "Payung Bali")
    r = client.post(
        url("sales-intake-new"),
        intake_data(gallery, maker, {"product": payung.pk, "quantity": "1"}),
    )
    assert r.status_code == 403 and not ConsignmentIntake.objects.exists()


def test_gianyar_gets_404_for_badungs_intake(client, gallery, umbrellas, gianyar_secretary):
    client.force_login(gianyar_secretary)
    assert client.get(url("sales-intake", umbrellas.intake_id)).status_code == 404


def test_the_stock_page_adds_up_and_searches(client, badung_secretary, gallery, airport, umbrellas):
    tedung = consign(
        gallery,
        badung_secretary,
        quantity=2,
        price="300000",
        product=make_maker_product(name="Tedung Poleng"),
    )
    consign(airport, badung_secretary, quantity=9)
    client.force_login(badung_secretary)
    page = client.get(url("sales-stock"), {"gerai": gallery.pk})
    assert umbrellas.code in page.text and tedung.code in page.text
    assert "2 items, 7 pieces, worth Rp 1.225.000." in page.text  # 5 × 125.000 + 2 × 300.000
    assert "Rp 980.000" in page.text  # consignment value: 5 × 100.000 + 2 × 240.000
    assert "New consignment intake" in page.text
    found = client.get(url("sales-stock"), {"gerai": gallery.pk, "q": "tedung"})
    assert tedung.code in found.text and umbrellas.code not in found.text
    by_code = client.get(url("sales-stock"), {"gerai": gallery.pk, "q": umbrellas.code})
    assert umbrellas.code in by_code.text and tedung.code not in by_code.text


def test_transfer_and_correction_from_the_stock_page(
    client, badung_cashier, gallery, airport, umbrellas
):
    client.force_login(badung_cashier)
    here = f"{url('sales-stock')}?gerai={gallery.pk}"
    moved = client.post(
        here,
        {"action": "pindah", "barang": umbrellas.pk, "ke": airport.pk, "jumlah": "2"},
        follow=True,
    )
    assert "moved to Gerai Bandara" in moved.text
    assert on_hand(umbrellas, gallery) == 3 and on_hand(umbrellas, airport) == 2
    too_many = client.post(
        here,
        {"action": "pindah", "barang": umbrellas.pk, "ke": airport.pk, "jumlah": "9"},
        follow=True,
    )
    assert "Only 3 of" in too_many.text and on_hand(umbrellas, gallery) == 3
    no_reason = client.post(
        here,
        {"action": "koreksi", "barang": umbrellas.pk, "jumlah": "-1", "alasan": " "},
        follow=True,
    )
    assert "Reason: give the reason for the stock correction." in no_reason.text
    fixed = client.post(
        here,
        {
            "action": "koreksi",
            "barang": umbrellas.pk,
            "jumlah": "-1",
            "alasan": "Rusak saat stock opname",
        },
        follow=True,
    )
    assert "corrected by -1" in fixed.text and on_hand(umbrellas, gallery) == 2
    below = client.post(
        here,
        {"action": "koreksi", "barang": umbrellas.pk, "jumlah": "-5", "alasan": "Hilang"},
        follow=True,
    )
    assert "Only 2 of" in below.text and on_hand(umbrellas, gallery) == 2
    junk = client.post(
        here, {"action": "pindah", "barang": umbrellas.pk, "ke": "x", "jumlah": "dua"}, follow=True
    )
    assert junk.status_code == 200 and "Pieces: write a whole number." in junk.text


def test_the_board_reads_stock_and_gianyar_cannot_move_it(
    client, badung, gallery, airport, umbrellas, gianyar_secretary
):
    client.force_login(make_user("badung_board", badung, Role.BOARD))
    page = client.get(url("sales-stock"))
    assert umbrellas.code in page.text and 'name="alasan"' not in page.text
    assert (
        client.post(
            f"{url('sales-stock')}?gerai={gallery.pk}",
            {"action": "koreksi", "barang": umbrellas.pk, "jumlah": "1", "alasan": "x"},
        ).status_code
        == 403
    )
    client.force_login(gianyar_secretary)
    assert umbrellas.code not in client.get(url("sales-stock")).text
    r = client.post(
        f"{url('sales-stock')}?gerai={gallery.pk}",
        {"action": "koreksi", "barang": umbrellas.pk, "jumlah": "1", "alasan": "x"},
    )
    assert r.status_code == 403 and on_hand(umbrellas, gallery) == 5


def test_the_stock_page_costs_a_bounded_number_of_queries(
    client, badung_secretary, gallery, airport, django_assert_max_num_queries
):
    product_ = make_maker_product(name="Payung Hias")
    for _n in range(12):
        consign(gallery, badung_secretary, quantity=3, product=product_)
    client.force_login(badung_secretary)
    with django_assert_max_num_queries(12) as few:
        client.get(url("sales-stock"), {"gerai": gallery.pk})
    for _n in range(40):
        consign(gallery, badung_secretary, quantity=2, product=product_)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url("sales-stock"), {"gerai": gallery.pk, "page": "2"})
    assert "Page 2 of 2" in page.text
