"""Figures of the gallery, read from the ledger: sales per outlet, craft category, business
and day, slow movers, the stock's value, goods near their best-before date, and a maker's
own consignment overview for the portal. Plain data out (HackSoft selectors).

Every figure is net: voided sales are left out, and customer returns are taken off on the
day they came back (the day the refund left the till), so a closed period's figures never
change afterwards. Each table costs a few GROUP BY queries, never one query per row.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, F, Max, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.lib.tabular import Column, Kind, Table
from kriya.lib.xlsx import write_xlsx
from kriya.regions.models import Council
from kriya.sales.models import SaleLine, Settlement, StockMove

ZERO = Decimal(0)
SLOW_AFTER_DAYS = 60
BEST_BEFORE_WINDOW_DAYS = 30
# A day-by-day chart is drawn (with empty days) for periods up to about two months.
DAILY_CHART_MAX_DAYS = 62
MONEY_SUM = DecimalField(max_digits=20, decimal_places=0)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, kept inside the month (31 January + 1 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @classmethod
    def this_month(cls, today: dt.date | None = None) -> Period:
        """From the first of this month to today."""
        today = today or timezone.localdate()
        return cls(today.replace(day=1), today)

    @classmethod
    def last_months(cls, months: int, today: dt.date | None = None) -> Period:
        today = today or timezone.localdate()
        return cls(add_months(today, -months) + dt.timedelta(days=1), today)


@dataclass
class Figures:
    """One row of a sales table. ``gross`` and ``commission`` are net of refunds."""

    key: Any
    label: str
    sales: int = 0  # receipts
    pieces: int = 0  # sold less returned
    gross: Decimal = ZERO
    commission: Decimal = ZERO
    returned: int = 0
    refunds: Decimal = ZERO
    bar: int = 0  # gross as a percentage of the table's largest, for the chart

    @property
    def maker_share(self) -> Decimal:
        return self.gross - self.commission

    def add(self, other: Figures) -> None:
        self.sales += other.sales
        self.pieces += other.pieces
        self.gross += other.gross
        self.commission += other.commission
        self.returned += other.returned
        self.refunds += other.refunds


def _lines(council: Council, period: Period, *, own_outlets: bool = False) -> QuerySet:
    lines = SaleLine.objects.within(council).filter(
        sale__voided_at__isnull=True, sale__day__gte=period.start, sale__day__lte=period.end
    )
    return lines.filter(sale__outlet__council=council) if own_outlets else lines


def _returns(council: Council, period: Period, *, own_outlets: bool = False) -> QuerySet:
    moves = StockMove.objects.within(council).filter(
        kind=StockMove.Kind.CUSTOMER_RETURN,
        created_at__date__gte=period.start,
        created_at__date__lte=period.end,
    )
    return moves.filter(outlet__council=council) if own_outlets else moves


def _table(
    lines: QuerySet,
    returns: QuerySet,
    *,
    line_key: Any,
    line_label: Any,
    move_key: Any,
    move_label: Any,
) -> dict[Any, Figures]:
    """Two GROUP BY queries (sale lines, returns) merged per key."""
    rows: dict[Any, Figures] = {}
    sold = (
        lines.order_by()
        .annotate(k=line_key, name=line_label)
        .values("k", "name")
        .annotate(
            n_sales=Count("sale_id", distinct=True),
            n=Sum("quantity"),
            total=Sum("line_total"),
            fee=Sum("commission"),
        )
    )
    for r in sold:
        row = rows.setdefault(r["k"], Figures(r["k"], r["name"]))
        row.sales, row.pieces = r["n_sales"], r["n"] or 0
        row.gross, row.commission = r["total"] or ZERO, r["fee"] or ZERO
    back = (
        returns.order_by()
        .annotate(k=move_key, name=move_label)
        .values("k", "name")
        .annotate(n=Sum("quantity"), total=Sum("amount"), fee=Sum("commission"))
    )
    for r in back:
        row = rows.setdefault(r["k"], Figures(r["k"], r["name"]))
        row.returned, row.refunds = r["n"] or 0, r["total"] or ZERO
        row.pieces -= row.returned
        row.gross -= row.refunds
        row.commission -= r["fee"] or ZERO
    return rows


def _with_bars(rows: Iterable[Figures]) -> list[Figures]:
    rows = list(rows)
    top = max((row.gross for row in rows), default=ZERO)
    for row in rows:
        row.bar = max(1, int(row.gross * 100 / top)) if top > 0 and row.gross > 0 else 0
    return rows


def _ranked(rows: dict[Any, Figures]) -> list[Figures]:
    return _with_bars(sorted(rows.values(), key=lambda r: (-r.gross, -r.pieces, r.label)))


def sales_by_outlet(council: Council, period: Period) -> list[Figures]:
    return _ranked(
        _table(
            _lines(council, period),
            _returns(council, period),
            line_key=F("sale__outlet_id"),
            line_label=F("sale__outlet__name"),
            move_key=F("outlet_id"),
            move_label=F("outlet__name"),
        )
    )


def sales_by_category(council: Council, period: Period) -> list[Figures]:
    return _ranked(
        _table(
            _lines(council, period),
            _returns(council, period),
            line_key=F("item__product__category_id"),
            line_label=F("item__product__category__name"),
            move_key=F("item__product__category_id"),
            move_label=F("item__product__category__name"),
        )
    )


def sales_by_business(
    council: Council,
    period: Period,
    *,
    own_outlets: bool = False,
    business_ids: Iterable[int] | None = None,
) -> list[Figures]:
    """Per maker; ``own_outlets`` keeps to the council's own outlets (not its regencies')."""
    lines = _lines(council, period, own_outlets=own_outlets)
    returns = _returns(council, period, own_outlets=own_outlets)
    if business_ids is not None:
        ids = list(business_ids)
        lines = lines.filter(item__intake__business_id__in=ids)
        returns = returns.filter(item__intake__business_id__in=ids)
    return _ranked(
        _table(
            lines,
            returns,
            line_key=F("item__intake__business_id"),
            line_label=F("item__intake__business__name"),
            move_key=F("item__intake__business_id"),
            move_label=F("item__intake__business__name"),
        )
    )


def sales_by_day(council: Council, period: Period) -> list[Figures]:
    """Oldest day first; every day of a short period is there, empty days too."""
    rows = _table(
        _lines(council, period),
        _returns(council, period),
        line_key=F("sale__day"),
        line_label=F("sale__day"),
        move_key=TruncDate("created_at"),
        move_label=TruncDate("created_at"),
    )
    if period.days <= DAILY_CHART_MAX_DAYS:
        for offset in range(period.days):
            day = period.start + dt.timedelta(days=offset)
            rows.setdefault(day, Figures(day, day))
    return _with_bars(sorted(rows.values(), key=lambda r: r.key))


@dataclass
class StockRow:
    """Pieces of one consigned item at one outlet."""

    item_id: int
    outlet_id: int
    business_id: int
    code: str
    product: str
    business: str
    outlet: str
    on_hand: int
    price: Decimal
    consignment_price: Decimal
    received_on: dt.date | None = None
    best_before: dt.date | None = None
    last_sold: dt.date | None = None
    days_left: int | None = None

    @property
    def days_ago(self) -> int:
        """How many days ago the best-before date passed (0 if it has not)."""
        return max(0, -(self.days_left or 0))

    @property
    def value(self) -> Decimal:
        """At the consignment price: what the council would owe if all of it sold."""
        return self.on_hand * self.consignment_price


STOCK_FIELDS = {
    "item_id": "item_id",
    "outlet_id": "outlet_id",
    "business_id": "item__intake__business_id",
    "code": "item__code",
    "product": "item__product__name",
    "business": "item__intake__business__name",
    "outlet": "outlet__name",
    "price": "item__price",
    "consignment_price": "item__consignment_price",
    "received_on": "item__intake__received_on",
    "best_before": "item__best_before",
}


def _stock_rows(moves: QuerySet) -> list[StockRow]:
    """One GROUP BY per (item, outlet) with what describes the item; only pieces on hand."""
    rows = (
        moves.order_by().values(*STOCK_FIELDS.values()).annotate(n=Sum("quantity")).filter(n__gt=0)
    )
    return [
        StockRow(on_hand=r["n"], **{name: r[path] for name, path in STOCK_FIELDS.items()})
        for r in rows
    ]


def stock_on_hand(
    council: Council, *, business_ids: Iterable[int] | None = None, own_outlets: bool = False
) -> list[StockRow]:
    """What is on the shelves, per item and outlet (of ``business_ids`` only, if given)."""
    moves = StockMove.objects.within(council)
    if own_outlets:
        moves = moves.filter(outlet__council=council)
    if business_ids is not None:
        moves = moves.filter(item__intake__business_id__in=list(business_ids))
    return sorted(_stock_rows(moves), key=lambda r: (r.business, r.outlet, r.product, r.code))


def slow_movers(
    council: Council, *, days: int = SLOW_AFTER_DAYS, today: dt.date | None = None
) -> list[StockRow]:
    """Items on the shelf for at least ``days`` days with no sale in them, oldest intake
    first: candidates to return to their maker or to move to another outlet."""
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=days)
    sold_lately = (
        SaleLine.objects.within(council)
        .filter(sale__voided_at__isnull=True, sale__day__gt=cutoff)
        .values("item_id")
    )
    rows = _stock_rows(
        StockMove.objects.within(council)
        .filter(item__intake__received_on__lte=cutoff)
        .exclude(item_id__in=sold_lately)
    )
    last = (
        dict(
            SaleLine.objects.within(council)
            .filter(sale__voided_at__isnull=True, item_id__in={r.item_id for r in rows})
            .order_by()
            .values("item_id")
            .annotate(day=Max("sale__day"))
            .values_list("item_id", "day")
        )
        if rows
        else {}
    )
    for row in rows:
        row.last_sold = last.get(row.item_id)
    return sorted(rows, key=lambda r: (r.received_on, r.code, r.outlet))


@dataclass
class OutletStock:
    outlet_id: int
    outlet: str
    pieces: int
    value: Decimal  # at the consignment price
    retail: Decimal  # at the selling price


def stock_value(council: Council) -> list[OutletStock]:
    """On hand × consignment price per outlet, in one GROUP BY: the sum of each movement's
    pieces times its item's price is the same as on hand times price."""
    rows = (
        StockMove.objects.within(council)
        .order_by()
        .values("outlet_id", "outlet__name")
        .annotate(
            n=Sum("quantity"),
            value=Sum(F("quantity") * F("item__consignment_price"), output_field=MONEY_SUM),
            retail=Sum(F("quantity") * F("item__price"), output_field=MONEY_SUM),
        )
    )
    return sorted(
        (
            OutletStock(
                r["outlet_id"],
                r["outlet__name"],
                r["n"] or 0,
                r["value"] or ZERO,
                r["retail"] or ZERO,
            )
            for r in rows
        ),
        key=lambda r: (-r.value, r.outlet),
    )


