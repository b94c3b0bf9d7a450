"""Writes to the consignment ledger: intakes, till sales, returns and stock corrections.

Every function here locks the consigned items it moves, in id order (Oscar), before it
reads the ledger, so parallel tills and returns never take stock below zero. On SQLite the
IMMEDIATE transactions of the settings serialise the writers instead.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.accounts import roles
from kriya.accounts.models import Membership, User
from kriya.catalog.models import Product
from kriya.lib.money import format_rupiah, to_rupiah
from kriya.registry.models import Business
from kriya.sales.models import (
    ConsignedItem,
    ConsignmentIntake,
    Consignor,
    DayClose,
    Outlet,
    Sale,
    SaleLine,
    StockMove,
)


@dataclass(frozen=True)
class IntakeLineInput:
    product: Product
    quantity: int
    consignment_price: Decimal
    price: Decimal
    commission_rate: Decimal | None = None  # None: the outlet's usual commission
    best_before: dt.date | None = None
    is_unique: bool = False  # one of a kind: each piece gets its own item and tag


@dataclass(frozen=True)
class SaleLineInput:
    item_id: int
    quantity: int
    discount: Decimal = Decimal(0)


def _lock_items(ids: set[int]) -> dict[int, ConsignedItem]:
    """Lock the items in a fixed order (by id), so two writers never wait on each other in
    a circle; ``of=("self",)`` keeps PostgreSQL from locking the joined product rows."""
    locked = (
        ConsignedItem.objects.select_for_update(of=("self",))
        .select_related("product", "intake__outlet")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    return {item.pk: item for item in locked}


@transaction.atomic
def receive_consignment(
    *,
    outlet: Outlet,
    business: Business,
    lines: list[IntakeLineInput],
    by: User,
    received_on: dt.date | None = None,
    note: str = "",
) -> ConsignmentIntake:
    """Record goods a maker brings in: one intake, one tagged item per product line (one per
    piece for one-of-a-kind work), and its pieces into the ledger at ``outlet``."""
    if not lines:
        raise ValidationError(_("An intake needs at least one product."))
    if not outlet.is_active:
        raise ValidationError(_("%(outlet)s is closed.") % {"outlet": outlet})
    if not Consignor.objects.filter(
        council_id=outlet.council_id, business=business, is_active=True
    ).exists():
        raise ValidationError(
            _("%(business)s is not one of the gallery's consignors; accept its application first.")
            % {"business": business}
        )
    intake = ConsignmentIntake.objects.create(
        outlet=outlet,
        business=business,
        received_by=by,
        note=note,
        received_on=received_on or timezone.localdate(),
    )
    for number, line in enumerate(lines, start=1):
        if line.product.business_id != business.pk:
            raise ValidationError(
                _("Line %(n)s: %(product)s is not a product of %(business)s.")
                % {"n": number, "product": line.product, "business": business}
            )
        if line.quantity < 1:
            raise ValidationError(
                _("Line %(n)s: bring in at least one piece of %(product)s.")
                % {"n": number, "product": line.product}
            )
        if min(line.price, line.consignment_price) < 0:
            raise ValidationError(
                _("Line %(n)s: %(product)s cannot have a price below zero.")
                % {"n": number, "product": line.product}
            )
        rate = outlet.commission_rate if line.commission_rate is None else line.commission_rate
        pieces = [1] * line.quantity if line.is_unique else [line.quantity]
        for quantity in pieces:
            item = ConsignedItem(
                intake=intake,
                product=line.product,
                consignment_price=to_rupiah(line.consignment_price),
                price=to_rupiah(line.price),
                commission_rate=rate,
                best_before=line.best_before,
                is_unique=line.is_unique,
            )
            item.full_clean(exclude=["intake", "code"])
            item.save(force_insert=True)
            item.code = ConsignedItem.code_for(item.pk)
            item.save(update_fields=["code"])
            StockMove.objects.create(
                item=item, outlet=outlet, quantity=quantity, kind=StockMove.Kind.INTAKE, by=by
            )
    return intake


def commission_of(amount: Decimal, rate: Decimal) -> Decimal:
    """The council's commission on ``amount`` at ``rate`` percent, in whole rupiah."""
    return to_rupiah(amount * rate / 100)


def discount_limit(user: User, outlet: Outlet, acting: Membership | None = None) -> Decimal:
    """The largest discount (percent) ``user``, acting as ``acting``, may give at ``outlet``'s
    till (``roles.DISCOUNT_LIMITS``); nothing when acting for another council."""
    membership = roles.acting_at(user, outlet.council_id, acting)
    return roles.discount_limit(membership, superuser=user.is_superuser)


