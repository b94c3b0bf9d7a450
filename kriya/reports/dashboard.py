"""The back-office home: figures for the acting council, each a plain-data card.

Each domain app adds its cards to ``CARDS``; a card function takes the council and
returns ``None`` (nothing to show at this level) or a dict with a stable ``key``, a
``title``, a ``value`` (number or text), an ``icon`` and an optional ``link``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kriya.accounts.models import Membership
from kriya.catalog.models import Product
from kriya.programs.models import WorkPlan
from kriya.programs.realization import plan_percent, realize
from kriya.regions.models import BoardTerm, Council, District, Regency, Village
from kriya.registry.coverage import coverage_totals
from kriya.registry.models import Artisan, Business
from kriya.sales.models import Outlet
from kriya.sales.reports import near_best_before_count

Card = dict[str, Any]


def _villages(council: Council) -> Card:
    villages = Village.objects.within(council).filter(is_active=True)
    return {
        "key": "villages",
        "title": _("Villages (desa/kelurahan)"),
        "value": villages.count(),
        "icon": "cottage",
        "link": reverse("admin:regions_village_changelist"),
    }


def _districts(council: Council) -> Card:
    return {
        "key": "districts",
        "title": _("Districts (kecamatan)"),
        "icon": "holiday_village",
        "value": District.objects.within(council).filter(is_active=True).count(),
        "link": reverse("admin:regions_district_changelist"),
    }


def _regencies(council: Council) -> Card | None:
    if council.level == Council.Level.REGENCY:
        return None
    return {
        "key": "regencies",
        "title": _("Regencies/cities"),
        "icon": "location_city",
        "value": Regency.objects.within(council).filter(is_active=True).count(),
        "link": reverse("admin:regions_regency_changelist"),
    }


def _councils_below(council: Council) -> Card | None:
    if council.level == Council.Level.REGENCY:
        return None
    return {
        "key": "councils",
        "title": _("Councils below"),
        "icon": "account_balance",
        "value": Council.objects.within(council).exclude(pk=council.pk).count(),
        "link": reverse("admin:regions_council_changelist"),
    }


def _people(council: Council) -> Card:
    users = Membership.objects.within(council).filter(is_active=True).values("user").distinct()
    return {
        "key": "people",
        "title": _("People with an account"),
        "value": users.count(),
        "icon": "person",
        "link": reverse("admin:accounts_user_changelist"),
    }


def _businesses(council: Council) -> Card:
    return {
        "key": "businesses",
        "title": _("Craft businesses"),
        "icon": "storefront",
        "value": Business.objects.within(council).active().count(),
        "link": reverse("admin:registry_business_changelist"),
    }


def _artisans(council: Council) -> Card:
    return {
        "key": "artisans",
        "title": _("Artisans"),
        "icon": "person_apron",
        "value": Artisan.objects.within(council).active().count(),
        "link": reverse("admin:registry_artisan_changelist"),
    }


def _products(council: Council) -> Card:
    counts = Product.objects.within(council).aggregate(  # one pass, not one per status
        published=Count("pk", filter=Q(status=Product.Status.PUBLISHED)),
        waiting=Count("pk", filter=Q(status=Product.Status.SUBMITTED)),
    )
    published, waiting = counts["published"], counts["waiting"]
    return {
        "key": "products",
        "title": _("Products in the gallery (waiting for approval)"),
        "icon": "inventory_2",
        "value": f"{_n(published)} ({_n(waiting)})",
        "link": reverse("admin:catalog_product_changelist") + "?status__exact=submitted",
    }


def _best_before(council: Council) -> Card | None:
    """Goods on the gallery's shelves past or within 30 days of their best-before date
    (councils with an outlet only)."""
    if not Outlet.objects.within(council).exists():
        return None
    return {
        "key": "best_before",
        "title": _("Goods near their best-before date"),
        "icon": "event_busy",
        "value": near_best_before_count(council),
        "link": reverse("admin:sales-best-before"),
    }


def _n(number: int) -> str:
    return number_format(number, force_grouping=True)


def _icon_coverage(council: Council) -> Card:
    figures = coverage_totals(council)
    return {
        "key": "icon_coverage",
        "title": _("Villages with a craft icon"),
        "icon": "star",
        "value": f"{_n(figures[0])} / {_n(figures[1])}",
        "link": reverse("admin:icon-coverage"),
    }


def _work_plan(council: Council) -> Card | None:
    year = timezone.localdate().year
    plan = (
        WorkPlan.objects.own(council)
        .filter(start_year__lte=year, end_year__gte=year)
        .order_by("-start_year")
        .first()
    )
    if plan is None:
        return None
    return {
        "key": "work_plan",
        "title": _("Work plan %(period)s: progress") % {"period": plan.period_label},
        "icon": "flag",
        "value": f"{plan_percent(realize(plan))}%",
        "link": reverse("admin:programs-workplan", args=[plan.pk]),
    }


CARDS: list[Callable[[Council], Card | None]] = [
    _work_plan,
    _icon_coverage,
    _businesses,
    _artisans,
    _products,
    _best_before,
    _villages,
    _districts,
    _regencies,
    _councils_below,
    _people,
]


def dashboard_callback(request: HttpRequest, context: dict[str, Any]) -> dict[str, Any]:
    council = getattr(request, "council", None)
    if council is None:
        return context
    cards = [card for card in (make(council) for make in CARDS) if card is not None]
    term = (
        BoardTerm.objects.filter(council=council, is_active=True)
        .prefetch_related("members")
        .first()
    )
    context.update({"council": council, "cards": cards, "active_term": term})
    return context
