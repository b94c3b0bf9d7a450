"""Settling with the makers: what the council owes each business for a period, worked out
from the ledger and recorded once.

A settlement takes every sale line of the business's items that is not settled yet, up to
the period's last day (so a month left unsettled is carried, never lost), and every customer
return not settled yet (so a return after its sale was settled is deducted in the next
period). The lines and returns it takes point to it: nothing is settled twice.

    gross      = Σ line totals − Σ refunds
    commission = Σ line commissions − Σ refunded commissions
    amount due = gross − commission          (the maker's share of net sales)
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.accounts.models import User
from kriya.lib.money import format_rupiah, to_rupiah
from kriya.regions.models import Council
from kriya.registry.models import Business
from kriya.sales.models import SaleLine, Settlement, StockMove

BATCH = 500


@dataclass
class _Open:
    """What one business has waiting to be settled."""

    lines: list[SaleLine] = field(default_factory=list)
    returns: list[StockMove] = field(default_factory=list)

    def figures(self) -> dict:
        sold = sum(line.quantity for line in self.lines) - sum(m.quantity for m in self.returns)
        gross = sum((line.line_total for line in self.lines), Decimal(0)) - sum(
            (m.amount for m in self.returns), Decimal(0)
        )
        commission = sum((line.commission for line in self.lines), Decimal(0)) - sum(
            (m.commission for m in self.returns), Decimal(0)
        )
        return {
            "pieces_sold": sold,
            "gross": gross,
            "commission": commission,
            "amount_due": gross - commission,
        }


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def unsettled_lines(council: Council, end: dt.date):
    """Sale lines waiting to be settled up to ``end`` at the council's own outlets: not
    settled, of a sale that is not voided, sold on ``end`` or before."""
    return SaleLine.objects.within(council).filter(
        settlement__isnull=True,
        sale__voided_at__isnull=True,
        sale__outlet__council=council,
        sale__day__lte=end,
    )


def unsettled_returns(council: Council, end: dt.date):
    """Customer returns waiting to be settled, made at the council's own outlets before the
    day after ``end``."""
    return StockMove.objects.within(council).filter(
        settlement__isnull=True,
        kind=StockMove.Kind.CUSTOMER_RETURN,
        outlet__council=council,
        created_at__lt=_start_of(end + dt.timedelta(days=1)),
    )


def _open_items(
    council: Council, end: dt.date, business_ids: set[int] | None = None
) -> dict[int, _Open]:
    """Unsettled sale lines and returns up to ``end`` at the council's own outlets, by
    business, locked (PostgreSQL) so two settlements cannot take the same line."""
    lines = unsettled_lines(council, end).select_for_update(of=("self",))
    returns = unsettled_returns(council, end).select_for_update(of=("self",))
    if business_ids is not None:
        lines = lines.filter(item__intake__business_id__in=business_ids)
        returns = returns.filter(item__intake__business_id__in=business_ids)
    found: dict[int, _Open] = defaultdict(_Open)
    owner = F("item__intake__business_id")
    for line in (
        lines.only("pk", "quantity", "line_total", "commission")
        .annotate(owner=owner)
        .order_by("pk")
    ):
        found[line.owner].lines.append(line)
    for move in (
        returns.only("pk", "quantity", "amount", "commission").annotate(owner=owner).order_by("pk")
    ):
        found[move.owner].returns.append(move)
    return found


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@transaction.atomic
def settle(
    *,
    council: Council,
    period_start: dt.date,
    period_end: dt.date,
    by: User,
    business: Business | None = None,
) -> list[Settlement]:
    """Settle every business of ``council`` (or one) with anything unsettled up to
    ``period_end``; one settlement each, its sales and returns marked with it."""
    if period_end < period_start:
        raise ValidationError(_("The period ends before it starts."))
    if period_end >= timezone.localdate():
        raise ValidationError(
            _("Settle a period only after its last day (%(day)s).")
            % {"day": period_end.strftime("%d-%m-%Y")}
        )
    wanted = None if business is None else {business.pk}
    found = _open_items(council, period_end, wanted)
    if business is not None and not found:
        raise ValidationError(
            _("%(business)s has nothing to settle up to %(day)s.")
            % {"business": business, "day": period_end.strftime("%d-%m-%Y")}
        )
    overlapping = set(
        Settlement.objects.filter(
            council=council, business_id__in=found, period_end__gte=period_start
        ).values_list("business__name", flat=True)
    )
    if overlapping:
        raise ValidationError(
            _("Already settled for a period reaching into this one: %(names)s.")
            % {"names": ", ".join(sorted(overlapping))}
        )
    settlements = Settlement.objects.bulk_create(
        [
            Settlement(
                council=council,
                business_id=owner,
                period_start=period_start,
                period_end=period_end,
                created_by=by,
                **open_.figures(),
            )
            for owner, open_ in sorted(found.items())
        ]
    )
    # One plain UPDATE per settlement (in batches of ids): bulk_update's CASE WHEN per row
    # costs seconds of query compiling at a few thousand makers.
    for settlement in settlements:
        open_ = found[settlement.business_id]
        for model, rows in ((SaleLine, open_.lines), (StockMove, open_.returns)):
            ids = [row.pk for row in rows]
            for at in range(0, len(ids), BATCH):
                model.objects.filter(pk__in=ids[at : at + BATCH]).update(settlement=settlement)
    return settlements


def settle_month(*, council: Council, year: int, month: int, by: User) -> list[Settlement]:
    """Settle one calendar month for every business with something to settle."""
    start, end = month_bounds(year, month)
    return settle(council=council, period_start=start, period_end=end, by=by)


@transaction.atomic
def pay_settlement(
    *,
    settlement: Settlement,
    amount: Decimal,
    reference: str,
    by: User,
    paid_on: dt.date | None = None,
) -> Settlement:
    """Record a payment to the maker (all of the balance, or part of it) with its transfer
    or receipt reference."""
    settlement = Settlement.objects.select_for_update().get(pk=settlement.pk)
    amount = to_rupiah(amount)
    if not reference.strip():
        raise ValidationError(_("Give the payment's reference (transfer number or receipt)."))
    if amount <= 0:
        raise ValidationError(_("The amount paid must be above zero."))
    if amount > settlement.balance:
        raise ValidationError(
            _("%(amount)s is more than the balance of %(balance)s.")
            % {"amount": format_rupiah(amount), "balance": format_rupiah(settlement.balance)}
        )
    settlement.paid_amount += amount
    settlement.reference = "; ".join(r for r in (settlement.reference, reference.strip()) if r)
    settlement.paid_on = paid_on or timezone.localdate()
    settlement.paid_by = by
    settlement.save(update_fields=["paid_amount", "reference", "paid_on", "paid_by"])
    return settlement


def earlier_balance(settlement: Settlement) -> Decimal:
    """What is still unpaid from the business's earlier settlements with the council."""
    earlier = Settlement.objects.filter(
        council_id=settlement.council_id,
        business_id=settlement.business_id,
        period_end__lt=settlement.period_start,
    )
    return sum((s.balance for s in earlier.only("amount_due", "paid_amount")), Decimal(0))
