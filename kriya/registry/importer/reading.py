"""Reading a council's spreadsheet into rows of cells: XLSX/XLS/ODS with python-calamine,
CSV with its delimiter and encoding sniffed. Nothing here knows what the columns mean."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from python_calamine import CalamineWorkbook

SPREADSHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # zip (xlsx, ods), OLE (xls)
MAX_BYTES = 50 * 1024 * 1024
SHEET_PREFIX = re.compile(rb"<(\w+):worksheet\b")
# A cell's opening tag: its reference (column letters, row number) and type.
CELL = re.compile(
    rb'<(?:\w+:)?c\s(?=[^>]*\br="(?P<column>[A-Z]+)(?P<row>\d+)")'
    rb'(?:[^>]*\bt="(?P<type>\w+)")?[^>]*>'
)
VALUE = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<|<(?:\w+:)?v\s*/>")


class Sheet(list):
    """Rows of cells, and ``unsaved_formulas``: the (row, column) positions, from 0, of cells
    holding a formula with no saved value, which read as empty."""

    def __init__(self, rows: list[list], unsaved_formulas: frozenset = frozenset()):
        super().__init__(rows)
        self.unsaved_formulas = unsaved_formulas


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
        raise ValidationError(
            _(
                "“%(name)s” is not a real spreadsheet (it may be another kind of "
                "file renamed). Save it from Excel as .xlsx and upload again."
            )
            % {"name": filename}
        )
    return _read_csv(content, filename)


def _read_workbook(content: bytes) -> list[list]:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        sheet = workbook.get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or []
    except Exception as error:  # calamine raises its own types for every broken file
        raise ValidationError(
            _(
                "The spreadsheet cannot be read (%(reason)s). Open it in "
                "Excel, save it as .xlsx and upload again."
            )
            % {"reason": str(error)[:120]}
        ) from error
    return Sheet(_fill_merged(rows, merged), unsaved_formulas(content))


def unsaved_formulas(content: bytes) -> frozenset[tuple[int, int]]:
    """Cells of an XLSX's first sheet that hold a formula but no saved value.

    Programs that write XLSX without a spreadsheet engine (openpyxl, many exporters) store
    the formula alone; calamine, like every reader, then sees an empty cell. Excel saves
    the value with it. The sheet's XML is first skimmed for any formula (about 0.1 s for
    100,000 rows, 64 kB at a time) and parsed only when it has one.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            path = _first_sheet(book)
            with book.open(path) as sheet:
                prefix = _formula_prefix(sheet)
            if prefix is None:
                return frozenset()
            with book.open(path) as sheet:
                return frozenset(_scan(sheet, prefix))
    except (zipfile.BadZipFile, KeyError, StopIteration, ValueError, ElementTree.ParseError):
        return frozenset()  # not an XLSX (ODS, a broken file): calamine has had its say


def _first_sheet(book: zipfile.ZipFile) -> str:
    """The part holding the workbook's first sheet, the one calamine reads."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    first = next(e for e in workbook.iter() if e.tag.rpartition("}")[2] == "sheet")
    rel = next(v for k, v in first.attrib.items() if k.rpartition("}")[2] == "id")
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    target = next(e.get("Target") for e in rels if e.get("Id") == rel)
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _formula_prefix(stream, size: int = 1 << 16) -> bytes | None:
    """The sheet's namespace prefix (usually none) if it holds any formula, else None.

    Any formula sheet has a closing ``</f>``: the one pass most files need, no copying."""
    block = stream.read(size)
    found = SHEET_PREFIX.search(block[:4096])
    prefix = found.group(1) + b":" if found else b""
    closing, tail = b"</%sf>" % prefix, b""
    while block:
        if closing in block or closing in tail + block[: len(closing)]:
            return prefix
        tail = block[-len(closing) :]
        block = stream.read(size)
    return None


def _scan(stream, prefix: bytes, size: int = 1 << 16):
    """(row, column) of each formula cell without a value; the XML is read in pieces cut
    after a row, so no cell is ever split."""
    rest = b""
    while block := stream.read(size):
        data = rest + block
        cut = data.rfind(b"row>") + len(b"row>")
        data, rest = (data[:cut], data[cut:]) if cut >= len(b"row>") else (b"", data)
        yield from _in_piece(data, prefix)
    yield from _in_piece(rest, prefix)


def _in_piece(data: bytes, prefix: bytes):
    formula, opening, closing = b"<%sf" % prefix, b"<%sc " % prefix, b"</%sc>" % prefix
    at = data.find(formula)
    while at >= 0:
        if data[at + len(formula) : at + len(formula) + 1] not in (b">", b" ", b"/"):
            at = data.find(formula, at + 1)  # <filters>, <firstHeader>: not a formula
            continue
        start, end = data.rfind(opening, 0, at), data.find(closing, at)
        cell = CELL.match(data, start) if start >= 0 else None
        if (
            cell is None
            or cell.group(0).endswith(b"/>")
            or end < 0
            or data.find(closing, start, at) >= 0
        ):
            raise ValueError("a formula in a cell without its reference")
        value = VALUE.search(data, at, end)
        if value is None or (not value.group(1) and cell.group("type") != b"str"):
            yield (
                int(cell.group("row")) - 1,
                column_index_from_string(cell.group("column").decode()) - 1,
            )
        at = data.find(formula, end)


def cell_name(row: int, column: int) -> str:
    """``(1, 27)`` → ``"AB2"``: the cell at that position, as Excel names it."""
    return f"{get_column_letter(column + 1)}{row + 1}"


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
        raise ValidationError(
            _("“%(name)s” is not a spreadsheet or a CSV file.") % {"name": filename}
        )
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
