"""Helpers for back-office pages that are not a model's list: the page frame, the look of
inputs written by hand, and the list of pages each app adds to the back office.

An app declares its pages in its own ``admin.py`` (run by the admin's autodiscovery):

    backoffice.register(
        "sales",
        urls=urls.backoffice,                      # plain views; the site wraps them
        sidebar=[backoffice.Page(_("The till"), "till:home", "point_of_sale", roles.TILL)],
    )

The admin site (``kriya/admin_site.py``) collects them; no domain module imports the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern
from unfold.widgets import BASE_CLASSES

# Unfold's look for inputs written by hand in a page's template or a form's widget (rows of
# small forms, date filters): the one copy of these classes.
INPUT_CLASSES = " ".join([*BASE_CLASSES, "px-3", "py-2"])


@dataclass(frozen=True)
class Page:
    """A sidebar entry: its title, URL name, Material icon, and the roles that see it
    (``None``: every back-office role)."""

    title: str
    url_name: str
    icon: str
    roles: frozenset[str] | None = None


_URLS: dict[str, list[URLPattern]] = {}
_SIDEBAR: dict[str, list[Page]] = {}


def register(
    app_label: str, *, urls: Iterable[URLPattern] = (), sidebar: Iterable[Page] = ()
) -> None:
    """Add an app's back-office pages (served under /admin/) and sidebar entries, shown
    first in the app's group. Registering again replaces the app's earlier lists."""
    _URLS[app_label] = list(urls)
    _SIDEBAR[app_label] = list(sidebar)


def urlpatterns() -> list[URLPattern]:
    """Every app's back-office pages, in the order the apps registered them."""
    return [pattern for patterns in _URLS.values() for pattern in patterns]


def sidebar(app_label: str) -> list[Page]:
    return _SIDEBAR.get(app_label, [])


def admin_page(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """A back-office page that is not a model's list, in the admin's frame (sidebar, header,
    the acting council) like the lists beside it."""
    return render(
        request,
        template,
        {**admin.site.each_context(request), "input_classes": INPUT_CLASSES, **context},
    )
