"""The back office of the gallery: outlets, consignment intakes, consignors and their
applications, and the read-only record of sales, stock movements, day closes, reviews and
settlements. Stock, sales and decisions are written only by ``kriya.sales.services`` and
``kriya.sales.consignors``, so those rows cannot be added or changed here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from unfold.decorators import action, display

from kriya.accounts import roles
from kriya.lib import backoffice
from kriya.lib.money import format_rupiah
from kriya.regions.admin_scoping import RegionalAdmin, RegionalTabularInline
from kriya.sales import consignors, urls
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


def _rp(value: Decimal | int | None) -> str:
    return format_rupiah(value, nowrap=True)  # narrow columns


class ReadOnlyMixin:
    """The ledger is written through the services only (docs/architecture.md, "Where logic goes")."""

    def has_add_permission(self, request: HttpRequest, *args) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Outlet)
class OutletAdmin(RegionalAdmin):
    list_display = ["name", "kind", "council", "is_active", "opens_on", "closes_on"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["council"]
    search_fields = ["name"]


class ItemInline(ReadOnlyMixin, RegionalTabularInline):
    model = ConsignedItem
    fields = ["code", "product", "consignment_price", "price", "commission_rate", "best_before"]
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).select_related("product")  # one query, not one a row


@admin.register(ConsignmentIntake)
class ConsignmentIntakeAdmin(ReadOnlyMixin, RegionalAdmin):
    list_display = ["received_on", "business", "outlet", "received_by"]
    list_filter = ["outlet"]
    list_select_related = ["business", "outlet", "received_by"]
    search_fields = ["business__name", "items__code"]
    date_hierarchy = "received_on"
    inlines = [ItemInline]
    actions_detail = ["print_receipt", "print_tags"]

    @action(
        description=_("Receipt to sign (PDF)"),
        url_path="tanda-terima",
        permissions=["view"],
        icon="receipt_long",
    )
    def print_receipt(self, request: HttpRequest, object_id: int) -> HttpResponse:
        return redirect("admin:sales-intake-receipt", intake_id=object_id)

    @action(
        description=_("Price tags, one per piece (PDF)"),
        url_path="label",
        permissions=["view"],
        icon="qr_code_2",
    )
    def print_tags(self, request: HttpRequest, object_id: int) -> HttpResponse:
        return redirect("admin:sales-intake-tags", intake_id=object_id)


class LineInline(ReadOnlyMixin, RegionalTabularInline):
    model = SaleLine
    fields = [
        "item",
        "product_name",
        "quantity",
        "unit_price_label",
        "discount_label",
        "commission_rate_label",
        "line_total_label",
    ]
    readonly_fields = fields
    extra = 0

    @display(description=_("unit price"))
    def unit_price_label(self, line: SaleLine) -> str:
        return _rp(line.unit_price)

    @display(description=_("discount"))
    def discount_label(self, line: SaleLine) -> str:
        return _rp(line.discount)

    @display(description=_("commission"))
    def commission_rate_label(self, line: SaleLine) -> str:
        return f"{number_format(line.commission_rate.normalize(), use_l10n=True)}%"

    @display(description=_("line total"))
    def line_total_label(self, line: SaleLine) -> str:
        return _rp(line.line_total)

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).select_related("item__product")


@admin.register(Sale)
class SaleAdmin(ReadOnlyMixin, RegionalAdmin):
    list_display = ["__str__", "created_at", "outlet", "cashier", "payment", "total_label"]
    list_filter = ["outlet", "payment"]
    list_select_related = ["outlet", "cashier"]
    search_fields = ["reference", "lines__product_name"]
    date_hierarchy = "created_at"
    inlines = [LineInline]
    phone_list_display = ["__str__", "outlet", "total_label"]
    fields = [
        "outlet",
        "cashier",
        "created_at",
        "day",
        "payment",
        "reference",
        "total_label",
        "paid_label",
        "change_label",
        "voided_at",
        "voided_by",
        "void_reason",
    ]

    @display(description=_("total"), ordering="total")
    def total_label(self, sale: Sale) -> str:
        return _rp(sale.total)

    @display(description=_("paid"))
    def paid_label(self, sale: Sale) -> str:
        return _rp(sale.paid)

    @display(description=_("change given"))
    def change_label(self, sale: Sale) -> str:
        return _rp(sale.change)


@admin.register(StockMove)
class StockMoveAdmin(ReadOnlyMixin, RegionalAdmin):
    list_display = ["created_at", "kind", "item", "outlet", "quantity", "reason", "by"]
    list_filter = ["kind", "outlet"]
    list_select_related = ["item__product", "outlet", "by"]
    search_fields = ["item__code", "item__product__name", "reason"]
    date_hierarchy = "created_at"


# Consignors: who may consign, their applications and reviews ------------------------------
class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "tinjauan"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("jatuh-tempo", _("due"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "jatuh-tempo":
            return queryset.filter(is_active=True, next_review_on__lte=timezone.localdate())
        return queryset


@admin.register(Consignor)
class ConsignorAdmin(ReadOnlyMixin, RegionalAdmin):
    """Standing changes only by an application's decision or a review (kriya.sales.consignors)."""

    list_display = ["business", "standing", "since", "next_review", "council"]
    list_filter = ["is_active", ReviewDueFilter]
    list_select_related = ["business", "council"]
    search_fields = ["business__name"]

    @display(
        description=_("standing"),
        ordering="is_active",
        label={"active": "success", "former": "danger"},
    )
    def standing(self, consignor: Consignor) -> tuple[str, str]:
        return ("active", _("consigns")) if consignor.is_active else ("former", _("rotated out"))

    @display(
        description=_("next review"),
        ordering="next_review_on",
        label={"due": "warning", "later": "info"},
    )
    def next_review(self, consignor: Consignor) -> tuple[str, str] | str:
        day = consignor.next_review_on
        if day is None or not consignor.is_active:
            return ""
        return ("due" if day <= timezone.localdate() else "later", f"{day:%d-%m-%Y}")


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = ConsignorApplication
        fields = [
            "council",
            "business",
            "submitted_on",
            "has_ktp",
            "domiciled",
            "own_production",
            "is_food",
            "pirt_number",
            "halal_number",
            "note",
        ]

    def clean(self) -> dict:
        data = super().clean()
        if self.instance.pk is None and data.get("council") and data.get("business"):
            try:  # the service's own check, so a refusal is a form error, not a failed save
                consignors.check_application(council=data["council"], business=data["business"])
            except ValidationError as error:
                self.add_error(None, error)
        return data


