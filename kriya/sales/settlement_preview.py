"""What settling would give, before anyone settles: per business, the sale lines and customer
returns waiting up to a day, with the figures ``settlement.settle`` would store for them.

Read-only: two GROUP BY queries over the same querysets ``settle`` takes, no locks; the
property test (``tests/test_property.py``) checks on every settlement that the preview gave
exactly the figures that were stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Sum

from kriya.regions.models import Council
from kriya.registry.models import Business
from kriya.sales.settlement import unsettled_lines, unsettled_returns


@dataclass
class Waiting:
    """One business's figures waiting to be settled."""

    business: Business
    lines: int = 0
    returns: int = 0
    pieces_sold: int = 0
    gross: Decimal = Decimal(0)
    commission: Decimal = Decimal(0)

    @property
    def amount_due(self) -> Decimal:
        return self.gross - self.commission


def preview(council: Council, period_end: dt.date) -> list[Waiting]:
    """Every business with something unsettled up to ``period_end`` at ``council``'s own
    outlets, by name, with the figures a settlement up to that day would store."""
    owner = F("item__intake__business_id")
    lines = (
        unsettled_lines(council, period_end)
        .order_by()
        .values(owner=owner)
        .annotate(
            n=Count("pk"),
            pieces=Sum("quantity"),
            gross=Sum("line_total"),
            commission=Sum("commission"),
        )
    )
    returns = (
        unsettled_returns(council, period_end)
        .order_by()
        .values(owner=owner)
        .annotate(
            n=Count("pk"), pieces=Sum("quantity"), gross=Sum("amount"), commission=Sum("commission")
        )
    )
    found: dict[int, dict] = {}
    for sign, rows in ((1, lines), (-1, returns)):
        for row in rows:
            figures = found.setdefault(
                row["owner"],
                {
                    "lines": 0,
                    "returns": 0,
                    "pieces_sold": 0,
                    "gross": Decimal(0),
                    "commission": Decimal(0),
                },
            )
            figures["lines" if sign == 1 else "returns"] += row["n"]
            figures["pieces_sold"] += sign * row["pieces"]
            figures["gross"] += sign * row["gross"]
            figures["commission"] += sign * row["commission"]
    businesses = Business.objects.select_related("owner").in_bulk(found)
    waiting = [Waiting(business=businesses[pk], **figures) for pk, figures in found.items()]
    return sorted(waiting, key=lambda row: (row.business.name.lower(), row.business.pk))
