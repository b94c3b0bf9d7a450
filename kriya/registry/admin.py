from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from unfold.decorators import display

from kriya.accounts import roles
from kriya.accounts.personal_data import mask, may_see_personal_data
from kriya.accounts.roles import role_allows
from kriya.lib import backoffice
from kriya.lib.paginator import NarrowPaginator
from kriya.regions.admin_scoping import RegionalAdmin
from kriya.regions.models import District, Village
from kriya.registry import services, urls
from kriya.registry.duplicates import suspected_duplicates
from kriya.registry.exports import export_register
from kriya.registry.forms import ArtisanForm, BusinessForm
from kriya.registry.models import (
    Artisan,
    Business,
    Cluster,
    CraftCategory,
    MergeRecord,
    VillageIcon,
)

PERSONAL_FIELDS = ("nik", "phone", "address")


class DistrictFilter(admin.SimpleListFilter):
    """Kecamatan of the acting council only (never every district in the country)."""

    title = _("district")
    parameter_name = "kecamatan"

    def lookups(self, request, model_admin):
        districts = District.objects.within(request.council).filter(is_active=True)
        choices = list(districts.order_by("name").values_list("code", "name")[:201])
        return [] if len(choices) > 200 else choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.in_region(self.value())
        return queryset


class VillageFilter(admin.SimpleListFilter):
    """Villages of the chosen district, or of a regency's whole (short) list."""

    title = _("village")
    parameter_name = "desa"

    def lookups(self, request, model_admin):
        villages = Village.objects.within(request.council).filter(is_active=True)
        district = request.GET.get(DistrictFilter.parameter_name)
        if district:
            return list(
                villages.filter(district_id=district).order_by("name").values_list("code", "name")
            )
        choices = list(villages.order_by("name").values_list("code", "name")[:101])
        return [] if len(choices) > 100 else choices

    def queryset(self, request, queryset):
        return queryset.filter(village_id=self.value()) if self.value() else queryset


