"""The till's pages at /kasir/: who may open them, scanning and the plain form post (with
and without JS), the receipt, returns, voids and the day close. Messages are asserted in
English (the autouse fixture of conftest.py; URLs reversed under it carry /en/)."""

from __future__ import annotations

import html
import re
import uuid
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.urls import reverse

from conftest import PASSWORD, make_user
from kriya.accounts.models import Role
from kriya.sales import services
from kriya.sales.models import DayClose, Sale, StockMove
from kriya.sales.tests.factories import consign, make_maker_product, make_outlet, sell
from kriya.tests.test_conventions import unscoped_queries

pytestmark = pytest.mark.django_db

CELUK = "51.04.01.2005"  # Gianyar


def url(name: str, *args) -> str:
    return reverse(f"till:{name}", args=args)


def on_hand(item, outlet) -> int:
    return StockMove.objects.on_hand(item_ids=[item.pk], outlet=outlet)[item.pk]


def cart(*lines, key=None, payment="cash", action="pay", **values) -> dict:
    """The till's form as the page posts it: item, quantity and discount once per line, and
    the button pressed (``action``; a line's remove or a match's add button instead)."""
    return {
        "client_key": str(key or uuid.uuid4()),
        "payment": payment,
        **({"action": action} if action else {}),
        "item": [item.pk for item, _n, _d in lines],
        "quantity": [n for _i, n, _d in lines],
        "discount": [d for _i, _n, d in lines],
        **values,
    }


@pytest.fixture
def cashier_client(client, badung_cashier):
    client.force_login(badung_cashier)
    return client


@pytest.fixture
def gianyar_item(gianyar, gianyar_secretary):
    outlet = make_outlet(gianyar, "Galeri Dekranasda Gianyar")
    return consign(
        outlet,
        gianyar_secretary,
        product=make_maker_product(village=CELUK, name="Cincin Perak Celuk", price=450_000),
        price="450000",
    )


# ---- Who may use the till ----


def test_anonymous_is_sent_to_log_in(client, gallery):
    response = client.get(url("till", gallery.pk))
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


@pytest.mark.parametrize("role", [Role.ARTISAN, Role.MENTOR, Role.BOARD])
def test_other_roles_are_refused_with_a_clear_message(client, badung, gallery, role):
    client.force_login(make_user("someone", badung, role))
    response = client.get(url("till", gallery.pk))
    assert response.status_code == 403
    assert "used by the council's gallery cashiers, secretariat and administrators" in (
        response.text
    )
    assert client.get(url("home")).status_code == 403


def test_a_cashier_lands_on_the_till_after_logging_in(client, badung_cashier, gallery):
    response = client.post(
        "/akun/masuk/", {"username": "badung_kasir", "password": PASSWORD}, follow=True
    )
    assert [path for path, _status in response.redirect_chain] == [
        "/akun/",
        "/kasir/",
        f"/kasir/{gallery.pk}/",
    ]
    assert 'id="till-q"' in response.text and "autofocus" in response.text


def test_the_outlet_is_chosen_once_and_remembered(cashier_client, gallery, airport):
    page = cashier_client.get(url("home"))
    assert page.status_code == 200
    assert "Galeri Dekranasda Badung" in page.text and "Gerai Bandara" in page.text
    cashier_client.get(url("till", airport.pk))
    assert cashier_client.get(url("home"))["Location"] == url("till", airport.pk)
    assert "Galeri Dekranasda Badung" in cashier_client.get(url("home") + "?ganti=1").text


def test_another_councils_outlet_and_sale_are_not_found(
    client, gianyar_secretary, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier)
    client.force_login(gianyar_secretary)
    for page in [
        url("till", gallery.pk),
        url("lookup", gallery.pk),
        url("today", gallery.pk),
        url("close", gallery.pk),
        url("receipt", sale.pk),
        url("sale", sale.pk),
    ]:
        assert client.get(page).status_code == 404, page
    assert client.post(url("sale-void", sale.pk), {"reason": "x"}).status_code == 404
    assert client.post(url("till", gallery.pk), cart((umbrellas, 1, ""))).status_code == 404
    assert Sale.objects.count() == 1


# ---- Finding items ----


