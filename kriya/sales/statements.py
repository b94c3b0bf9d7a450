"""The gallery's papers for its makers, as PDFs: the signed receipt of a consignment intake
(tanda terima titip jual), the price tags with the QR code the till scans, and the monthly
statement of a settlement (laporan penjualan titip jual), with the signed link a maker opens
without an account.

Like the catalog's labels (``kriya.catalog.labels``, whose paper layouts and QR drawing are
used here), the QR codes are drawn with segno as data: URIs and the fonts are the DejaVu
family installed with Debian, so rendering fetches nothing from anywhere. Every figure on a
statement is read from the ledger rows the settlement points to, and the statement refuses
to print when they do not add up to the settlement's stored figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core import signing
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.catalog.labels import LAYOUTS, MAX_LABELS, Layout, qr_data_uri
from kriya.lib.money import format_rupiah
from kriya.lib.pdf import render_pdf
from kriya.sales.models import ConsignedItem, ConsignmentIntake, Settlement, StockMove
from kriya.sales.settlement import earlier_balance

# A link to a statement sent on WhatsApp opens the PDF for this long, without a login.
STATEMENT_LINK_DAYS = 90
_SALT = "kriya.sales.statement"


@dataclass(frozen=True)
class TagLayout(Layout):
    """A label paper for price tags: the QR code holds a short tag code, so it can be
    smaller than a product label's link and leave room for the price."""

    qr_edge: float = 0

    @property
    def qr_size(self) -> float:
        return self.qr_edge or super().qr_size


# "A4 40": 4 × 10 labels of 52.5 × 29.7 mm (Avery 3651 and its clones), a tag per piece.
TAG_LAYOUTS: dict[str, Layout] = {
    "a4-4x10": TagLayout("a4-4x10", columns=4, rows=10, width=52.5, height=29.7, qr_edge=17),
    **LAYOUTS,
}


# Intake receipt


def receipt_number(intake: ConsignmentIntake) -> str:
    """The receipt's number, printed and quoted when the maker asks: ``TJ-000042``."""
    return f"TJ-{intake.pk:06d}"


def intake_quantities(intake: ConsignmentIntake) -> dict[int, int]:
    """Pieces each item of ``intake`` came in with, from its intake moves in the ledger."""
    moves = (
        StockMove.objects.filter(item__intake=intake, kind=StockMove.Kind.INTAKE)
        .order_by()
        .values("item_id")
        .annotate(n=Sum("quantity"))
    )
    return {row["item_id"]: row["n"] for row in moves}


def intake_receipt_pdf(intake: ConsignmentIntake) -> bytes:
    """The receipt the maker signs and keeps: who brought what to which outlet, at which
    agreed prices and commission, and the terms of the consignment."""
    intake = ConsignmentIntake.objects.select_related(
        "outlet__council", "business__owner", "business__village", "received_by"
    ).get(pk=intake.pk)
    quantities = intake_quantities(intake)
    rows = []
    for item in intake.items.select_related("product").order_by("pk"):
        pieces = quantities.get(item.pk, 0)
        rows.append(
            {
                "item": item,
                "pieces": pieces,
                "value": item.consignment_price * pieces,
                "selling_value": item.price * pieces,
            }
        )
    return render_pdf(
        "sales/intake_receipt.html",
        {
            "title": _("Consignment receipt"),
            "intake": intake,
            "council": intake.outlet.council,
            "number": receipt_number(intake),
            "rows": rows,
            "pieces": sum(row["pieces"] for row in rows),
            "value": sum((row["value"] for row in rows), Decimal(0)),
            "selling_value": sum((row["selling_value"] for row in rows), Decimal(0)),
        },
    )


# Price tags


def intake_tags(intake: ConsignmentIntake, copies: int = 1) -> list[tuple[ConsignedItem, int]]:
    """``(item, tags)`` for every item of ``intake``: ``copies`` tags for each piece it
    came in with (20 umbrellas, 20 tags)."""
    quantities = intake_quantities(intake)
    return [
        (item, quantities.get(item.pk, 0) * copies)
        for item in intake.items.select_related("product").order_by("pk")
    ]


