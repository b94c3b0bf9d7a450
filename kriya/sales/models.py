"""Consignment (titip jual) at the council's gallery and outlets: what makers bring in, the
stock ledger every movement is written to, and the till's sales with their price snapshot.

Stock is never a number on a row: it is the sum of ``StockMove`` quantities (Oscar's
ledger), and it is written only by ``kriya.sales.services``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from kriya.catalog.models import Product
from kriya.regions.models import Council
from kriya.regions.scoping import RegionalModel, RegionalQuerySet
from kriya.registry.models import Business

MONEY = {"max_digits": 14, "decimal_places": 0}


class Outlet(RegionalModel):
    """The council's gallery or one of its outlets; each keeps its own stock."""

    admin_icon = "storefront"
    region_path = "council__code"

    class Kind(models.TextChoices):
        GALLERY = "gallery", _("gallery")
        AIRPORT = "airport", _("airport outlet")
        TOURIST_SPOT = "tourist_spot", _("tourist spot outlet")
        EXHIBITION_BOOTH = "exhibition_booth", _("exhibition booth")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="outlets",
                                verbose_name=_("council"))
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.GALLERY)
    is_active = models.BooleanField(_("active"), default=True)
    opens_on = models.DateField(_("opens on"), null=True, blank=True,
                                help_text=_("Only for a temporary outlet, such as a booth."))
    closes_on = models.DateField(_("closes on"), null=True, blank=True,
                                 help_text=_("Only for a temporary outlet, such as a booth."))

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["council__code", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True) | Q(closes_on__isnull=True)
                | Q(closes_on__gte=models.F("opens_on")),
                name="sales_outlet_dates_ordered"),
        ]

    def __str__(self) -> str:
        return self.name

    def is_open_on(self, day: dt.date) -> bool:
        """Whether the outlet may sell on ``day``: active, and inside its dates if it has any."""
        if not self.is_active:
            return False
        return ((self.opens_on is None or self.opens_on <= day)
                and (self.closes_on is None or day <= self.closes_on))


class ConsignmentIntake(RegionalModel):
    """One delivery of goods by a maker to an outlet, to be sold on consignment."""

    admin_icon = "move_to_inbox"
    region_path = "outlet__council__code"

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="intakes",
                               verbose_name=_("outlet"))
    business = models.ForeignKey(Business, on_delete=models.PROTECT,
                                 related_name="consignments", verbose_name=_("business"))
    received_on = models.DateField(_("received on"))
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("received by"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("consignment intake")
        verbose_name_plural = _("consignment intakes")
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.business} → {self.outlet} ({self.received_on:%d-%m-%Y})"


class ConsignedItem(RegionalModel):
    """A product taken in on consignment, with its agreed prices and commission; its stock
    per outlet is in the ledger."""

    region_path = "intake__outlet__council__code"

    intake = models.ForeignKey(ConsignmentIntake, on_delete=models.PROTECT,
                               related_name="items", verbose_name=_("intake"))
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="consigned",
                                verbose_name=_("product"))
    consignment_price = models.DecimalField(
        _("consignment price (Rp)"), **MONEY, validators=[MinValueValidator(0)],
        help_text=_("What the maker receives for each piece sold."))
    price = models.DecimalField(_("selling price (Rp)"), **MONEY,
                                validators=[MinValueValidator(0)])
    commission_rate = models.DecimalField(
        _("commission (%)"), max_digits=5, decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)])
    best_before = models.DateField(_("best before"), null=True, blank=True,
                                   help_text=_("Only for food."))
    # Printed on the tag and scanned at the till; set from the id right after creation.
    # NULL, not "", until then: a unique column holds many NULLs but only one "".
    code = models.CharField(_("tag code"), max_length=16, unique=True, null=True,  # noqa: DJ001
                            editable=False)

    class Meta:
        verbose_name = _("consigned item")
        verbose_name_plural = _("consigned items")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=0) & Q(consignment_price__gte=0),
                                   name="sales_item_prices_not_negative"),
            models.CheckConstraint(condition=Q(commission_rate__gte=0)
                                   & Q(commission_rate__lte=100),
                                   name="sales_item_commission_is_a_percentage"),
        ]

    def __str__(self) -> str:
        return f"{self.product.name} ({self.code})" if self.code else self.product.name

    @staticmethod
    def code_for(pk: int) -> str:
        return f"K-{pk:06d}"


