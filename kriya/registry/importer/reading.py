"""Reading a council's spreadsheet into rows of cells: XLSX/XLS/ODS with python-calamine,
CSV with its delimiter and encoding sniffed. Nothing here knows what the columns mean."""

from __future__ import annotations

import codecs
import csv
import io
import re
import struct
import zipfile
import zlib
from array import array
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from python_calamine import CalamineWorkbook

from kriya.registry.importer.limits import MB, Limits, limits

ZIP_MAGIC = b"PK\x03\x04"
SPREADSHEET_MAGIC = (ZIP_MAGIC, b"\xd0\xcf\x11\xe0")  # zip (xlsx, ods), OLE (xls)
HEAD_BYTES = 64 * 1024
PIECE = 64 * 1024
MAX_PARTS = 10_000  # an Excel workbook has a few dozen parts
# Bytes that no text file holds (tab, line ends and form feed excepted): a binary file.
CONTROL = bytes([*range(1, 9), 11, *range(14, 32)])
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


def read_rows(content: bytes | BinaryIO, filename: str) -> list[list]:
    """All rows of the first sheet (or the CSV) as lists of cell values, ``content`` being
    the file's bytes or a binary file open for reading. Every limit (``limits.py``) is
    checked before the rows can fill the memory: sizes first, a workbook's unpacked size
    and extent from its zip before calamine opens it, a CSV's rows as they are read."""
    stream = io.BytesIO(content) if isinstance(content, bytes) else content
    limit = limits()
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if size == 0 or (size <= HEAD_BYTES and not head.strip()):
        raise ValidationError(_("The file is empty."))
    if size > limit.file_bytes:
        raise _refusal(
            _("The file is %(size)s MB, more than the %(limit)s MB an import takes"),
            size=number_format(size / MB, 1),
            limit=limit.file_bytes // MB,
            setting="KRIYA_IMPORT_MAX_FILE_MB",
        )
    suffix = Path(filename).suffix.lower()
    if head.startswith(SPREADSHEET_MAGIC):
        if head.startswith(ZIP_MAGIC):
            _check_zip(stream, filename, limit)
        return _within_limits(_read_workbook(stream), limit)
    if suffix in {".xlsx", ".xls", ".xlsm", ".ods"}:
        raise ValidationError(
            _(
                "“%(name)s” is not a real spreadsheet (it may be another kind of "
                "file renamed). Save it from Excel as .xlsx and upload again."
            )
            % {"name": filename}
        )
    return _read_csv(stream, filename, limit)


def _refusal(message: str, *, setting: str, **values) -> ValidationError:
    """A limit's refusal: what is over which limit, what to do, and the setting's name."""
    return ValidationError(
        _(
            "%(problem)s. Split the file into smaller files and import them one after "
            "another (the limit is the setting %(setting)s)."
        )
        % {"problem": message % values, "setting": setting}
    )


def _rows_refusal(rows: int, limit: Limits) -> ValidationError:
    return _refusal(
        _("The sheet has more than %(limit)s rows (row %(row)s was reached)"),
        limit=intcomma(limit.rows),
        row=intcomma(rows),
        setting="KRIYA_IMPORT_MAX_ROWS",
    )


def _columns_refusal(columns: int, limit: Limits) -> ValidationError:
    return _refusal(
        _("The sheet uses %(columns)s columns, more than the %(limit)s an import takes"),
        columns=intcomma(columns),
        limit=intcomma(limit.columns),
        setting="KRIYA_IMPORT_MAX_COLUMNS",
    )


def _cells_refusal(rows: int, columns: int, limit: Limits) -> ValidationError:
    return _refusal(
        _(
            "The sheet spans %(rows)s rows by %(columns)s columns, more than the %(limit)s "
            "cells an import takes"
        ),
        rows=intcomma(rows),
        columns=intcomma(columns),
        limit=intcomma(limit.cells),
        setting="KRIYA_IMPORT_MAX_CELLS",
    )


def _cell_refusal(row: int, column: int | None, limit: Limits) -> ValidationError:
    """``column`` None: csv stops at the long field without saying which it is."""
    return _refusal(
        _("Cell %(cell)s holds more than the %(limit)s characters a cell may hold"),
        cell=cell_name(row, column)
        if column is not None
        else _("on row %(row)s") % {"row": intcomma(row + 1)},
        limit=intcomma(limit.cell_chars),
        setting="KRIYA_IMPORT_MAX_CELL_CHARS",
    )


def _inflated_refusal(limit: Limits) -> ValidationError:
    return _refusal(
        _("Unpacked, the spreadsheet is larger than the %(limit)s MB an import takes"),
        limit=limit.inflated_bytes // MB,
        setting="KRIYA_IMPORT_MAX_INFLATED_MB",
    )


def _unreadable(reason: str) -> ValidationError:
    return ValidationError(
        _(
            "The spreadsheet cannot be read (%(reason)s). Open it in "
            "Excel, save it as .xlsx and upload again."
        )
        % {"reason": reason[:120]}
    )


