"""Importing a council's register from XLSX or CSV: fast and forgiving.

    preview = preview_file(content=..., filename="register.xlsx", council=council,
                           kind="business")          # nothing written
    preview.counts()  -> {"rows": 9, "ok": 4, "warning": 3, "error": 1, "duplicate": 1}
    preview.rows      -> every row with its status and (column, reason) problems
    result = commit_preview(preview, mode="valid")   # or "all" (all or nothing)
    result.as_dict()  -> {"created": 7, "updated": 0, "unchanged": 0, "skipped": 2, ...}

Modules: ``reading`` (cells from XLSX/CSV), ``columns`` (which column is which),
``values`` (rupiah, NIK, L/P ...), ``villages`` (names to official codes), ``preview``
(judging rows), ``commit`` (writing them), ``template`` (the blank XLSX to fill in).
The upload pages, the background task and ``import_register`` all call these.
"""

from typing import BinaryIO

from kriya.registry.importer.commit import Result, commit_preview
from kriya.registry.importer.preview import KINDS, Preview, build_preview
from kriya.registry.importer.reading import read_rows


def preview_file(
    *, content: bytes | BinaryIO, filename: str, council, kind: str, progress=None
) -> Preview:
    """Read ``content`` (bytes, or a binary file open for reading) within the limits of
    ``limits.py`` and judge every row; nothing is written."""
    return build_preview(
        read_rows(content, filename), council=council, kind=kind, progress=progress
    )


__all__ = ["KINDS", "Preview", "Result", "commit_preview", "preview_file"]