def test_a_scanned_code_is_found_whatever_its_case_with_the_stock_here(
    cashier_client, gallery, umbrellas
):
    for scanned in [
        umbrellas.code,
        umbrellas.code.lower(),
        f"https://kriya.example/k/{umbrellas.code}?x=1",
    ]:
        data = cashier_client.get(url("lookup", gallery.pk), {"q": scanned}).json()
        assert data["exact"] is True, scanned
        assert data["results"] == [
            {
                "id": umbrellas.pk,
                "code": umbrellas.code,
                "name": "Payung Hias Mini",
                "price": 125000,
                "on_hand": 5,
            }
        ]


def test_a_product_labels_link_finds_its_pieces_here(cashier_client, gallery, umbrellas):
    link = f"https://kriya.example{umbrellas.product.get_absolute_url()}"
    data = cashier_client.get(url("lookup", gallery.pk), {"q": link}).json()
    assert data["exact"] is True and [r["id"] for r in data["results"]] == [umbrellas.pk]


def test_typed_letters_find_only_items_with_stock_at_this_outlet(
    cashier_client, gallery, airport, umbrellas, badung_secretary, gianyar_item
):
    sold_out = consign(
        gallery,
        badung_secretary,
        quantity=1,
        product=make_maker_product(name="Payung Tedung Agung", price=300_000),
        price="300000",
    )
    sell(gallery, sold_out, badung_secretary)
    elsewhere = consign(
        airport, badung_secretary, product=make_maker_product(name="Payung Bandara")
    )
    for _n in range(10):
        consign(
            gallery,
            badung_secretary,
            quantity=1,
            product=make_maker_product(name="Kain Endek", price=200_000),
            price="200000",
        )
    names = [
        r["name"]
        for r in cashier_client.get(url("lookup", gallery.pk), {"q": "payung"}).json()["results"]
    ]
    assert names == ["Payung Hias Mini"]
    assert elsewhere.code and sold_out.code
    assert len(cashier_client.get(url("lookup", gallery.pk), {"q": "endek"}).json()["results"]) == 8
    # Another council's tag is not found at all, not even by its exact code.
    data = cashier_client.get(url("lookup", gallery.pk), {"q": gianyar_item.code}).json()
    assert data["results"] == []


# ---- Selling ----


def test_a_cash_sale_lowers_the_stock_and_shows_the_receipt_with_the_change(
    cashier_client, gallery, umbrellas
):
    response = cashier_client.post(
        url("till", gallery.pk), cart((umbrellas, 2, "10.000"), paid="Rp 300.000"), follow=True
    )
    sale = Sale.objects.get()
    assert response.redirect_chain == [(url("receipt", sale.pk), 302)]
    assert (sale.total, sale.paid, sale.change) == (
        Decimal(240000),
        Decimal(300000),
        Decimal(60000),
    )
    assert on_hand(umbrellas, gallery) == 3
    page = response.text
    assert f"Sale #{sale.pk}" in page and "Dekranasda Kabupaten Badung" in page
    assert "Rp 240.000" in page and "Rp 60.000" in page and "Rp 10.000" in page
    assert 'id="till-next"' in page and "autofocus" in page


def test_the_same_sale_sent_twice_is_stored_once(cashier_client, gallery, umbrellas):
    form = cart((umbrellas, 1, ""), key=uuid.uuid4())
    first = cashier_client.post(url("till", gallery.pk), form)
    again = cashier_client.post(url("till", gallery.pk), form)
    assert first["Location"] == again["Location"]
    assert Sale.objects.count() == 1 and on_hand(umbrellas, gallery) == 4


def test_more_than_on_hand_is_refused_and_the_cart_kept(cashier_client, gallery, umbrellas):
    response = cashier_client.post(url("till", gallery.pk), cart((umbrellas, 6, "")))
    assert response.status_code == 200
    assert "Only 5 of Payung Hias Mini" in response.text
    assert f'name="item" value="{umbrellas.pk}"' in response.text
    assert 'name="quantity" value="6"' in response.text
    assert Sale.objects.count() == 0 and on_hand(umbrellas, gallery) == 5


def test_the_refusal_is_in_indonesian_by_default(cashier_client, gallery, umbrellas):
    response = cashier_client.post(f"/kasir/{gallery.pk}/", cart((umbrellas, 6, "")))
    assert "Stok Payung Hias Mini" in response.text and "tinggal 5" in response.text