def _check_zip(stream: BinaryIO, filename: str, limit: Limits) -> None:
    """Refuse an XLSX/ODS that unpacks past the limit, from its central directory, then by
    unpacking each part with a bounded output (a directory may lie about the sizes), and
    one whose first sheet spans more rows, columns or cells than the limits, all before
    calamine opens it. Memory stays at a few 64 kB pieces whatever the file holds."""
    try:
        with zipfile.ZipFile(stream) as book:
            parts = book.infolist()
            declared = sum(part.file_size for part in parts)
            if len(parts) > MAX_PARTS or declared > limit.inflated_bytes:
                raise _inflated_refusal(limit)
            unpacked = 0
            for part in parts:
                unpacked += _unpacked_size(stream, part, limit.inflated_bytes - unpacked)
                if unpacked > limit.inflated_bytes:
                    raise _inflated_refusal(limit)
            if "xl/workbook.xml" not in book.namelist():
                if filename.lower().endswith((".xlsx", ".xlsm")) and not _is_ods(book):
                    raise ValidationError(
                        _(
                            "“%(name)s” is a ZIP archive, not a spreadsheet. Save the "
                            "register from Excel as .xlsx and upload again."
                        )
                        % {"name": filename}
                    )
                return
            strings = _string_sizes(book)
            with book.open(_first_sheet(book)) as sheet:
                rows, columns, text = _extent(sheet, limit, strings)
            if text > limit.inflated_bytes:
                raise _inflated_refusal(limit)  # a long shared string in a million cells
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, StopIteration) as error:
        raise _unreadable(str(error) or type(error).__name__) from error
    except (ValueError, IndexError, ElementTree.ParseError, zlib.error, EOFError) as error:
        raise _unreadable(str(error) or type(error).__name__) from error
    finally:
        stream.seek(0)
    if rows > limit.rows:
        raise _rows_refusal(rows, limit)
    if columns > limit.columns:
        raise _columns_refusal(columns, limit)
    if rows * columns > limit.cells:
        raise _cells_refusal(rows, columns, limit)


def _is_ods(book: zipfile.ZipFile) -> bool:
    try:
        return book.read("mimetype").startswith(b"application/vnd.oasis.opendocument")
    except KeyError:
        return False


def _unpacked_size(stream: BinaryIO, part: zipfile.ZipInfo, room: int) -> int:
    """The real unpacked size of one part, counted up to ``room`` + 1 bytes at most; the
    part's own bytes are read straight from the archive, 64 kB at a time."""
    stream.seek(part.header_offset)
    header = stream.read(30)
    if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
        raise zipfile.BadZipFile("bad local header")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    stream.seek(part.header_offset + 30 + name_length + extra_length)
    if part.compress_type == zipfile.ZIP_STORED:
        return part.compress_size
    if part.compress_type != zipfile.ZIP_DEFLATED:
        raise zipfile.BadZipFile("unsupported compression")
    inflater, left, total = zlib.decompressobj(-zlib.MAX_WBITS), part.compress_size, 0
    while left > 0 and not inflater.eof and total <= room:
        data = stream.read(min(PIECE, left))
        if not data:
            break
        left -= len(data)
        while data and total <= room:
            total += len(inflater.decompress(data, min(PIECE, room + 1 - total)))
            data = inflater.unconsumed_tail
    return total


# Both start with a literal, which the regex engine finds fast: 0.1 s for 100,000 rows.
ROW_NUMBER = re.compile(rb'row\b[^>]*? r="(\d+)"')
SHARED_CELL = re.compile(rb't="s"[^>]*>\s*<(?:\w+:)?v>(\d+)<')
STRING_END = re.compile(rb"</(?:\w+:)?si>")


def _extent(sheet, limit: Limits, strings: array) -> tuple[int, int, int]:
    """(rows, columns) the sheet spans, as calamine will lay it out: the highest row and
    column any cell names (or the count of rows when the file gives no numbers); and the
    bytes of text it holds once each shared-string cell has its own copy, as calamine and
    then Python make. Read in pieces cut after a tag's end, so no reference is split. Only
    references with as many letters as the column limit's are looked at: none, in most
    registers."""
    letters = len(get_column_letter(limit.columns))
    wide = re.compile(rb' r="([A-Z]{%d,})\d' % letters)
    rows = counted = columns = text = 0
    rest, row_tag = b"", None
    while block := sheet.read(PIECE):
        text += len(block)
        data = rest + block
        if row_tag is None:
            found = SHEET_PREFIX.search(data[:4096])
            row_tag = b"<%srow" % (found.group(1) + b":" if found else b"")
        cut = data.rfind(b">") + 1
        data, rest = data[:cut], data[cut:]
        counted += data.count(row_tag)
        numbers = ROW_NUMBER.findall(data)
        if numbers:
            rows = max(rows, max(map(int, numbers)))
        for name in set(wide.findall(data)):
            columns = max(columns, column_index_from_string(name.decode()))
        if strings:
            text += sum(map(strings.__getitem__, map(int, SHARED_CELL.findall(data))))
    return max(rows, counted), columns, text


