"""The back office: Django admin with the Unfold theme, for the acting council only."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from unfold.sites import UnfoldAdminSite
from unfold.widgets import BASE_CLASSES

from kriya.accounts.models import EDITOR_ROLES, Role
from kriya.regions.admin_scoping import role_allows


class KriyaAdminSite(UnfoldAdminSite):
    site_title = _("Kriya")
    site_header = _("Kriya back office")
    index_title = _("Dashboard")

    def has_permission(self, request: HttpRequest) -> bool:
        """Anyone working for a council in a back-office role; artisans use the portal."""
        if not request.user.is_active:
            return False
        if request.user.is_superuser:
            return True
        membership = getattr(request, "membership", None)
        return membership is not None and membership.is_back_office

    def get_urls(self):
        from kriya.programs.views import admin_urls as programs_urls
        from kriya.registry import views as registry_views
        from kriya.sales import intake_views, report_views, settlement_views

        return [
            path("ikon-desa/", self.admin_view(registry_views.icon_coverage), name="icon-coverage"),
            path(
                "impor/", self.admin_view(registry_views.import_start), name="register-import-start"
            ),
            path(
                "impor/<int:batch_id>/",
                self.admin_view(registry_views.import_detail),
                name="register-import",
            ),
            path(
                "impor/<int:batch_id>/simpan/",
                self.admin_view(registry_views.import_confirm),
                name="register-import-confirm",
            ),
            path(
                "impor/<int:batch_id>/periksa-ulang/",
                self.admin_view(registry_views.import_check_again),
                name="register-import-check-again",
            ),
            path(
                "impor/template-<str:kind>.xlsx",
                self.admin_view(registry_views.import_template),
                name="register-import-template",
            ),
            *programs_urls(self),
            *settlement_views.admin_urls(self),
            *report_views.admin_urls(self),
            *intake_views.admin_urls(self),
            *super().get_urls(),
        ]

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        # One login page for everybody (staff, mentors, artisans): the accounts app's.
        query = urlencode({"next": request.GET.get("next", reverse("admin:index"))})
        return HttpResponseRedirect(f"{reverse('accounts:login')}?{query}")


# Unfold's look for inputs written by hand in a page's template (rows of small forms).
INPUT_CLASSES = " ".join([*BASE_CLASSES, "px-3", "py-2"])


def admin_page(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """A back-office page that is not a model's list, in the admin's frame (sidebar, header,
    the acting council) like the lists beside it."""
    from django.contrib import admin

    return render(
        request,
        template,
        {**admin.site.each_context(request), "input_classes": INPUT_CLASSES, **context},
    )


def site_subheader(request: HttpRequest) -> str:
    council = getattr(request, "council", None)
    return council.name if council else ""


def sidebar_navigation(request: HttpRequest) -> list[dict[str, Any]]:
    """The sidebar: the dashboard, then one group per domain app, only what the role may see."""
    from django.contrib import admin

    groups: list[dict[str, Any]] = [
        {
            "items": [
                {"title": _("Dashboard"), "icon": "dashboard", "link": reverse("admin:index")},
            ]
        }
    ]
    for app in admin.site.get_app_list(request):
        pages = [
            {"title": title, "link": reverse(name), "icon": icon}
            for title, name, icon, roles in PAGES.get(app["app_label"], [])
            if roles is None or role_allows(request, roles)
        ]
        groups.append(
            {
                "title": app["name"],
                "collapsible": True,
                "items": pages
                + [
                    {"title": model["name"], "link": model["admin_url"], "icon": _icon(model)}
                    for model in app["models"]
                    if model.get("admin_url")
                ],
            }
        )
    return groups


# Pages of the back office that are not a model's list, shown first in their app's group:
# (title, URL name, icon, roles that see it or None for every back-office role).
PAGES = {
    "registry": [
        (_("Village icon coverage"), "admin:icon-coverage", "donut_large", None),
        (_("Import from Excel"), "admin:register-import-start", "upload_file", EDITOR_ROLES),
    ],
    "programs": [
        (_("Work plans: targets and realization"), "admin:programs-workplans", "flag", None),
        (
            _("Mentoring visits (the phone form)"),
            "visits:home",
            "directions_walk",
            frozenset({Role.MENTOR, Role.SECRETARIAT, Role.ADMIN}),
        ),
        (_("Expiring in the next 90 days"), "admin:programs-expiring", "event_busy", None),
    ],
    "sales": [
        (
            _("The till"),
            "till:home",
            "point_of_sale",
            frozenset({Role.CASHIER, Role.SECRETARIAT, Role.ADMIN}),
        ),
        (
            _("Take in consigned goods"),
            "admin:sales-intake-new",
            "move_to_inbox",
            frozenset({Role.CASHIER, Role.SECRETARIAT, Role.ADMIN}),
        ),
        (_("Stock per outlet"), "admin:sales-stock", "inventory_2", None),
        (
            _("Settlements with the makers"),
            "admin:sales-settlements",
            "account_balance_wallet",
            EDITOR_ROLES | {Role.BOARD, Role.CASHIER},
        ),
        (_("Sales report"), "admin:sales-reports", "bar_chart", None),
        (_("Goods near their best-before date"), "admin:sales-best-before", "event_busy", None),
        (_("Consignor review"), "admin:sales-consignor-review", "rate_review", None),
    ],
}


def _icon(model: dict[str, Any]) -> str:
    return getattr(model["model"], "admin_icon", "table_rows")