def test_a_discount_above_the_cashiers_limit_is_refused(cashier_client, gallery, umbrellas):
    page = cashier_client.get(url("till", gallery.pk)).text
    assert "Your discount limit: 10% of a line." in page and 'data-limit="10"' in page
    response = cashier_client.post(url("till", gallery.pk), cart((umbrellas, 1, "12.501")))
    assert "above your limit of 10%" in response.text
    assert Sale.objects.count() == 0
    assert (
        cashier_client.post(url("till", gallery.pk), cart((umbrellas, 1, "12.500"))).status_code
        == 302
    )


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"discount": ["-5000"]}, "Discount cannot be below zero."),
        ({"paid": "-100"}, "Amount paid cannot be below zero."),
        ({"paid": "seratus"}, "Amount paid must be an amount in rupiah"),
        ({"paid": "100.000"}, "Paid Rp 100.000 is less than the total of Rp 125.000."),
        ({"quantity": ["0"]}, "Sell at least one piece."),
        ({"quantity": ["dua"]}, "The quantity must be a whole number."),
        ({"payment": "cek"}, "Select a valid choice."),
        ({"payment": "transfer"}, "Write the transfer&#x27;s reference."),
        ({"item": [], "quantity": [], "discount": []}, "Scan or choose at least one item."),
        ({"client_key": "bukan-kunci"}, "The till form is incomplete; reload the page."),
    ],
)
def test_bad_input_is_refused_with_the_field_named(
    cashier_client, gallery, umbrellas, values, message
):
    response = cashier_client.post(url("till", gallery.pk), {**cart((umbrellas, 1, "")), **values})
    assert response.status_code == 200
    assert message in response.text
    assert Sale.objects.count() == 0


def test_a_transfer_records_its_reference_and_pays_the_exact_amount(
    cashier_client, gallery, umbrellas
):
    cashier_client.post(
        url("till", gallery.pk),
        cart((umbrellas, 1, ""), payment="transfer", reference="BCA 889123", paid="500.000"),
    )
    sale = Sale.objects.get()
    assert (sale.payment, sale.reference, sale.paid, sale.change) == (
        "transfer",
        "BCA 889123",
        Decimal(125000),
        Decimal(0),
    )


def test_an_item_of_another_council_is_refused_without_naming_it(
    cashier_client, gallery, umbrellas, gianyar_item
):
    response = cashier_client.post(
        url("till", gallery.pk), cart((umbrellas, 1, ""), (gianyar_item, 1, ""))
    )
    assert "An item of this sale is not in this council&#x27;s stock." in response.text
    assert "Cincin Perak" not in response.text
    assert Sale.objects.count() == 0


def test_the_till_works_without_javascript(cashier_client, gallery, umbrellas, badung_secretary):
    kain = consign(
        gallery,
        badung_secretary,
        product=make_maker_product(name="Kain Endek Getasan", price=400_000),
        price="400000",
    )
    till = url("till", gallery.pk)
    form = cart(action="add", q=umbrellas.code.lower())
    page = cashier_client.post(till, form).text  # Enter in the scan field: the add button
    assert f'name="item" value="{umbrellas.pk}"' in page
    assert 'role="alert"' not in page  # nothing is checked before the sale is paid
    form = {**cart((umbrellas, 1, "")), "action": "add", "q": umbrellas.code}
    assert 'name="quantity" value="2"' in cashier_client.post(till, form).text
    form = {**cart((umbrellas, 2, "")), "action": "add", "q": "endek"}
    page = cashier_client.post(till, form).text  # a few letters: the matches to choose from
    assert f'name="add_item" value="{kain.pk}"' in page
    form = cart((umbrellas, 2, ""), action=None, add_item=str(kain.pk))
    page = cashier_client.post(till, form).text
    assert f'name="item" value="{kain.pk}"' in page and "Rp 650.000" in page
    form = cart((umbrellas, 2, ""), (kain, 1, ""), action=None, remove="0")
    page = cashier_client.post(till, form).text
    assert f'name="item" value="{umbrellas.pk}"' not in page
    assert Sale.objects.count() == 0


# ---- The receipt ----


def test_the_receipt_sends_by_whatsapp_with_the_total(
    cashier_client, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier, quantity=2, paid=Decimal(300000))
    page = cashier_client.get(url("receipt", sale.pk)).text
    [link] = re.findall(r'href="(https://wa\.me/\?text=[^"]+)"', page)
    text = unquote(html.unescape(link))
    assert "Total: Rp 250.000" in text and "Change: Rp 50.000" in text
    assert f"Sale #{sale.pk}" in text and "2 × Payung Hias Mini" in text
    to_customer = cashier_client.get(url("receipt", sale.pk), {"wa": "0812-3456-7890"})
    assert to_customer["Location"].startswith("https://wa.me/6281234567890?text=")
    assert "Rp%20250.000" in to_customer["Location"]
    anyone = cashier_client.get(url("receipt", sale.pk), {"wa": ""})
    assert anyone["Location"].startswith("https://wa.me/?text=")
    wrong = cashier_client.get(url("receipt", sale.pk), {"wa": "12345"})
    assert wrong.status_code == 200 and "is not an Indonesian phone number" in wrong.text


