"""The back office: Django admin with the Unfold theme, for the acting council only."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, URLResolver, reverse
from django.utils.translation import gettext_lazy as _
from unfold.sites import UnfoldAdminSite

from kriya.accounts import roles
from kriya.accounts.roles import role_allows
from kriya.lib import backoffice


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
        return role_allows(request, roles.BACK_OFFICE)

    def get_urls(self) -> list[URLPattern | URLResolver]:
        # Each app registers its own pages in its admin.py (kriya.lib.backoffice); they are
        # served here behind the admin's login and permission check.
        pages = [
            URLPattern(p.pattern, self.admin_view(p.callback), p.default_args, p.name)
            for p in backoffice.urlpatterns()
        ]
        return [*pages, *super().get_urls()]

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        # One login page for everybody (staff, mentors, artisans): the accounts app's.
        query = urlencode({"next": request.GET.get("next", reverse("admin:index"))})
        return HttpResponseRedirect(f"{reverse('accounts:login')}?{query}")


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
            {"title": page.title, "link": reverse(page.url_name), "icon": page.icon}
            for page in backoffice.sidebar(app["app_label"])
            if page.roles is None or role_allows(request, page.roles)
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


def _icon(model: dict[str, Any]) -> str:
    return getattr(model["model"], "admin_icon", "table_rows")
