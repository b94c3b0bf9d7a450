"""Importing a council's register from XLSX or CSV: fast and forgiving.

    preview = preview_file(content=..., filename="register.xlsx", council=council,
                           kind="business")          # nothing written
    preview.counts()  -> {"rows": 9, "ok": 4, "warning": 3, "error": 1, "duplicate": 1}
    preview.rows      -> every row with its status and (column, reason) problems
    result = commit_preview(preview, mode="valid")   # or "all" (all or nothing)
    result.as_dict()  -> {"created": 7, "updated": 0, "unchanged": 0, "skipped": 2, ...}

    columns = propose_columns(content=..., filename=...)   # headings → fields, to confirm
    preview_file(..., columns=columns.with_fields({7: "phone", 9: ""}))  # the user's choice

Modules: ``reading`` (cells from XLSX/CSV), ``columns`` (which column is which),
``values`` (rupiah, NIK, L/P ...), ``villages`` (names to official codes), ``preview``
(judging rows), ``commit`` (writing them), ``template`` (the blank XLSX to fill in).
The upload pages, the background task and ``import_register`` all call these.
"""

from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kriya.regions.models import Council
from kriya.registry.importer.columns import ColumnMap, find_columns, parse_overrides
from kriya.registry.importer.commit import Result, commit_preview
from kriya.registry.importer.preview import KINDS, Preview, build_preview
from kriya.registry.importer.reading import read_rows


def preview_file(
    *,
    content: bytes | BinaryIO,
    filename: str,
    council: Council,
    kind: str,
    progress=None,
    columns: ColumnMap | None = None,
    overrides: list[str] | tuple[str, ...] = (),
) -> Preview:
    """Every row of ``content`` (bytes, or a binary file open for reading) read within the
    limits of ``limits.py`` and judged, nothing written; ``columns`` is the mapping the user confirmed (else the matcher's),
    ``overrides`` corrections typed as ``"No. HP/WA=phone"`` (``"Foto="``: not used)."""
    rows = read_rows(content, filename)
    if overrides:
        found = columns or _found(rows)
        try:
            columns = found.with_fields(parse_overrides(list(overrides), found))
        except ValueError as error:
            raise ValidationError(str(error)) from error
    return build_preview(rows, council=council, kind=kind, progress=progress, columns=columns)


def propose_columns(*, content: bytes | BinaryIO, filename: str) -> ColumnMap:
    """The matcher's mapping of the file's headings, for the user to confirm or correct."""
    return _found(read_rows(content, filename))


def _found(rows: list[list]) -> ColumnMap:
    columns = find_columns(rows)
    if columns is None:
        raise ValidationError(
            _(
                "No heading row found. The file needs headings such as "
                "“Nama Usaha”, “Nama Perajin”, “Desa”, “Kecamatan”."
            )
        )
    return columns


__all__ = [
    "KINDS",
    "ColumnMap",
    "Preview",
    "Result",
    "commit_preview",
    "preview_file",
    "propose_columns",
]
