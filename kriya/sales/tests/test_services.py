import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone

from kriya.catalog import services as catalog_services
from kriya.sales import services
from kriya.sales.models import Sale, SaleLine, StockMove
from kriya.sales.tests.factories import admit, consign, make_maker_product, make_outlet, sell

pytestmark = pytest.mark.django_db


def on_hand(item, outlet=None) -> int:
    return StockMove.objects.on_hand(item_ids=[item.pk], outlet=outlet)[item.pk]


def test_an_intake_tags_each_item_and_puts_its_pieces_in_the_ledger(gallery, umbrellas):
    assert umbrellas.code == f"K-{umbrellas.pk:06d}"
    assert umbrellas.price == Decimal(125000) and umbrellas.consignment_price == Decimal(100000)
    assert on_hand(umbrellas, gallery) == 5


def test_the_ledger_sums_every_movement(
    gallery, airport, umbrellas, badung_secretary, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier, quantity=2)
    services.return_from_customer(
        sale_line=sale.lines.get(), quantity=1, reason="Salah warna", by=badung_cashier
    )
    services.return_to_maker(
        item=umbrellas, outlet=gallery, quantity=1, by=badung_secretary, reason="Ditarik perajin"
    )
    services.correct_stock(
        item=umbrellas, outlet=gallery, quantity=-1, reason="Hilang", by=badung_secretary
    )
    services.transfer_stock(
        item=umbrellas, source=gallery, destination=airport, quantity=1, by=badung_secretary
    )
    # 5 − 2 + 1 − 1 − 1 − 1 at the gallery; the transferred one at the airport
    assert on_hand(umbrellas, gallery) == 1
    assert on_hand(umbrellas, airport) == 1
    assert on_hand(umbrellas) == 2
    kinds = sorted(StockMove.objects.filter(item=umbrellas).values_list("kind", flat=True))
    assert kinds == sorted(
        [
            "intake",
            "sale",
            "customer_return",
            "return_to_maker",
            "correction",
            "transfer_out",
            "transfer_in",
        ]
    )


def test_on_hand_is_one_query_and_answers_zero_for_items_without_moves(
    gallery, umbrellas, django_assert_num_queries
):
    with django_assert_num_queries(1):
        stock = StockMove.objects.on_hand(item_ids=[umbrellas.pk, 999_999], outlet=gallery)
    assert stock == {umbrellas.pk: 5, 999_999: 0}


def test_it_refuses_to_sell_more_than_on_hand_and_writes_nothing(
    gallery, umbrellas, badung_cashier
):
    with pytest.raises(ValidationError) as refused:
        sell(gallery, umbrellas, badung_cashier, quantity=6)
    assert "Only 5 of Payung Hias Mini" in refused.value.messages[0]
    assert not Sale.objects.exists() and not SaleLine.objects.exists()
    assert StockMove.objects.filter(kind="sale").count() == 0
    assert on_hand(umbrellas, gallery) == 5


def test_it_counts_two_lines_of_one_item_together(gallery, umbrellas, badung_cashier):
    line = services.SaleLineInput(item_id=umbrellas.pk, quantity=3)
    with pytest.raises(ValidationError, match="Only 5"):
        services.record_sale(
            outlet=gallery,
            lines=[line, line],
            cashier=badung_cashier,
            payment="cash",
            client_key=uuid.uuid4(),
        )


def test_stock_at_another_outlet_cannot_be_sold_here(airport, umbrellas, badung_cashier):
    with pytest.raises(ValidationError, match="Only 0 of Payung Hias Mini"):
        sell(airport, umbrellas, badung_cashier)


def test_the_same_client_key_twice_stores_one_sale(gallery, umbrellas, badung_cashier):
    key = uuid.uuid4()
    first = sell(gallery, umbrellas, badung_cashier, quantity=2, key=key)
    again = sell(gallery, umbrellas, badung_cashier, quantity=2, key=key)
    assert again.pk == first.pk
    assert Sale.objects.count() == 1 and SaleLine.objects.count() == 1
    assert on_hand(umbrellas, gallery) == 3


def test_two_sequential_sales_of_the_last_piece_give_one_sale_and_one_refusal(
    gallery, badung_secretary, badung_cashier
):
    last = consign(gallery, badung_secretary, quantity=1)
    sell(gallery, last, badung_cashier)
    with pytest.raises(ValidationError) as refused:
        sell(gallery, last, badung_cashier)
    assert refused.value.messages == [f"Only 0 of Payung Hias Mini ({last.code}) left."]
    assert Sale.objects.count() == 1 and on_hand(last, gallery) == 0


def test_a_sale_line_keeps_its_price_and_name_when_the_item_changes_later(
    gallery, umbrellas, badung_cashier
):
    sale = sell(gallery, umbrellas, badung_cashier)
    umbrellas.price, umbrellas.commission_rate = Decimal(150000), Decimal(30)
    umbrellas.save(update_fields=["price", "commission_rate"])
    catalog_services.save_product(product=umbrellas.product, by=None, name="Payung Baru")
    line = SaleLine.objects.get(sale=sale)
    assert (line.product_name, line.unit_price, line.commission_rate) == (
        "Payung Hias Mini",
        Decimal(125000),
        Decimal(20),
    )
    later = sell(gallery, umbrellas, badung_cashier).lines.get()
    assert (later.product_name, later.unit_price) == ("Payung Baru", Decimal(150000))


