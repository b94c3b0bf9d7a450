"""Spreadsheets out: XLSX (openpyxl write-only, constant memory) and Excel-friendly CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence, Set

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


RUPIAH_FORMAT = '"Rp" #,##0'


def add_sheet(
    workbook: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    money: Set[int] = frozenset(),
) -> None:
    """One sheet of a write-only workbook: a bold header row, then ``rows``; the columns
    numbered in ``money`` (from 0) are shown as rupiah."""
    sheet = workbook.create_sheet(title=title[:31])
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=str(text))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        if not money:
            sheet.append(list(row))
            continue
        cells = []
        for index, value in enumerate(row):
            cell = WriteOnlyCell(sheet, value=value)
            if index in money:
                cell.number_format = RUPIAH_FORMAT
            cells.append(cell)
        sheet.append(cells)


def workbook_bytes(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_xlsx(*, title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    workbook = Workbook(write_only=True)
    add_sheet(workbook, title, headers, rows)
    return workbook_bytes(workbook)


def write_csv(*, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with a byte-order mark and semicolons, as Excel in Indonesian locales expects."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([str(h) for h in headers])
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
