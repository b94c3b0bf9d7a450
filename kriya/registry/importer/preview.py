"""Every row judged before anything is written: OK, warning, error or duplicate, each
problem with its row, column and reason, and what committing would do with the row."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from kriya.lib.money import format_rupiah
from kriya.regions.models import Council, District
from kriya.registry.duplicates import name_key, similar
from kriya.registry.importer import values
from kriya.registry.importer.columns import LABELS, ColumnMap, find_columns
from kriya.registry.importer.reading import cell_name
from kriya.registry.importer.villages import VillageIndex
from kriya.registry.models import Artisan, Business, CraftCategory, scale_for
from kriya.registry.validators import nik_problem, normalize_name, normalize_phone, phone_problem

OK, WARNING, ERROR, DUPLICATE = "ok", "warning", "error", "duplicate"
SEPARATORS = re.compile(r"[\s.\-]")
NIB = re.compile(r"\d{13}")
LIST_SEPARATORS = re.compile(r"[;,/]")
KINDS = ("business", "artisan")
# A row that adds the others up: "JUMLAH", "Total", "Jumlah Keseluruhan", "Sub Total :".
TOTALS = re.compile(
    r"(?:grand\s*|sub\s*)?(?:jumlah|jml|total)(?:\s+(?:keseluruhan|seluruhnya|semua|akhir|"
    r"total|umum))?\s*:?",
    re.IGNORECASE,
)
TOTALS_LABEL_COLUMNS = 6
SCALES = {
    "mikro": "mikro",
    "micro": "mikro",
    "kecil": "kecil",
    "small": "kecil",
    "menengah": "menengah",
    "medium": "menengah",
    "besar": "besar",
    "large": "besar",
}
# Words councils write for a craft that are not a category's own name.
CATEGORY_ALIASES = {
    "ukiran": "ukir-kayu",
    "ukir": "ukir-kayu",
    "kerajinan kayu": "kayu",
    "pahat": "patung-kayu",
    "patung": "patung-kayu",
    "tenun": "tenun",
    "kain tenun": "tenun",
    "gerabah": "gerabah-tanah-liat",
    "tembikar": "gerabah-tanah-liat",
    "papan catur": "catur",
    "perhiasan": "perak",
    "sulam": "rajut",
    "bordir": "rajut",
    "tedung": "payung-upacara",
}
MEMBERSHIP = {
    "anggota": "member",
    "ya": "member",
    "member": "member",
    "calon": "candidate",
    "calon anggota": "candidate",
    "bukan": "none",
    "tidak": "none",
    "bukan anggota": "none",
}


class Record(tuple):
    """A judged artisan or business: its values in the order of ``FIELDS`` (the columns the
    commit writes), read by name (``record["name"]``, ``record.get("nib")``) as a dict is,
    in a tuple's memory: 100,000 rows hold ~60 MB less than with a dict each."""

    __slots__ = ()
    FIELDS: tuple[str, ...] = ()
    INDEX: dict[str, int] = {}

    def __new__(cls, **values: object) -> Record:
        return super().__new__(cls, [values[name] for name in cls.FIELDS])

    def __getitem__(self, key):  # type: ignore[override]
        return super().__getitem__(self.INDEX[key] if key.__class__ is str else key)

    def get(self, name: str, default: object = None) -> object:
        at = self.INDEX.get(name)
        return default if at is None else super().__getitem__(at)

    def as_dict(self) -> dict[str, object]:
        return dict(zip(self.FIELDS, self, strict=True))


class ArtisanRecord(Record):
    __slots__ = ()
    FIELDS = ("name", "nik", "sex", "phone", "village_id", "address", "birth_year")
    INDEX = {name: at for at, name in enumerate(FIELDS)}


class BusinessRecord(Record):
    __slots__ = ()
    FIELDS = (
        "name",
        "nib",
        "village_id",
        "address",
        "phone",
        "workers",
        "yearly_turnover",
        "capital",
        "scale",
        "year_founded",
        "membership",
        "notes",
    )
    INDEX = {name: at for at, name in enumerate(FIELDS)}