def test_the_receipt_prints_on_58_or_80_mm_and_remembers(
    cashier_client, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier)
    assert 'class="receipt paper-80"' in cashier_client.get(url("receipt", sale.pk)).text
    page = cashier_client.get(url("receipt", sale.pk), {"lebar": "58"}).text
    assert 'class="receipt paper-58"' in page
    assert 'class="receipt paper-58"' in cashier_client.get(url("receipt", sale.pk)).text
    css = (Path(__file__).parents[2] / "static/kriya/till.css").read_text()
    assert "@page receipt-58" in css and "@media print" in css


# ---- Today's sales, returns and voids ----


def test_today_lists_the_sales_with_totals_per_payment(
    cashier_client, gallery, umbrellas, badung_cashier, django_assert_num_queries
):
    sell(gallery, umbrellas, badung_cashier, quantity=2)
    sell(gallery, umbrellas, badung_cashier, payment=Sale.Payment.QRIS, reference="QR-7")
    # Session, user, membership, outlet; day close, outlet count (the discount limit is the
    # acting membership's, no query); the day's totals and refunds; the sales with their
    # refunds, and their lines.
    with django_assert_num_queries(10):
        page = cashier_client.get(url("today", gallery.pk)).text
    sell(gallery, umbrellas, badung_cashier)
    with django_assert_num_queries(10):  # one more sale, no more queries
        cashier_client.get(url("today", gallery.pk))
    assert "Rp 250.000" in page and "Rp 125.000" in page and "QR-7" in page
    assert "2 × Payung Hias Mini" in page


def test_a_sale_is_opened_by_its_number(cashier_client, gallery, umbrellas, badung_cashier):
    sale = sell(gallery, umbrellas, badung_cashier)
    opened = cashier_client.get(url("today", gallery.pk), {"nomor": f"#{sale.pk}"})
    assert opened["Location"] == url("sale", sale.pk)
    page = cashier_client.get(
        url("today", gallery.pk), {"nomor": "99999999999999999999"}, follow=True
    ).text
    assert "No sale #99999999999999999999 in this council." in page


def test_a_cashier_takes_a_return_with_its_reason(
    cashier_client, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier, quantity=2)
    line = sale.lines.get()
    page = cashier_client.post(
        url("sale-return", sale.pk), {"line": line.pk, "quantity": 1, "reason": ""}
    ).text
    assert "Give the reason for the return." in page
    response = cashier_client.post(
        url("sale-return", sale.pk),
        {"line": line.pk, "quantity": 1, "reason": "Warna tidak cocok"},
        follow=True,
    )
    assert "1 × Payung Hias Mini taken back; refund Rp 125.000." in response.text
    assert on_hand(umbrellas, gallery) == 4
    page = cashier_client.post(
        url("sale-return", sale.pk), {"line": line.pk, "quantity": 2, "reason": "Lagi"}
    ).text
    assert f"Only 1 of Payung Hias Mini from sale #{sale.pk} can still be returned." in page
    assert on_hand(umbrellas, gallery) == 4


def test_a_return_of_something_never_sold_is_refused(
    cashier_client, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier)
    other = sell(gallery, umbrellas, badung_cashier).lines.get()
    for line in [other.pk, 10**20, "x"]:
        page = cashier_client.post(
            url("sale-return", sale.pk), {"line": line, "quantity": 1, "reason": "Rusak"}
        )
        assert page.status_code == 200
        assert "That item was not sold in this sale." in page.text
    assert not StockMove.objects.filter(kind=StockMove.Kind.CUSTOMER_RETURN).exists()


