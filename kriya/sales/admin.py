"""The back office of the gallery: outlets, consignment intakes and the read-only record of
sales and stock movements. Stock and sales are written only by ``kriya.sales.services``, so
intakes, sales and movements cannot be added or changed here."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from unfold.decorators import display

from kriya.lib.money import format_rupiah
from kriya.regions.admin_scoping import RegionalAdmin, RegionalTabularInline
from kriya.sales.models import ConsignedItem, ConsignmentIntake, Outlet, Sale, SaleLine, StockMove


class ReadOnlyMixin:
    """The ledger is written through the services only (STYLE.md §2)."""

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
    fields = ["code", "product", "consignment_price", "price", "commission_rate",
              "best_before"]
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


class LineInline(ReadOnlyMixin, RegionalTabularInline):
    model = SaleLine
    fields = ["item", "product_name", "quantity", "unit_price", "discount", "commission_rate",
              "line_total"]
    readonly_fields = fields
    extra = 0

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

    @display(description=_("total"), ordering="total")
    def total_label(self, sale: Sale) -> str:
        return format_rupiah(sale.total)


@admin.register(StockMove)
class StockMoveAdmin(ReadOnlyMixin, RegionalAdmin):
    list_display = ["created_at", "kind", "item", "outlet", "quantity", "reason", "by"]
    list_filter = ["kind", "outlet"]
    list_select_related = ["item__product", "outlet", "by"]
    search_fields = ["item__code", "item__product__name", "reason"]
    date_hierarchy = "created_at"