@dataclass(slots=True)
class Row:
    number: int
    status: str = OK
    problems: list[tuple[str, str]] = field(default_factory=list)
    artisan: ArtisanRecord | None = None
    business: BusinessRecord | None = None
    artisan_id: int | None = None  # an existing record this row updates
    business_id: int | None = None
    categories: list[int] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # name keys, computed once

    def flag(self, column: str, message: str, status: str) -> None:
        self.problems.append((column, message))
        rank = {OK: 0, WARNING: 1, DUPLICATE: 2, ERROR: 3}
        if rank[status] > rank[self.status]:
            self.status = status


@dataclass
class Preview:
    kind: str
    columns: ColumnMap
    rows: list[Row]
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {OK: 0, WARNING: 0, ERROR: 0, DUPLICATE: 0}
        for row in self.rows:
            counts[row.status] += 1
        return {"rows": len(self.rows), **counts}


class Register:
    """What the council's register already holds, loaded once for the whole file."""

    def __init__(self, council: Council):
        self.nik: dict[str, int] = {}
        # Same name, same village: one person only if their NIKs do not disagree.
        self.artisan_key: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
        self.artisans_by_village: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.artisan_nik: dict[int, str] = {}
        for pk, name, nik, village in (
            Artisan.objects.within(council)
            .active()
            .order_by("pk")
            .values_list("pk", "name", "nik", "village_id")
        ):
            if nik:
                self.nik[nik] = pk
            self.artisan_key[(name_key(name), village)].append((pk, name, nik))
            self.artisans_by_village[village].append((pk, name))
            self.artisan_nik[pk] = nik
        self.nib: dict[str, int] = {}
        self.business_key: dict[tuple[str, str], int] = {}
        self.business_nib: dict[int, str] = {}
        self.businesses_by_village: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for pk, name, nib, village in (
            Business.objects.within(council).active().values_list("pk", "name", "nib", "village_id")
        ):
            if nib:
                self.nib[nib] = pk
            self.business_key[(name_key(name), village)] = pk
            self.business_nib[pk] = nib
            self.businesses_by_village[village].append((pk, name))
        # NIKs and NIBs anywhere in the country are unique: a clash outside is an error.
        self.districts = frozenset(District.objects.values_list("code", flat=True))
        self.categories: dict[str, int] = {}
        for category in CraftCategory.objects.all():
            for alias in (category.name, category.name_en, category.slug.replace("-", " ")):
                if alias:
                    self.categories.setdefault(alias.lower(), category.pk)
        slugs = dict(CraftCategory.objects.values_list("slug", "pk"))
        for alias, slug in CATEGORY_ALIASES.items():
            if slug in slugs:
                self.categories.setdefault(alias, slugs[slug])
        self.category_names = list(self.categories)


def build_preview(
    rows: list[list],
    *,
    council: Council,
    kind: str,
    progress=None,
    columns: ColumnMap | None = None,
) -> Preview:
    """Judge every row; ``columns`` is the mapping the user confirmed, else the matcher's.
    ``rows`` is used up: each row below the headings is emptied (None) once judged, so the
    raw cells and the judged rows are never all in memory together."""
    from django.core.exceptions import ValidationError

    columns = columns or find_columns(rows)
    if columns is None:
        raise ValidationError(
            _(
                "No heading row found. The file needs headings such as "
                "“Nama Usaha”, “Nama Perajin”, “Desa”, “Kecamatan”."
            )
        )
    name_field = "business_name" if kind == "business" else "owner_name"
    columns.require(kind)
    register = Register(council)
    villages = VillageIndex(council)
    seen: dict[tuple, int] = {}
    judged: list[Row] = []
    this_year = date.today().year
    unsaved = _unsaved_formulas(rows, columns)
    body = range(columns.header_row + 1, len(rows))
    notes = []
    for offset, index in enumerate(body):
        cells, rows[index] = rows[index], None  # the sheet lets go of each row as it is judged
        cell = _Cells(cells, columns, this_year)
        formulas = unsaved.get(columns.header_row + 1 + offset) if unsaved else None
        if _is_totals(cells, cell):
            notes.append(
                _("Row %(row)s: totals row, skipped.") % {"row": columns.header_row + offset + 2}
            )
            continue
        if (
            not formulas
            and not cell.text(name_field)
            and not cell.text("owner_name")
            and not cell.text("business_name")
        ):
            continue  # an empty row, or one with only its number
        row = Row(number=columns.header_row + offset + 2)
        _judge(row, cell, kind=kind, register=register, villages=villages, seen=seen)
        for name, where in formulas or ():
            row.flag(
                cell.heading(name),
                _(
                    "Cell %(cell)s holds a formula without a saved value: open the file in Excel "
                    "and save it again."
                )
                % {"cell": where},
                ERROR if name in {name_field, "village", "village_code"} else WARNING,
            )
        judged.append(row)
        if progress and offset % 2000 == 0:
            progress(offset, len(body))
    if progress:
        progress(len(body), len(body))
    if "turnover_month" in columns.fields and "turnover_year" not in columns.fields:
        notes.append(
            _("“%(column)s” is a monthly figure: it is multiplied by 12 for the yearly turnover.")
            % {"column": columns.heading("turnover_month")}
        )
    notes += columns.unused_notes()
    return Preview(kind=kind, columns=columns, rows=judged, notes=notes)