@admin.register(ConsignorApplication)
class ConsignorApplicationAdmin(RegionalAdmin):
    """Applications are added and corrected here while they wait; the decision is taken on
    its own page (``admin:sales-application-decision``), through the service."""

    form = ApplicationForm
    list_display = ["business", "submitted_on", "status_label", "criteria", "decision"]
    list_filter = ["status", "is_food"]
    list_select_related = ["business", "council", "decided_by"]
    search_fields = ["business__name", "pirt_number", "halal_number"]
    autocomplete_fields = ["business"]
    actions_detail = ["decide"]
    fieldsets = [
        (None, {"fields": ["council", "business", "submitted_on", "note"]}),
        (
            _("The gallery's criteria"),
            {
                "fields": [
                    "has_ktp",
                    "domiciled",
                    "own_production",
                    "is_food",
                    "pirt_number",
                    "halal_number",
                ]
            },
        ),
        (_("Decision"), {"fields": ["status", "reason", "decided_by", "decided_on"]}),
    ]
    decision_fields = ["status", "reason", "decided_by", "decided_on"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is not None and obj.status != ConsignorApplication.Status.PENDING:
            return [f for _title, options in self.fieldsets for f in options["fields"]]
        return self.decision_fields

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a decision and its reason stay on record

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {"council": request.council, **super().get_changeform_initial_data(request)}

    def save_model(
        self, request: HttpRequest, obj: ConsignorApplication, form: forms.Form, change: bool
    ) -> None:
        if change:  # criteria corrected while it waits; never the decision
            if form.changed_data:
                obj.save(update_fields=form.changed_data)
            return
        saved = consignors.submit_application(
            council=obj.council,
            business=obj.business,
            has_ktp=obj.has_ktp,
            domiciled=obj.domiciled,
            own_production=obj.own_production,
            is_food=obj.is_food,
            pirt_number=obj.pirt_number,
            halal_number=obj.halal_number,
            note=obj.note,
            submitted_on=obj.submitted_on,
        )
        obj.pk = saved.pk  # the admin's message and redirect follow the saved row

    @action(description=_("Decide"), url_path="keputusan", permissions=["change"], icon="gavel")
    def decide(self, request: HttpRequest, object_id: int) -> HttpResponse:
        return redirect("admin:sales-application-decision", application_id=object_id)

    @display(
        description=_("status"),
        ordering="status",
        label={"pending": "warning", "accepted": "success", "rejected": "danger"},
    )
    def status_label(self, application: ConsignorApplication) -> tuple[str, str]:
        return application.status, application.get_status_display()

    @display(description=_("criteria"))
    def criteria(self, application: ConsignorApplication) -> str:
        unmet = application.unmet_criteria()
        return "; ".join(unmet) if unmet else _("all met")

    @display(description=_("decision"))
    def decision(self, application: ConsignorApplication) -> str:
        if application.status == ConsignorApplication.Status.PENDING:
            return format_html(
                '<a class="text-primary-600 underline" href="{}">{}</a>',
                reverse("admin:sales-application-decision", args=[application.pk]),
                _("decide"),
            )
        decided = application.decided_on
        return f"{decided:%d-%m-%Y} · {application.decided_by} · {application.reason}"


@admin.register(ConsignorReview)
class ConsignorReviewAdmin(ReadOnlyMixin, RegionalAdmin):
    """Written by the review page (``admin:sales-consignor-review``) only."""

    list_display = [
        "business",
        "reviewed_on",
        "period",
        "pieces_sold",
        "gross_label",
        "quality",
        "decision",
        "reason",
        "by",
    ]
    list_filter = ["decision", "quality"]
    list_select_related = ["business", "by"]
    search_fields = ["business__name", "reason"]
    date_hierarchy = "reviewed_on"

    @display(description=_("period"))
    def period(self, review: ConsignorReview) -> str:
        return f"{date_format(review.period_start)} – {date_format(review.period_end)}"

    @display(description=_("sales"), ordering="gross")
    def gross_label(self, review: ConsignorReview) -> str:
        return _rp(review.gross)


# Till closes and settlements (written by their own pages) ----------------------------------
@admin.register(DayClose)
class DayCloseAdmin(ReadOnlyMixin, RegionalAdmin):
    list_display = [
        "day",
        "outlet",
        "sales_count",
        "expected",
        "counted",
        "difference_label",
        "note",
        "closed_by",
    ]
    list_filter = ["outlet"]
    list_select_related = ["outlet", "closed_by"]
    date_hierarchy = "day"
    phone_list_display = ["day", "outlet", "difference_label"]
    fields = [
        "outlet",
        "day",
        "sales_count",
        "totals_table",
        "expected",
        "counted",
        "difference_text",
        "note",
        "closed_by",
        "closed_at",
    ]

    @display(description=_("totals per payment method"))
    def totals_table(self, close: DayClose) -> str:
        """The day's takings per payment method as a small table, not the stored JSON."""
        methods = dict(Sale.Payment.choices)
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td></tr>',
            ((methods.get(key, key), _rp(amount)) for key, amount in close.totals.items()),
        )
        return format_html(
            '<table class="kriya-amounts"><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("payment method"),
            _("amount"),
            rows or format_html('<tr><td colspan="2">{}</td></tr>', _("No sales")),
        )

    @display(description=_("difference"))
    def difference_text(self, close: DayClose) -> str:
        return _rp(close.difference)

    @display(description=_("cash expected"), ordering="cash_expected")
    def expected(self, close: DayClose) -> str:
        return _rp(close.cash_expected)

    @display(description=_("cash counted"), ordering="cash_counted")
    def counted(self, close: DayClose) -> str:
        return _rp(close.cash_counted)

    @display(description=_("difference"), label={"short": "danger", "over": "warning"})
    def difference_label(self, close: DayClose) -> tuple[str, str] | str:
        difference = close.difference
        if not difference:
            return _rp(difference)
        return ("short" if difference < 0 else "over", _rp(difference))


