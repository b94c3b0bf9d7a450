"""The admin face of the scoping mechanism: every back-office model admin inherits it.

Lists and object pages show only rows ``within()`` the acting council, foreign-key choices
are limited the same way, and another council's row is a 404, never a redirect or a silent
change. Writing follows the province rule of ``scoping``: a council reads down its subtree
but changes only its own rows (``is_own``), so Bali's officer opens Badung's business read
only, and a saved row must land in the council's own region. Roles: ``accounts.roles``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from unfold.admin import ModelAdmin, StackedInline, TabularInline

from kriya.accounts import roles
from kriya.accounts.roles import role_allows
from kriya.lib.forms import AttachmentField, PhotoField
from kriya.lib.phone import PhoneListMixin
from kriya.regions.scoping import _crosses_many, in_scope, is_own, is_regional

# Every file a back-office form takes passes the same checks as the portal's and the phone's
# (kriya.lib.images, kriya.lib.attachments); Unfold adds its widgets to these.
FILE_FIELDS = {
    models.ImageField: {"form_class": PhotoField},
    models.FileField: {"form_class": AttachmentField},
}


class ScopedAdminMixin:
    view_roles: frozenset[str] = roles.BACK_OFFICE
    edit_roles: frozenset[str] = roles.EDITORS

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        return super().get_queryset(request).within(request.council)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return role_allows(request, self.view_roles | self.edit_roles)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        # An inline is asked with its parent row: no rows added under another's record.
        parent = args[0] if args else None
        return role_allows(request, self.edit_roles) and self._own(request, parent)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return role_allows(request, self.edit_roles) and self._own(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return role_allows(request, self.edit_roles) and self._own(request, obj)

    def response_action(self, request: HttpRequest, queryset: models.QuerySet):
        # A bulk action writes: it acts on the council's own selected rows only, unless it
        # declares itself read-only (``allowed_permissions = ("view",)``).
        name = request.POST.get("action", "")
        chosen = self.get_actions(request).get(name)
        read_only = chosen and set(getattr(chosen[0], "allowed_permissions", ())) == {"view"}
        if (
            chosen
            and not read_only
            and is_regional(queryset.model)
            and not request.user.is_superuser
        ):
            own = queryset.model._default_manager.own(request.council).values("pk")
            queryset = queryset.filter(pk__in=own)
        return super().response_action(request, queryset)

    def _own(self, request: HttpRequest, obj: Any) -> bool:
        # Read down, write only its own: a province reads a regency's row, never changes it.
        if obj is None or not is_regional(type(obj)) or request.user.is_superuser:
            return True
        return is_own(obj, request.council)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if is_regional(db_field.related_model) and "queryset" not in kwargs:
            kwargs["queryset"] = db_field.related_model._default_manager.within(request.council)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if is_regional(db_field.related_model) and "queryset" not in kwargs:
            kwargs["queryset"] = db_field.related_model._default_manager.within(request.council)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class RegionalAdmin(ScopedAdminMixin, PhoneListMixin, ModelAdmin):
    """Base of every back-office ModelAdmin (on a phone: 25 compact rows a page)."""

    # A typed "instagram.com/x" means https (Django 6's default, taken now).
    formfield_overrides = {
        **ModelAdmin.formfield_overrides,
        models.URLField: {
            **ModelAdmin.formfield_overrides.get(models.URLField, {}),
            "assume_scheme": "https",
        },
        **FILE_FIELDS,
    }

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any):
        form = super().get_form(request, obj, **kwargs)
        model = self.model
        if _crosses_many(model, model.region_path):
            return form  # such rows join a region through their related rows (inlines)
        council = request.council
        own_only = not request.user.is_superuser

        class ScopedForm(form):
            def _post_clean(self) -> None:
                super()._post_clean()
                if self.errors:
                    return
                if not in_scope(self.instance, council):
                    self.add_error(
                        None,
                        _("This record lies outside the region of %(council)s.")
                        % {"council": council},
                    )
                elif own_only and not is_own(self.instance, council):
                    self.add_error(
                        None,
                        _(
                            "This record lies in the region of a council below %(council)s; "
                            "that council keeps it."
                        )
                        % {"council": council},
                    )

        return ScopedForm

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None):
        # Another council's row must look exactly like a row that does not exist: a 404 from
        # every object page (change, delete, history), not the admin's redirect to the list.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("No such record in your council's region."))
        return obj


class RegionalTabularInline(ScopedAdminMixin, TabularInline):
    formfield_overrides = {**TabularInline.formfield_overrides, **FILE_FIELDS}


class RegionalStackedInline(ScopedAdminMixin, StackedInline):
    formfield_overrides = {**StackedInline.formfield_overrides, **FILE_FIELDS}


class StatusLogInline(RegionalTabularInline):
    """A record's status history (who moved it from what to what, when): read only.
    Subclasses set ``model`` to a log with ``at``, ``old``, ``new``, ``by`` and ``note``."""

    fields = ["at", "old", "new", "by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


__all__ = [
    "RegionalAdmin",
    "RegionalTabularInline",
    "RegionalStackedInline",
    "StatusLogInline",
    "admin",
]