def _unsaved_formulas(rows: list[list], columns: ColumnMap) -> dict[int, list[tuple]]:
    """Row index → (field, cell name) of the row's cells whose formula has no saved value
    (they read as empty), in the columns the import uses."""
    fields = {index: name for name, index in columns.fields.items()}
    found: dict[int, list[tuple]] = defaultdict(list)
    for row, column in sorted(getattr(rows, "unsaved_formulas", ())):
        if row > columns.header_row and column in fields:
            found[row].append((fields[column], cell_name(row, column)))
    return found


def _is_totals(cells: list, cell: _Cells) -> bool:
    """A totals row: one cell says so, and the name cells are empty or say the same
    (merged over them)."""
    # The label sits at the left (over the number and name cells) or in a name cell.
    labels = [*cells[:TOTALS_LABEL_COLUMNS], cell.raw("business_name"), cell.raw("owner_name")]
    if not any(isinstance(value, str) and TOTALS.fullmatch(value.strip()) for value in labels):
        return False
    names = [cell.text(name) for name in ("business_name", "owner_name")]
    return all(not text or TOTALS.fullmatch(text) for text in names)


class _Cells:
    """One row's cells by field name, read once."""

    def __init__(self, cells: list, columns: ColumnMap, this_year: int):
        width = len(cells)
        self.values = {
            name: cells[index] for name, index in columns.fields.items() if index < width
        }
        self.columns, self.this_year = columns, this_year
        self.texts: dict[str, str] = {}

    def raw(self, name: str):
        return self.values.get(name)

    def text(self, name: str) -> str:
        text = self.texts.get(name)
        if text is None:
            value = self.values.get(name)
            text = self.texts[name] = "" if value is None or value == "" else values.text(value)
        return text

    def heading(self, name: str) -> str:
        return self.columns.heading(name)


def _parse(row: Row, cell: _Cells, name: str, parser, status=ERROR, **kwargs):
    raw = cell.raw(name)
    if raw is None or raw == "":
        return None
    try:
        return parser(raw, **kwargs)
    except ValueError as error:
        row.flag(cell.heading(name), str(error), status)
        return None


def _not_negative(row: Row, cell: _Cells, name: str, parser, **kwargs):
    """A count or an amount, read with its sign in any notation; below zero it is flagged
    with its row and column and left empty."""
    status = WARNING if name == "workers" else ERROR
    value = _parse(row, cell, name, parser, status, **kwargs)
    if value is None or value >= 0:
        return value
    shown = format_rupiah(value) if name != "workers" else str(value)
    row.flag(
        cell.heading(name),
        _("“%(value)s” reads as %(number)s: %(field)s cannot be below zero, so it is left empty.")
        % {"value": cell.text(name), "number": shown, "field": LABELS[name]},
        WARNING,
    )
    return None