class PaidFilter(admin.SimpleListFilter):
    title = _("payment")
    parameter_name = "lunas"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("ya", _("paid")), ("belum", _("not paid in full"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "ya":
            return queryset.filter(paid_amount__gte=F("amount_due"))
        if self.value() == "belum":
            return queryset.filter(paid_amount__lt=F("amount_due"))
        return queryset


@admin.register(Settlement)
class SettlementAdmin(ReadOnlyMixin, RegionalAdmin):
    list_display = [
        "business",
        "period",
        "gross_label",
        "commission_label",
        "due_label",
        "paid_label",
        "balance_label",
        "paid_on",
    ]
    list_filter = [PaidFilter]
    list_select_related = ["business"]
    search_fields = ["business__name", "reference"]
    date_hierarchy = "period_end"
    phone_list_display = ["business", "period", "balance_label"]
    fields = [
        "council",
        "business",
        "period",
        "pieces_sold",
        "gross_label",
        "commission_label",
        "due_label",
        "paid_label",
        "balance_label",
        "paid_on",
        "reference",
        "paid_by",
        "created_by",
        "created_at",
    ]

    @display(description=_("period"), ordering="period_end")
    def period(self, settlement: Settlement) -> str:
        return f"{date_format(settlement.period_start)} – {date_format(settlement.period_end)}"

    @display(description=_("sales"), ordering="gross")
    def gross_label(self, settlement: Settlement) -> str:
        return _rp(settlement.gross)

    @display(description=_("commission"), ordering="commission")
    def commission_label(self, settlement: Settlement) -> str:
        return _rp(settlement.commission)

    @display(description=_("amount due"), ordering="amount_due")
    def due_label(self, settlement: Settlement) -> str:
        return _rp(settlement.amount_due)

    @display(description=_("paid"), ordering="paid_amount")
    def paid_label(self, settlement: Settlement) -> str:
        return _rp(settlement.paid_amount)

    @display(description=_("balance"))
    def balance_label(self, settlement: Settlement) -> str:
        return _rp(settlement.balance)


# The gallery's back-office pages that are not a model's list, first in its sidebar group.
backoffice.register(
    "sales",
    urls=urls.backoffice,
    sidebar=[
        backoffice.Page(_("The till"), "till:home", "point_of_sale", roles.TILL),
        backoffice.Page(
            _("Take in consigned goods"), "admin:sales-intake-new", "move_to_inbox", roles.TILL
        ),
        backoffice.Page(_("Stock per outlet"), "admin:sales-stock", "inventory_2"),
        backoffice.Page(
            _("Settlements with the makers"),
            "admin:sales-settlements",
            "account_balance_wallet",
            roles.GALLERY,
        ),
        backoffice.Page(_("Sales report"), "admin:sales-reports", "bar_chart"),
        backoffice.Page(
            _("Goods near their best-before date"), "admin:sales-best-before", "event_busy"
        ),
        backoffice.Page(_("Consignor review"), "admin:sales-consignor-review", "rate_review"),
    ],
)
