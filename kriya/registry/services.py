"""Writes to the register: icons, merges of duplicates."""

from __future__ import annotations

from typing import TypeVar, cast

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from kriya.accounts.models import User
from kriya.regions.models import Council, Village
from kriya.regions.scoping import code_covers
from kriya.registry.models import (
    Artisan,
    Business,
    CraftCategory,
    MergeRecord,
    RegisterRecord,
    VillageIcon,
)

# An artisan or a business: a merge keeps the kind of record it was given.
_Record = TypeVar("_Record", Artisan, Business)


@transaction.atomic
def set_village_icon(
    *,
    council: Council,
    village: Village,
    category: CraftCategory,
    title: str,
    by: User | None = None,
    **details: object,
) -> VillageIcon:
    """Give ``village`` its signature craft; only inside the council's own region."""
    if not code_covers(council.code, village.code):
        raise ValidationError(
            _("%(village)s is outside the region of %(council)s.")
            % {"village": village.name, "council": council.name}
        )
    icon, _created = VillageIcon.objects.update_or_create(
        village=village, defaults={"category": category, "title": title, "set_by": by, **details}
    )
    return icon


def _snapshot(obj: models.Model) -> dict[str, str | list[str] | None]:
    data = model_to_dict(obj, exclude=["photo"])
    return {
        key: (
            list(map(str, value))
            if isinstance(value, list)
            else str(value)
            if value is not None
            else None
        )
        for key, value in data.items()
    }


def _move_related(*, keep: RegisterRecord, drop: RegisterRecord) -> dict[str, int]:
    """Point every row that refers to ``drop`` at ``keep``; returns counts per relation."""
    moved: dict[str, int] = {}
    for relation in type(drop)._meta.related_objects:
        if relation.field.name == "merged_into":
            continue
        # related_objects leaves out hidden relations, the only ones without an accessor.
        accessor = cast(str, relation.get_accessor_name())
        if relation.many_to_many:
            manager = getattr(drop, accessor)
            rows = list(manager.all())
            getattr(keep, accessor).add(*rows)
            manager.clear()
            moved[accessor] = len(rows)
        else:
            # A reverse relation's related_model is the referring model's class.
            related = cast("type[models.Model]", relation.related_model)
            count = related._base_manager.filter(**{relation.field.name: drop}).update(
                **{relation.field.name: keep}
            )
            moved[accessor] = count
    for field in type(drop)._meta.many_to_many:  # the dropped record's own tags (skills...)
        getattr(keep, field.name).add(*getattr(drop, field.name).all())
    return moved


def _fill_blanks(*, keep: RegisterRecord, drop: RegisterRecord, fields: list[str]) -> list[str]:
    filled = [name for name in fields if not getattr(keep, name) and getattr(drop, name)]
    for name in filled:
        setattr(keep, name, getattr(drop, name))
    return filled


@transaction.atomic
def merge_artisans(*, keep: Artisan, drop: Artisan, by: User | None) -> Artisan:
    """Merge a duplicate into ``keep``: every related record moves, blanks are filled from
    the duplicate, and the duplicate stays (marked merged) with a record of what moved."""
    return _merge(
        keep=keep,
        drop=drop,
        by=by,
        kind="artisan",
        fields=["nik", "sex", "birth_year", "phone", "address", "notes"],
    )


@transaction.atomic
def merge_businesses(*, keep: Business, drop: Business, by: User | None) -> Business:
    """As :func:`merge_artisans`, for two records of one business."""
    return _merge(
        keep=keep,
        drop=drop,
        by=by,
        kind="business",
        fields=[
            "owner",
            "nib",
            "address",
            "phone",
            "workers",
            "capital",
            "yearly_turnover",
            "year_founded",
            "member_since",
            "website",
            "instagram",
            "facebook",
            "marketplace",
            "siinas_id",
            "sidt_kumkm_id",
            "ekatalog_id",
            "notes",
            "cluster",
        ],
    )


def _merge(
    *, keep: _Record, drop: _Record, by: User | None, kind: str, fields: list[str]
) -> _Record:
    model = type(keep)
    locked = {
        obj.pk: obj
        for obj in model.objects.select_for_update()
        .filter(pk__in=[keep.pk, drop.pk])
        .order_by("pk")
    }
    keep, drop = locked[keep.pk], locked[drop.pk]
    if keep.pk == drop.pk:
        raise ValidationError(_("A record cannot be merged into itself."))
    if drop.merged_into_id or keep.merged_into_id:
        raise ValidationError(_("One of these records was already merged."))
    snapshot = _snapshot(drop)
    moved = _move_related(keep=keep, drop=drop)
    unique: list[str] = [name for name in ("nik", "nib") if name in fields]
    for name in unique:  # a unique number moves from the duplicate to the survivor
        if not getattr(keep, name) and getattr(drop, name):
            value = getattr(drop, name)
            setattr(drop, name, "")
            drop.save(update_fields=[name])
            setattr(keep, name, value)
    filled: list[str] = _fill_blanks(
        keep=keep, drop=drop, fields=[f for f in fields if f not in unique]
    )
    keep.save(update_fields=[*filled, *unique, "updated_at"])
    drop.merged_into = keep
    drop.save(update_fields=["merged_into", "updated_at"])
    MergeRecord.objects.create(
        kind=kind,
        kept_id=keep.pk,
        merged_id=drop.pk,
        merged_snapshot=snapshot,
        moved=moved,
        village_id=keep.village_id,
        by=by,
    )
    return keep