def test_totals_are_decimal_and_equal_the_ledger(
    gallery, umbrellas, badung_secretary, badung_cashier
):
    scarves = consign(gallery, badung_secretary, quantity=4, price="275000")
    sale = services.record_sale(
        outlet=gallery,
        cashier=badung_cashier,
        payment="cash",
        client_key=uuid.uuid4(),
        paid=Decimal(600000),
        lines=[
            services.SaleLineInput(item_id=umbrellas.pk, quantity=2, discount=Decimal(12500)),
            services.SaleLineInput(item_id=scarves.pk, quantity=1),
        ],
    )
    sale.refresh_from_db()
    assert isinstance(sale.total, Decimal)
    assert sale.total == Decimal(2 * 125000 - 12500 + 275000) == Decimal(512500)
    assert sale.change == Decimal(87500) and sale.paid == Decimal(600000)
    assert sale.total == sale.lines.aggregate(t=Sum("line_total"))["t"]
    # The ledger holds exactly the pieces on the lines, valued at the snapshot prices.
    sold = {m.item_id: -m.quantity for m in StockMove.objects.filter(sale=sale)}
    assert sold == {umbrellas.pk: 2, scarves.pk: 1}
    assert (
        sum(line.unit_price * sold[line.item_id] - line.discount for line in sale.lines.all())
        == sale.total
    )


def test_cash_below_the_total_is_refused(gallery, umbrellas, badung_cashier):
    with pytest.raises(ValidationError, match="less than the total"):
        sell(gallery, umbrellas, badung_cashier, paid=Decimal(100000))
    assert not Sale.objects.exists()


def test_qris_records_its_reference_and_no_change(gallery, umbrellas, badung_cashier):
    sale = sell(gallery, umbrellas, badung_cashier, payment="qris", reference="QR-778899")
    assert (sale.paid, sale.change, sale.reference) == (Decimal(125000), 0, "QR-778899")


def test_a_discount_above_the_roles_limit_is_refused(
    gallery, umbrellas, badung_cashier, badung_secretary
):
    with pytest.raises(ValidationError, match="above your limit of 10%"):
        sell(gallery, umbrellas, badung_cashier, discount="12600")  # 10.08% of Rp 125.000
    sell(gallery, umbrellas, badung_cashier, discount="12500")  # exactly 10%
    sell(gallery, umbrellas, badung_secretary, discount="25000")  # the secretariat: 20%
    assert Sale.objects.count() == 2


def test_a_negative_price_or_discount_is_refused(
    gallery, umbrellas, badung_cashier, badung_secretary
):
    with pytest.raises(ValidationError, match="below zero"):
        consign(gallery, badung_secretary, price="-5000")
    with pytest.raises(ValidationError, match="below zero"):
        sell(gallery, umbrellas, badung_cashier, discount="-1000")


def test_an_inactive_outlet_or_a_closed_booth_cannot_sell(
    badung, gallery, umbrellas, badung_cashier
):
    gallery.is_active = False
    gallery.save(update_fields=["is_active"])
    with pytest.raises(ValidationError, match="is closed today"):
        sell(gallery, umbrellas, badung_cashier)
    gallery.is_active = True
    gallery.closes_on = timezone.localdate() - dt.timedelta(days=1)  # the booth's show ended
    gallery.save(update_fields=["is_active", "closes_on"])
    with pytest.raises(ValidationError, match="is closed today"):
        sell(gallery, umbrellas, badung_cashier)
    assert not Sale.objects.exists()


def test_a_product_of_another_business_is_refused_at_intake(gallery, badung_secretary):
    other = make_maker_product(name="Tedung Poleng")
    mine = make_maker_product()
    admit(gallery.council, mine.business)
    with pytest.raises(ValidationError, match="is not a product of"):
        services.receive_consignment(
            outlet=gallery,
            business=mine.business,
            by=badung_secretary,
            lines=[
                services.IntakeLineInput(
                    product=other,
                    quantity=1,
                    price=Decimal(1),
                    consignment_price=Decimal(1),
                    commission_rate=Decimal(10),
                )
            ],
        )


def test_a_return_of_more_than_was_sold_is_refused(gallery, umbrellas, badung_cashier):
    line = sell(gallery, umbrellas, badung_cashier, quantity=2).lines.get()
    with pytest.raises(ValidationError, match="Only 2 of Payung Hias Mini"):
        services.return_from_customer(sale_line=line, quantity=3, reason="Rusak", by=badung_cashier)
    services.return_from_customer(sale_line=line, quantity=2, reason="Rusak", by=badung_cashier)
    # Everything on the line is back: returning it again returns something never sold.
    with pytest.raises(ValidationError, match="Only 0 of Payung Hias Mini"):
        services.return_from_customer(sale_line=line, quantity=1, reason="Rusak", by=badung_cashier)
    assert on_hand(umbrellas, gallery) == 5


def test_a_return_to_the_maker_or_a_correction_never_goes_below_zero(
    gallery, umbrellas, badung_secretary
):
    with pytest.raises(ValidationError, match="Only 5"):
        services.return_to_maker(
            item=umbrellas, outlet=gallery, quantity=6, by=badung_secretary, reason="Kedaluwarsa"
        )
    with pytest.raises(ValidationError, match="Only 5"):
        services.correct_stock(
            item=umbrellas, outlet=gallery, quantity=-6, reason="Hilang", by=badung_secretary
        )
    with pytest.raises(ValidationError, match="reason"):
        services.correct_stock(
            item=umbrellas, outlet=gallery, quantity=1, reason=" ", by=badung_secretary
        )
    services.correct_stock(
        item=umbrellas, outlet=gallery, quantity=2, reason="Ditemukan", by=badung_secretary
    )
    assert on_hand(umbrellas, gallery) == 7


def test_a_transfer_stays_within_one_council(gianyar, gallery, umbrellas, badung_secretary):
    elsewhere = make_outlet(gianyar, "Galeri Dekranasda Gianyar")
    with pytest.raises(ValidationError, match="same council"):
        services.transfer_stock(
            item=umbrellas, source=gallery, destination=elsewhere, quantity=1, by=badung_secretary
        )
