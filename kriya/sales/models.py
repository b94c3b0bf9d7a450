"""Consignment (titip jual) at the council's gallery and outlets: what makers bring in, the
stock ledger every movement is written to, and the till's sales with their price snapshot.

Stock is never a number on a row: it is the sum of ``StockMove`` quantities (Oscar's
ledger), and it is written only by ``kriya.sales.services``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
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

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="outlets", verbose_name=_("council")
    )
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.GALLERY)
    is_active = models.BooleanField(_("active"), default=True)
    commission_rate = models.DecimalField(
        _("commission (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(20),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The outlet's usual commission; an intake may agree another."),
    )
    opens_on = models.DateField(
        _("opens on"),
        null=True,
        blank=True,
        help_text=_("Only for a temporary outlet, such as a booth."),
    )
    closes_on = models.DateField(
        _("closes on"),
        null=True,
        blank=True,
        help_text=_("Only for a temporary outlet, such as a booth."),
    )

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["council__code", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True)
                | Q(closes_on__isnull=True)
                | Q(closes_on__gte=models.F("opens_on")),
                name="sales_outlet_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_open_on(self, day: dt.date) -> bool:
        """Whether the outlet may sell on ``day``: active, and inside its dates if it has any."""
        if not self.is_active:
            return False
        return (self.opens_on is None or self.opens_on <= day) and (
            self.closes_on is None or day <= self.closes_on
        )


class ConsignmentIntake(RegionalModel):
    """One delivery of goods by a maker to an outlet, to be sold on consignment."""

    admin_icon = "move_to_inbox"
    region_path = "outlet__council__code"

    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="intakes", verbose_name=_("outlet")
    )
    business = models.ForeignKey(
        Business, on_delete=models.PROTECT, related_name="consignments", verbose_name=_("business")
    )
    received_on = models.DateField(_("received on"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("received by"),
    )
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

    intake = models.ForeignKey(
        ConsignmentIntake, on_delete=models.PROTECT, related_name="items", verbose_name=_("intake")
    )
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="consigned", verbose_name=_("product")
    )
    consignment_price = models.DecimalField(
        _("consignment price (Rp)"),
        **MONEY,
        validators=[MinValueValidator(0)],
        help_text=_("What the maker receives for each piece sold."),
    )
    price = models.DecimalField(_("selling price (Rp)"), **MONEY, validators=[MinValueValidator(0)])
    commission_rate = models.DecimalField(
        _("commission (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    best_before = models.DateField(
        _("best before"), null=True, blank=True, help_text=_("Only for food.")
    )
    # A one-of-a-kind piece gets an item (and a tag) of its own.
    is_unique = models.BooleanField(_("one of a kind"), default=False)
    # Printed on the tag and scanned at the till; set from the id right after creation.
    # NULL, not "", until then: a unique column holds many NULLs but only one "".
    code = models.CharField(  # noqa: DJ001
        _("tag code"),
        max_length=16,
        unique=True,
        null=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("consigned item")
        verbose_name_plural = _("consigned items")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(price__gte=0) & Q(consignment_price__gte=0),
                name="sales_item_prices_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(commission_rate__gte=0) & Q(commission_rate__lte=100),
                name="sales_item_commission_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product.name} ({self.code})" if self.code else self.product.name

    @staticmethod
    def code_for(pk: int) -> str:
        return f"K-{pk:06d}"


class StockMoveQuerySet(RegionalQuerySet["StockMove"]):
    def on_hand(self, *, item_ids: Iterable[int], outlet: Outlet | None = None) -> dict[int, int]:
        """Pieces on hand per item (at ``outlet``, or everywhere): one GROUP BY over the
        ledger. Every id asked for is in the answer, 0 when it has no moves."""
        ids = set(item_ids)
        moves = self.filter(item_id__in=ids)
        if outlet is not None:
            moves = moves.filter(outlet=outlet)
        sums = dict(
            moves.order_by()
            .values("item_id")
            .annotate(n=Sum("quantity"))
            .values_list("item_id", "n")
        )
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

    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="sales", verbose_name=_("outlet")
    )
    cashier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cashier"),
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # The business day the sale belongs to: closed with the till's day close.
    day = models.DateField(_("day"), default=timezone.localdate)
    payment = models.CharField(_("payment"), max_length=10, choices=Payment)
    reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    # Sent by the till with the form: a double click or a retry stores the sale once.
    client_key = models.UUIDField(_("client key"), unique=True, default=uuid.uuid4, editable=False)
    total = models.DecimalField(_("total (Rp)"), **MONEY)
    paid = models.DecimalField(_("paid (Rp)"), **MONEY)
    change = models.DecimalField(_("change (Rp)"), **MONEY, default=0)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voided by"),
    )
    void_reason = models.CharField(_("reason for the void"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("sale")
        verbose_name_plural = _("sales")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(total__gte=0) & Q(change__gte=0) & Q(paid__gte=models.F("total")),
                name="sales_sale_paid_in_full",
            ),
            models.CheckConstraint(
                condition=Q(voided_at__isnull=True) | ~Q(void_reason=""),
                name="sales_sale_void_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["outlet", "day"], name="sales_sale_outlet_day")]

    def __str__(self) -> str:
        return _("Sale #%(pk)s") % {"pk": self.pk}

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None


class SaleLine(RegionalModel):
    """One item sold, with a snapshot of what it cost then (Oscar's line): later price
    changes never alter a past sale or its settlement."""

    region_path = "sale__outlet__council__code"

    sale = models.ForeignKey(
        Sale, on_delete=models.PROTECT, related_name="lines", verbose_name=_("sale")
    )
    item = models.ForeignKey(
        ConsignedItem, on_delete=models.PROTECT, related_name="sale_lines", verbose_name=_("item")
    )
    # Snapshot for receipts and settlement
    product_name = models.CharField(_("product"), max_length=150)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    unit_price = models.DecimalField(_("unit price (Rp)"), **MONEY)
    discount = models.DecimalField(_("discount (Rp)"), **MONEY, default=0)
    commission_rate = models.DecimalField(_("commission (%)"), max_digits=5, decimal_places=2)
    line_total = models.DecimalField(_("line total (Rp)"), **MONEY)
    # The council's part of line_total, rounded once at the sale; the maker's share is the rest.
    commission = models.DecimalField(_("commission (Rp)"), **MONEY, default=0)
    # Set once, when the line is settled with its maker: never settled twice.
    settlement = models.ForeignKey(
        "Settlement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lines",
        verbose_name=_("settlement"),
    )

    class Meta:
        verbose_name = _("sale line")
        verbose_name_plural = _("sale lines")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="sales_line_quantity"),
            models.CheckConstraint(
                condition=Q(unit_price__gte=0) & Q(discount__gte=0) & Q(line_total__gte=0),
                name="sales_line_amounts",
            ),
            models.CheckConstraint(
                condition=Q(commission__gte=0) & Q(commission__lte=models.F("line_total")),
                name="sales_line_commission_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.product_name}"

    @property
    def maker_share(self) -> Decimal:
        return self.line_total - self.commission


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
        VOID = "void", _("voided sale")

    item = models.ForeignKey(
        ConsignedItem, on_delete=models.PROTECT, related_name="moves", verbose_name=_("item")
    )
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="moves", verbose_name=_("outlet")
    )
    quantity = models.IntegerField(_("quantity"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    sale = models.ForeignKey(
        Sale,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moves",
        verbose_name=_("sale"),
    )
    sale_line = models.ForeignKey(
        SaleLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moves",
        verbose_name=_("sale line"),
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    # A customer return gives back part of its line's total and commission (rounded so
    # that returning every piece gives back exactly the line); settled like a sale, once.
    amount = models.DecimalField(_("refund (Rp)"), **MONEY, default=0)
    commission = models.DecimalField(_("commission refunded (Rp)"), **MONEY, default=0)
    settlement = models.ForeignKey(
        "Settlement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="returns",
        verbose_name=_("settlement"),
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )

    objects = StockMoveQuerySet.as_manager()

    class Meta:
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["item", "outlet", "quantity"], name="sales_move_on_hand")]
        constraints = [
            models.CheckConstraint(condition=~Q(quantity=0), name="sales_move_not_zero"),
            models.CheckConstraint(
                condition=~Q(kind__in=["correction", "void", "customer_return", "return_to_maker"])
                | ~Q(reason=""),
                name="sales_move_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0)
                & Q(commission__gte=0)
                & Q(commission__lte=models.F("amount")),
                name="sales_move_refund_amounts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.quantity:+d} · {self.item}"


class DayClose(RegionalModel):
    """The end of a business day at one outlet's till: what each payment method took, the
    cash expected and counted, and the difference. No sale is recorded on a closed day."""

    admin_icon = "lock_clock"
    region_path = "outlet__council__code"

    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="day_closes", verbose_name=_("outlet")
    )
    day = models.DateField(_("day"))
    sales_count = models.PositiveIntegerField(_("sales"), default=0)
    # {"cash": "450000", "qris": "125000", ...}: rupiah as strings, never floats
    totals = models.JSONField(_("totals per payment method"), default=dict)
    cash_expected = models.DecimalField(_("cash expected (Rp)"), **MONEY)
    cash_counted = models.DecimalField(
        _("cash counted (Rp)"), **MONEY, validators=[MinValueValidator(0)]
    )
    note = models.CharField(_("note on the difference"), max_length=255, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("closed by"),
    )
    closed_at = models.DateTimeField(_("closed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("day close")
        verbose_name_plural = _("day closes")
        ordering = ["-day", "outlet__name"]
        constraints = [
            models.UniqueConstraint(fields=["outlet", "day"], name="sales_dayclose_once"),
            models.CheckConstraint(
                condition=Q(cash_counted__gte=0), name="sales_dayclose_counted_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outlet} {self.day:%d-%m-%Y}"

    @property
    def difference(self) -> Decimal:
        return self.cash_counted - self.cash_expected


class Settlement(RegionalModel):
    """What the council owes one maker for a period, worked out from the ledger: the sale
    lines and customer returns it settles point to it, so none is settled twice."""

    admin_icon = "account_balance_wallet"
    region_path = "council__code"

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="settlements", verbose_name=_("council")
    )
    business = models.ForeignKey(
        Business, on_delete=models.PROTECT, related_name="settlements", verbose_name=_("business")
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    pieces_sold = models.IntegerField(_("pieces sold"), default=0)
    gross = models.DecimalField(_("sales (Rp)"), **MONEY, default=0)
    commission = models.DecimalField(_("commission (Rp)"), **MONEY, default=0)
    amount_due = models.DecimalField(_("amount due (Rp)"), **MONEY, default=0)
    paid_amount = models.DecimalField(_("paid (Rp)"), **MONEY, default=0)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("paid by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("settled by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        ordering = ["-period_end", "business__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="sales_settlement_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(amount_due=models.F("gross") - models.F("commission")),
                name="sales_settlement_due_is_gross_less_commission",
            ),
            models.CheckConstraint(
                condition=Q(paid_amount__gte=0), name="sales_settlement_paid_not_negative"
            ),
            models.UniqueConstraint(
                fields=["council", "business", "period_end"],
                name="sales_settlement_once_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.business} {self.period_start:%d-%m-%Y}–{self.period_end:%d-%m-%Y}"

    @property
    def balance(self) -> Decimal:
        return self.amount_due - self.paid_amount

    @property
    def is_paid(self) -> bool:
        return self.paid_amount >= self.amount_due


class Consignor(RegionalModel):
    """A business the council's gallery takes goods from. Only an active consignor's goods
    are taken in; the standing changes by an application's decision or a periodic review."""

    admin_icon = "handshake"
    region_path = "council__code"

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="consignors", verbose_name=_("council")
    )
    business = models.ForeignKey(
        Business, on_delete=models.PROTECT, related_name="consignor_of", verbose_name=_("business")
    )
    is_active = models.BooleanField(_("may consign"), default=True)
    since = models.DateField(_("since"), default=timezone.localdate)
    next_review_on = models.DateField(_("next review"), null=True, blank=True)

    class Meta:
        verbose_name = _("consignor")
        verbose_name_plural = _("consignors")
        ordering = ["business__name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "business"], name="sales_consignor_once")
        ]

    def __str__(self) -> str:
        return str(self.business)


