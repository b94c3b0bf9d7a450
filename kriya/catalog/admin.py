"""The secretariat's side of the catalog: every product of the council's businesses, the
queue waiting for approval, photos, and QR labels to print."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from unfold.decorators import action, display

from kriya.catalog import services
from kriya.catalog.forms import LabelsForm, ProductAdminForm, SendBackForm
from kriya.catalog.models import Product, ProductPhoto, ProductStatusChange
from kriya.lib.money import format_rupiah
from kriya.regions.admin_scoping import RegionalAdmin, RegionalTabularInline, StatusLogInline


class PhotoInline(RegionalTabularInline):
    """The photos, to describe, reorder or delete; new ones come through the form's "add a
    photo" field, so every photo passes the same checks and gets its thumbnails."""

    model = ProductPhoto
    fields = ["preview", "alt", "order"]
    readonly_fields = ["preview"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    @display(description=_("photo"))
    def preview(self, photo: ProductPhoto) -> str:
        if not photo.small:
            return ""
        return format_html('<img src="{}" alt="" width="80" loading="lazy">', photo.small.url)


class ChangeInline(StatusLogInline):
    model = ProductStatusChange


@admin.register(Product)
class ProductAdmin(RegionalAdmin):
    form = ProductAdminForm
    list_display = [
        "thumbnail",
        "name",
        "business",
        "category",
        "price_label",
        "status",
        "featured",
    ]
    list_display_links = ["name"]
    phone_list_display = ["thumbnail", "name", "business", "status"]
    list_filter = ["status", "featured", "availability", "local_material"]
    list_select_related = ["business", "category__parent"]
    search_fields = ["name", "business__name"]
    autocomplete_fields = ["business"]
    readonly_fields = ["status", "approved_by", "approved_at", "created_at", "updated_at"]
    inlines = [PhotoInline, ChangeInline]
    actions = ["publish", "send_back", "archive", "print_labels"]
    list_per_page = 50
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "business",
                    "category",
                    "name",
                    "description",
                    "story",
                    "price",
                    "price_max",
                    "availability",
                    "lead_time_days",
                    "featured",
                    "new_photo",
                ]
            },
        ),
        (
            _("Material and making"),
            {
                "fields": [
                    "materials",
                    "local_material",
                    "material_origin",
                    "technique",
                    "length_cm",
                    "width_cm",
                    "height_cm",
                    "weight_g",
                ]
            },
        ),
        (_("English"), {"fields": ["name_en", "description_en", "story_en"]}),
        (
            _("Approval"),
            {"fields": ["status", "approved_by", "approved_at", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request: HttpRequest):
        # The list's thumbnails: every row's photos in one query, not one query per row.
        photos = Prefetch("photos", queryset=ProductPhoto.objects.order_by("order", "id"))
        return super().get_queryset(request).prefetch_related(photos)

    def get_list_display(self, request: HttpRequest):
        columns = list(super().get_list_display(request))
        if self.has_change_permission(request):
            columns.append("review")  # approve / send back, for those who may
        return columns

    @display(description=_("photo"))
    def thumbnail(self, product: Product) -> str:
        photo = next(iter(product.photos.all()), None)
        if photo is None or not (photo.small or photo.thumb):
            return format_html('<span class="kriya-no-photo">{}</span>', _("no photo"))
        return format_html(
            '<img class="kriya-thumb" src="{}" alt="" width="48" height="48" loading="lazy">',
            (photo.small or photo.thumb).url,
        )

    @display(description=_("approval"))
    def review(self, product: Product) -> str:
        """Per waiting row: approve at once (posted with the list's own form and its CSRF
        token), or send back through a page that asks for the reason."""
        if product.status != Product.Status.SUBMITTED:
            return ""
        return format_html(
            '<span class="kriya-review">'
            '<button type="submit" class="kriya-approve" formmethod="post" formaction="{}">{}</button>'
            '<a class="kriya-send-back" href="{}">{}</a></span>',
            reverse("admin:catalog-product-approve", args=[product.pk]),
            _("Approve"),
            reverse("admin:catalog-product-send-back", args=[product.pk]),
            _("Send back"),
        )

    @display(description=_("price"), ordering="price")
    def price_label(self, product: Product) -> str:
        low, high = (format_rupiah(p, nowrap=True) for p in (product.price, product.price_max))
        return f"{low} – {high}" if product.is_range else low

    def save_model(self, request, obj, form, change):
        # Through the service, so the search words follow every change.
        names = form.changed_data if change else form.cleaned_data
        values = {
            name: form.cleaned_data[name]
            for name in names
            if name in services.PRODUCT_FIELDS or name == "business"
        }
        services.save_product(product=obj, by=request.user, **values)
        if form.cleaned_data.get("new_photo"):
            services.add_photo(product=obj, upload=form.cleaned_data["new_photo"])

    def _move(self, request, queryset, status: str, done: str) -> None:
        moved, refused = 0, []
        for product in queryset.select_related("business"):
            try:
                services.move_product(product=product, status=status, by=request.user)
            except ValidationError as error:
                refused.append(f"{product.name}: {' '.join(error.messages)}")
            else:
                moved += 1
        if moved:
            messages.success(request, done % {"n": moved})
        for problem in refused:
            messages.error(request, problem)

    @action(description=_("Approve and publish in the gallery"), permissions=["change"])
    def publish(self, request, queryset):
        self._move(request, queryset, Product.Status.PUBLISHED, _("%(n)s products published."))

    @action(description=_("Send back to the maker as a draft"), permissions=["change"])
    def send_back(self, request, queryset):
        self._move(request, queryset, Product.Status.DRAFT, _("%(n)s products sent back."))

    @action(description=_("Archive (take out of the gallery)"), permissions=["change"])
    def archive(self, request, queryset):
        self._move(request, queryset, Product.Status.ARCHIVED, _("%(n)s products archived."))

    @action(description=_("Print QR labels"), permissions=["change"])
    def print_labels(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True)[:500])
        return HttpResponseRedirect(reverse("admin:catalog-labels") + f"?ids={ids}")

    def get_urls(self):
        return [
            path("label/", self.admin_site.admin_view(self.labels_view), name="catalog-labels"),
            path(
                "<int:object_id>/setujui/",
                self.admin_site.admin_view(self.approve_view),
                name="catalog-product-approve",
            ),
            path(
                "<int:object_id>/kembalikan/",
                self.admin_site.admin_view(self.send_back_view),
                name="catalog-product-send-back",
            ),
            *super().get_urls(),
        ]

    def _waiting(self, request: HttpRequest, object_id: int) -> Product:
        if not self.has_change_permission(request):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request), pk=object_id)

    def _queue(self) -> HttpResponse:
        url = reverse("admin:catalog_product_changelist")
        return redirect(f"{url}?status__exact={Product.Status.SUBMITTED}")

    def approve_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """The list's "Approve" button: publish one waiting product."""
        if request.method != "POST":
            return self._queue()
        product = self._waiting(request, object_id)
        try:
            services.publish_product(product=product, by=request.user)
        except ValidationError as error:
            messages.error(request, f"{product.name}: {' '.join(error.messages)}")
        else:
            messages.success(request, _("“%(name)s” is published.") % {"name": product.name})
        return self._queue()

    def send_back_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """Send one waiting product back to its maker as a draft, with the reason."""
        product = self._waiting(request, object_id)
        form = SendBackForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.move_product(
                    product=product,
                    status=Product.Status.DRAFT,
                    by=request.user,
                    note=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("“%(name)s” was sent back to its maker.") % {"name": product.name}
                )
                return self._queue()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send “%(name)s” back to its maker") % {"name": product.name},
            "opts": self.opts,
            "product": product,
            "form": form,
        }
        return render(request, "admin/catalog/send_back.html", context)

    def labels_view(self, request: HttpRequest) -> HttpResponse:
        """Choose the label paper and how many tags per product; answer the PDF."""
        products = (
            self.get_queryset(request)
            .select_related("business__village")
            .filter(pk__in=_ids(request.GET.get("ids", "")))
        )
        form = LabelsForm(request.POST or None, products=products)
        if request.method == "POST" and form.is_valid():
            from kriya.catalog.labels import labels_pdf

            pdf = labels_pdf(
                items=form.items(),
                base_url=request.build_absolute_uri("/")[:-1],
                layout=form.cleaned_data["layout"],
            )
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = 'inline; filename="label-produk.pdf"'
            return response
        context = {
            **self.admin_site.each_context(request),
            "title": _("Print QR labels"),
            "opts": self.opts,
            "form": form,
            "products": products,
        }
        return render(request, "admin/catalog/labels.html", context)


def _ids(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip().isdigit()][:500]
