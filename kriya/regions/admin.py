from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from unfold.decorators import display

from kriya.accounts import roles
from kriya.regions import services
from kriya.regions.admin_scoping import RegionalAdmin, RegionalTabularInline
from kriya.regions.models import (
    BoardMember,
    BoardTerm,
    Council,
    District,
    Province,
    Regency,
    Village,
)


class RegionAdmin(RegionalAdmin):
    """Reference data: read-only here, changed only by `load_regions`."""

    edit_roles = frozenset()
    search_fields = ["code", "name"]
    list_filter = ["is_active"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Province)
class ProvinceAdmin(RegionAdmin):
    list_display = ["code", "name", "is_active"]


@admin.register(Regency)
class RegencyAdmin(RegionAdmin):
    list_display = ["code", "name", "province", "is_active"]
    list_select_related = ["province"]


@admin.register(District)
class DistrictAdmin(RegionAdmin):
    list_display = ["code", "name", "regency", "is_active"]
    list_select_related = ["regency"]
    search_fields = ["code", "name", "regency__name"]


@admin.register(Village)
class VillageAdmin(RegionAdmin):
    list_display = ["code", "name", "kind", "district", "regency", "is_active"]
    list_filter = ["kind", "is_active"]
    # Typing "getasan" or "getasan petang" finds the village; every term may match the
    # village, its district or its regency (a picker never lists 83,762 rows).
    search_fields = ["name", "code", "district__name", "district__regency__name"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("district__regency__province")

    @display(description=_("regency/city"))
    def regency(self, obj: Village) -> str:
        return obj.district.regency.name


class BoardMemberInline(RegionalTabularInline):
    model = BoardMember
    extra = 1
    fields = ["order", "name", "position", "title", "phone", "user", "starts_on", "ends_on"]
    autocomplete_fields = ["user"]


@admin.register(Council)
class CouncilAdmin(RegionalAdmin):
    list_display = ["name", "code", "level", "phone", "email"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
    readonly_fields = ["level", "created_at"]
    edit_roles = frozenset({"admin"})

    def get_readonly_fields(self, request, obj=None):
        # A council's region never changes once made; a new region is a new council.
        return [*self.readonly_fields, "code"] if obj else self.readonly_fields


@admin.register(BoardTerm)
class BoardTermAdmin(RegionalAdmin):
    list_display = ["name", "council", "starts_on", "ends_on", "is_active"]
    list_filter = ["is_active"]
    list_select_related = ["council"]
    search_fields = ["name", "council__name"]
    inlines = [BoardMemberInline]
    actions = ["make_active"]
    edit_roles = roles.EDITORS

    @admin.action(description=_("Make the selected term the active one"))
    def make_active(self, request, queryset):
        for term in queryset[:1]:
            services.activate_term(term=term)
            self.message_user(request, _("%(term)s is now the active term.") % {"term": term})


@admin.register(BoardMember)
class BoardMemberAdmin(RegionalAdmin):
    list_display = ["name", "position", "title", "term"]
    list_filter = ["position"]
    list_select_related = ["term__council"]
    search_fields = ["name", "title"]
    autocomplete_fields = ["user"]
