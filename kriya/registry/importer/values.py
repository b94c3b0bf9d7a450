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
# Every dash a keyboard, Word or Excel puts before a number, read as a minus.
MINUS = str.maketrans(dict.fromkeys("\u2212\u2010\u2011\u2012\u2013\u2014\ufe63\uff0d", "-"))
RP = re.compile(r"rp\.?\s*", re.IGNORECASE)
THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    folded = " ".join(text.split())
    # The cell's own string when it was clean already: the preview then keeps one copy of
    # each text, not the sheet's and its own (a long-text register is ~50 MB of text).
    return text if folded == text else folded


def signed(value: str) -> tuple[bool, str]:
    """Whether a typed number is negative, and the number without its sign: ``"-3"``,
    ``"−3"`` (Unicode minus), ``"- 3"``, ``"(3)"``, ``"Rp -25.000"``, ``"-Rp 25.000"``,
    ``"(Rp 25.000)"``. ``"Rp 150.000,-"`` is positive: its dash only closes the amount."""
    text = value.translate(MINUS).strip()
    found = RP.match(text)
    prefix, text = ("Rp ", text[found.end() :]) if found else ("", text)
    if len(text) > 2 and text.startswith("(") and text.endswith(")"):
        return True, prefix + text[1:-1].strip()
    if text.startswith("-"):
        return True, prefix + text[1:].strip()
    return False, prefix + text


def rupiah_signed(value: object) -> Decimal | None:
    """Rupiah as ``rupiah`` reads it, with the sign in every notation of ``signed``."""
    if not isinstance(value, str):
        return rupiah(value)
    negative, rest = signed(value)
    try:
        amount = rupiah(rest)
    except ValueError:
        raise ValueError(_("“%(value)s” is not an amount in rupiah.") % {"value": value}) from None
    return -amount if negative and amount is not None else amount


def whole_number(value: object, *, low: int = 0, high: int = 10**7) -> int | None:
    if value in (None, ""):
        return None
    number = _whole(value)
    if not low <= number <= high:
        raise ValueError(
            _("%(value)s is outside %(low)s–%(high)s.")
            % {"value": number, "low": low, "high": high}
        )
    return number


def _whole(value: object) -> int:
    """A cell as a whole number: ``7.0`` from Excel is 7, ``"1.500"`` is 1500 (dots group
    thousands), ``"-3"`` and ``"(3)"`` are -3; ``"3,5"`` is not a whole number."""
    not_whole = ValueError(_("“%(value)s” is not a whole number.") % {"value": value})
    if isinstance(value, bool):
        raise not_whole
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            raise not_whole
        return int(value)
    negative, rest = signed(str(value))
    rest = rest.replace(" ", "")
    if not rest[:1].isdigit():
        raise not_whole  # "--3", "-", "+3": not a number as councils type them
    try:
        if THOUSANDS.fullmatch(rest):
            number = Decimal(rest.replace(".", ""))
        else:
            number = Decimal(rest.replace(",", "."))
    except InvalidOperation:
        raise not_whole from None
    if not number.is_finite() or number != number.to_integral_value():
        raise not_whole
    return -int(number) if negative else int(number)


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
