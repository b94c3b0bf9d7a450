"""XLSX out: the one writer of every workbook Kriya hands out (exports, reports, the import
template), openpyxl write-only so memory stays flat. It takes the typed tables of
``kriya.lib.tabular``: text is always a string cell (openpyxl would turn a str starting
with "=" into a formula), formula-like text also gets Excel's quote prefix so editing the
cell keeps it text, numbers are numeric cells and rupiah carry a number format."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.child import INVALID_TITLE_REGEX
from openpyxl.worksheet.datavalidation import DataValidation

from kriya.lib.tabular import Kind, Table, is_formula_like, is_number

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RUPIAH_FORMAT = '"Rp" #,##0'
TEXT_FORMAT = "@"
HEADER_FILL = PatternFill("solid", fgColor="F3E2D3")
# Dropdowns reach this far down the sheet (a council's register is a few thousand rows).
CHOICE_ROWS = 5000
CELL_MAX = 32767  # characters Excel holds in one cell


def _title(title: str) -> str:
    return INVALID_TITLE_REGEX.sub(" ", str(title)).strip()[:31] or "Data"


def _clean(value: object) -> str:
    # Characters XML 1.0 cannot hold (a stray control character typed into a name) would
    # make openpyxl refuse the whole file; they are dropped, the rest of the text kept.
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:CELL_MAX]


def _string_cell(sheet: WriteOnlyWorksheet, text: str) -> Cell:
    cell = WriteOnlyCell(sheet)
    # Set directly: never guessed into a formula. (_value is a slot of Cell; not in the stubs.)
    cell._value, cell.data_type = text, "s"  # type: ignore[attr-defined]
    cell.quotePrefix = is_formula_like(text)
    return cell


def _text_cell(sheet: WriteOnlyWorksheet, value: object) -> Cell | str | None:
    text = _clean(value)
    if not text:
        return None
    if not is_formula_like(text) and text not in ERROR_CODES:
        return text  # openpyxl stores a str that reads as no formula nor error as it is
    return _string_cell(sheet, text)


def _cell(sheet: WriteOnlyWorksheet, value: object, kind: Kind) -> object:
    """What goes into the row: a bare value where openpyxl cannot misread it (far cheaper
    on a 100,000-row export), else a cell typed and styled by hand."""
    if value is None:
        return None
    if kind in (Kind.NUMBER, Kind.MONEY) and is_number(value):
        if kind is Kind.NUMBER:
            return value
        # openpyxl takes Decimal as a number (NUMERIC_TYPES); the stubs allow float only.
        cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
        cell.number_format = RUPIAH_FORMAT
        return cell
    if kind is Kind.DATE and isinstance(value, dt.date):
        if isinstance(value, dt.datetime) and value.tzinfo:
            value = timezone.localtime(value).replace(tzinfo=None)  # Excel has no zones
        # openpyxl writes a date as a date cell; the stubs allow datetime only.
        return WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
    return _text_cell(sheet, value)


def _column_format(kind: Kind) -> str | None:
    return {
        Kind.TEXT: TEXT_FORMAT,
        Kind.PHONE: TEXT_FORMAT,
        Kind.MONEY: RUPIAH_FORMAT,
    }.get(kind)


def _add_table(
    workbook: Workbook, table: Table, choices: Mapping[str, tuple[str, str, int]]
) -> WriteOnlyWorksheet:
    sheet = workbook.create_sheet(title=_title(table.title))
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        if column.width:
            sheet.column_dimensions[letter].width = column.width
        # New cells typed into the column take its format: NIK and phones stay text.
        if number_format := _column_format(column.kind):
            sheet.column_dimensions[letter].number_format = number_format
        if column.choices:
            sheet_ref, letter_of, count = choices[column.choices]
            source = f"{sheet_ref}!${letter_of}"
            validation = DataValidation(
                type="list", formula1=f"={source}$1:${letter_of}${count}", allow_blank=True
            )
            validation.error = _("Choose a value from the list.")
            validation.add(f"{letter}2:{letter}{CHOICE_ROWS}")
            sheet.data_validations.append(validation)
    sheet.freeze_panes = "A2"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    headers = []
    for column in table.columns:
        cell = _string_cell(sheet, _clean(column.header))
        cell.font, cell.fill, cell.alignment = bold, HEADER_FILL, wrap
        headers.append(cell)
    sheet.append(headers)
    kinds = [column.kind for column in table.columns]
    for row in table.rows:
        sheet.append([_cell(sheet, v, kind) for v, kind in zip(row, kinds, strict=True)])
    return sheet


def _list_places(title: str, lists: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, str, int]]:
    """Where each named list will sit on the list sheet: sheet, column and length."""
    reference = title if re.fullmatch(r"\w+", title) else quote_sheetname(title)
    return {
        name: (reference, get_column_letter(index), max(len(items), 1))
        for index, (name, items) in enumerate(lists.items(), start=1)
    }


def _add_lists(workbook: Workbook, title: str, lists: Mapping[str, Sequence[str]]) -> None:
    """A hidden sheet with one column per named list, feeding the dropdowns."""
    sheet = workbook.create_sheet(title=title)
    sheet.sheet_state = "hidden"
    columns = [list(items) for items in lists.values()]
    for depth in range(max((len(items) for items in columns), default=0)):
        sheet.append(
            [_text_cell(sheet, items[depth]) if depth < len(items) else None for items in columns]
        )


def write_xlsx(
    *tables: Table,
    lists: Mapping[str, Sequence[str]] | None = None,
    lists_title: str = "Daftar",
    active: int = 0,
) -> bytes:
    """The tables as one workbook, a sheet each (a bold, frozen header row, then the rows
    typed by their columns). ``lists`` feed the columns' dropdowns from a hidden sheet
    placed last; ``active`` is the sheet the workbook opens on."""
    workbook = Workbook(write_only=True)
    lists_title = _title(lists_title)
    places = _list_places(lists_title, lists) if lists else {}
    for table in tables:
        _add_table(workbook, table, places)
    if lists:
        _add_lists(workbook, lists_title, lists)
    workbook.active = active
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


__all__ = ["RUPIAH_FORMAT", "XLSX_TYPE", "write_xlsx"]
