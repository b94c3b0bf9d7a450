"""Reads of the region tree."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from kriya.regions.models import Council, Village


def search_villages(query: str, *, council: Council | None, limit: int = 15) -> QuerySet:
    """Villages whose name (or district, or regency) matches every typed word.

    "getasan" finds Getasan; "sedang abiansemal" tells one Sedang from its namesakes.
    Never more than ``limit`` rows: a picker shows a short list, not 83,762 options.
    """
    words = query.split()[:5]
    if not words or len(query.strip()) < 2:
        return Village.objects.none()
    villages = Village.objects.within(council).filter(is_active=True)
    for word in words:
        villages = villages.filter(
            Q(name__icontains=word)
            | Q(district__name__icontains=word)
            | Q(district__regency__name__icontains=word)
            | Q(code__startswith=word)
        )
    return villages.select_related("district__regency__province").order_by("name")[:limit]
