"""Reading a council's spreadsheet into rows of cells: XLSX/XLS/ODS with python-calamine,
CSV with its delimiter and encoding sniffed. Nothing here knows what the columns mean."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

SPREADSHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # zip (xlsx, ods), OLE (xls)
MAX_BYTES = 50 * 1024 * 1024


def read_rows(content: bytes, filename: str) -> list[list]:
    """All rows of the first sheet (or the CSV) as lists of cell values."""
    if not content.strip():
        raise ValidationError(_("The file is empty."))
    if len(content) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 50 MB; split it into parts."))
    suffix = Path(filename).suffix.lower()
    if content.startswith(SPREADSHEET_MAGIC):
        return _read_workbook(content)
    if suffix in {".xlsx", ".xls", ".xlsm", ".ods"}:
        raise ValidationError(_("“%(name)s” is not a real spreadsheet (it may be another kind of "
                                "file renamed). Save it from Excel as .xlsx and upload again.")
                              % {"name": filename})
    return _read_csv(content, filename)


def _read_workbook(content: bytes) -> list[list]:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        sheet = workbook.get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or []
    except Exception as error:  # calamine raises its own types for every broken file
        raise ValidationError(_("The spreadsheet cannot be read (%(reason)s). Open it in "
                                "Excel, save it as .xlsx and upload again.")
                              % {"reason": str(error)[:120]}) from error
    return _fill_merged(rows, merged)


def _fill_merged(rows: list[list], merged: list) -> list[list]:
    """A merged cell ("Kecamatan: Petang" over five rows) counts for every row it covers.
    Only merged cells: an empty cell stays empty (the importer then asks for it)."""
    for (top, left), (bottom, right) in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            for c in range(left, right + 1):
                if c < len(rows[r]):
                    rows[r][c] = value
    return rows


def _read_csv(content: bytes, filename: str) -> list[list]:
    if b"\x00" in content[:4096]:
        raise ValidationError(_("“%(name)s” is not a spreadsheet or a CSV file.")
                              % {"name": filename})
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
