"""Settlement from the ledger: what each maker is owed, once, with late returns carried."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from kriya.sales import services
from kriya.sales.models import SaleLine, Settlement
from kriya.sales.settlement import earlier_balance, pay_settlement, settle, settle_month
from kriya.sales.tests.factories import consign, make_maker_product, sell

pytestmark = pytest.mark.django_db

OCT_10 = dt.datetime(2026, 10, 10, 3, tzinfo=dt.UTC)
NOV_3 = dt.datetime(2026, 11, 3, 3, tzinfo=dt.UTC)
DEC_2 = dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC)


@pytest.fixture
def october(gallery, badung_secretary, badung_cashier):
    """Payung: 3 sold at Rp 125.000 with 20%; Tedung: 1 sold at Rp 300.000 with 15%."""
    with time_machine.travel(OCT_10):
        payung = consign(gallery, badung_secretary, quantity=5)
        tedung = consign(
            gallery,
            badung_secretary,
            quantity=2,
            price="300000",
            commission="15",
            product=make_maker_product(name="Tedung Poleng"),
        )
        sell(gallery, payung, badung_cashier, quantity=2)
        sell(gallery, payung, badung_cashier, quantity=1)
        sell(gallery, tedung, badung_cashier, quantity=1)
        voided = sell(gallery, tedung, badung_cashier, quantity=1)
        services.void_sale(sale=voided, reason="Salah scan", by=badung_secretary)
    return payung, tedung


def test_a_month_is_settled_per_maker_from_the_ledger(badung, badung_secretary, october):
    payung, tedung = october
    with time_machine.travel(NOV_3):
        settlements = settle_month(council=badung, year=2026, month=10, by=badung_secretary)
    by_business = {s.business_id: s for s in settlements}
    umbrella = by_business[payung.intake.business_id]
    assert (umbrella.pieces_sold, umbrella.gross, umbrella.commission, umbrella.amount_due) == (
        3,
        Decimal(375000),
        Decimal(75000),
        Decimal(300000),
    )
    parasol = by_business[tedung.intake.business_id]
    assert (parasol.pieces_sold, parasol.gross, parasol.amount_due) == (
        1,
        Decimal(300000),
        Decimal(255000),
    )  # the voided sale is not there
    assert not SaleLine.objects.filter(
        settlement__isnull=True, sale__voided_at__isnull=True
    ).exists()


def test_nothing_is_settled_twice(badung, badung_secretary, october):
    with time_machine.travel(NOV_3):
        settle_month(council=badung, year=2026, month=10, by=badung_secretary)
        assert settle_month(council=badung, year=2026, month=10, by=badung_secretary) == []
    with time_machine.travel(DEC_2):
        # November had no sales: nothing new to settle, nothing settled again.
        assert settle_month(council=badung, year=2026, month=11, by=badung_secretary) == []
    assert Settlement.objects.count() == 2


def test_a_late_return_is_deducted_in_the_next_period(
    badung, badung_secretary, badung_cashier, october
):
    payung, _tedung = october
    with time_machine.travel(NOV_3):
        first = {
            s.business_id: s
            for s in settle_month(council=badung, year=2026, month=10, by=badung_secretary)
        }
        line = SaleLine.objects.filter(item=payung, quantity=1).get()
        services.return_from_customer(
            sale_line=line, quantity=1, reason="Cacat jahitan", by=badung_cashier
        )
    with time_machine.travel(DEC_2):
        (second,) = settle_month(council=badung, year=2026, month=11, by=badung_secretary)
    assert second.business_id == payung.intake.business_id
    assert (second.pieces_sold, second.gross, second.commission, second.amount_due) == (
        -1,
        Decimal(-125000),
        Decimal(-25000),
        Decimal(-100000),
    )
    assert first[second.business_id].amount_due + second.amount_due == Decimal(200000)


def test_a_period_overlapping_a_settled_one_is_refused(
    badung, badung_secretary, badung_cashier, october
):
    payung, _tedung = october
    with time_machine.travel(NOV_3):
        settle_month(council=badung, year=2026, month=10, by=badung_secretary)
        sell(payung.intake.outlet, payung, badung_cashier)
    with time_machine.travel(DEC_2), pytest.raises(ValidationError, match="Already settled"):
        settle(
            council=badung,
            period_start=dt.date(2026, 10, 15),
            period_end=dt.date(2026, 11, 30),
            by=badung_secretary,
        )


def test_a_period_is_settled_only_after_its_last_day(badung, badung_secretary, october):
    with time_machine.travel(OCT_10), pytest.raises(ValidationError, match="after its last"):
        settle_month(council=badung, year=2026, month=10, by=badung_secretary)


def test_a_month_left_unsettled_is_carried_into_the_next(badung, badung_secretary, october):
    with time_machine.travel(DEC_2):
        (one, two) = settle(
            council=badung,
            period_start=dt.date(2026, 11, 1),
            period_end=dt.date(2026, 11, 30),
            by=badung_secretary,
        )
    assert one.gross + two.gross == Decimal(675000)


def test_payments_bring_the_balance_to_zero_and_no_further(badung, badung_secretary, october):
    payung, _tedung = october
    with time_machine.travel(NOV_3):
        owed = settle(
            council=badung,
            period_start=dt.date(2026, 10, 1),
            period_end=dt.date(2026, 10, 31),
            by=badung_secretary,
            business=payung.intake.business,
        )[0]
    with pytest.raises(ValidationError, match="reference"):
        pay_settlement(settlement=owed, amount=Decimal(100000), reference=" ", by=badung_secretary)
    pay_settlement(settlement=owed, amount=Decimal(100000), reference="TRF-1", by=badung_secretary)
    with pytest.raises(ValidationError, match="more than the balance of Rp 200.000"):
        pay_settlement(
            settlement=owed, amount=Decimal(200001), reference="TRF-2", by=badung_secretary
        )
    owed = pay_settlement(
        settlement=owed, amount=Decimal(200000), reference="TRF-2", by=badung_secretary
    )
    assert owed.is_paid and owed.balance == 0 and owed.reference == "TRF-1; TRF-2"


def test_an_unpaid_earlier_balance_is_shown_with_the_next(
    badung, badung_secretary, badung_cashier, october
):
    payung, _tedung = october
    with time_machine.travel(NOV_3):
        settle_month(council=badung, year=2026, month=10, by=badung_secretary)
        sell(payung.intake.outlet, payung, badung_cashier)
    with time_machine.travel(DEC_2):
        (november,) = settle_month(council=badung, year=2026, month=11, by=badung_secretary)
    assert earlier_balance(november) == Decimal(300000)
