"""The back-office home: figures for the acting council, each a plain-data card.

Each domain app adds its cards to ``CARDS``; a card function takes the council and
returns ``None`` (nothing to show at this level) or a dict with ``title``, ``value``,
``icon`` and an optional ``link``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from kriya.accounts.models import Membership
from kriya.regions.models import BoardTerm, Council, District, Regency, Village

Card = dict[str, Any]


def _villages(council: Council) -> Card:
    villages = Village.objects.within(council).filter(is_active=True)
    return {"title": _("Villages (desa/kelurahan)"), "value": villages.count(), "icon": "cottage",
            "link": reverse("admin:regions_village_changelist")}


def _districts(council: Council) -> Card:
    return {"title": _("Districts (kecamatan)"), "icon": "holiday_village",
            "value": District.objects.within(council).filter(is_active=True).count(),
            "link": reverse("admin:regions_district_changelist")}


def _regencies(council: Council) -> Card | None:
    if council.level == Council.Level.REGENCY:
        return None
    return {"title": _("Regencies/cities"), "icon": "location_city",
            "value": Regency.objects.within(council).filter(is_active=True).count(),
            "link": reverse("admin:regions_regency_changelist")}


def _councils_below(council: Council) -> Card | None:
    if council.level == Council.Level.REGENCY:
        return None
    return {"title": _("Councils below"), "icon": "account_balance",
            "value": Council.objects.within(council).exclude(pk=council.pk).count(),
            "link": reverse("admin:regions_council_changelist")}


def _people(council: Council) -> Card:
    users = Membership.objects.within(council).filter(is_active=True).values("user").distinct()
    return {"title": _("People with an account"), "value": users.count(), "icon": "person",
            "link": reverse("admin:accounts_user_changelist")}


CARDS: list[Callable[[Council], Card | None]] = [
    _villages, _districts, _regencies, _councils_below, _people,
]


def dashboard_callback(request: HttpRequest, context: dict[str, Any]) -> dict[str, Any]:
    council = getattr(request, "council", None)
    if council is None:
        return context
    cards = [card for card in (make(council) for make in CARDS) if card is not None]
    term = (BoardTerm.objects.filter(council=council, is_active=True)
            .prefetch_related("members").first())
    context.update({"council": council, "cards": cards, "active_term": term})
    return context