class StockMoveQuerySet(RegionalQuerySet):
    def on_hand(self, *, item_ids: Iterable[int], outlet: Outlet | None = None) -> dict[int, int]:
        """Pieces on hand per item (at ``outlet``, or everywhere): one GROUP BY over the
        ledger. Every id asked for is in the answer, 0 when it has no moves."""
        ids = set(item_ids)
        moves = self.filter(item_id__in=ids)
        if outlet is not None:
            moves = moves.filter(outlet=outlet)
        sums = dict(moves.order_by().values("item_id").annotate(n=Sum("quantity"))
                    .values_list("item_id", "n"))
        return {pk: sums.get(pk) or 0 for pk in ids}


class Sale(RegionalModel):
    """One till sale. Its lines keep the price, commission and name of the moment of sale."""

    admin_icon = "point_of_sale"
    region_path = "outlet__council__code"

    class Payment(models.TextChoices):
        CASH = "cash", _("cash")
        QRIS = "qris", _("QRIS")
        TRANSFER = "transfer", _("bank transfer")
        CARD = "card", _("card")

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="sales",
                               verbose_name=_("outlet"))
    cashier = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="+", verbose_name=_("cashier"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    payment = models.CharField(_("payment"), max_length=10, choices=Payment)
    reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    # Sent by the till with the form: a double click or a retry stores the sale once.
    client_key = models.UUIDField(_("client key"), unique=True, default=uuid.uuid4,
                                  editable=False)
    total = models.DecimalField(_("total (Rp)"), **MONEY)
    paid = models.DecimalField(_("paid (Rp)"), **MONEY)
    change = models.DecimalField(_("change (Rp)"), **MONEY, default=0)

    class Meta:
        verbose_name = _("sale")
        verbose_name_plural = _("sales")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(total__gte=0) & Q(change__gte=0)
                                   & Q(paid__gte=models.F("total")),
                                   name="sales_sale_paid_in_full"),
        ]

    def __str__(self) -> str:
        return _("Sale #%(pk)s") % {"pk": self.pk}


class SaleLine(RegionalModel):
    """One item sold, with a snapshot of what it cost then (Oscar's line): later price
    changes never alter a past sale or its settlement."""

    region_path = "sale__outlet__council__code"

    sale = models.ForeignKey(Sale, on_delete=models.PROTECT, related_name="lines",
                             verbose_name=_("sale"))
    item = models.ForeignKey(ConsignedItem, on_delete=models.PROTECT, related_name="sale_lines",
                             verbose_name=_("item"))
    # Snapshot for receipts and settlement
    product_name = models.CharField(_("product"), max_length=150)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    unit_price = models.DecimalField(_("unit price (Rp)"), **MONEY)
    discount = models.DecimalField(_("discount (Rp)"), **MONEY, default=0)
    commission_rate = models.DecimalField(_("commission (%)"), max_digits=5, decimal_places=2)
    line_total = models.DecimalField(_("line total (Rp)"), **MONEY)

    class Meta:
        verbose_name = _("sale line")
        verbose_name_plural = _("sale lines")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="sales_line_quantity"),
            models.CheckConstraint(condition=Q(unit_price__gte=0) & Q(discount__gte=0)
                                   & Q(line_total__gte=0), name="sales_line_amounts"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.product_name}"


class StockMove(RegionalModel):
    """One movement of stock at one outlet: + in, − out. On-hand stock is their sum."""

    admin_icon = "swap_vert"
    region_path = "outlet__council__code"

    class Kind(models.TextChoices):
        INTAKE = "intake", _("intake")
        TRANSFER_OUT = "transfer_out", _("transfer out")
        TRANSFER_IN = "transfer_in", _("transfer in")
        SALE = "sale", _("sale")
        CUSTOMER_RETURN = "customer_return", _("return from customer")
        RETURN_TO_MAKER = "return_to_maker", _("return to maker")
        CORRECTION = "correction", _("stock-take correction")

    item = models.ForeignKey(ConsignedItem, on_delete=models.PROTECT, related_name="moves",
                             verbose_name=_("item"))
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="moves",
                               verbose_name=_("outlet"))
    quantity = models.IntegerField(_("quantity"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    sale = models.ForeignKey(Sale, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="moves", verbose_name=_("sale"))
    sale_line = models.ForeignKey(SaleLine, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="moves", verbose_name=_("sale line"))
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                           related_name="+", verbose_name=_("by"))

    objects = StockMoveQuerySet.as_manager()

    class Meta:
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["item", "outlet", "quantity"],
                                name="sales_move_on_hand")]
        constraints = [
            models.CheckConstraint(condition=~Q(quantity=0), name="sales_move_not_zero"),
            models.CheckConstraint(
                condition=~Q(kind="correction") | ~Q(reason=""),
                name="sales_move_correction_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.quantity:+d} · {self.item}"