class ConsignorApplication(RegionalModel):
    """A business asking to sell through the gallery, checked against its criteria."""

    admin_icon = "assignment_ind"
    region_path = "council__code"

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a decision")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    council = models.ForeignKey(
        Council,
        on_delete=models.PROTECT,
        related_name="consignor_applications",
        verbose_name=_("council"),
    )
    business = models.ForeignKey(
        Business,
        on_delete=models.PROTECT,
        related_name="consignor_applications",
        verbose_name=_("business"),
    )
    submitted_on = models.DateField(_("submitted on"), default=timezone.localdate)
    has_ktp = models.BooleanField(_("KTP shown"), default=False)
    domiciled = models.BooleanField(_("lives in the region"), default=False)
    own_production = models.BooleanField(_("makes the goods themselves"), default=False)
    is_food = models.BooleanField(_("sells food"), default=False)
    pirt_number = models.CharField(_("P-IRT number"), max_length=30, blank=True)
    halal_number = models.CharField(_("halal certificate number"), max_length=50, blank=True)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    reason = models.CharField(_("reason for the decision"), max_length=255, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("consignor application")
        verbose_name_plural = _("consignor applications")
        ordering = ["-submitted_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="pending") | ~Q(reason=""),
                name="sales_application_decision_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.business} ({self.get_status_display()})"

    def unmet_criteria(self) -> list[str]:
        """The gallery's criteria this application does not meet, in words."""
        unmet = []
        if not self.has_ktp:
            unmet.append(str(_("no KTP shown")))
        if not self.domiciled:
            unmet.append(str(_("does not live in the region")))
        if not self.own_production:
            unmet.append(str(_("does not make the goods")))
        if self.is_food and not (self.pirt_number and self.halal_number):
            unmet.append(str(_("food without both a P-IRT number and a halal certificate")))
        return unmet


class ConsignorReview(RegionalModel):
    """A periodic review of a consignor (every four months): keep, rotate out or invite in,
    by sales and quality, with the reason."""

    admin_icon = "rate_review"
    region_path = "council__code"

    class Decision(models.TextChoices):
        KEEP = "keep", _("keep")
        ROTATE_OUT = "rotate_out", _("rotate out")
        INVITE = "invite", _("invite in")

    council = models.ForeignKey(
        Council,
        on_delete=models.PROTECT,
        related_name="consignor_reviews",
        verbose_name=_("council"),
    )
    business = models.ForeignKey(
        Business,
        on_delete=models.PROTECT,
        related_name="consignor_reviews",
        verbose_name=_("business"),
    )
    reviewed_on = models.DateField(_("reviewed on"), default=timezone.localdate)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    pieces_sold = models.IntegerField(_("pieces sold"), default=0)
    gross = models.DecimalField(_("sales (Rp)"), **MONEY, default=0)
    quality = models.PositiveSmallIntegerField(
        _("quality (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    decision = models.CharField(_("decision"), max_length=12, choices=Decision)
    reason = models.CharField(_("reason"), max_length=255)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )

    class Meta:
        verbose_name = _("consignor review")
        verbose_name_plural = _("consignor reviews")
        ordering = ["-reviewed_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="sales_review_has_reason"),
            models.CheckConstraint(
                condition=Q(quality__gte=1) & Q(quality__lte=5), name="sales_review_quality_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.business}: {self.get_decision_display()}"