@transaction.atomic
def record_sale(
    *,
    outlet: Outlet,
    lines: list[SaleLineInput],
    cashier: User,
    payment: str,
    client_key: uuid.UUID,
    paid: Decimal | None = None,
    reference: str = "",
    acting: Membership | None = None,
) -> Sale:
    """Record a till sale; never sells more than the ledger holds, even with parallel tills,
    and stores a sale once however often its ``client_key`` is sent. The discount limit is
    the role of ``acting``, the cashier's acting membership (see ``roles.acting_at``)."""
    if not lines:
        raise ValidationError(_("A sale needs at least one item."))
    wanted: Counter[int] = Counter()
    for line in lines:
        if line.quantity < 1:
            raise ValidationError(_("Sell at least one piece of each item."))
        wanted[line.item_id] += line.quantity
    items = _lock_items(set(wanted))  # fixed lock order (Oscar)
    # Read after the locks: a retry that waited for the first attempt finds its sale.
    existing = Sale.objects.filter(client_key=client_key).first()
    if existing is not None:
        return _same_sale(existing, outlet)
    today = timezone.localdate()
    if not outlet.is_open_on(today):
        raise ValidationError(
            _("%(outlet)s is closed today; no sale can be recorded there.") % {"outlet": outlet}
        )
    if DayClose.objects.filter(outlet=outlet, day=today).exists():
        raise ValidationError(
            _("The till of %(outlet)s is already closed for today.") % {"outlet": outlet}
        )
    if set(items) != set(wanted) or any(
        item.intake.outlet.council_id != outlet.council_id for item in items.values()
    ):
        raise ValidationError(_("An item of this sale is not in the gallery's stock."))
    on_hand = StockMove.objects.on_hand(item_ids=wanted, outlet=outlet)  # one GROUP BY
    for item_id, quantity in wanted.items():
        if quantity > on_hand[item_id]:
            raise ValidationError(
                _("Only %(n)s of %(item)s left.") % {"n": on_hand[item_id], "item": items[item_id]}
            )
    limit = discount_limit(cashier, outlet, acting)
    priced = []
    for line in lines:
        item = items[line.item_id]
        gross = item.price * line.quantity
        discount = to_rupiah(line.discount)
        if discount < 0:  # the item's own price is checked at intake and by the database
            raise ValidationError(
                _("The discount on %(item)s cannot be below zero.") % {"item": item}
            )
        if discount * 100 > gross * limit:  # limit <= 100, so never more than the line
            raise ValidationError(
                _("The discount on %(item)s is above your limit of %(limit)s%%.")
                % {"item": item, "limit": limit}
            )
        priced.append((line, item, discount, gross - discount))
    total = sum((line_total for *_rest, line_total in priced), Decimal(0))
    if payment == Sale.Payment.CASH:
        paid = total if paid is None else to_rupiah(paid)
        if paid < total:
            raise ValidationError(
                _("Paid %(paid)s is less than the total of %(total)s.")
                % {"paid": format_rupiah(paid), "total": format_rupiah(total)}
            )
    elif payment in Sale.Payment.values:
        paid = total  # QRIS, transfer and card pay the exact amount
    else:
        raise ValidationError(_("Choose how the customer pays."))
    try:
        with transaction.atomic():
            sale = Sale.objects.create(
                outlet=outlet,
                cashier=cashier,
                payment=payment,
                day=today,
                reference=reference,
                client_key=client_key,
                total=total,
                paid=paid,
                change=paid - total,
            )
    except IntegrityError:
        # The same key committed by a parallel request that did not need our items' locks.
        return _same_sale(Sale.objects.get(client_key=client_key), outlet)
    for line, item, discount, line_total in priced:
        sale_line = SaleLine.objects.create(
            sale=sale,
            item=item,
            product_name=item.product.name,
            quantity=line.quantity,
            unit_price=item.price,
            discount=discount,
            commission_rate=item.commission_rate,
            line_total=line_total,
            commission=commission_of(line_total, item.commission_rate),
        )  # snapshot for receipts and settlement
        StockMove.objects.create(
            item=item,
            outlet=outlet,
            quantity=-line.quantity,
            kind=StockMove.Kind.SALE,
            sale=sale,
            sale_line=sale_line,
            by=cashier,
        )
    return sale


def _same_sale(sale: Sale, outlet: Outlet) -> Sale:
    if sale.outlet_id != outlet.pk:
        raise ValidationError(_("This sale was already recorded at another outlet."))
    return sale