def price_tags_pdf(
    items_with_copies: Iterable[tuple[ConsignedItem, int]],
    *,
    layout: str = "a4-4x10",
    skip: int = 0,
) -> bytes:
    """An A4 PDF of price tags: ``copies`` tags for each ``(item, copies)``, in order, each
    with the product's name, its selling price and its tag code, in text and as the QR code
    the till scans (the code itself, ``K-000123``). ``skip`` leaves the first tags of the
    first sheet empty, to use up a partly used sheet."""
    if layout not in TAG_LAYOUTS:
        raise ValueError(f"unknown tag layout {layout!r}; one of {sorted(TAG_LAYOUTS)}")
    paper = TAG_LAYOUTS[layout]
    wanted = list(items_with_copies)
    if any(copies < 0 for _item, copies in wanted) or skip < 0:
        raise ValueError("copies and skip cannot be negative")
    total = sum(copies for _item, copies in wanted)
    if total > MAX_LABELS:
        raise ValueError(f"{total} tags; at most {MAX_LABELS} in one PDF")
    # Read afresh: a tag prints the item's price and code as the ledger has them now.
    fresh = ConsignedItem.objects.select_related("product").in_bulk(
        {item.pk for item, copies in wanted if copies}
    )
    tags: list[dict | None] = [None] * (skip % paper.per_page)
    made: dict[int, dict] = {}
    for item, copies in wanted:
        if copies and item.pk not in made:
            # One QR drawing per item: 20 tags for 20 umbrellas share it.
            current = fresh[item.pk]
            made[item.pk] = {
                "name": current.product.name,
                "price": format_rupiah(current.price),
                "code": current.code,
                "qr": qr_data_uri(current.code),
            }
        tags += [made.get(item.pk)] * copies
    if not any(tags):
        raise ValueError("no tags to print")
    pages = [tags[start : start + paper.per_page] for start in range(0, len(tags), paper.per_page)]
    return render_pdf(
        "sales/price_tags.html", {"layout": paper, "pages": pages, "title": _("Price tags")}
    )


# Statement


def statement_rows(settlement: Settlement) -> dict:
    """The sale lines and returns ``settlement`` settled, with their sums, and whether the
    sums are the settlement's stored figures (``adds_up``: if not, the ledger was changed
    behind the services' back, and no statement may be printed)."""
    lines = list(settlement.lines.select_related("sale__outlet").order_by("sale__day", "pk"))
    returns = list(
        settlement.returns.select_related("outlet", "sale_line").order_by("created_at", "pk")
    )
    for move in returns:
        move.day = timezone.localdate(move.created_at)
        move.maker_share = move.amount - move.commission
    sold = {
        "pieces": sum(line.quantity for line in lines),
        "gross": sum((line.line_total for line in lines), Decimal(0)),
        "commission": sum((line.commission for line in lines), Decimal(0)),
    }
    returned = {
        "pieces": sum(move.quantity for move in returns),
        "gross": sum((move.amount for move in returns), Decimal(0)),
        "commission": sum((move.commission for move in returns), Decimal(0)),
    }
    for part in (sold, returned):
        part["share"] = part["gross"] - part["commission"]
    totals = {
        "pieces_sold": sold["pieces"] - returned["pieces"],
        "gross": sold["gross"] - returned["gross"],
        "commission": sold["commission"] - returned["commission"],
        "amount_due": sold["share"] - returned["share"],
    }
    adds_up = totals == {name: getattr(settlement, name) for name in totals}
    return {
        "lines": lines,
        "returns": returns,
        "sold": sold,
        "returned": returned,
        "totals": totals,
        "adds_up": adds_up,
    }


def statement_pdf(settlement: Settlement) -> bytes:
    """The maker's statement for one settlement: every sale and return it settled, the
    totals (equal to the settlement's, or ValueError), what was paid and what is still
    owed."""
    settlement = Settlement.objects.select_related(
        "council", "business__owner", "business__village", "created_by"
    ).get(pk=settlement.pk)
    rows = statement_rows(settlement)
    if not rows["adds_up"]:
        raise ValueError(
            f"settlement {settlement.pk}: its lines give {rows['totals']}, not its stored figures"
        )
    earlier = earlier_balance(settlement)
    return render_pdf(
        "sales/statement.html",
        {
            "title": _("Consignment sales statement"),
            "settlement": settlement,
            "council": settlement.council,
            **rows,
            "earlier": earlier,
            "owed": settlement.balance + earlier,
            "printed_on": timezone.localdate(),
        },
    )


def statement_token(settlement: Settlement) -> str:
    """The signed part of a statement's public link; it opens for ``STATEMENT_LINK_DAYS``."""
    return signing.TimestampSigner(salt=_SALT).sign(str(settlement.pk))


def settlement_for_token(token: str) -> Settlement | None:
    """The settlement a statement link was signed for, or None when the link was altered,
    has expired, or its settlement is gone."""
    try:
        pk = signing.TimestampSigner(salt=_SALT).unsign(
            token, max_age=dt.timedelta(days=STATEMENT_LINK_DAYS)
        )
        # Unscoped on purpose: the signature, not a login, says which settlement it is.
        return Settlement.objects.filter(pk=int(pk)).first()
    except (signing.BadSignature, ValueError):
        return None