def _near_best_before(council: Council, today: dt.date, days: int) -> QuerySet:
    return StockMove.objects.within(council).filter(
        item__best_before__isnull=False, item__best_before__lte=today + dt.timedelta(days=days)
    )


def near_best_before(
    council: Council, *, days: int = BEST_BEFORE_WINDOW_DAYS, today: dt.date | None = None
) -> list[StockRow]:
    """Goods on hand whose best-before date is past or within ``days``: soonest first."""
    today = today or timezone.localdate()
    rows = _stock_rows(_near_best_before(council, today, days))
    for row in rows:
        row.days_left = (row.best_before - today).days
    return sorted(rows, key=lambda r: (r.best_before, r.outlet, r.product, r.code))


def near_best_before_count(
    council: Council, *, days: int = BEST_BEFORE_WINDOW_DAYS, today: dt.date | None = None
) -> int:
    """How many (item, outlet) rows ``near_best_before`` lists, in one query."""
    today = today or timezone.localdate()
    return (
        _near_best_before(council, today, days)
        .order_by()
        .values("item_id", "outlet_id")
        .annotate(n=Sum("quantity"))
        .filter(n__gt=0)
        .count()
    )


@dataclass
class SalesReport:
    period: Period
    outlets: list[Figures]
    categories: list[Figures]
    businesses: list[Figures]
    days: list[Figures]
    slow: list[StockRow]
    stock: list[OutletStock]
    total: Figures = field(init=False)

    def __post_init__(self) -> None:
        self.total = Figures(None, _("Total"))
        for row in self.outlets:  # every sale and return belongs to exactly one outlet
            self.total.add(row)

    @property
    def stock_total(self) -> OutletStock:
        return OutletStock(
            0,
            _("Total"),
            sum(r.pieces for r in self.stock),
            sum((r.value for r in self.stock), ZERO),
            sum((r.retail for r in self.stock), ZERO),
        )


