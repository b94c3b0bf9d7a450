"""Selectors over IP filings and certifications: a business's badges, and what expires soon."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from kriya.programs.models import Certification, IPFiling
from kriya.regions.models import Council
from kriya.registry.models import Business

EXPIRY_WINDOW_DAYS = 90


def badges_for_business(business: Business, today: dt.date | None = None) -> list[dict]:
    """What a product or business page may show: granted IP (not expired) and valid
    certificates of the business and of its owner. Plain dicts: kind, label, number,
    expires_on."""
    today = today or timezone.localdate()
    valid = Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    badges = [
        {
            "kind": f.kind,
            "label": f.get_kind_display(),
            "title": f.title,
            "number": f.registration_number,
            "expires_on": f.expires_on,
        }
        for f in IPFiling.objects.filter(
            valid, business=business, status=IPFiling.Status.GRANTED
        ).order_by("kind", "granted_on")
    ]
    holders = Q(business=business)
    if business.owner_id:
        holders |= Q(artisan_id=business.owner_id)
    badges += [
        {
            "kind": c.kind,
            "label": c.get_kind_display(),
            "title": "",
            "number": c.number,
            "expires_on": c.expires_on,
        }
        for c in Certification.objects.filter(valid, holders).order_by("kind", "issued_on")
    ]
    return badges


@dataclass
class Expiring:
    what: str
    holder: str
    number: str
    expires_on: dt.date
    days_left: int
    url: str


def expiring(
    council: Council, *, days: int = EXPIRY_WINDOW_DAYS, today: dt.date | None = None
) -> list[Expiring]:
    """Granted filings and certificates in the council's region that expire within
    ``days`` (already expired ones are left to their own list), soonest first."""
    from django.urls import reverse

    today = today or timezone.localdate()
    window = Q(expires_on__gte=today, expires_on__lte=today + dt.timedelta(days=days))
    rows = [
        Expiring(
            f.get_kind_display() + f": {f.title}",
            str(f.business or f.village.label),
            f.registration_number or f.application_number,
            f.expires_on,
            (f.expires_on - today).days,
            reverse("admin:programs_ipfiling_change", args=[f.pk]),
        )
        for f in IPFiling.objects.within(council)
        .filter(window, status=IPFiling.Status.GRANTED)
        .select_related("business", "village")
    ]
    rows += [
        Expiring(
            c.get_kind_display(),
            str(c.artisan or c.business),
            c.number,
            c.expires_on,
            (c.expires_on - today).days,
            reverse("admin:programs_certification_change", args=[c.pk]),
        )
        for c in Certification.objects.within(council)
        .filter(window)
        .select_related("business", "artisan")
    ]
    return sorted(rows, key=lambda r: (r.expires_on, r.what))