def _judge(
    row: Row, cell: _Cells, *, kind: str, register: Register, villages: VillageIndex, seen: dict
) -> None:
    match = villages.match(
        code=cell.text("village_code"),
        name=cell.text("village"),
        district=cell.text("district"),
        regency=cell.text("regency"),
    )
    if match.problem:
        row.flag(
            cell.heading("village" if cell.text("village") else "village_code"),
            match.problem,
            ERROR,
        )
    village = match.code
    artisan = _artisan(row, cell, village, register)
    if kind == "business":
        _business(row, cell, village, register, artisan)
    else:
        row.artisan = artisan
    _categories(row, cell, register)
    _duplicates(row, cell, kind, village, register, seen)


def _artisan(
    row: Row, cell: _Cells, village: str | None, register: Register
) -> ArtisanRecord | None:
    name = normalize_name(cell.text("owner_name"))
    if not name:
        if cell.columns.fields.get("owner_name") is not None:
            row.flag(
                cell.heading("owner_name"),
                _("No artisan name: the business is registered without an owner."),
                WARNING,
            )
        return None
    nik, warning = values.nik(cell.raw("nik"))
    if warning:
        row.flag(cell.heading("nik"), warning, WARNING)
    if nik:
        problem = nik_problem(nik, register.districts)
        if problem:
            row.flag(cell.heading("nik"), problem + " " + _("The NIK is left empty."), WARNING)
            nik = ""
    phone = normalize_phone(cell.text("phone"))
    if phone_problem(phone):
        row.flag(
            cell.heading("phone"),
            phone_problem(phone) + " " + _("The phone is left empty."),
            WARNING,
        )
        phone = ""
    sex = _parse(row, cell, "sex", values.sex, WARNING) or ""
    if nik and sex and (sex == "P") != (int(nik[6:8]) > 40):
        row.flag(
            cell.heading("sex"),
            _("The sex does not agree with the NIK (women have 40 added to the birth day)."),
            WARNING,
        )
    key = name_key(name)
    data = ArtisanRecord(
        name=name,
        nik=nik,
        sex=sex,
        phone=phone,
        village_id=village,
        address=cell.text("address"),
        birth_year=_parse(row, cell, "birth_year", values.year, WARNING, this_year=cell.this_year),
    )
    if nik and nik in register.nik:
        row.artisan_id = register.nik[nik]
    elif village:
        row.artisan_id = _namesake(row, cell, register.artisan_key.get((key, village), []), nik)
    row.keys["artisan"] = key
    return data


def _namesake(row: Row, cell: _Cells, namesakes: list, nik: str) -> int | None:
    """The registered artisan of the same name in the village who is this row's person:
    only one whose NIK does not disagree. Another NIK is another person; a NIK on one side
    only is a question for the user, never a silent merge."""
    for pk, _name, other in namesakes:
        if not nik and not other:
            return pk  # neither has a NIK: name and village are all there is to go by
    for pk, name, other in namesakes:
        if nik and other:
            row.flag(
                cell.heading("nik"),
                _(
                    "“%(name)s” (#%(pk)s) in this village has the same name but another NIK "
                    "(%(other)s): this row is a different person and is registered separately."
                )
                % {"name": name, "pk": pk, "other": other},
                WARNING,
            )
        else:
            row.flag(
                cell.heading("owner_name"),
                _(
                    "Same name as “%(name)s” (#%(pk)s) in this village, but only one of them has a "
                    "NIK: suspected duplicate, skipped; check whether they are one person, then "
                    "add the NIK or merge them."
                )
                % {"name": name, "pk": pk},
                DUPLICATE,
            )
            return None
    return None