def sales_report(
    council: Council,
    period: Period,
    *,
    today: dt.date | None = None,
    slow_days: int = SLOW_AFTER_DAYS,
) -> SalesReport:
    """Every table of the report page and its Excel file, for ``council``'s region."""
    return SalesReport(
        period=period,
        outlets=sales_by_outlet(council, period),
        categories=sales_by_category(council, period),
        businesses=sales_by_business(council, period),
        days=sales_by_day(council, period),
        slow=slow_movers(council, days=slow_days, today=today),
        stock=stock_value(council),
    )


# The Excel file ---------------------------------------------------------------------------
def _figures_rows(rows: list[Figures], total: Figures | None, label=str) -> list[list]:
    out = [
        [label(r.label), r.sales, r.pieces, r.returned, r.gross, r.commission, r.maker_share]
        for r in rows
    ]
    if total is not None:
        out.append(
            [
                str(total.label),
                total.sales,
                total.pieces,
                total.returned,
                total.gross,
                total.commission,
                total.maker_share,
            ]
        )
    return out


def _sum(rows: list[Figures]) -> Figures:
    total = Figures(None, _("Total"))
    for row in rows:
        total.add(row)
    return total


def sales_report_xlsx(report: SalesReport) -> bytes:
    """The report as a workbook: one sheet per table, amounts in rupiah cells."""
    number, money = Kind.NUMBER, Kind.MONEY
    figures = [
        Column(_("Sales"), number),
        Column(_("Pieces (net)"), number),
        Column(_("Pieces returned"), number),
        Column(_("Sales (Rp, net)"), money),
        Column(_("Commission (Rp)"), money),
        Column(_("Makers' share (Rp)"), money),
    ]
    total = report.stock_total
    return write_xlsx(
        Table(
            _("Per outlet"),
            [Column(_("Outlet")), *figures],
            _figures_rows(report.outlets, report.total),
        ),
        Table(
            _("Per category"),
            [Column(_("Craft category")), *figures],
            _figures_rows(report.categories, _sum(report.categories)),
        ),
        Table(
            _("Per business"),
            [Column(_("Business")), *figures],
            _figures_rows(report.businesses, _sum(report.businesses)),
        ),
        Table(
            _("Per day"),
            [Column(_("Day"), Kind.DATE), *figures],
            [
                [r.key, *row[1:]]
                for r, row in zip(report.days, _figures_rows(report.days, None), strict=True)
            ],
        ),
        Table(
            _("Slow movers"),
            [
                Column(_("Tag code")),
                Column(_("Product")),
                Column(_("Business")),
                Column(_("Outlet")),
                Column(_("Received on"), Kind.DATE),
                Column(_("Last sold"), Kind.DATE),
                Column(_("On hand"), number),
                Column(_("Consignment price (Rp)"), money),
                Column(_("Value (Rp)"), money),
            ],
            (
                [
                    r.code,
                    r.product,
                    r.business,
                    r.outlet,
                    r.received_on,
                    r.last_sold,
                    r.on_hand,
                    r.consignment_price,
                    r.value,
                ]
                for r in report.slow
            ),
        ),
        Table(
            _("Stock value"),
            [
                Column(_("Outlet")),
                Column(_("Pieces on hand"), number),
                Column(_("At consignment price (Rp)"), money),
                Column(_("At selling price (Rp)"), money),
            ],
            [
                *([r.outlet, r.pieces, r.value, r.retail] for r in report.stock),
                [str(total.outlet), total.pieces, total.value, total.retail],
            ],
        ),
    )


