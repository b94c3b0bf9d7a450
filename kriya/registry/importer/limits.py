"""The register import's limits, in one place. Each is a setting read from the environment
(``kriya/settings.py``, README "Importing a spreadsheet"), so a council's IT can raise one;
a file past a limit is refused before it can fill the worker's memory, with a message that
names the limit and says what to do.

The defaults keep the worker of a 100,000-row import under its 400 MB budget whatever the
file's shape: the rows and cells are what the checking holds in memory, the inflated size
is what a small XLSX can unpack to (a zip bomb), and the cell length is Excel's own."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int
    inflated_bytes: int
    rows: int
    columns: int
    cells: int
    cell_chars: int
    stale_seconds: int


def limits() -> Limits:
    """The limits in force now (read on each import, so a changed setting needs no restart
    of this module)."""
    return Limits(
        file_bytes=settings.IMPORT_MAX_FILE_MB * MB,
        inflated_bytes=settings.IMPORT_MAX_INFLATED_MB * MB,
        rows=settings.IMPORT_MAX_ROWS,
        columns=settings.IMPORT_MAX_COLUMNS,
        cells=settings.IMPORT_MAX_CELLS,
        cell_chars=settings.IMPORT_MAX_CELL_CHARS,
        stale_seconds=settings.IMPORT_STALE_SECONDS,
    )