def test_a_cashier_may_not_void_but_the_secretariat_may(
    client, badung_cashier, badung_secretary, gallery, umbrellas
):
    sale = sell(gallery, umbrellas, badung_cashier, quantity=2)
    client.force_login(badung_cashier)
    page = client.get(url("sale", sale.pk)).text
    assert "Only the secretariat or an administrator may void a sale." in page
    assert 'action="' + url("sale-void", sale.pk) not in page
    refused = client.post(url("sale-void", sale.pk), {"reason": "Salah input"})
    assert refused.status_code == 200
    assert "Only the secretariat or an administrator may void a sale." in refused.text
    assert not Sale.objects.get().is_voided

    client.force_login(badung_secretary)
    assert 'action="' + url("sale-void", sale.pk) in client.get(url("sale", sale.pk)).text
    assert (
        "Give the reason for the void."
        in client.post(url("sale-void", sale.pk), {"reason": ""}).text
    )
    done = client.post(url("sale-void", sale.pk), {"reason": "Salah input"}, follow=True)
    assert f"Sale #{sale.pk} is voided" in done.text
    assert Sale.objects.get().is_voided and on_hand(umbrellas, gallery) == 5


# ---- The day close ----


def test_the_day_close_needs_a_note_for_a_difference_then_sells_no_more(
    cashier_client, gallery, umbrellas, badung_cashier
):
    sell(gallery, umbrellas, badung_cashier, quantity=2)
    sell(gallery, umbrellas, badung_cashier, payment=Sale.Payment.CARD)
    page = cashier_client.get(url("close", gallery.pk)).text
    assert "Rp 250.000" in page and "Rp 125.000" in page and "Cash to hand over" in page
    refused = cashier_client.post(url("close", gallery.pk), {"cash_counted": "245.000"})
    assert "differs from the Rp 250.000 expected; write down why." in refused.text
    assert not DayClose.objects.exists()
    closed = cashier_client.post(
        url("close", gallery.pk),
        {"cash_counted": "Rp 245.000", "note": "Uang kembalian kurang"},
        follow=True,
    )
    close = DayClose.objects.get()
    assert (close.cash_counted, close.difference) == (Decimal(245000), Decimal(-5000))
    assert "-Rp 5.000" in closed.text and "Uang kembalian kurang" in closed.text
    till = cashier_client.get(url("till", gallery.pk)).text
    assert "The till is closed" in till and 'id="till-q"' not in till
    response = cashier_client.post(url("till", gallery.pk), cart((umbrellas, 1, "")))
    assert "already closed for today" in response.text
    assert Sale.objects.count() == 2
    again = cashier_client.post(url("close", gallery.pk), {"cash_counted": "0"})
    assert "already closed" in again.text and DayClose.objects.count() == 1


def test_a_return_after_the_close_waits_for_the_next_day(
    cashier_client, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier)
    services.close_day(outlet=gallery, cash_counted=Decimal(125000), by=badung_cashier)
    response = cashier_client.post(
        url("sale-return", sale.pk),
        {"line": sale.lines.get().pk, "quantity": 1, "reason": "Rusak"},
        follow=True,
    )
    assert "take the return tomorrow" in response.text
    assert on_hand(umbrellas, gallery) == 4  # today's counted cash is not touched


# ---- Nothing a user can type gives a 500 ----


@pytest.mark.parametrize(
    "path",
    [
        "/en/kasir/99999999999999999999999/",
        "/en/kasir/struk/99999999999999999999999/",
        "/en/kasir/penjualan/99999999999999999999999/",
    ],
)
def test_huge_ids_are_not_found(cashier_client, gallery, path):
    assert cashier_client.get(path).status_code == 404


def test_garbage_in_the_form_is_refused_not_a_crash(cashier_client, gallery, umbrellas):
    till = url("till", gallery.pk)
    for form in [
        {"item": ["99999999999999999999999", "x"], "quantity": ["1", "1"]},
        {"item": [str(umbrellas.pk)], "quantity": ["99999999999999999999"]},
        {"remove": "99999999999999999999"},
        {"add_item": "99999999999999999999"},
        {"action": "add", "q": "x" * 5000},
        {"action": "pay"},
    ]:
        assert cashier_client.post(till, {**cart(), **form}).status_code == 200, form
    for q in ["", "K-", "K-99999999999999", "%", "/produk/-/", "/produk/x-99999999999999999/"]:
        assert cashier_client.get(url("lookup", gallery.pk), {"q": q}).status_code == 200, q
    assert Sale.objects.count() == 0


def test_the_till_module_starts_every_regional_query_within_the_council():
    source = (Path(__file__).parents[1] / "views" / "till.py").read_text()
    assert unscoped_queries(source) == []
