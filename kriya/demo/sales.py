"""Demo gallery sales: Badung's gallery and airport outlet and Gianyar's gallery. Makers are
admitted through their applications (one is turned down, one waits), bring in their goods,
and the tills sell them through last month and this one, with discounts, a void, customer
returns and every past day closed; last month is settled and about half of it paid, and
there are a few sales today. Built through the services, as the gallery would; a council
that already has outlets is left as it is.

The services stamp their rows with the present (a sale's day is always today). The demo's
history lies in the past, so right after each service call it moves that call's rows back
to their moment with a queryset ``update()``. This backdating is for the demo only; the
application never rewrites a recorded time.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kriya.accounts.models import User
from kriya.catalog.models import Product
from kriya.lib.money import to_rupiah
from kriya.regions.models import Council
from kriya.registry.models import Business
from kriya.sales import consignors, reports, services
from kriya.sales.models import (
    ConsignedItem,
    ConsignmentIntake,
    Consignor,
    ConsignorApplication,
    ConsignorReview,
    DayClose,
    Outlet,
    Sale,
    SaleLine,
    Settlement,
    StockMove,
)
from kriya.sales.settlement import month_bounds, pay_settlement, settle_month

# Fixed keys, so a re-run can never record the demo sales twice.
NAMESPACE = uuid.UUID("5a1e5a1e-0000-4000-8000-000000005103")
ARTISAN_LOGIN = "badung.perajin"  # her endek business consigns, so her portal shows sales
CHEAP = Decimal(300_000)  # below this, customers buy two at a time
SOUVENIR = Decimal(700_000)  # the airport outlet takes only goods below this price
OPENS, CLOSES = 9 * 60 + 30, 19 * 60  # till hours, minutes after midnight


@dataclass(frozen=True)
class Plan:
    """One council's gallery in the demo."""

    outlets: tuple[tuple[str, str, Decimal], ...]  # name, kind, commission (%)
    crafts: tuple[str, ...]  # crafts of the makers taken in, in order of preference
    makers: int
    secretariat: str
    cashier: str
    sales_per_day: tuple[tuple[int, ...], ...]  # per outlet: a day's number of sales, drawn
    seed: int
    incidents: bool = False  # a void, two returns, a cash difference, the queue


PLANS = {
    "51.03": Plan(
        outlets=(
            ("Galeri Dekranasda Badung", Outlet.Kind.GALLERY, Decimal(20)),
            ("Gerai Bandara I Gusti Ngurah Rai", Outlet.Kind.AIRPORT, Decimal(25)),
        ),
        crafts=(
            "endek",
            "payung-upacara",
            "perak",
            "anyaman-pandan",
            "topeng",
            "janur",
            "anyaman-bambu",
            "ukir-kayu",
            "sesajen",
            "gerabah-tanah-liat",
        ),
        makers=8,
        secretariat="badung.sekretariat",
        cashier="badung.kasir",
        sales_per_day=((1, 2, 2, 3, 3), (0, 1, 1, 2)),
        seed=5103,
        incidents=True,
    ),
    "51.04": Plan(
        outlets=(("Galeri Dekranasda Gianyar", Outlet.Kind.GALLERY, Decimal(20)),),
        crafts=("rajut", "perak", "mainan-kayu", "janur", "ukir-batu", "topeng", "ukir-kayu"),
        makers=5,
        secretariat="gianyar.sekretariat",
        cashier="gianyar.sekretariat",
        sales_per_day=((0, 1, 1, 2),),
        seed=5104,
    ),
}
RETURN_REASONS = [
    "Warna tidak cocok dengan pesanan keluarga; uang dikembalikan.",
    "Ada cacat kecil pada anyaman; pembeli minta uang kembali.",
]


def load(councils: dict[str, Council]) -> dict[str, int]:
    """Idempotent: a council that already has outlets is left as it is."""
    with transaction.atomic():
        for code, plan in PLANS.items():
            council = councils[code]
            if not Outlet.objects.within(council).exists():
                _Gallery(council, plan).run()
    scope = [councils[code] for code in PLANS]
    return {
        "outlets": sum(Outlet.objects.within(c).count() for c in scope),
        "sales": sum(Sale.objects.within(c).count() for c in scope),
        "settlements": sum(Settlement.objects.within(c).count() for c in scope),
    }


