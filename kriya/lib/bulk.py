"""Fast inserts for large loads (regions, imports), the same SQL on SQLite and PostgreSQL.

Django's ``bulk_create`` compiles every batch of model instances to SQL; for 100,000 rows
that compiling costs more than the insert itself. ``insert_rows`` sends plain tuples
through ``executemany`` with one prepared ``INSERT``. It bypasses ``save()`` and signals,
as ``bulk_create`` does; callers validate first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any, cast

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.utils import timezone


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence],
    batch_size: int = 10_000,
) -> int:
    """Insert ``rows`` (tuples in the order of ``fields``, attribute names such as
    ``district_id``) into ``model``'s table; every other column gets the field's default
    (``auto_now`` fields the current time). Returns the number of rows."""
    # ``fields`` name the table's own columns (a foreign key by its field), never a reverse
    # relation: each is a concrete Field with a column.
    given = [
        cast(
            "models.Field[Any, Any]",
            model._meta.get_field(
                name.removesuffix("_id")
                if name.endswith("_id") and not _is_field(model, name)
                else name
            ),
        )
        for name in fields
    ]
    defaults = []
    now = timezone.now()
    for field in model._meta.concrete_fields:
        if field in given or field.primary_key:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults.append((field, field.get_db_prep_save(now, connection)))  # adapted once
        else:
            defaults.append((field, field.get_db_prep_save(field.get_default(), connection)))
    columns = [field.column for field in given] + [field.column for field, _value in defaults]
    extra = tuple(value for _field, value in defaults)
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    total = 0
    iterator = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(iterator, batch_size)):
            cursor.executemany(sql, [(*row, *extra) for row in batch])
            total += len(batch)
    return total


def _is_field(model: type[models.Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True
