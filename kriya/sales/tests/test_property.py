"""Random days at the gallery (hypothesis): intakes by three makers, transfers between two
outlets, till sales with discounts, customer returns, voids, settlements as the clock moves
on, and payments. After every step the ledger must agree with a model kept here in Python:

- stock on hand per item per outlet is never negative and equals the model's;
- a sale line or customer return is settled at most once, and never changes settlement;
- for each maker, Σ amount due of the settlements + what is still unsettled == the maker's
  share of all net sales (line totals less commission, less refunds and their commission);
- Σ paid + Σ balance == Σ amount due, and every payment is the model's;
- a settlement stores exactly what the preview said it would, and its statement adds up.

Each run is one database transaction, rolled back at its end, so the same test works on
SQLite and PostgreSQL inside pytest-django's ``db`` fixture.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from kriya.lib.money import to_rupiah
from kriya.sales import services
from kriya.sales.models import ConsignedItem, Sale, SaleLine, Settlement, StockMove
from kriya.sales.settlement import month_bounds, pay_settlement, settle, settle_month
from kriya.sales.settlement_preview import preview
from kriya.sales.statements import statement_rows
from kriya.sales.tests.factories import admit, make_maker_product

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 1, 5, 5, tzinfo=dt.UTC)  # noon in Jakarta, far from midnight
PICK = st.integers(0, 10**6)  # an index into what exists, taken modulo its length
PRICES = [Decimal(15_000), Decimal(33_333), Decimal(99_999), Decimal(125_000), Decimal(1_250_000)]
RATES = [Decimal(0), Decimal(10), Decimal("12.5"), Decimal(20), Decimal("33.33")]


@dataclass
class Line:
    """The model of one sale line."""

    business_id: int
    item_id: int
    outlet_id: int
    sale_id: int
    day: dt.date
    quantity: int
    total: Decimal
    commission: Decimal
    returned: int = 0
    refunded: Decimal = Decimal(0)
    refunded_commission: Decimal = Decimal(0)
    voided: bool = False


@dataclass
class Return:
    business_id: int
    day: dt.date
    amount: Decimal
    commission: Decimal


class Gallery(RuleBasedStateMachine):
    cast: ClassVar[dict] = {}

    def __init__(self) -> None:
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self._travel = time_machine.travel(START, tick=False)
        self._clock = self._travel.start()
        self.council = self.cast["council"]
        self.outlets = self.cast["outlets"]
        self.products = self.cast["products"]
        self.secretary, self.cashier = self.cast["secretary"], self.cast["cashier"]
        self.items: list[ConsignedItem] = []
        self.owner: dict[int, int] = {}  # item → business
        self.stock: Counter[tuple[int, int]] = Counter()  # (item, outlet) → pieces
        self.sales: list[Sale] = []
        self.lines: dict[int, Line] = {}
        self.returns: dict[int, Return] = {}
        self.settled_lines: dict[int, int] = {}  # sale line → settlement
        self.settled_returns: dict[int, int] = {}  # customer return → settlement
        self.paid: Counter[int] = Counter()  # settlement → rupiah paid
        self.last_end = START.date().replace(day=1) - dt.timedelta(days=1)

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)
        self._travel.stop()

    # Rules: what happens at the gallery

    @initialize(
        intakes=st.lists(
            st.tuples(st.integers(1, 10), st.sampled_from(PRICES), st.sampled_from(RATES)),
            min_size=3,
            max_size=3,
        )
    )
    def first_intakes(self, intakes: list[tuple[int, Decimal, Decimal]]) -> None:
        """Every maker brings something to the gallery on the first day."""
        for maker, (quantity, price, rate) in enumerate(intakes):
            self.intake(
                maker=maker, outlet=0, quantity=quantity, price=price, rate=rate, unique=False
            )

    @rule(
        maker=st.integers(0, 2),
        outlet=st.integers(0, 1),
        quantity=st.integers(1, 10),
        price=st.sampled_from(PRICES),
        rate=st.sampled_from(RATES),
        unique=st.booleans(),
    )
    def intake(
        self, maker: int, outlet: int, quantity: int, price: Decimal, rate: Decimal, unique: bool
    ) -> None:
        product, at = self.products[maker], self.outlets[outlet]
        intake = services.receive_consignment(
            outlet=at,
            business=product.business,
            by=self.secretary,
            lines=[
                services.IntakeLineInput(
                    product=product,
                    quantity=quantity,
                    price=price,
                    commission_rate=rate,
                    consignment_price=to_rupiah(price * (100 - rate) / 100),
                    is_unique=unique and quantity <= 3,
                )
            ],
        )
        for item in intake.items.order_by("pk"):
            self.items.append(item)
            self.owner[item.pk] = product.business_id
            self.stock[item.pk, at.pk] += 1 if item.is_unique else quantity

    @precondition(lambda self: self.items)
    @rule(pick=PICK, source=st.sampled_from(["stocked", 0, 1]), quantity=st.integers(1, 4))
    def transfer(self, pick: int, source: int | str, quantity: int) -> None:
        item = self.items[pick % len(self.items)]
        if source == "stocked":  # from where the item is, mostly possible
            source = max((0, 1), key=lambda n: self.stock[item.pk, self.outlets[n].pk])
        origin, destination = self.outlets[source], self.outlets[1 - source]
        possible = quantity <= self.stock[item.pk, origin.pk]
        try:
            services.transfer_stock(
                item=item,
                source=origin,
                destination=destination,
                quantity=quantity,
                by=self.secretary,
            )
        except ValidationError:
            assert not possible
            event("transfer refused")
            return
        assert possible
        event("transfer")
        self.stock[item.pk, origin.pk] -= quantity
        self.stock[item.pk, destination.pk] += quantity

    @precondition(lambda self: self.items)
    @rule(
        outlet=st.sampled_from(["stocked", 0, 1]),
        picks=st.lists(
            st.tuples(PICK, st.sampled_from([1, 1, 1, 2, 3]), st.integers(0, 10)),
            min_size=1,
            max_size=3,
        ),
    )
    def sell(self, outlet: int | str, picks: list[tuple[int, int, int]]) -> None:
        choice = self.items
        if outlet == "stocked":  # the outlet with most pieces, and only what it holds
            outlet = max(
                (0, 1),
                key=lambda n: sum(
                    q for (_item, o), q in self.stock.items() if o == self.outlets[n].pk
                ),
            )
            choice = [
                item for item in self.items if self.stock[item.pk, self.outlets[outlet].pk] > 0
            ] or self.items
        at = self.outlets[outlet]
        lines, wanted = [], Counter()
        for pick, quantity, percent in picks:
            item = choice[pick % len(choice)]
            # Within the cashier's 10% limit, rounded down so it never goes over it.
            discount = (item.price * quantity * percent) // 100
            lines.append(
                services.SaleLineInput(item_id=item.pk, quantity=quantity, discount=discount)
            )
            wanted[item.pk] += quantity
        possible = all(n <= self.stock[pk, at.pk] for pk, n in wanted.items())
        try:
            sale = services.record_sale(
                outlet=at,
                lines=lines,
                cashier=self.cashier,
                payment=Sale.Payment.CASH,
                client_key=uuid.uuid4(),
            )
        except ValidationError:
            assert not possible
            event("sale refused: not enough stock")
            return
        assert possible
        event("sale")
        self.sales.append(sale)
        items = {item.pk: item for item in self.items}
        for asked, line in zip(lines, sale.lines.order_by("pk"), strict=True):
            item = items[asked.item_id]
            total = item.price * asked.quantity - asked.discount
            commission = to_rupiah(total * item.commission_rate / 100)
            assert (line.line_total, line.commission) == (total, commission)  # the snapshot
            self.lines[line.pk] = Line(
                business_id=self.owner[item.pk],
                item_id=item.pk,
                outlet_id=at.pk,
                sale_id=sale.pk,
                day=timezone.localdate(),
                quantity=asked.quantity,
                total=total,
                commission=commission,
            )
            self.stock[item.pk, at.pk] -= asked.quantity

    @precondition(lambda self: self.lines)
    @rule(pick=PICK, quantity=st.sampled_from([1, 1, 2, 3]), any_line=st.booleans())
    def customer_return(self, pick: int, quantity: int, any_line: bool) -> None:
        returnable = sorted(
            pk
            for pk, line in self.lines.items()
            if not line.voided and line.returned < line.quantity
        )
        choice = sorted(self.lines) if any_line or not returnable else returnable
        pk = choice[pick % len(choice)]
        line = self.lines[pk]
        possible = not line.voided and quantity <= line.quantity - line.returned
        try:
            move = services.return_from_customer(
                sale_line=SaleLine.objects.get(pk=pk),
                quantity=quantity,
                reason="Cacat",
                by=self.cashier,
            )
        except ValidationError:
            assert not possible
            event("return refused")
            return
        assert possible
        event("return after settlement" if pk in self.settled_lines else "return")
        line.returned += quantity
        line.refunded += move.amount
        line.refunded_commission += move.commission
        assert line.refunded <= line.total and line.refunded_commission <= line.commission
        if line.returned == line.quantity:  # every piece back: exactly the line, to the rupiah
            assert (line.refunded, line.refunded_commission) == (line.total, line.commission)
        self.returns[move.pk] = Return(
            business_id=line.business_id,
            day=timezone.localdate(),
            amount=move.amount,
            commission=move.commission,
        )
        self.stock[line.item_id, line.outlet_id] += quantity

    @precondition(lambda self: self.sales)
    @rule(pick=PICK)
    def void(self, pick: int) -> None:
        sale = self.sales[pick % len(self.sales)]
        mine = [line for line in self.lines.values() if line.sale_id == sale.pk]
        possible = (
            sale.day == timezone.localdate()  # a void is for the day of the sale
            and not mine[0].voided
            and not any(line.returned for line in mine)
            and not any(
                pk in self.settled_lines
                for pk, line in self.lines.items()
                if line.sale_id == sale.pk
            )
        )
        try:
            services.void_sale(sale=sale, reason="Salah input", by=self.secretary)
        except ValidationError:
            assert not possible
            event("void refused")
            return
        assert possible
        event("void")
        for line in mine:
            line.voided = True
            self.stock[line.item_id, line.outlet_id] += line.quantity

    @rule(days=st.integers(1, 20))
    def advance(self, days: int) -> None:
        self._clock.shift(dt.timedelta(days=days))

    @rule(days=st.integers(0, 10), back=st.integers(1, 5))
    def settle_period(self, days: int, back: int) -> None:
        """Some ``days`` later, settle from the day after the last settled period up to
        ``back`` days ago (settle() refuses a period that is not over)."""
        self._clock.shift(dt.timedelta(days=days))
        start = self.last_end + dt.timedelta(days=1)
        end = timezone.localdate() - dt.timedelta(days=back)
        if end < start:
            return
        expected = preview(self.council, end)
        made = settle(council=self.council, period_start=start, period_end=end, by=self.secretary)
        self._settled(made, expected, end)

    @rule()
    def settle_next_month(self) -> None:
        start = self.last_end + dt.timedelta(days=1)
        month_end = month_bounds(start.year, start.month)[1]
        if start.day != 1 or month_end >= timezone.localdate():
            return
        expected = preview(self.council, month_end)
        made = settle_month(
            council=self.council, year=start.year, month=start.month, by=self.secretary
        )
        self._settled(made, expected, month_end)

    def _settled(self, made: list[Settlement], expected: list, end: dt.date) -> None:
        """Check new settlements against the preview and the model, then remember them."""
        event(f"settled: {min(len(made), 3)} makers")
        if any(s.amount_due < 0 for s in made):
            event("settled: a negative amount due (returns after settlement)")
        self.last_end = end
        assert {
            s.business_id: (s.pieces_sold, s.gross, s.commission, s.amount_due) for s in made
        } == {w.business.pk: (w.pieces_sold, w.gross, w.commission, w.amount_due) for w in expected}
        by_business = {s.business_id: s.pk for s in made}
        for pk, line in self.lines.items():
            if pk not in self.settled_lines and not line.voided and line.day <= end:
                self.settled_lines[pk] = by_business[line.business_id]
        for pk, move in self.returns.items():
            if pk not in self.settled_returns and move.day <= end:
                self.settled_returns[pk] = by_business[move.business_id]
        for settlement in made:
            mine = [self.lines[pk] for pk, s in self.settled_lines.items() if s == settlement.pk]
            back = [
                self.returns[pk] for pk, s in self.settled_returns.items() if s == settlement.pk
            ]
            assert settlement.gross == (
                sum((line.total for line in mine), Decimal(0))
                - sum((m.amount for m in back), Decimal(0))
            )
            assert statement_rows(settlement)["adds_up"]

    @precondition(lambda self: self.settled_lines or self.settled_returns)
    @rule(pick=PICK, percent=st.integers(1, 100))
    def pay(self, pick: int, percent: int) -> None:
        settlement = Settlement.objects.order_by("pk")[pick % Settlement.objects.count()]
        if settlement.balance <= 0:
            with pytest.raises(ValidationError):
                pay_settlement(
                    settlement=settlement, amount=Decimal(1), reference="TRF", by=self.secretary
                )
            return
        amount = max(Decimal(1), settlement.balance * percent // 100)
        pay_settlement(
            settlement=settlement, amount=amount, reference=f"TRF-{percent}", by=self.secretary
        )
        self.paid[settlement.pk] += amount
        event("payment in full" if settlement.balance == amount else "part payment")

    # Invariants: checked after every step, on four reads of the ledger

    @invariant()
    def the_ledger_agrees_with_the_model(self) -> None:
        owner = F("item__intake__business_id")
        stock = (
            StockMove.objects.order_by()
            .values("item_id", "outlet_id")
            .annotate(n=Sum("quantity"))
            .values_list("item_id", "outlet_id", "n")
        )
        lines = SaleLine.objects.annotate(owner=owner).values_list(
            "pk", "owner", "settlement_id", "line_total", "commission", "sale__voided_at"
        )
        returns = (
            StockMove.objects.filter(kind=StockMove.Kind.CUSTOMER_RETURN)
            .annotate(owner=owner)
            .values_list("pk", "owner", "settlement_id", "amount", "commission")
        )
        settlements = Settlement.objects.values_list(
            "pk", "business_id", "amount_due", "paid_amount"
        )
        self.stock_is_the_models_and_never_negative({(i, o): n for i, o, n in stock})
        self.nothing_is_settled_twice(list(lines), list(returns))
        self.settlements_and_what_waits_add_up_to_the_makers_share(
            list(lines), list(returns), list(settlements)
        )
        self.payments_and_balances_add_up_to_what_is_due(list(settlements))

    def stock_is_the_models_and_never_negative(self, ledger: dict) -> None:
        assert all(n >= 0 for n in ledger.values())
        assert {key: n for key, n in ledger.items() if n} == {
            key: n for key, n in self.stock.items() if n
        }

    def nothing_is_settled_twice(self, lines: list, returns: list) -> None:
        assert {row[0]: row[2] for row in lines} == {
            pk: self.settled_lines.get(pk) for pk in self.lines
        }
        assert {row[0]: row[2] for row in returns} == {
            pk: self.settled_returns.get(pk) for pk in self.returns
        }
        assert not any(self.lines[pk].voided for pk in self.settled_lines)

    def settlements_and_what_waits_add_up_to_the_makers_share(
        self, lines: list, returns: list, settlements: list
    ) -> None:
        net, waiting, due, model = Counter(), Counter(), Counter(), Counter()
        for _pk, maker, settlement, total, commission, voided_at in lines:
            if voided_at is None:
                net[maker] += total - commission
                if settlement is None:
                    waiting[maker] += total - commission
        for _pk, maker, settlement, amount, commission in returns:
            net[maker] -= amount - commission
            if settlement is None:
                waiting[maker] -= amount - commission
        for _pk, maker, amount_due, _paid in settlements:
            due[maker] += amount_due
        for line in self.lines.values():
            if not line.voided:
                model[line.business_id] += line.total - line.commission
        for move in self.returns.values():
            model[move.business_id] -= move.amount - move.commission
        for maker in {product.business_id for product in self.products}:
            assert net[maker] == model[maker]
            assert due[maker] + waiting[maker] == net[maker]

    def payments_and_balances_add_up_to_what_is_due(self, settlements: list) -> None:
        assert {pk: paid for pk, _maker, _due, paid in settlements} == {
            pk: self.paid[pk] for pk, *_rest in settlements
        }
        balances = sum((due - paid for _pk, _maker, due, paid in settlements), Decimal(0))
        paid = sum((paid for *_rest, paid in settlements), Decimal(0))
        assert paid + balances == sum((due for _pk, _maker, due, _paid in settlements), Decimal(0))


def test_the_ledger_and_the_settlements_always_agree(
    badung, gallery, airport, badung_secretary, badung_cashier
):
    products = [
        make_maker_product(name=name, village=village)
        for name, village in [
            ("Payung Hias Mini", "51.03.04.2005"),
            ("Tedung Prada", "51.03.02.2009"),
            ("Kain Endek", "51.03.04.2005"),
        ]
    ]
    for product in products:
        admit(badung, product.business)
    Gallery.cast = {
        "council": badung,
        "outlets": [gallery, airport],
        "products": products,
        "secretary": badung_secretary,
        "cashier": badung_cashier,
    }
    run_state_machine_as_test(
        Gallery,
        settings=settings(
            max_examples=40,
            stateful_step_count=50,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        ),
    )