def _string_sizes(book: zipfile.ZipFile) -> array:
    """The size in bytes of each shared string (with its tags: a little more than its
    text), in order, read a piece at a time; empty when the workbook has none."""
    sizes = array("q")
    try:
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        target = next(e.get("Target") for e in rels if e.get("Type", "").endswith("Strings"))
    except (KeyError, StopIteration):
        return sizes
    path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    offset = last = 0
    rest = b""
    with book.open(path) as part:
        while block := part.read(PIECE):
            data = rest + block
            cut = data.rfind(b">") + 1
            data, rest = data[:cut], data[cut:]
            for end in STRING_END.finditer(data):
                sizes.append(offset + end.end() - last)
                last = offset + end.end()
            offset += len(data)
    return sizes


def _within_limits(rows: list[list], limit: Limits) -> list[list]:
    """The rows as read, once more checked against the limits (an XLS or ODS is not
    inspected before reading; its size limit bounds it)."""
    if len(rows) > limit.rows:
        raise _rows_refusal(len(rows), limit)
    width = max(map(len, rows), default=0)
    if width > limit.columns:
        raise _columns_refusal(width, limit)
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            if value.__class__ is str and len(value) > limit.cell_chars:
                raise _cell_refusal(number, column, limit)
    return rows


def _read_workbook(stream: BinaryIO) -> list[list]:
    try:
        workbook = CalamineWorkbook.from_filelike(stream)
        sheet = workbook.get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or []
    except Exception as error:  # calamine raises its own types for every broken file
        raise _unreadable(str(error)) from error
    finally:
        stream.seek(0)
    return Sheet(_fill_merged(rows, merged), unsaved_formulas(stream))


def unsaved_formulas(content: bytes | BinaryIO) -> frozenset[tuple[int, int]]:
    """Cells of an XLSX's first sheet that hold a formula but no saved value.

    Programs that write XLSX without a spreadsheet engine (openpyxl, many exporters) store
    the formula alone; calamine, like every reader, then sees an empty cell. Excel saves
    the value with it. The sheet's XML is first skimmed for any formula (about 0.1 s for
    100,000 rows, 64 kB at a time) and parsed only when it has one.
    """
    try:
        stream = io.BytesIO(content) if isinstance(content, bytes) else content
        with zipfile.ZipFile(stream) as book:
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


def _read_csv(stream: BinaryIO, filename: str, limit: Limits) -> list[list]:
    """The CSV's rows, decoded as it is read (never the whole text at once) and refused
    as soon as it passes a limit."""
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    encoding = csv_encoding(head)
    if encoding is None:
        raise ValidationError(
            _("“%(name)s” is not a spreadsheet or a CSV file.") % {"name": filename}
        )
    try:
        return _csv_rows(stream, encoding, limit)
    except UnicodeDecodeError:
        stream.seek(0)  # UTF-8 at the start only: an older Excel's Windows-1252 after all
        return _csv_rows(stream, "cp1252", limit)


def csv_encoding(head: bytes) -> str | None:
    """The encoding of a CSV from its first bytes: UTF-16 (with its byte-order mark, or
    without and told by the zero bytes of its ASCII letters), UTF-8 (with or without the
    mark Excel adds), else Windows-1252; None for bytes that are no text at all."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[: len(head) // 2 * 2]
    if sample and sample.count(0) * 4 >= len(sample):
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd * 4 >= len(sample) and even * 20 < len(sample):
            return "utf-16-le"
        if even * 4 >= len(sample) and odd * 20 < len(sample):
            return "utf-16-be"
    if 0 in head or sum(head.count(c) for c in CONTROL) * 100 > len(head):
        return None
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not a character cut by the end of the sample
            return "cp1252"
    return "utf-8-sig"


def _csv_rows(stream: BinaryIO, encoding: str, limit: Limits) -> list[list]:
    errors = "replace" if encoding == "cp1252" else "strict"  # five bytes have no character
    text = io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")
    try:
        delimiter = _delimiter(text.read(20000))
        text.seek(0)
        reader = csv.reader(text, delimiter=delimiter)
        rows = []
        try:
            for row in reader:
                if len(rows) >= limit.rows:
                    raise _rows_refusal(len(rows) + 1, limit)
                if len(row) > limit.columns:
                    raise _columns_refusal(len(row), limit)
                for column, value in enumerate(row):
                    if len(value) > limit.cell_chars:
                        raise _cell_refusal(len(rows), column, limit)
                rows.append(row)
        except csv.Error as error:
            if "field larger" in str(error):
                raise _cell_refusal(len(rows), None, limit) from error
            raise ValidationError(
                _("Row %(row)s cannot be read as CSV (%(reason)s). Save the file again.")
                % {"row": intcomma(reader.line_num), "reason": str(error)[:120]}
            ) from error
    finally:
        text.detach()  # the caller's file stays open
    width = max(map(len, rows), default=0)
    if len(rows) * width > limit.cells:
        raise _cells_refusal(len(rows), width, limit)
    return rows


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        return ";" if sample.count(";") > sample.count(",") else ","
