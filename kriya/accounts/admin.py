from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from unfold.forms import AdminPasswordChangeForm, UserChangeForm, UserCreationForm

from kriya.accounts import roles, services
from kriya.accounts.models import Membership, PersonalDataExport, Role, User
from kriya.regions.admin_scoping import RegionalAdmin, RegionalTabularInline


class UserAddForm(UserCreationForm):
    role = forms.ChoiceField(label=_("role in this council"), choices=Role.choices)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email")


class MembershipInline(RegionalTabularInline):
    model = Membership
    extra = 0
    fields = ["council", "role", "is_active"]
    view_roles = roles.ACCOUNT_READERS
    edit_roles = roles.ACCOUNT_ADMINS


@admin.register(User)
class UserAdmin(BaseUserAdmin, RegionalAdmin):
    form = UserChangeForm
    add_form = UserAddForm
    change_password_form = AdminPasswordChangeForm
    view_roles = roles.ACCOUNT_READERS
    edit_roles = roles.ACCOUNT_ADMINS
    list_display = ["username", "first_name", "last_name", "email", "is_active", "last_login"]
    list_filter = ["is_active", "memberships__role"]
    inlines = [MembershipInline]
    add_fieldsets = [
        (
            None,
            {
                "fields": [
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    "role",
                    "password1",
                    "password2",
                ]
            },
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        # Council administrators manage people, not Django's superuser flags.
        return [
            (None, {"fields": ["username", "password"]}),
            (_("Personal info"), {"fields": ["first_name", "last_name", "email", "phone"]}),
            (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        return ["last_login", "date_joined"] if obj else []

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            # A new account belongs to the council that made it, in the chosen role.
            services.grant_membership(
                user=obj,
                council=request.council,
                role=form.cleaned_data["role"],
                by_council=request.council,
            )


@admin.register(Membership)
class MembershipAdmin(RegionalAdmin):
    list_display = ["user", "council", "role", "is_active", "created_at"]
    list_filter = ["role", "is_active"]
    list_select_related = ["user", "council"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "council__name"]
    autocomplete_fields = ["user"]
    view_roles = roles.ACCOUNT_READERS
    edit_roles = roles.ACCOUNT_ADMINS


@admin.register(PersonalDataExport)
class PersonalDataExportAdmin(RegionalAdmin):
    """The log of exports that contained personal data: read-only, for administrators."""

    list_display = ["at", "user", "what", "rows", "file_format", "council"]
    list_select_related = ["user", "council"]
    list_filter = ["file_format"]
    view_roles = roles.ACCOUNT_ADMINS
    edit_roles = frozenset()
    readonly_fields = ["at", "user", "council", "what", "filters", "rows", "file_format"]

    def has_add_permission(self, request, *args):
        return False
