import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from kriya.sales import services
from kriya.sales.models import StockMove
from kriya.sales.settlement import settle_month
from kriya.sales.tests.factories import consign, sell

pytestmark = pytest.mark.django_db


def url(model: str, action: str, *args) -> str:
    return reverse(f"admin:sales_{model}_{action}", args=args)


def test_the_gallery_sees_its_outlet_sales_and_ledger(
    client, badung_secretary, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier, quantity=2)
    client.force_login(badung_secretary)
    page = client.get(url("sale", "change", sale.pk))
    assert page.status_code == 200 and "Payung Hias Mini" in page.text
    assert client.get(url("outlet", "change", gallery.pk)).status_code == 200
    intake = client.get(url("consignmentintake", "change", umbrellas.intake_id))
    assert umbrellas.code in intake.text
    moves = client.get(url("stockmove", "changelist"))
    assert set(moves.context["cl"].queryset) == set(StockMove.objects.all())


def test_the_ledger_cannot_be_edited_in_the_admin(
    client, badung_secretary, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier)
    client.force_login(badung_secretary)
    assert client.get(url("sale", "add")).status_code == 403
    assert client.post(url("sale", "delete", sale.pk), {"post": "yes"}).status_code == 403
    move = StockMove.objects.filter(sale=sale).get()
    client.post(url("stockmove", "change", move.pk), {"quantity": "-5"})
    move.refresh_from_db()
    assert move.quantity == -1


def test_gianyar_cannot_see_badungs_outlet_or_sales(
    client, gianyar_secretary, gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier)
    client.force_login(gianyar_secretary)
    assert client.get(url("outlet", "change", gallery.pk)).status_code == 404
    assert client.get(url("sale", "change", sale.pk)).status_code == 404
    assert client.get(url("consignmentintake", "change", umbrellas.intake_id)).status_code == 404
    for model in ["outlet", "sale", "stockmove", "consignmentintake"]:
        listed = client.get(url(model, "changelist"))
        assert listed.status_code == 200 and listed.context["cl"].result_count == 0


def test_a_sale_shows_rupiah_not_raw_amounts(
    client, badung_secretary, gianyar_secretary, gallery, badung_cashier
):
    item = consign(gallery, badung_secretary, quantity=3, price="6660000")
    sale = sell(gallery, item, badung_cashier, quantity=1, paid=Decimal(7000000))
    client.force_login(badung_secretary)
    with translation.override("id"):  # the sales tests run in English
        page = client.get(url("sale", "change", sale.pk)).text
    assert "Rp\u00a06.660.000" in page and "Rp\u00a07.000.000" in page and "Rp\u00a0340.000" in page
    assert ">6660000<" not in page and "6660000" not in page
    assert "Harga satuan" in page and "Kembalian" in page  # the line's and the sale's labels
    client.force_login(gianyar_secretary)
    assert client.get(url("sale", "change", sale.pk)).status_code == 404


def test_a_day_close_shows_its_takings_as_a_table_per_payment_method(
    client, badung_secretary, gianyar_secretary, gallery, badung_cashier
):
    item = consign(gallery, badung_secretary, quantity=5, price="125000")
    sell(gallery, item, badung_cashier, quantity=2)
    sell(gallery, item, badung_cashier, quantity=1, payment="qris", reference="QR-1")
    close = services.close_day(outlet=gallery, cash_counted=Decimal(250000), by=badung_cashier)
    client.force_login(badung_secretary)
    with translation.override("id"):  # the sales tests run in English
        page = client.get(url("dayclose", "change", close.pk)).text
    assert '<table class="kriya-amounts">' in page
    assert '<th scope="row">tunai</th><td>Rp\u00a0250.000</td>' in page
    assert '<th scope="row">QRIS</th><td>Rp\u00a0125.000</td>' in page
    assert '"cash"' not in page and "{" not in page.split('class="kriya-amounts"')[1][:400]
    client.force_login(gianyar_secretary)
    assert client.get(url("dayclose", "change", close.pk)).status_code == 404


def test_a_settlement_shows_rupiah_and_its_period_in_words(
    client, badung, badung_secretary, gianyar_secretary, gallery, badung_cashier
):
    with time_machine.travel(dt.datetime(2026, 11, 10, 3, tzinfo=dt.UTC)):
        item = consign(gallery, badung_secretary, quantity=3, price="6660000")
        sell(gallery, item, badung_cashier, quantity=1, paid=Decimal(6660000))
    with time_machine.travel(dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC)):
        (settlement,) = settle_month(council=badung, year=2026, month=11, by=badung_secretary)
    client.force_login(badung_secretary)
    with translation.override("id"):  # the sales tests run in English
        page = client.get(url("settlement", "change", settlement.pk)).text
    assert (
        "Rp\u00a06.660.000" in page and "Rp\u00a01.332.000" in page and "Rp\u00a05.328.000" in page
    )
    assert "1 November 2026 – 30 November 2026" in page
    assert ">6660000<" not in page and "5328000" not in page
    client.force_login(gianyar_secretary)
    assert client.get(url("settlement", "change", settlement.pk)).status_code == 404
