"""Village icon coverage: how many of a council's villages have a signature craft."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import Substr

from kriya.regions.models import Council, District, Province, Regency, Village
from kriya.regions.scoping import CODE_LENGTHS, DISTRICT, PROVINCE, REGENCY

# Group a regency's villages by district, a province's by regency, the nation's by province.
GROUPING = {
    Council.Level.REGENCY: (CODE_LENGTHS[DISTRICT], District),
    Council.Level.PROVINCE: (CODE_LENGTHS[REGENCY], Regency),
    Council.Level.NATION: (CODE_LENGTHS[PROVINCE], Province),
}
MISSING_LIST_LIMIT = 300


@dataclass
class CoverageRow:
    code: str
    name: str
    total: int
    with_icon: int

    @property
    def percent(self) -> int:
        return round(100 * self.with_icon / self.total) if self.total else 0


@dataclass
class Coverage:
    council: Council
    total: int
    with_icon: int
    rows: list[CoverageRow]
    missing: list[Village] = field(default_factory=list)
    missing_truncated: bool = False

    @property
    def percent(self) -> int:
        return round(100 * self.with_icon / self.total) if self.total else 0

    @property
    def without_icon(self) -> int:
        return self.total - self.with_icon


def coverage(council: Council) -> Coverage:
    """Coverage = villages with an icon / all active villages in the council's region.
    Kelurahan count as villages, as Badung counts them. Two queries and the names."""
    length, group_model = GROUPING[council.level]
    villages = council.villages()
    grouped = (
        villages.annotate(group=Substr("code", 1, length))
        .values("group")
        .annotate(total=Count("code"), with_icon=Count("icon"))
        .order_by("group")
    )
    names = dict(group_model.objects.within(council).values_list("code", "name"))
    rows = [
        CoverageRow(g["group"], names.get(g["group"], g["group"]), g["total"], g["with_icon"])
        for g in grouped
    ]
    missing = list(
        villages.filter(icon__isnull=True)
        .select_related("district__regency__province")
        .order_by("code")[: MISSING_LIST_LIMIT + 1]
    )
    return Coverage(
        council=council,
        total=sum(r.total for r in rows),
        with_icon=sum(r.with_icon for r in rows),
        rows=rows,
        missing=missing[:MISSING_LIST_LIMIT],
        missing_truncated=len(missing) > MISSING_LIST_LIMIT,
    )


def coverage_totals(council: Council) -> tuple[int, int]:
    """(villages with an icon, all villages): one query, for dashboards."""
    figures = council.villages().aggregate(total=Count("code"), with_icon=Count("icon"))
    return figures["with_icon"], figures["total"]
