"""Cell values as councils type them: rupiah in every spelling, numbers with dots, NIKs
that Excel turned into numbers, L/P, years, dates. Each parser returns the value, or raises
``ValueError`` with the reason to show the user."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from kriya.lib.money import parse_rupiah as rupiah  # noqa: F401 - the importer's name

SEPARATORS = re.compile(r"[\s.\-]")


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def whole_number(value: object, *, low: int = 0, high: int = 10**7) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(Decimal(str(value).replace(".", "").replace(",", ".").strip()))
    except (InvalidOperation, ValueError):
        raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value}) from None
    if not low <= number <= high:
        raise ValueError(
            _("%(value)s is outside %(low)s–%(high)s.")
            % {"value": number, "low": low, "high": high}
        )
    return number


def year(value: object, *, this_year: int | None = None) -> int | None:
    if isinstance(value, date | datetime):
        return value.year
    return whole_number(value, low=1900, high=this_year or date.today().year)


def sex(value: object) -> str:
    key = text(value).lower()
    if not key:
        return ""
    if key in {"l", "lk", "laki-laki", "laki laki", "pria", "m", "male"}:
        return "L"
    if key in {"p", "pr", "perempuan", "wanita", "f", "female", "w"}:
        return "P"
    raise ValueError(_("“%(value)s” is not L or P.") % {"value": value})


def nik(value: object) -> tuple[str, str | None]:
    """The NIK as 16 characters, and a warning when Excel stored it as a number (a number
    keeps 15 significant digits, so the last digit may already be lost)."""
    if value in (None, ""):
        return "", None
    if isinstance(value, float | int):
        digits = f"{int(value)}" if float(value).is_integer() else str(value)
        return digits, _(
            "The NIK arrived as a number: Excel keeps only 15 digits, so check "
            "its last digit and format the column as text."
        )
    raw = str(value).strip()
    if re.fullmatch(r"\d(?:[.,]\d+)?[eE]\+?\d+", raw):
        return f"{int(Decimal(raw.replace(',', '.'))):d}", _(
            "The NIK arrived in scientific notation (%(raw)s): its last digits are lost. "
            "Format the column as text and type it again."
        ) % {"raw": raw}
    return SEPARATORS.sub("", raw), None