class CategoryFilter(admin.SimpleListFilter):
    """A craft family takes in its crafts: "Tenun" finds endek and songket too."""

    title = _("craft category")
    parameter_name = "kriya"
    field = "categories"

    def lookups(self, request, model_admin):
        return [
            (c.slug, str(c))
            for c in CraftCategory.objects.select_related("parent").order_by(
                "parent__order", "parent_id", "order"
            )
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        matching = CraftCategory.objects.filter(Q(slug=self.value()) | Q(parent__slug=self.value()))
        # EXISTS on the link table, not a join and DISTINCT: the key index answers it, and
        # the list needs neither the duplicates removed nor the full rows read to count.
        field = queryset.model._meta.get_field(self.field)
        links = field.remote_field.through.objects.filter(
            **{
                field.m2m_field_name(): OuterRef("pk"),
                f"{field.m2m_reverse_field_name()}__in": matching,
            }
        )
        return queryset.filter(Exists(links))


class SkillFilter(CategoryFilter):
    field = "skills"


class ClusterFilter(admin.SimpleListFilter):
    title = _("cluster (sentra)")
    parameter_name = "sentra"

    def lookups(self, request, model_admin):
        return [(c.pk, c.name) for c in Cluster.objects.within(request.council)]

    def queryset(self, request, queryset):
        return queryset.filter(cluster_id=self.value()) if self.value() else queryset


class DuplicatesMixin:
    """A page of suspected duplicates, side by side, each pair with a merge button."""

    merge_service = None  # set by the subclass: registry.services.merge_*

    def duplicates_view(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied
            scoped = self.get_queryset(request)
            keep = get_object_or_404(scoped, pk=request.POST.get("keep"))
            drop = get_object_or_404(scoped, pk=request.POST.get("drop"))
            try:
                type(self).merge_service(keep=keep, drop=drop, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("“%(drop)s” was merged into “%(keep)s”.")
                    % {"drop": drop.name, "keep": keep.name},
                )
            return redirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Suspected duplicates: %(what)s") % {"what": self.opts.verbose_name_plural},
            "opts": self.opts,
            "pairs": suspected_duplicates(self.get_queryset(request)),
            "may_merge": self.has_change_permission(request),
            "personal": may_see_personal_data(request),
        }
        return render(request, "admin/registry/duplicates.html", context)


class PersonalDataAdmin(DuplicatesMixin, RegionalAdmin):
    """Hides NIK, phone and address from roles that may not see them, and exports the
    filtered list to XLSX or CSV (masked the same way; revealing exports are logged)."""

    # Our own table (admin/registry/change_list_results.html, from Django's result_list tag):
    # the headers are built once per page, not once per cell as the theme's rows do.
    change_list_template = "admin/registry/change_list_export.html"
    list_per_page = 50  # on a wide screen; 25 on a phone (kriya/lib/phone.py)
    paginator = NarrowPaginator

    def action_checkbox(self, obj: models.Model) -> str:
        # One format_html per row, not a widget rendered through the template engine: at
        # 50 rows that was half the time of the list's cells.
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            _("Select record"),
        )

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        try:  # read as ChangeList reads it, so the count comes with that page's keys
            expected = int(request.GET.get(PAGE_VAR, 1))
        except ValueError:
            expected = 1
        return self.paginator(
            queryset, per_page, orphans, allow_empty_first_page, expected_page=expected
        )

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "export/<str:fmt>/",
                self.admin_site.admin_view(self.export_view),
                name=f"{prefix}_export",
            ),
            path(
                "duplikat/",
                self.admin_site.admin_view(self.duplicates_view),
                name=f"{prefix}_duplicates",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if fmt not in {"xlsx", "csv"} or not self.has_view_permission(request):
            raise Http404
        changelist = self.get_changelist_instance(request)
        exported = export_register(
            queryset=changelist.get_queryset(request),
            council=request.council,
            user=request.user,
            fmt=fmt,
            reveal_personal=may_see_personal_data(request),
            filters=dict(request.GET.items()),
        )
        response = HttpResponse(exported.content, content_type=exported.content_type)
        response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
        return response

    def get_exclude(self, request, obj=None):
        excluded = list(super().get_exclude(request, obj) or [])
        if not may_see_personal_data(request):
            excluded += [f for f in PERSONAL_FIELDS if hasattr(self.model, f)]
        return excluded

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if not may_see_personal_data(request):
            columns = [c if c not in PERSONAL_FIELDS else f"masked_{c}" for c in columns]
        return columns

    def get_search_fields(self, request):
        fields = list(super().get_search_fields(request))
        if not may_see_personal_data(request):
            fields = [f for f in fields if f not in PERSONAL_FIELDS]
        return fields

    @display(description=_("NIK"))
    def masked_nik(self, obj) -> str:
        return mask(obj.nik)

    @display(description=_("phone / WhatsApp"))
    def masked_phone(self, obj) -> str:
        return mask(obj.phone)


@admin.register(CraftCategory)
class CraftCategoryAdmin(RegionalAdmin):
    list_display = ["__str__", "name_en", "slug", "order"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        # Shared by every council: not scoped, but changed only by Dekranas administrators.
        return CraftCategory.objects.select_related("parent")

    def _nation_admin(self, request) -> bool:
        council = getattr(request, "council", None)
        return request.user.is_superuser or (
            council is not None and council.is_nation and role_allows(request, roles.NATION_ADMINS)
        )

    def has_add_permission(self, request, *args):
        return self._nation_admin(request)

    def has_change_permission(self, request, obj=None):
        return self._nation_admin(request)

    def has_delete_permission(self, request, obj=None):
        return self._nation_admin(request)

    def get_form(self, request, obj=None, **kwargs):
        return super(RegionalAdmin, self).get_form(request, obj, **kwargs)


@admin.register(Artisan)
class ArtisanAdmin(PersonalDataAdmin):
    merge_service = services.merge_artisans
    form = ArtisanForm
    list_display = ["name", "nik", "sex", "phone", "village", "merged_into"]
    phone_list_display = ["name", "village", "phone"]
    list_filter = [DistrictFilter, VillageFilter, SkillFilter, "sex"]
    list_select_related = ["village__district__regency__province", "merged_into"]
    search_fields = ["name", "nik", "phone", "village__name"]
    autocomplete_fields = ["village"]
    filter_horizontal = ["skills"]
    readonly_fields = ["merged_into", "created_at", "updated_at"]


@admin.register(Business)
class BusinessAdmin(PersonalDataAdmin):
    merge_service = services.merge_businesses
    form = BusinessForm
    list_display = ["name", "owner", "nib", "scale", "village", "membership"]
    phone_list_display = ["name", "village", "membership"]
    list_filter = [
        DistrictFilter,
        VillageFilter,
        CategoryFilter,
        "scale",
        ClusterFilter,
        "membership",
        "legal_form",
    ]
    show_full_result_count = False  # one COUNT per page, not two, on a large register
    list_select_related = ["owner", "village__district__regency__province"]
    search_fields = ["name", "nib", "owner__name", "village__name"]
    autocomplete_fields = ["village", "owner"]
    filter_horizontal = ["categories"]
    readonly_fields = ["merged_into", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {"fields": ["name", "owner", "categories", "village", "cluster", "address", "phone"]},
        ),
        (
            _("Size"),
            {
                "fields": [
                    "legal_form",
                    "scale",
                    "workers",
                    "capital",
                    "yearly_turnover",
                    "year_founded",
                ]
            },
        ),
        (_("Council"), {"fields": ["membership", "member_since", "notes"]}),
        (_("Online"), {"fields": ["website", "instagram", "facebook", "marketplace"]}),
        (_("National systems"), {"fields": ["nib", "siinas_id", "sidt_kumkm_id", "ekatalog_id"]}),
        (_("History"), {"fields": ["merged_into", "created_at", "updated_at"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        excluded = set(self.get_exclude(request, obj) or [])
        return [
            (title, {**opts, "fields": [f for f in opts["fields"] if f not in excluded]})
            for title, opts in self.fieldsets
        ]


@admin.register(Cluster)
class ClusterAdmin(RegionalAdmin):
    list_display = ["name", "main_category", "village"]
    list_select_related = ["main_category__parent", "village__district__regency__province"]
    search_fields = ["name", "village__name"]
    autocomplete_fields = ["village"]


@admin.register(VillageIcon)
class VillageIconAdmin(RegionalAdmin):
    list_display = ["village", "title", "category", "since_year"]
    phone_list_display = ["village", "title", "category"]
    list_filter = [DistrictFilter]
    list_select_related = ["category__parent", "village__district__regency__province"]
    search_fields = ["title", "village__name"]
    autocomplete_fields = ["village", "businesses", "cluster"]

    def save_model(self, request, obj, form, change):
        obj.set_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(MergeRecord)
class MergeRecordAdmin(RegionalAdmin):
    list_display = ["kind", "kept_id", "merged_id", "by", "at"]
    edit_roles = frozenset()
    readonly_fields = [
        "kind",
        "kept_id",
        "merged_id",
        "merged_snapshot",
        "moved",
        "village",
        "by",
        "at",
    ]

    def has_add_permission(self, request, *args):
        return False


# The register's back-office pages that are not a model's list, first in its sidebar group.
backoffice.register(
    "registry",
    urls=urls.backoffice,
    sidebar=[
        backoffice.Page(_("Village icon coverage"), "admin:icon-coverage", "donut_large"),
        backoffice.Page(
            _("Import from Excel"), "admin:register-import-start", "upload_file", roles.EDITORS
        ),
    ],
)
