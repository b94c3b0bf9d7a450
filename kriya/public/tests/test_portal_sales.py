# ruff: noqa: F811  (pytest fixtures imported from portal_cast are used as arguments)
"""The artisan's own goods at the council's gallery: stock per outlet, sales of the last
three months (returns shown, voids left out) and settlements, and nobody else's."""

import datetime as dt
import re
from decimal import Decimal

import pytest
import time_machine
from django.utils.translation import gettext, ngettext

from conftest import make_user
from kriya.accounts.models import Role
from kriya.public.tests.portal_cast import made, media, wayan  # noqa: F401
from kriya.sales import services
from kriya.sales.settlement import pay_settlement, settle
from kriya.sales.tests.factories import consign, make_maker_product, make_outlet, sell

URL = "/portal/titipan/"
OCTOBER = dt.datetime(2026, 10, 5, 3, tzinfo=dt.UTC)
NOVEMBER = dt.datetime(2026, 11, 3, 3, tzinfo=dt.UTC)


@pytest.fixture
def gallery_sales(badung, made, badung_secretary):
    """In October at Badung's gallery: 2 of Made's cloths sold (Rp 1.700.000), 1 of them
    returned, 1 more sold and voided; another maker's umbrella sold. October is settled
    on 3 November and Rp 500.000 of it paid."""
    gallery = make_outlet(badung)
    cashier = make_user("badung_kasir", badung, Role.CASHIER)
    with time_machine.travel(OCTOBER):
        cloth = consign(gallery, badung_secretary, quantity=3, price="850000", product=made.product)
        other = consign(gallery, badung_secretary, product=make_maker_product())
        sale = sell(gallery, cloth, cashier, quantity=2)
        services.return_from_customer(
            sale_line=sale.lines.get(), quantity=1, reason="Warna pudar", by=cashier
        )
        services.void_sale(
            sale=sell(gallery, cloth, cashier), reason="Salah scan", by=badung_secretary
        )
        sell(gallery, other, cashier)
    with time_machine.travel(NOVEMBER):
        october = settle(
            council=badung,
            period_start=dt.date(2026, 10, 1),
            period_end=dt.date(2026, 10, 31),
            by=badung_secretary,
            business=made.business,
        )
        pay_settlement(
            settlement=october[0], amount=Decimal(500000), reference="TRF-1031", by=badung_secretary
        )
    return cloth


@time_machine.travel(NOVEMBER)
def test_the_artisan_sees_her_stock_sales_and_settlement(client, made, gallery_sales):
    client.force_login(made.user)
    page = client.get(URL)
    assert page.status_code == 200
    stock = page.text.split('id="consignments-stock"')[1].split("</section>")[0]
    assert "Galeri Dekranasda Badung" in stock and "Kain Endek Getasan" in stock
    assert gallery_sales.code in stock and "Rp 850.000" in stock
    shelf = ngettext("%(n)s piece on the shelf", "%(n)s pieces on the shelf", 2) % {"n": 2}
    assert shelf in stock  # 3 − 2 + 1 returned
    sales = page.text.split('id="consignments-sales"')[1].split("</section>")[0]
    assert sales.count("Kain Endek Getasan × 2<br>") == 1
    returned = gettext("returned by the customer")
    assert f'Kain Endek Getasan × 1 <span class="portal-badge">{returned}' in sales
    assert "Kain Endek Getasan × 1<br>" not in sales  # the voided sale
    assert "Rp 850.000" in sales and "Rp 680.000" in sales  # sold, her share, net
    settlements = page.text.split('id="consignments-settlements"')[1].split("</section>")[0]
    for figure in ["Rp 850.000", "Rp 170.000", "Rp 680.000", "Rp 500.000", "Rp 180.000"]:
        assert figure in settlements
    statement = re.search(r'href="(/titip/laporan/[^"]+)"', settlements).group(1)
    pdf = client.get(statement)  # the same signed statement the maker gets by WhatsApp
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


@time_machine.travel(NOVEMBER)
def test_another_makers_goods_stay_out(client, made, gallery_sales):
    client.force_login(made.user)
    page = client.get(URL)
    assert "Payung Hias Mini" not in page.text and "Usaha Payung Hias Mini" not in page.text


@time_machine.travel(NOVEMBER)
def test_a_maker_of_another_regency_sees_none_of_it(client, wayan, gallery_sales):
    client.force_login(wayan.user)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Kain Endek Getasan" not in page.text and "Rp 680.000" not in page.text
    assert gettext("None of your goods is on the council's shelves now.") in page.text


def test_sales_older_than_three_months_are_left_out(client, made, gallery_sales):
    with time_machine.travel(dt.datetime(2027, 2, 1, 3, tzinfo=dt.UTC)):
        client.force_login(made.user)
        sales = client.get(URL).text.split('id="consignments-sales"')[1]
    assert "Kain Endek Getasan ×" not in sales.split("</section>")[0]


def test_the_page_is_for_artisans_only(client, badung_secretary, db):
    assert client.get(URL).status_code == 302
    client.force_login(badung_secretary)
    assert client.get(URL).status_code == 403


@time_machine.travel(NOVEMBER)
def test_the_home_page_links_to_it(client, made):
    client.force_login(made.user)
    assert f'href="{URL}"' in client.get("/portal/").text


@time_machine.travel(NOVEMBER)
def test_the_page_costs_a_fixed_number_of_queries(
    client, made, gallery_sales, django_assert_max_num_queries
):
    client.force_login(made.user)
    with django_assert_max_num_queries(8):
        client.get(URL)