# The maker's own view (artisan portal) ------------------------------------------------------
@dataclass
class MakerSale:
    day: dt.date
    outlet: str
    product: str
    quantity: int  # negative for a return
    line_total: Decimal
    commission: Decimal
    is_return: bool = False

    @property
    def pieces(self) -> int:
        return abs(self.quantity)

    @property
    def maker_share(self) -> Decimal:
        return self.line_total - self.commission


@dataclass
class MakerOverview:
    stock: dict[str, list[StockRow]]  # per outlet
    sales: list[MakerSale]
    settlements: list[Settlement]
    since: dt.date

    @property
    def sales_total(self) -> Decimal:
        return sum((s.line_total for s in self.sales), ZERO)

    @property
    def share_total(self) -> Decimal:
        return sum((s.maker_share for s in self.sales), ZERO)


def maker_overview(
    *, businesses: QuerySet, today: dt.date | None = None, months: int = 3
) -> MakerOverview:
    """A maker's stock per outlet, sales of the last ``months`` (voided left out, returns
    shown as negative lines) and settlements. Scoped by the businesses passed in, which
    the portal takes from the login's own artisan: any council's gallery, never another
    maker's goods."""
    since = add_months(today or timezone.localdate(), -months)
    stock: dict[str, list[StockRow]] = {}
    moves = StockMove.objects.filter(item__intake__business__in=businesses)
    for row in sorted(_stock_rows(moves), key=lambda r: (r.outlet, r.product, r.code)):
        stock.setdefault(row.outlet, []).append(row)
    sold = SaleLine.objects.filter(
        item__intake__business__in=businesses, sale__voided_at__isnull=True, sale__day__gte=since
    ).values_list(
        "sale__day", "sale__outlet__name", "product_name", "quantity", "line_total", "commission"
    )
    sales = [MakerSale(*row) for row in sold]
    returned = StockMove.objects.filter(
        item__intake__business__in=businesses,
        kind=StockMove.Kind.CUSTOMER_RETURN,
        created_at__date__gte=since,
    ).values_list(
        "created_at", "outlet__name", "sale_line__product_name", "quantity", "amount", "commission"
    )
    sales += [
        MakerSale(timezone.localdate(at), outlet, product, -n, -amount, -fee, True)
        for at, outlet, product, n, amount, fee in returned
    ]
    sales.sort(key=lambda s: (s.day, not s.is_return), reverse=True)
    settlements = list(
        Settlement.objects.filter(business__in=businesses)
        .select_related("business")
        .order_by("-period_end", "business__name")
    )
    return MakerOverview(stock=stock, sales=sales, settlements=settlements, since=since)


__all__ = [
    "Figures",
    "MakerOverview",
    "OutletStock",
    "Period",
    "SalesReport",
    "StockRow",
    "add_months",
    "maker_overview",
    "near_best_before",
    "near_best_before_count",
    "sales_by_business",
    "sales_report",
    "sales_report_xlsx",
    "slow_movers",
    "stock_on_hand",
    "stock_value",
]
