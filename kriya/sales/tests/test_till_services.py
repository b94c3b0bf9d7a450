"""Voids, day close, refunds and the consignor gate: the till's rules behind the screens."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from kriya.sales import services
from kriya.sales.models import DayClose, Sale, StockMove
from kriya.sales.tests.factories import admit, consign, make_maker_product, sell

pytestmark = pytest.mark.django_db


def on_hand(item, outlet) -> int:
    return StockMove.objects.on_hand(item_ids=[item.pk], outlet=outlet)[item.pk]


def test_goods_of_a_business_that_is_not_a_consignor_are_refused(gallery, badung_secretary):
    product = make_maker_product()
    line = services.IntakeLineInput(
        product=product, quantity=2, price=Decimal(50000), consignment_price=Decimal(40000)
    )
    with pytest.raises(ValidationError, match="not one of the gallery's consignors"):
        services.receive_consignment(
            outlet=gallery, business=product.business, by=badung_secretary, lines=[line]
        )
    admit(gallery.council, product.business)
    intake = services.receive_consignment(
        outlet=gallery, business=product.business, by=badung_secretary, lines=[line]
    )
    # No commission agreed: the outlet's usual one
    assert intake.items.get().commission_rate == gallery.commission_rate == Decimal(20)


def test_one_of_a_kind_pieces_each_get_their_own_tag(gallery, badung_secretary):
    product = make_maker_product(name="Topeng Rangda")
    admit(gallery.council, product.business)
    intake = services.receive_consignment(
        outlet=gallery,
        business=product.business,
        by=badung_secretary,
        lines=[
            services.IntakeLineInput(
                product=product,
                quantity=3,
                price=Decimal(900000),
                consignment_price=Decimal(700000),
                is_unique=True,
            )
        ],
    )
    items = list(intake.items.all())
    assert len({item.code for item in items}) == 3
    assert [on_hand(item, gallery) for item in items] == [1, 1, 1]


def test_a_sale_keeps_the_commission_it_was_made_with(gallery, umbrellas, badung_cashier):
    line = sell(gallery, umbrellas, badung_cashier, quantity=3, discount="25000").lines.get()
    assert line.line_total == Decimal(350000)
    assert line.commission == Decimal(70000)  # 20% of what the customer paid
    assert line.maker_share == Decimal(280000)


def test_returning_every_piece_one_by_one_refunds_exactly_the_line(
    gallery, badung_cashier, badung_secretary
):
    odd = consign(gallery, badung_secretary, quantity=3, price="100000", commission="15")
    line = sell(gallery, odd, badung_cashier, quantity=3, discount="1").lines.get()
    moves = [
        services.return_from_customer(
            sale_line=line, quantity=1, reason="Tidak cocok", by=badung_cashier
        )
        for _ in range(3)
    ]
    assert sum(m.amount for m in moves) == line.line_total == Decimal(299999)
    assert sum(m.commission for m in moves) == line.commission
    assert on_hand(odd, gallery) == 3


def test_only_the_secretariat_voids_and_the_pieces_go_back(
    gallery, umbrellas, badung_cashier, badung_secretary
):
    sale = sell(gallery, umbrellas, badung_cashier, quantity=2)
    with pytest.raises(ValidationError, match="Only the secretariat"):
        services.void_sale(sale=sale, reason="Salah input", by=badung_cashier)
    with pytest.raises(ValidationError, match="reason"):
        services.void_sale(sale=sale, reason="  ", by=badung_secretary)
    services.void_sale(sale=sale, reason="Salah input", by=badung_secretary)
    assert on_hand(umbrellas, gallery) == 5
    with pytest.raises(ValidationError, match="already voided"):
        services.void_sale(sale=sale, reason="Lagi", by=badung_secretary)
    with pytest.raises(ValidationError, match="was voided"):
        services.return_from_customer(
            sale_line=sale.lines.get(), quantity=1, reason="x", by=badung_cashier
        )


def test_the_day_close_counts_each_payment_and_the_cash_difference(
    gallery, umbrellas, badung_cashier, badung_secretary
):
    sell(gallery, umbrellas, badung_cashier, quantity=1, paid=Decimal(150000))
    sell(
        gallery, umbrellas, badung_cashier, quantity=1, payment=Sale.Payment.QRIS, reference="QR-1"
    )
    voided = sell(gallery, umbrellas, badung_cashier, quantity=1)
    services.void_sale(sale=voided, reason="Batal", by=badung_secretary)
    summary = services.day_summary(outlet=gallery, day=timezone.localdate())
    assert summary["sales_count"] == 2
    assert summary["totals"]["cash"] == summary["totals"]["qris"] == Decimal(125000)
    with pytest.raises(ValidationError, match="differs from the Rp 125.000 expected"):
        services.close_day(outlet=gallery, cash_counted=Decimal(120000), by=badung_cashier)
    close = services.close_day(
        outlet=gallery,
        cash_counted=Decimal(120000),
        by=badung_cashier,
        note="Uang kembalian kurang",
    )
    assert close.difference == Decimal(-5000)
    assert close.totals["qris"] == "125000"
    with pytest.raises(ValidationError, match="already closed for today"):
        sell(gallery, umbrellas, badung_cashier)
    with pytest.raises(ValidationError, match="already closed"):
        services.close_day(outlet=gallery, cash_counted=Decimal(0), by=badung_cashier)
    assert DayClose.objects.count() == 1


def test_a_closed_day_turns_a_void_into_a_return(
    gallery, umbrellas, badung_cashier, badung_secretary
):
    sale = sell(gallery, umbrellas, badung_cashier)
    services.close_day(outlet=gallery, cash_counted=Decimal(125000), by=badung_cashier)
    with pytest.raises(ValidationError, match="take a return instead"):
        services.void_sale(sale=sale, reason="Salah", by=badung_secretary)


def test_the_next_day_sells_again(gallery, umbrellas, badung_cashier):
    with time_machine.travel(dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC)):
        sell(gallery, umbrellas, badung_cashier)
        services.close_day(outlet=gallery, cash_counted=Decimal(125000), by=badung_cashier)
    with time_machine.travel(dt.datetime(2026, 11, 3, 10, tzinfo=dt.UTC)):
        assert sell(gallery, umbrellas, badung_cashier).day == dt.date(2026, 11, 3)


def test_a_return_waits_for_the_next_day_once_the_till_is_closed(
    gallery, umbrellas, badung_cashier
):
    line = sell(gallery, umbrellas, badung_cashier).lines.get()
    services.close_day(outlet=gallery, cash_counted=Decimal(125000), by=badung_cashier)
    with pytest.raises(ValidationError, match="take the return tomorrow"):
        services.return_from_customer(sale_line=line, quantity=1, reason="Rusak", by=badung_cashier)


def test_a_sale_of_an_earlier_day_is_returned_not_voided(
    gallery, umbrellas, badung_cashier, badung_secretary
):
    with time_machine.travel(dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC)):
        sale = sell(gallery, umbrellas, badung_cashier)
    with (
        time_machine.travel(dt.datetime(2026, 11, 3, 10, tzinfo=dt.UTC)),
        pytest.raises(ValidationError, match="earlier day; take a return"),
    ):
        services.void_sale(sale=sale, reason="Salah", by=badung_secretary)


def test_an_item_of_another_council_cannot_be_sold(
    gianyar, gallery, badung_cashier, gianyar_secretary
):
    from kriya.sales.tests.factories import make_outlet

    elsewhere = make_outlet(gianyar, "Galeri Dekranasda Gianyar")
    theirs = consign(
        elsewhere,
        gianyar_secretary,
        product=make_maker_product(village="51.04.01.2001", name="Patung Garuda"),
    )
    with pytest.raises(ValidationError, match="not in the gallery's stock"):
        sell(gallery, theirs, badung_cashier)
    assert not Sale.objects.filter(outlet=gallery).exists()