def _at(day: dt.date, minutes: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60)))


@dataclass
class _Gallery:
    council: Council
    plan: Plan
    outlets: list[Outlet] = field(default_factory=list)
    items: dict[int, ConsignedItem] = field(default_factory=dict)
    stock: dict[int, dict[int, int]] = field(default_factory=dict)  # outlet → item → pieces
    sold: list[int] = field(default_factory=list)  # the gallery's sales, for the returns
    cash: dict[int, Decimal] = field(default_factory=dict)  # outlet → the day's cash taken
    counter: int = 0
    returns: int = 0

    def run(self) -> None:
        plan = self.plan
        self.rng = random.Random(plan.seed)
        self.office = User.objects.get(username=plan.secretariat)
        self.till = User.objects.get(username=plan.cashier)
        self.today = timezone.localdate()
        self.start, self.end = month_bounds(*self._previous_month())
        self.outlets = [
            Outlet.objects.create(council=self.council, name=name, kind=kind, commission_rate=rate)
            for name, kind, rate in plan.outlets
        ]
        self.stock = {outlet.pk: {} for outlet in self.outlets}
        deliveries = self._admit_makers()
        day = min(deliveries)
        while day < self.today:
            for outlet, business, lines in deliveries.get(day, []):
                self._receive(outlet, business, lines, day)
            if day >= self.start:
                self._trade(day)
            day += dt.timedelta(days=1)
        self._settle()
        for number, outlet in enumerate(self.outlets):
            for _n in range(3 - number):  # the till's list of today is not empty
                self._sell(outlet, self.today, None)

    def _previous_month(self) -> tuple[int, int]:
        first = self.today.replace(day=1) - dt.timedelta(days=1)
        return first.year, first.month

    # Makers and their goods

    def _admit_makers(self) -> dict[dt.date, list[tuple[Outlet, Business, list]]]:
        """Accept the makers' applications and plan their deliveries: to the gallery a week
        before last month, small pieces to the airport too, both restocked mid-month and on
        the 1st of this one; fresh janur two days ago."""
        deliveries: dict[dt.date, list] = {}
        fresh = self.today - dt.timedelta(days=2)
        carved = False  # one one-of-a-kind piece: the first carver's best work
        for number, (business, products) in enumerate(self._makers()):
            perishable = products[0].category.slug == "janur"
            first = fresh if perishable else self.start - dt.timedelta(days=7 - number % 3)
            self._application(
                business,
                decided=first - dt.timedelta(days=3 + number),
                accept=True,
                reason="Memenuhi semua kriteria: KTP, berdomisili "
                "di wilayah ini dan membuat sendiri barangnya.",
            )
            unique = not carved and products[0].category.slug in (
                "topeng",
                "ukir-kayu",
                "ukir-batu",
            )
            carved = carved or unique
            lines = [
                self._line(
                    p,
                    best_before=fresh + dt.timedelta(days=5) if perishable else None,
                    unique=unique and n == 0,
                )
                for n, p in enumerate(products)
            ]
            deliveries.setdefault(first, []).append((self.outlets[0], business, lines))
            if perishable:
                continue
            restocks = [self.start + dt.timedelta(days=14), self.end + dt.timedelta(days=1)]
            again = [p for p, _n, _b, one_of_a_kind in lines if not one_of_a_kind]
            for day in restocks if again else []:
                deliveries.setdefault(day, []).append(
                    (self.outlets[0], business, [self._line(p) for p in again])
                )
            small = [p for p in products if p.price < SOUVENIR][:2]
            if len(self.outlets) > 1 and small:
                for day in [self.start - dt.timedelta(days=5), *restocks]:
                    deliveries.setdefault(day, []).append(
                        (self.outlets[1], business, [self._line(p) for p in small])
                    )
        if self.plan.incidents:
            self._queue(exclude=[b for group in deliveries.values() for _o, b, _l in group])
        return deliveries

    def _makers(self) -> list[tuple[Business, list[Product]]]:
        """Up to ``makers`` businesses with published products, one per craft of the plan,
        the demo artisan's own business first: up to three products each, ready ones first."""
        products = (
            Product.objects.within(self.council)
            .published()
            .select_related("business__owner__user", "category")
            .order_by("business_id", "pk")
        )
        by_business: dict[int, list[Product]] = {}
        for product in products:
            by_business.setdefault(product.business_id, []).append(product)
        chosen: list[tuple[Business, list[Product]]] = []
        for craft in self.plan.crafts:
            candidates = sorted(
                (group for group in by_business.values() if group[0].category.slug == craft),
                key=lambda g: (
                    getattr(g[0].business.owner, "user", None) is None
                    or g[0].business.owner.user.username != ARTISAN_LOGIN,
                    g[0].business_id,
                ),
            )
            if candidates and len(chosen) < self.plan.makers:
                group = sorted(
                    candidates[0],
                    key=lambda p: (p.availability != Product.Availability.READY, p.pk),
                )[:3]
                chosen.append((group[0].business, group))
                del by_business[group[0].business_id]
        return chosen

    def _line(
        self, product: Product, *, best_before: dt.date | None = None, unique: bool = False
    ) -> tuple[Product, int, dt.date | None, bool]:
        if unique:
            return product, 1, None, True
        low, high = (
            (8, 14) if product.price < CHEAP else (4, 8) if product.price < 1_500_000 else (2, 3)
        )
        return product, self.rng.randint(low, high), best_before, False

    def _application(
        self,
        business: Business,
        *,
        decided: dt.date,
        accept: bool,
        reason: str,
        own_production: bool = True,
    ) -> None:
        """Apply and decide through kriya.sales.consignors; the decision's day moved back."""
        application = consignors.submit_application(
            council=self.council,
            business=business,
            has_ktp=True,
            domiciled=True,
            own_production=own_production,
            submitted_on=decided - dt.timedelta(days=10),
        )
        consignors.decide_application(
            application=application, accept=accept, reason=reason, by=self.office
        )
        ConsignorApplication.objects.filter(pk=application.pk).update(
            decided_on=decided
        )  # demo only
        Consignor.objects.filter(council=self.council, business=business).update(
            since=decided,
            next_review_on=reports.add_months(decided, consignors.REVIEW_EVERY_MONTHS),
        )  # demo only

    def _queue(self, exclude: list[Business]) -> None:
        """One application turned down (the goods are bought in) and one still waiting."""
        others = (
            Business.objects.within(self.council)
            .active()
            .exclude(pk__in=[b.pk for b in exclude])
            .order_by("pk")
        )[:2]
        bought_in, waiting = list(others)
        self._application(
            bought_in,
            decided=self.start + dt.timedelta(days=12),
            accept=False,
            own_production=False,
            reason="Barang dibeli dari pengepul di luar daerah, bukan buatan sendiri.",
        )
        consignors.submit_application(
            council=self.council,
            business=waiting,
            has_ktp=True,
            domiciled=True,
            own_production=True,
            submitted_on=self.today - dt.timedelta(days=3),
            note="Menunggu kunjungan ke bengkel perajin.",
        )

    def _receive(self, outlet: Outlet, business: Business, lines: list, day: dt.date) -> None:
        rate = outlet.commission_rate
        intake = services.receive_consignment(
            outlet=outlet,
            business=business,
            by=self.office,
            received_on=day,
            lines=[
                services.IntakeLineInput(
                    product=product,
                    quantity=quantity,
                    price=product.price,
                    consignment_price=to_rupiah(product.price * (100 - rate) / 100),
                    best_before=best_before,
                    is_unique=unique,
                )
                for product, quantity, best_before, unique in lines
            ],
        )
        moment = _at(day, 9 * 60)
        ConsignmentIntake.objects.filter(pk=intake.pk).update(created_at=moment)  # demo only
        StockMove.objects.filter(item__intake=intake).update(created_at=moment)  # demo only
        for move in StockMove.objects.filter(item__intake=intake).select_related("item"):
            self.items[move.item_id] = move.item
            self.stock[outlet.pk][move.item_id] = move.quantity

    # The tills

    def _trade(self, day: dt.date) -> None:
        """One day at every outlet: its sales, the gallery's incidents, then the close."""
        last_month = day <= self.end
        for number, outlet in enumerate(self.outlets):
            count = self.rng.choice(self.plan.sales_per_day[number])
            if not last_month:
                count = min(count, 1 + number % 2)  # this month is quieter so far
            sales, self.cash[outlet.pk] = 0, Decimal(0)
            for minutes in sorted(self.rng.sample(range(OPENS, CLOSES, 5), count)):
                sale = self._sell(outlet, day, minutes)
                sales += sale is not None
                if sale is not None and last_month and number == 0:
                    self.sold.append(sale.pk)
            if number == 0 and last_month and self._incidents(outlet, day):
                sales += 1
            if sales:
                self._close(outlet, day)

    def _sell(
        self,
        outlet: Outlet,
        day: dt.date,
        minutes: int | None,
        lines: list[tuple[int, int]] | None = None,
    ) -> Sale | None:
        """A sale of one to three items in stock at ``outlet``; None when the shelf is bare.
        ``minutes`` None is a sale of today, at the present time."""
        shelf = self.stock[outlet.pk]
        if lines is None:
            lines = self._basket(shelf)
        if not lines:
            return None
        payment = self.rng.choices(
            list(Sale.Payment),
            weights=[45, 35, 10, 10] if outlet.kind == Outlet.Kind.GALLERY else [25, 45, 5, 25],
        )[0]
        inputs, total = [], Decimal(0)
        for item_id, quantity in lines:
            gross = self.items[item_id].price * quantity
            discount = Decimal(0)
            if self.plan.incidents and payment == Sale.Payment.CASH and self.rng.random() < 0.1:
                discount = gross * self.rng.choice([5, 10]) // 100 // 1000 * 1000  # ≤ 10%
            inputs.append(
                services.SaleLineInput(item_id=item_id, quantity=quantity, discount=discount)
            )
            total += gross - discount
        paid = None
        if payment == Sale.Payment.CASH:  # the customer hands over whole notes
            note = 100_000 if total > 100_000 else 50_000
            paid = Decimal(-(-int(total) // note) * note)
        self.counter += 1
        sale = services.record_sale(
            outlet=outlet,
            lines=inputs,
            cashier=self.till,
            payment=payment,
            paid=paid,
            client_key=uuid.uuid5(NAMESPACE, f"{self.council.code}-{self.counter}"),
            reference=(
                f"TRF BPD Bali {self.rng.randrange(10**9, 10**10)}"
                if payment == Sale.Payment.TRANSFER
                else ""
            ),
        )
        for item_id, quantity in lines:
            shelf[item_id] -= quantity
        if payment == Sale.Payment.CASH:
            self.cash[outlet.pk] = self.cash.get(outlet.pk, Decimal(0)) + sale.total
        if minutes is not None:
            moment = _at(day, minutes)
            Sale.objects.filter(pk=sale.pk).update(created_at=moment, day=day)  # demo only
            StockMove.objects.filter(sale=sale).update(created_at=moment)  # demo only
        return sale

    def _basket(self, shelf: dict[int, int]) -> list[tuple[int, int]]:
        """One to three items drawn from the shelf, cheap ones more often."""
        on_shelf = [pk for pk, n in shelf.items() if n > 0 and not self.items[pk].is_unique]
        if not on_shelf:
            return []
        weights = [3 if self.items[pk].price < CHEAP else 1 for pk in on_shelf]
        size = self.rng.choices([1, 2, 3], weights=[60, 30, 10])[0]
        picked = {self.rng.choices(on_shelf, weights=weights)[0] for _n in range(size)}
        return [
            (
                pk,
                2
                if shelf[pk] >= 2 and self.items[pk].price < CHEAP and self.rng.random() < 0.25
                else 1,
            )
            for pk in sorted(picked)
        ]

    def _incidents(self, gallery: Outlet, day: dt.date) -> bool:
        """Badung's gallery: a sale voided and recorded again on the 10th, a customer return
        on the 7th and on the 18th (or the first day after with the cash to refund it). True
        when there was one (the till has a day to close)."""
        if not self.plan.incidents:
            return False
        nth = (day - self.start).days + 1
        happened = False
        if nth == 10:
            basket = self._basket(self.stock[gallery.pk])[:1]
            if basket and self.stock[gallery.pk][basket[0][0]] >= 2:
                ((item_id, _one),) = basket
                wrong = self._sell(gallery, day, 14 * 60, lines=[(item_id, 2)])
                # demo only: a void is made the day of its sale, so void it as of today
                Sale.objects.filter(pk=wrong.pk).update(day=timezone.localdate())
                wrong.refresh_from_db()
                services.void_sale(
                    sale=wrong, reason="Salah input jumlah; dicatat ulang.", by=self.office
                )
                voided = _at(day, 14 * 60 + 5)
                StockMove.objects.filter(sale=wrong, kind=StockMove.Kind.VOID).update(
                    created_at=voided
                )  # demo only
                Sale.objects.filter(pk=wrong.pk).update(voided_at=voided, day=day)  # demo only
                self.stock[gallery.pk][item_id] += 2
                if wrong.payment == Sale.Payment.CASH:
                    self.cash[gallery.pk] -= wrong.total
                self._sell(gallery, day, 14 * 60 + 10, lines=[(item_id, 1)])
                happened = True
        due = [7, 18][self.returns] if self.returns < len(RETURN_REASONS) else None
        line = self._returnable(self.cash[gallery.pk]) if due and nth >= due else None
        if line is not None:  # refunded from the day's cash
            move = services.return_from_customer(
                sale_line=line, quantity=1, by=self.till, reason=RETURN_REASONS[self.returns]
            )
            self.returns += 1
            StockMove.objects.filter(pk=move.pk).update(
                created_at=_at(day, CLOSES - 30)
            )  # demo only
            self.stock[gallery.pk][line.item_id] += 1
            self.cash[gallery.pk] -= move.amount
            happened = True
        return happened

    def _returnable(self, cash: Decimal) -> SaleLine | None:
        """A line of an earlier gallery sale whose one piece the day's cash can refund: the
        first return from the start of the month, the second from its middle."""
        sales = self.sold[self.returns * len(self.sold) // 2 :]
        lines = (
            SaleLine.objects.filter(
                sale_id__in=sales, item__is_unique=False, sale__voided_at__isnull=True
            )
            .select_related("sale")
            .order_by("sale_id", "pk")
        )
        return next((line for line in lines if line.line_total <= cash * line.quantity), None)

    def _close(self, outlet: Outlet, day: dt.date) -> None:
        """Close the till with the cash it expects; once, on the 13th at Badung's gallery,
        Rp 5.000 short, with the cashier's note."""
        counted, note = self.cash[outlet.pk], ""
        if (
            self.plan.incidents
            and outlet == self.outlets[0]
            and (day - self.start).days == 12
            and counted >= 5_000
        ):
            counted, note = counted - 5_000, "Kurang Rp 5.000: salah memberi kembalian."
        close = services.close_day(
            outlet=outlet, day=day, by=self.till, cash_counted=counted, note=note
        )
        DayClose.objects.filter(pk=close.pk).update(closed_at=_at(day, CLOSES + 20))  # demo only

    # Settling with the makers

    def _settle(self) -> None:
        """Settle last month on the 3rd (or today, if earlier), pay about half on the 5th:
        the whole balance by transfer; one maker is reviewed after her first month."""
        settled_on = min(self.today, self.end + dt.timedelta(days=3))
        paid_on = min(self.today, settled_on + dt.timedelta(days=2))
        settlements = settle_month(
            council=self.council, year=self.start.year, month=self.start.month, by=self.office
        )
        Settlement.objects.filter(pk__in=[s.pk for s in settlements]).update(
            created_at=min(timezone.now(), _at(settled_on, 10 * 60))
        )  # demo only
        for number, settlement in enumerate(sorted(settlements, key=lambda s: s.business_id)):
            if number % 2 == 0 and settlement.balance > 0:
                pay_settlement(
                    settlement=settlement,
                    amount=settlement.balance,
                    by=self.office,
                    paid_on=paid_on,
                    reference=f"TRF-BPD-{paid_on:%Y%m%d}-{number + 1:03d}",
                )
        if self.plan.incidents and settlements:
            first = min(settlements, key=lambda s: s.business_id)
            review = consignors.review_consignor(
                council=self.council,
                business=first.business,
                quality=4,
                decision=ConsignorReview.Decision.KEEP,
                by=self.office,
                period_start=self.start,
                period_end=self.end,
                reason="Bulan pertama: laku stabil dan rapi; tetap dititipkan.",
            )
            ConsignorReview.objects.filter(pk=review.pk).update(reviewed_on=settled_on)  # demo only
            Consignor.objects.filter(council=self.council, business=first.business).update(
                next_review_on=reports.add_months(settled_on, consignors.REVIEW_EVERY_MONTHS)
            )  # demo only
