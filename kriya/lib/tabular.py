"""Tables out: the typed columns every export declares, the one rule that keeps text from
running as a formula, and the CSV writer. The XLSX writer (``kriya.lib.xlsx``) takes the
same tables; no other module writes CSV or XLSX itself (a convention test checks it).

Formula-like text follows OWASP's CSV-injection rule: a cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, also after leading whitespace, would run as a
formula in Excel, LibreOffice or Google Sheets. In CSV such text gets a leading apostrophe
(``'=HYPERLINK(…)``), so the spreadsheet shows text; in XLSX it is a string cell marked
"quote prefix", shown exactly as stored and never a formula.

Numbers are numbers: NUMBER and MONEY columns carry ``int``/``Decimal`` values and are
written as numbers (negative ones too), never neutralised. Text in them is written as text.

Phones in CSV: CSV has no cell types, and Excel reads ``+6281234567890`` as the number
6,28E+12 and ``+62 812-3456-7890`` as a formula. An Indonesian number is therefore written
in its national form with dashes, ``0812-3456-7890``: it starts with a digit (no formula),
the dashes keep it text (the leading 0 stays), Excel shows exactly that, and Kriya's import
reads it back to the same ``+62`` number. Any other phone text is written as text under the
rule above. XLSX keeps the phone as stored, in a text cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeGuard

from kriya.lib.phones import normalize_phone, phone_problem

CSV_TYPE = "text/csv; charset=utf-8"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Kind(enum.StrEnum):
    TEXT = "text"
    PHONE = "phone"
    NUMBER = "number"
    MONEY = "money"  # whole rupiah
    DATE = "date"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    width: int | None = None  # XLSX only, in characters
    choices: str = ""  # XLSX only: a dropdown fed from the named list of the workbook


@dataclass(frozen=True)
class Table:
    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula (OWASP's rule)."""
    return text[:1] in FORMULA_START or text.lstrip()[:1] in FORMULA_START


def neutralise(text: str) -> str:
    """``text``, or ``'`` + ``text`` when it is formula-like, for CSV."""
    return "'" + text if is_formula_like(text) else text


def is_number(value: object) -> TypeGuard[int | Decimal]:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def national_phone(value: str) -> str:
    """``+6281234567890`` → ``0812-3456-7890``; "" when ``value`` is no Indonesian number."""
    # Only what is written as an Indonesian number: "+65 9123 4567" is not "0659-…".
    if not value.strip().lstrip("+(").startswith(("0", "62", "8")):
        return ""
    number = normalize_phone(value)
    if not number or phone_problem(number):
        return ""
    digits = "0" + number.removeprefix("+62")
    # Mobiles as Indonesians write them (0812-3456-7890); landlines after the area code.
    parts = (digits[:4], digits[4:8], digits[8:]) if digits[1] == "8" else (digits[:4], digits[4:])
    return "-".join(part for part in parts if part)


def _csv_number(value: int | Decimal, kind: Kind) -> str:
    if kind is Kind.MONEY:
        value = Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    # A decimal comma, as Excel in Indonesian locales reads it beside ";" separators.
    return str(value).replace(".", ",")


def csv_cell(value: object, kind: Kind) -> str:
    """One cell of the CSV, typed by its column."""
    if value is None:
        return ""
    if kind in (Kind.NUMBER, Kind.MONEY) and is_number(value):
        return _csv_number(value, kind)
    if kind is Kind.DATE and isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if kind is Kind.DATE and isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if kind is Kind.PHONE:
        text = national_phone(text) or text
    return neutralise(text)


def write_csv(table: Table) -> bytes:
    """UTF-8 with a byte-order mark and semicolons, as Excel in Indonesian locales expects;
    every cell written by its column's kind, no text left to run as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([neutralise(str(column.header)) for column in table.columns])
    kinds = [column.kind for column in table.columns]
    for row in table.rows:
        writer.writerow([csv_cell(value, kind) for value, kind in zip(row, kinds, strict=True)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
