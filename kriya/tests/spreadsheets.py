"""Opening the files Kriya hands out the way a spreadsheet would, for the export tests:
every XLSX is checked for formula cells (openpyxl's view and the raw sheet XML), every CSV
is read with the csv module as Excel in Indonesian locales reads it (``;``, UTF-8 BOM)."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

FORMULA_ELEMENT = re.compile(rb"<(\w+:)?f[\s>/]")
NUMBER = re.compile(r"-?\d+(,\d+)?")
# OWASP's list, written out here again rather than taken from the code under test.
FORMULA_LIKE = re.compile(r"\s*[=+\-@]|[\t\r]")


def is_formula_like(text: str) -> bool:
    return bool(FORMULA_LIKE.match(text))


def formula_free_workbook(content: bytes) -> Workbook:
    """The workbook, after checking that no sheet holds a formula and that every text cell
    that looks like one is marked as text (quote prefix)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                assert not FORMULA_ELEMENT.search(archive.read(name)), f"<f> in {name}"
    book = load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and is_formula_like(cell.value):
                    assert cell.quotePrefix, f"{sheet.title}!{cell.coordinate} not quoted"
    return book


def safe_csv_rows(content: bytes) -> list[list[str]]:
    """The rows of the CSV, after checking that no cell would run as a formula: each one is
    a number or starts with neither ``=``, ``+``, ``-``, ``@``, a tab nor a CR."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    for number, row in enumerate(rows, start=1):
        for cell in row:
            assert NUMBER.fullmatch(cell) or not is_formula_like(cell), (number, cell)
    return rows