def _business(
    row: Row,
    cell: _Cells,
    village: str | None,
    register: Register,
    artisan: ArtisanRecord | None,
) -> None:
    name = normalize_name(cell.text("business_name"))
    if not name:
        row.flag(cell.heading("business_name"), _("The business name is empty."), ERROR)
        return
    nib = SEPARATORS.sub("", cell.text("nib"))
    if nib and not NIB.fullmatch(nib):
        row.flag(
            cell.heading("nib"),
            _("NIB must be exactly 13 digits.") + " " + _("The NIB is left empty."),
            WARNING,
        )
        nib = ""
    turnover = _not_negative(row, cell, "turnover_year", values.rupiah_signed)
    monthly = _not_negative(row, cell, "turnover_month", values.rupiah_signed)
    if monthly is not None and turnover is None:
        turnover = monthly * 12  # the preview notes the conversion once, for the column
    capital = _not_negative(row, cell, "capital", values.rupiah_signed)
    scale = scale_for(capital=capital, turnover=turnover)
    if scale is None and cell.text("scale"):
        scale = SCALES.get(cell.text("scale").lower())
        if scale is None:
            row.flag(
                cell.heading("scale"),
                _("“%(value)s” is not mikro, kecil or menengah.") % {"value": cell.text("scale")},
                WARNING,
            )
    membership = MEMBERSHIP.get(cell.text("membership").lower(), "member")
    row.business = BusinessRecord(
        name=name,
        nib=nib,
        village_id=village,
        address=cell.text("address"),
        phone=artisan["phone"] if artisan else normalize_phone(cell.text("phone")),
        workers=_not_negative(row, cell, "workers", values.whole_number, low=-(10**7)),
        yearly_turnover=turnover,
        capital=capital,
        scale=scale or "mikro",
        year_founded=_parse(
            row, cell, "year_founded", values.year, WARNING, this_year=cell.this_year
        ),
        membership=membership,
        notes=cell.text("notes"),
    )
    row.artisan = artisan
    key = row.keys["business"] = name_key(name)
    if nib and nib in register.nib:
        row.business_id = register.nib[nib]
    elif village and (key, village) in register.business_key:
        pk = register.business_key[(key, village)]
        if not nib or register.business_nib[pk] in ("", nib):
            row.business_id = pk  # another NIB is another business of the same name


def _categories(row: Row, cell: _Cells, register: Register) -> None:
    wanted = cell.text("category")
    if not wanted:
        return
    for part in LIST_SEPARATORS.split(wanted):
        part = part.strip().lower()
        if not part:
            continue
        pk = register.categories.get(part)
        if pk is None:
            found = process.extractOne(
                part, register.category_names, scorer=fuzz.WRatio, score_cutoff=85
            )
            pk = register.categories[found[0]] if found else None
        if pk is None:
            row.flag(
                cell.heading("category"),
                _("Unknown craft category “%(value)s”: the row is imported without it.")
                % {"value": part},
                WARNING,
            )
        elif pk not in row.categories:
            row.categories.append(pk)


def _duplicates(
    row: Row, cell: _Cells, kind: str, village: str | None, register: Register, seen: dict
) -> None:
    record = row.business if kind == "business" else row.artisan
    if not record or not village or row.status == DUPLICATE:
        return
    column = cell.heading("business_name" if kind == "business" else "owner_name")
    number = record.get("nib") or record.get("nik")
    by_name = ("name", row.keys[kind], village)
    # Same name with another NIK/NIB is another person or shop, not a repeat.
    earlier = [at for at, other in seen.get(by_name, []) if not number or not other]
    if number and ("id", number) in seen:
        earlier = [seen[("id", number)]]
    if earlier:
        row.flag(
            column,
            _("Same as row %(row)s of this file: this row is skipped.") % {"row": earlier[0]},
            DUPLICATE,
        )
        return
    if number:
        seen[("id", number)] = row.number
    seen.setdefault(by_name, []).append((row.number, number))
    existing = row.business_id if kind == "business" else row.artisan_id
    if existing:
        return  # the same record: committing updates it
    pool = (register.businesses_by_village if kind == "business" else register.artisans_by_village)[
        village
    ]
    numbers = register.business_nib if kind == "business" else register.artisan_nik
    for pk, name in pool:
        if number and numbers.get(pk) not in ("", number):
            continue  # another NIK or NIB: another person or business, however alike the names
        if similar(name, record["name"]):
            row.flag(
                column,
                _(
                    "Looks like “%(name)s”, already registered in this village (#%(pk)s): "
                    "skipped; merge or correct it first."
                )
                % {"name": name, "pk": pk},
                DUPLICATE,
            )
            return
