"""The demo gallery, loaded as `make demo` loads it (``load_demo``): Badung's two outlets with
a month of sales behind them, settled and partly paid, and nothing added by a second run."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from kriya.sales.models import (
    ConsignedItem,
    ConsignorApplication,
    DayClose,
    Outlet,
    Sale,
    SaleLine,
    Settlement,
    StockMove,
)
from kriya.sales.settlement import month_bounds


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in [
            Outlet,
            ConsignorApplication,
            ConsignedItem,
            Sale,
            StockMove,
            DayClose,
            Settlement,
        ]
    )


def test_the_demo_gallery_has_last_month_sold_settled_and_half_paid_and_loads_once(demo):
    today = timezone.localdate()
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    start, end = month_bounds(last_month.year, last_month.month)
    assert set(Outlet.objects.filter(council__code="51.03").values_list("name", "kind")) == {
        ("Galeri Dekranasda Badung", "gallery"),
        ("Gerai Bandara I Gusti Ngurah Rai", "airport"),
    }
    assert Outlet.objects.filter(council__code="51.04").count() == 1

    # Makers came in through applications: accepted with a reason, one turned down.
    applications = ConsignorApplication.objects.filter(council__code="51.03")
    accepted = applications.filter(status="accepted")
    assert accepted.count() >= 6 and all(a.reason and not a.unmet_criteria() for a in accepted)
    assert {a.business_id for a in accepted} >= set(
        ConsignedItem.objects.filter(intake__outlet__council__code="51.03").values_list(
            "intake__business_id", flat=True
        )
    )
    (rejected,) = applications.filter(status="rejected")
    assert rejected.reason and rejected.unmet_criteria() and rejected.decided_by

    # Fresh goods about to pass their date, and a one-of-a-kind piece with its own tag.
    badung_items = ConsignedItem.objects.filter(intake__outlet__council__code="51.03")
    assert badung_items.filter(best_before__range=(today, today + dt.timedelta(days=7))).exists()
    unique = badung_items.get(is_unique=True)
    assert unique.code and StockMove.objects.on_hand(item_ids=[unique.pk])[unique.pk] == 1

    # Last month at Badung's tills: cash and QRIS mostly, transfers with their reference,
    # discounts within the cashier's 10%, a void, two returns, every day closed.
    month = Sale.objects.filter(outlet__council__code="51.03", day__range=(start, end))
    assert 60 <= month.count() <= 120
    payments = defaultdict(int)
    for payment in month.values_list("payment", flat=True):
        payments[payment] += 1
    assert payments["cash"] + payments["qris"] > month.count() / 2 and payments["transfer"]
    assert not month.filter(payment="transfer", reference="").exists()
    assert month.filter(voided_at__isnull=False).count() == 1
    for line in SaleLine.objects.filter(sale__in=month, discount__gt=0):
        assert line.discount * 10 <= line.unit_price * line.quantity
    returns = StockMove.objects.filter(outlet__council__code="51.03", kind="customer_return")
    assert returns.count() == 2 and all(move.reason for move in returns)
    for outlet_id, day in month.values_list("outlet_id", "day").distinct():
        assert DayClose.objects.filter(outlet_id=outlet_id, day=day).exists()
    assert Sale.objects.filter(outlet__council__code="51.03", day=today).exists()
    assert not DayClose.objects.filter(day__gte=today).exists()  # the till is open today

    # That month is settled per maker from the ledger, about half of it paid by transfer.
    settlements = Settlement.objects.filter(
        council__code="51.03", period_start=start, period_end=end
    )
    assert settlements.count() >= 5
    for settlement in settlements:
        lines = SaleLine.objects.filter(settlement=settlement).aggregate(t=Sum("line_total"))[
            "t"
        ] or Decimal(0)
        refunds = StockMove.objects.filter(settlement=settlement).aggregate(t=Sum("amount"))[
            "t"
        ] or Decimal(0)
        assert settlement.gross == lines - refunds > 0
    paid = settlements.filter(paid_amount__gt=0)
    assert 0 < paid.count() < settlements.count()
    assert all(s.is_paid and s.reference.startswith("TRF-BPD-") for s in paid)
    assert not SaleLine.objects.filter(
        sale__in=month.filter(voided_at__isnull=True), settlement__isnull=True
    ).exists()

    # The ledger never held fewer than no pieces, at any moment of its history.
    running: dict[tuple[int, int], int] = defaultdict(int)
    for item, outlet, quantity in StockMove.objects.order_by("created_at", "pk").values_list(
        "item_id", "outlet_id", "quantity"
    ):
        running[item, outlet] += quantity
        assert running[item, outlet] >= 0

    before = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == before
