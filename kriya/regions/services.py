"""Writes to regions and councils: loading the official list, creating councils, terms."""

from __future__ import annotations

import csv
import gzip
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kriya.lib.bulk import insert_rows
from kriya.regions.models import BoardTerm, Council, District, Province, Regency, Village
from kriya.regions.scoping import (
    CODE_PATTERNS,
    DISTRICT,
    PROVINCE,
    REGENCY,
    VILLAGE,
    code_covers,
)

DATA_DIR = Path(__file__).resolve().parent / "data" / "wilayah"


def _shape(level: str) -> re.Pattern[str]:
    return re.compile(rf"^{CODE_PATTERNS[level]}$")


LevelModel = type[Province] | type[Regency] | type[District] | type[Village]
# (model, file stem, parent column, parent model, code pattern)
LEVELS: list[tuple[LevelModel, str, str | None, LevelModel | None, re.Pattern[str]]] = [
    (Province, "provinces", None, None, _shape(PROVINCE)),
    (Regency, "regencies", "province_code", Province, _shape(REGENCY)),
    (District, "districts", "regency_code", Regency, _shape(DISTRICT)),
    (Village, "villages", "district_code", District, _shape(VILLAGE)),
]


@dataclass
class LevelChanges:
    total: int = 0
    created: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    reactivated: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.created or self.renamed or self.moved or self.deactivated or self.reactivated
        )


@dataclass
class RegionsReport:
    levels: dict[str, LevelChanges]

    @property
    def changed(self) -> bool:
        return any(level.changed for level in self.levels.values())

    def counts(self) -> dict[str, int]:
        return {name: level.total for name, level in self.levels.items()}


def _read_rows(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(io.StringIO(handle.read())))


def _source_file(source_dir: Path, stem: str) -> Path:
    for name in (f"{stem}.csv.gz", f"{stem}.csv"):
        if (source_dir / name).exists():
            return source_dir / name
    raise ValidationError(_("The region file %(name)s.csv is missing.") % {"name": stem})


def _parse_level(
    source_dir: Path,
    stem: str,
    parent_column: str | None,
    pattern: re.Pattern,
    known_parents: set[str] | None,
    only: str | None,
) -> dict[str, tuple[str, str]]:
    """Read one file into {code: (name, parent code)}; every bad row is a ValidationError."""
    rows: dict[str, tuple[str, str]] = {}
    errors: list[str] = []
    for number, row in enumerate(_read_rows(_source_file(source_dir, stem)), start=2):
        code = (row.get("code") or "").strip()
        name = (row.get("name") or "").strip()
        parent = (row.get(parent_column) or "").strip() if parent_column else ""

        def where(number: int = number) -> str:  # built only for a bad row
            return f"{stem}.csv, " + _("row %(row)s") % {"row": number}

        if not pattern.match(code):
            errors.append(f"{where()}: " + _("“%(code)s” is not a valid code.") % {"code": code})
        elif only and not (code_covers(only, code) or only.startswith(code + ".")):
            continue
        elif code in rows:
            errors.append(f"{where()}: " + _("code %(code)s appears twice.") % {"code": code})
        elif not name:
            errors.append(f"{where()}: " + _("code %(code)s has no name.") % {"code": code})
        elif known_parents is not None and (
            parent not in known_parents or not code.startswith(parent + ".")
        ):
            errors.append(
                f"{where()}: "
                + _("code %(code)s names an unknown parent %(parent)s.")
                % {"code": code, "parent": parent}
            )
        else:
            rows[code] = (name, parent)
    if errors:
        raise ValidationError(errors)
    return rows


@transaction.atomic
def load_regions(*, source_dir: Path = DATA_DIR, only: str | None = None) -> RegionsReport:
    """Bring the region tables in line with the official files; all or nothing.

    New codes are added, renamed or moved ones updated in place, codes missing from the
    files kept but marked inactive (records may point to them). ``only`` limits the run
    to one province's subtree (used by quick test set-ups).
    """
    parsed: list[dict[str, tuple[str, str]]] = []
    parents: set[str] | None = None
    for _model, stem, parent_column, _parent_model, pattern in LEVELS:
        rows = _parse_level(source_dir, stem, parent_column, pattern, parents, only)
        parsed.append(rows)
        parents = set(rows)

    report = RegionsReport(levels={})
    for (model, stem, parent_column, _pm, _pattern), rows in zip(LEVELS, parsed, strict=True):
        report.levels[stem] = _sync_level(model, parent_column, rows, only)
    return report


def _sync_level(
    model: LevelModel,
    parent_column: str | None,
    rows: dict[str, tuple[str, str]],
    only: str | None,
) -> LevelChanges:
    parent_field = {
        None: None,
        "province_code": "province_id",
        "regency_code": "regency_id",
        "district_code": "district_id",
    }[parent_column]
    fields = ["code", "name", "is_active"] + ([parent_field] if parent_field else [])
    existing_qs = model.objects.in_region(only) if only else model.objects.all()
    existing = {row[0]: row for row in existing_qs.values_list(*fields).iterator(chunk_size=20000)}
    changes = LevelChanges(total=len(rows))
    to_create, to_update = [], []
    for code, (name, parent) in rows.items():
        old = existing.get(code)
        if old is None:
            to_create.append(
                (
                    code,
                    name,
                    True,
                    *([parent] if parent_field else []),
                    *([Village.kind_from_code(code)] if model is Village else []),
                )
            )
            changes.created.append(code)
            continue
        _code, old_name, old_active, *old_parent = old
        moved = bool(parent_field) and old_parent[0] != parent
        if old_name != name:
            changes.renamed.append(code)
        if moved:
            changes.moved.append(code)
        if not old_active:
            changes.reactivated.append(code)
        if old_name != name or moved or not old_active:
            values = {"code": code, "name": name, "is_active": True}
            if parent_field:
                values[parent_field] = parent
            to_update.append(model(**values))
    dropped = [code for code, row in existing.items() if code not in rows and row[2]]
    changes.deactivated = sorted(dropped)
    insert_rows(model, fields + (["kind"] if model is Village else []), to_create)
    if to_update:
        update_fields = ["name", "is_active"] + (
            [parent_field.removesuffix("_id")] if parent_field else []
        )
        # to_update holds rows of `model` itself; mypy cannot tie the union's members together.
        model.objects.bulk_update(to_update, update_fields, batch_size=2000)  # type: ignore[arg-type]
    for start in range(0, len(dropped), 900):
        model.objects.filter(code__in=dropped[start : start + 900]).update(is_active=False)
    return changes


@transaction.atomic
def create_council(*, code: str, name: str = "", by_council: Council | None = None) -> Council:
    """Create (or return) the council of a region; only for regions inside ``by_council``."""
    code = code.strip().upper()
    if by_council is not None and not code_covers(by_council.code, code):
        raise ValidationError(
            _("%(code)s is outside the region of %(council)s.")
            % {"code": code, "council": by_council}
        )
    existing = Council.objects.filter(code=code).first()
    if existing:
        return existing
    council = Council(code=code, name=name)
    council.full_clean()
    council.save(force_insert=True)
    return council


@transaction.atomic
def activate_term(*, term: BoardTerm) -> BoardTerm:
    """Make ``term`` its council's one active board term, ending the active one."""
    BoardTerm.objects.filter(council_id=term.council_id, is_active=True).exclude(pk=term.pk).update(
        is_active=False
    )
    term.is_active = True
    term.save(update_fields=["is_active"])
    return term
