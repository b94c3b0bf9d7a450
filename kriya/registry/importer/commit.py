"""Writing a judged file: one transaction, bulk inserts with reserved keys, updates only
where something changed, so importing the same file twice creates nothing new."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from kriya.lib.bulk import insert_rows
from kriya.registry.importer.preview import (
    DUPLICATE,
    ERROR,
    ArtisanRecord,
    BusinessRecord,
    Preview,
)
from kriya.registry.models import Artisan, Business

MODES = ("valid", "all")
ARTISAN_FIELDS = list(ArtisanRecord.FIELDS)
BUSINESS_FIELDS = list(BusinessRecord.FIELDS)


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    skipped_rows: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "skipped_rows": self.skipped_rows,
        }


def reserve_ids(model, count: int) -> list[int]:
    """``count`` primary keys for rows about to be inserted with explicit keys.

    PostgreSQL hands them out from the table's sequence (safe beside other writers);
    SQLite has no sequence: inside the import's write transaction (IMMEDIATE, so no other
    writer) the next keys follow the largest one.
    """
    if count == 0:
        return []
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(
            f"SELECT COALESCE(MAX({connection.ops.quote_name(pk)}), 0) FROM "
            f"{connection.ops.quote_name(table)}"
        )
        start = cursor.fetchone()[0] + 1
        return list(range(start, start + count))


@transaction.atomic
def commit_preview(preview: Preview, *, mode: str) -> Result:
    """Write the rows of ``preview``. ``valid``: OK and warning rows, the rest skipped with
    reasons. ``all``: refused, nothing written, if any row has an error or is a duplicate."""
    if mode not in MODES:
        raise ValidationError(_("Unknown import mode “%(mode)s”.") % {"mode": mode})
    bad = [row for row in preview.rows if row.status in (ERROR, DUPLICATE)]
    if mode == "all" and bad:
        raise ValidationError(
            _(
                "All or nothing: %(n)s rows have errors or are duplicates, so "
                "nothing was imported. Fix them or import the valid rows."
            )
            % {"n": len(bad)}
        )
    result = Result(
        skipped=len(bad),
        skipped_rows=[
            {"row": row.number, "status": row.status, "problems": row.problems} for row in bad
        ],
    )
    good = [row for row in preview.rows if row.status not in (ERROR, DUPLICATE)]
    artisan_ids = _write_artisans(good, result, counts=preview.kind == "artisan")
    if preview.kind == "business":
        _write_businesses(good, artisan_ids, result)
    else:
        existing = {row.artisan_id for row in good if row.artisan_id}
        _write_categories(
            Artisan.skills.through,
            "artisan_id",
            [(artisan_ids[id(row)], row.categories) for row in good],
            existing=existing,
        )
    return result


def _changed(existing: dict, wanted: dict, fields: list[str]) -> dict:
    """Fields to update: the file fills blanks and corrects values; it never blanks data."""
    return {
        name: wanted[name]
        for name in fields
        if wanted.get(name) not in (None, "") and existing.get(name) != wanted[name]
    }


def _write_artisans(rows, result: Result, *, counts: bool) -> dict[int, int]:
    """Create or update the artisans; returns {id(row): artisan pk}."""
    with_artisan = [row for row in rows if row.artisan]
    existing = Artisan.objects.in_bulk([row.artisan_id for row in with_artisan if row.artisan_id])
    new = [row for row in with_artisan if not row.artisan_id]
    keys = dict(zip(map(id, new), reserve_ids(Artisan, len(new)), strict=True))
    insert_rows(
        Artisan,
        ["id", *ARTISAN_FIELDS],
        # A generator: insert_rows takes 10,000 at a time, never all 100,000 tuples at once.
        ((keys[id(row)], *row.artisan) for row in new),
    )
    updates = _apply_updates(
        existing,
        [(row.artisan_id, row.artisan) for row in with_artisan if row.artisan_id],
        ARTISAN_FIELDS,
    )
    if counts:
        result.created += len(new)
        result.updated += updates
        result.unchanged += len(with_artisan) - len(new) - updates
    return {**keys, **{id(row): row.artisan_id for row in with_artisan if row.artisan_id}}


def _write_businesses(rows, artisan_ids: dict[int, int], result: Result) -> None:
    with_business = [row for row in rows if row.business]
    existing = Business.objects.in_bulk(
        [row.business_id for row in with_business if row.business_id]
    )
    new = [row for row in with_business if not row.business_id]
    keys = dict(zip(map(id, new), reserve_ids(Business, len(new)), strict=True))
    insert_rows(
        Business,
        ["id", *BUSINESS_FIELDS, "owner_id"],
        ((keys[id(row)], *row.business, artisan_ids.get(id(row))) for row in new),
    )
    wanted = []
    for row in with_business:
        if row.business_id:
            data = row.business.as_dict()
            if id(row) in artisan_ids:
                data["owner_id"] = artisan_ids[id(row)]
            wanted.append((row.business_id, data))
    updates = _apply_updates(existing, wanted, [*BUSINESS_FIELDS, "owner_id"])
    result.created += len(new)
    result.updated += updates
    result.unchanged += len(with_business) - len(new) - updates
    _write_categories(
        Business.categories.through,
        "business_id",
        [(keys.get(id(row)) or row.business_id, row.categories) for row in with_business],
        existing=set(existing),
    )


def _apply_updates(existing: dict, wanted: list[tuple[int, dict]], fields: list[str]) -> int:
    changed_objects, changed_fields = [], set()
    now = _now()
    for pk, data in wanted:
        obj = existing[pk]
        changes = _changed({f: getattr(obj, f) for f in fields}, data, fields)
        if changes:
            for name, value in changes.items():
                setattr(obj, name, value)
            obj.updated_at = now
            changed_objects.append(obj)
            changed_fields |= set(changes)
    if changed_objects:
        type(changed_objects[0]).objects.bulk_update(
            changed_objects, sorted(changed_fields | {"updated_at"}), batch_size=2000
        )
    return len(changed_objects)


def _write_categories(
    through,
    owner_column: str,
    pairs: list[tuple[int, list[int]]],
    existing: set[int] | frozenset[int] = frozenset(),
) -> None:
    """Add the rows' categories; only records that existed before can already have some."""
    owners = [pk for pk, categories in pairs if categories and pk in existing]
    present = set()
    for start in range(0, len(owners), 900):
        present |= set(
            through.objects.filter(
                **{f"{owner_column}__in": owners[start : start + 900]}
            ).values_list(owner_column, "craftcategory_id")
        )
    insert_rows(
        through,
        [owner_column, "craftcategory_id"],
        [
            (pk, category)
            for pk, categories in pairs
            for category in categories
            if (pk, category) not in present
        ],
    )


def _now():
    from django.utils import timezone

    return timezone.now()
