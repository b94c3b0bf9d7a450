"""Exports of the register list, with personal data masked or logged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.accounts.models import PersonalDataExport, User
from kriya.accounts.personal_data import mask
from kriya.lib.tabular import CSV_TYPE, Kind, Table, write_csv
from kriya.lib.tabular import Column as TableColumn
from kriya.lib.xlsx import XLSX_TYPE, write_xlsx
from kriya.regions.models import Council
from kriya.registry.models import Artisan, Business


@dataclass(frozen=True)
class Column:
    header: Callable[[], str]
    value: Callable[[object], object]
    personal: bool = False
    kind: Kind = Kind.TEXT


def _village(obj) -> str:
    return obj.village.name


def _district(obj) -> str:
    return obj.village.district.name


def _categories(obj) -> str:
    return ", ".join(c.name for c in obj.categories.all())


BUSINESS_COLUMNS = [
    Column(lambda: _("Business name"), lambda b: b.name),
    Column(lambda: _("Owner"), lambda b: b.owner.name if b.owner else ""),
    Column(lambda: _("Owner NIK"), lambda b: b.owner.nik if b.owner else "", personal=True),
    Column(lambda: _("NIB"), lambda b: b.nib),
    Column(lambda: _("Craft categories"), _categories),
    Column(lambda: _("Scale"), lambda b: b.get_scale_display()),
    Column(lambda: _("Village code"), lambda b: b.village_id),
    Column(lambda: _("Village"), _village),
    Column(lambda: _("District"), _district),
    Column(lambda: _("Address"), lambda b: b.address, personal=True),
    Column(lambda: _("Phone / WhatsApp"), lambda b: b.phone, personal=True, kind=Kind.PHONE),
    Column(lambda: _("Workers"), lambda b: b.workers, kind=Kind.NUMBER),
    Column(lambda: _("Yearly turnover (Rp)"), lambda b: b.yearly_turnover, kind=Kind.MONEY),
    Column(lambda: _("Year founded"), lambda b: b.year_founded, kind=Kind.NUMBER),
    Column(lambda: _("Council membership"), lambda b: b.get_membership_display()),
    Column(lambda: _("SIINas ID"), lambda b: b.siinas_id),
    Column(lambda: _("SIDT-KUMKM ID"), lambda b: b.sidt_kumkm_id),
    Column(lambda: _("e-Katalog ID"), lambda b: b.ekatalog_id),
]
ARTISAN_COLUMNS = [
    Column(lambda: _("Name"), lambda a: a.name),
    Column(lambda: _("NIK"), lambda a: a.nik, personal=True),
    Column(lambda: _("Sex"), lambda a: a.get_sex_display()),
    Column(lambda: _("Birth year"), lambda a: a.birth_year, kind=Kind.NUMBER),
    Column(lambda: _("Phone / WhatsApp"), lambda a: a.phone, personal=True, kind=Kind.PHONE),
    Column(lambda: _("Address"), lambda a: a.address, personal=True),
    Column(lambda: _("Village code"), lambda a: a.village_id),
    Column(lambda: _("Village"), _village),
    Column(lambda: _("District"), _district),
]


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str
    rows: int


def _prepare(queryset: QuerySet) -> QuerySet:
    queryset = queryset.select_related("village__district")
    if queryset.model is Business:
        return queryset.select_related("owner").prefetch_related("categories")
    return queryset


@transaction.atomic
def export_register(
    *,
    queryset: QuerySet,
    council: Council,
    user: User,
    fmt: str,
    reveal_personal: bool,
    filters: dict,
) -> ExportFile:
    """The list as XLSX or CSV. Personal columns are masked unless ``reveal_personal``;
    an export that reveals them writes its access-log row in the same transaction."""
    columns = BUSINESS_COLUMNS if queryset.model is Business else ARTISAN_COLUMNS
    objects = list(_prepare(queryset.within(council)).iterator(chunk_size=2000))

    def cells(obj) -> list:
        return [
            (
                column.value(obj)
                if reveal_personal or not column.personal
                else mask(str(column.value(obj) or ""))
            )
            for column in columns
        ]

    # A masked value is text ("5103••••0003"), whatever the column holds.
    table = Table(
        title=str(queryset.model._meta.verbose_name_plural),
        columns=[
            TableColumn(
                column.header(),
                column.kind if reveal_personal or not column.personal else Kind.TEXT,
            )
            for column in columns
        ],
        rows=(cells(obj) for obj in objects),
    )
    name = "usaha" if queryset.model is Business else "perajin"
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "csv":
        content, content_type = write_csv(table), CSV_TYPE
    else:
        fmt = "xlsx"
        content, content_type = write_xlsx(table), XLSX_TYPE
    if reveal_personal:
        PersonalDataExport.objects.create(
            user=user,
            council=council,
            what=str(queryset.model._meta.verbose_name_plural),
            filters=filters,
            rows=len(objects),
            file_format=fmt,
        )
    return ExportFile(content, content_type, f"{name}-{council.code}-{stamp}.{fmt}", len(objects))


__all__ = ["Artisan", "Business", "ExportFile", "export_register"]