@transaction.atomic
def return_from_customer(*, sale_line: SaleLine, quantity: int, reason: str, by: User) -> StockMove:
    """Take back pieces a customer returns; never more than that line sold, however often
    it is returned. The refund is the line's total for those pieces, rounded so that all
    pieces together give back exactly the line; a return after the line was settled is
    deducted in the maker's next settlement."""
    line = (
        SaleLine.objects.select_for_update(of=("self",))
        .select_related("sale__outlet")
        .get(pk=sale_line.pk)
    )
    if quantity < 1:
        raise ValidationError(_("Return at least one piece."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the return."))
    if line.sale.is_voided:
        raise ValidationError(
            _("Sale #%(sale)s was voided; nothing of it can be returned.") % {"sale": line.sale_id}
        )
    if DayClose.objects.filter(outlet=line.sale.outlet, day=timezone.localdate()).exists():
        # The refund is paid from today's cash, which is already counted and handed over.
        raise ValidationError(
            _("The till of %(outlet)s is already closed for today; take the return tomorrow.")
            % {"outlet": line.sale.outlet}
        )
    returned = (
        StockMove.objects.filter(sale_line=line, kind=StockMove.Kind.CUSTOMER_RETURN).aggregate(
            n=Sum("quantity")
        )["n"]
        or 0
    )
    if quantity > line.quantity - returned:
        raise ValidationError(
            _("Only %(n)s of %(item)s from sale #%(sale)s can still be returned.")
            % {"n": line.quantity - returned, "item": line.product_name, "sale": line.sale_id}
        )

    def share(value: Decimal, pieces: int) -> Decimal:
        return to_rupiah(value * pieces / line.quantity)

    after = returned + quantity
    return StockMove.objects.create(
        item_id=line.item_id,
        outlet=line.sale.outlet,
        quantity=quantity,
        kind=StockMove.Kind.CUSTOMER_RETURN,
        sale=line.sale,
        sale_line=line,
        reason=reason.strip(),
        by=by,
        amount=share(line.line_total, after) - share(line.line_total, returned),
        commission=share(line.commission, after) - share(line.commission, returned),
    )


def may_void(user: User, outlet: Outlet, acting: Membership | None = None) -> bool:
    """Whether ``user``, acting as ``acting``, may void a sale of ``outlet``."""
    if user.is_superuser:
        return True
    return roles.holds(roles.acting_at(user, outlet.council_id, acting), roles.VOID_SALES)


@transaction.atomic
def void_sale(*, sale: Sale, reason: str, by: User, acting: Membership | None = None) -> Sale:
    """Cancel a sale made in error, the same day and before the till is closed: its pieces
    go back on the shelf and it is never settled."""
    sale = Sale.objects.select_for_update(of=("self",)).select_related("outlet").get(pk=sale.pk)
    if not may_void(by, sale.outlet, acting):
        raise ValidationError(_("Only the secretariat or an administrator may void a sale."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the void."))
    if sale.is_voided:
        raise ValidationError(_("Sale #%(sale)s is already voided.") % {"sale": sale.pk})
    if sale.day != timezone.localdate():
        raise ValidationError(
            _("Sale #%(sale)s is from an earlier day; take a return instead.") % {"sale": sale.pk}
        )
    if DayClose.objects.filter(outlet_id=sale.outlet_id, day=sale.day).exists():
        raise ValidationError(
            _("The day of sale #%(sale)s is closed; take a return instead.") % {"sale": sale.pk}
        )
    if StockMove.objects.filter(sale=sale, kind=StockMove.Kind.CUSTOMER_RETURN).exists():
        raise ValidationError(
            _("Part of sale #%(sale)s was already returned; take a return for the rest.")
            % {"sale": sale.pk}
        )
    if sale.lines.filter(settlement__isnull=False).exists():
        raise ValidationError(
            _("Sale #%(sale)s is already settled with its maker.") % {"sale": sale.pk}
        )
    sale.voided_at, sale.voided_by, sale.void_reason = timezone.now(), by, reason.strip()
    sale.save(update_fields=["voided_at", "voided_by", "void_reason"])
    StockMove.objects.bulk_create(
        [
            StockMove(
                item_id=line.item_id,
                outlet_id=sale.outlet_id,
                quantity=line.quantity,
                kind=StockMove.Kind.VOID,
                sale=sale,
                sale_line=line,
                reason=sale.void_reason,
                by=by,
            )
            for line in sale.lines.all()
        ]
    )
    return sale


def day_summary(*, outlet: Outlet, day: dt.date) -> dict:
    """What the till took on ``day``: the count of sales and the total per payment method
    (voided sales left out), cash less customer refunds paid out in cash that day."""
    sales = Sale.objects.filter(outlet=outlet, day=day, voided_at__isnull=True)
    totals = {method: Decimal(0) for method in Sale.Payment.values}
    count = 0
    for method, total, n in (
        sales.order_by()
        .values("payment")
        .annotate(t=Sum("total"), n=models.Count("id"))
        .values_list("payment", "t", "n")
    ):
        totals[method], count = total, count + n
    refunds = StockMove.objects.filter(
        outlet=outlet, kind=StockMove.Kind.CUSTOMER_RETURN, created_at__date=day
    ).aggregate(t=Sum("amount"))["t"] or Decimal(0)
    return {
        "sales_count": count,
        "totals": totals,
        "refunds": refunds,
        "cash_expected": totals[Sale.Payment.CASH] - refunds,
    }


@transaction.atomic
def close_day(
    *, outlet: Outlet, cash_counted: Decimal, by: User, note: str = "", day: dt.date | None = None
) -> DayClose:
    """Close the till for ``day`` (today): totals per payment method, the cash to hand over
    and any difference, which needs a note. Later sales that day are refused."""
    day = day or timezone.localdate()
    counted = to_rupiah(cash_counted)
    if counted < 0:
        raise ValidationError(_("The cash counted cannot be below zero."))
    Outlet.objects.select_for_update().filter(pk=outlet.pk).first()  # one close at a time
    if DayClose.objects.filter(outlet=outlet, day=day).exists():
        raise ValidationError(
            _("%(outlet)s is already closed for %(day)s.")
            % {"outlet": outlet, "day": day.strftime("%d-%m-%Y")}
        )
    summary = day_summary(outlet=outlet, day=day)
    if counted != summary["cash_expected"] and not note.strip():
        raise ValidationError(
            _("The cash counted differs from the %(expected)s expected; write down why.")
            % {"expected": format_rupiah(summary["cash_expected"])}
        )
    return DayClose.objects.create(
        outlet=outlet,
        day=day,
        sales_count=summary["sales_count"],
        totals={k: str(v) for k, v in summary["totals"].items()},
        cash_expected=summary["cash_expected"],
        cash_counted=counted,
        note=note.strip(),
        closed_by=by,
    )


def _take_out(
    *, item: ConsignedItem, outlet: Outlet, quantity: int, kind: str, by: User, reason: str = ""
) -> StockMove:
    """Remove pieces from ``outlet`` under the item's lock; refuses more than on hand."""
    locked = _lock_items({item.pk})[item.pk]
    on_hand = StockMove.objects.on_hand(item_ids=[item.pk], outlet=outlet)[item.pk]
    if quantity > on_hand:
        raise ValidationError(_("Only %(n)s of %(item)s left.") % {"n": on_hand, "item": locked})
    return StockMove.objects.create(
        item=locked, outlet=outlet, quantity=-quantity, kind=kind, reason=reason, by=by
    )


@transaction.atomic
def return_to_maker(
    *, item: ConsignedItem, outlet: Outlet, quantity: int, by: User, reason: str
) -> StockMove:
    """Hand pieces back to their maker (unsold, rotated out, or near their best-before)."""
    if quantity < 1:
        raise ValidationError(_("Return at least one piece."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for returning the goods to their maker."))
    return _take_out(
        item=item,
        outlet=outlet,
        quantity=quantity,
        by=by,
        reason=reason.strip(),
        kind=StockMove.Kind.RETURN_TO_MAKER,
    )


@transaction.atomic
def transfer_stock(
    *, item: ConsignedItem, source: Outlet, destination: Outlet, quantity: int, by: User
) -> StockMove:
    """Move pieces from one outlet to another of the same council; returns the move in."""
    if quantity < 1:
        raise ValidationError(_("Move at least one piece."))
    if source.pk == destination.pk or source.council_id != destination.council_id:
        raise ValidationError(_("Choose another outlet of the same council."))
    _take_out(
        item=item,
        outlet=source,
        quantity=quantity,
        by=by,
        kind=StockMove.Kind.TRANSFER_OUT,
        reason=str(destination),
    )
    return StockMove.objects.create(
        item=item,
        outlet=destination,
        quantity=quantity,
        kind=StockMove.Kind.TRANSFER_IN,
        reason=str(source),
        by=by,
    )


@transaction.atomic
def correct_stock(
    *, item: ConsignedItem, outlet: Outlet, quantity: int, reason: str, by: User
) -> StockMove:
    """Correct the ledger after a stock-take by ``quantity`` pieces (+ found, − missing),
    with the reason; never below zero."""
    if not reason.strip():
        raise ValidationError(_("Give the reason for the stock correction."))
    if quantity == 0:
        raise ValidationError(_("A correction changes the stock by at least one piece."))
    if quantity < 0:
        return _take_out(
            item=item,
            outlet=outlet,
            quantity=-quantity,
            by=by,
            reason=reason,
            kind=StockMove.Kind.CORRECTION,
        )
    locked = _lock_items({item.pk})[item.pk]
    return StockMove.objects.create(
        item=locked,
        outlet=outlet,
        quantity=quantity,
        kind=StockMove.Kind.CORRECTION,
        reason=reason,
        by=by,
    )
