"""Rupiah: Decimal in, one rounding at the edge, written the Indonesian way."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

MULTIPLIERS = {
    "rb": 10**3,
    "ribu": 10**3,
    "k": 10**3,
    "jt": 10**6,
    "juta": 10**6,
    "m": 10**9,
    "miliar": 10**9,
    "milyar": 10**9,
    "t": 10**12,
    "triliun": 10**12,
}
AMOUNT = re.compile(r"^(?:rp\.?)?\s*([0-9][0-9.,\s]*)\s*([a-z]*)\.?$")


def to_rupiah(value: Decimal | int | str) -> Decimal:
    """Whole rupiah, rounded half-up once (the smallest coin in use is Rp 1)."""
    try:
        return Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError) as error:
        raise ValueError(f"not an amount of money: {value!r}") from error


def format_rupiah(value: Decimal | int | str | None, *, nowrap: bool = False) -> str:
    """``Decimal("1250000")`` → ``"Rp 1.250.000"``; negative amounts as ``"-Rp 5.000"``.
    ``nowrap``: a no-break space after "Rp", for narrow table columns."""
    if value is None or value == "":
        return ""
    amount = to_rupiah(value)
    digits = f"{abs(amount):,.0f}".replace(",", ".")
    space = "\u00a0" if nowrap else " "
    return f"{'-' if amount < 0 else ''}Rp{space}{digits}"


def parse_rupiah(value: object) -> Decimal | None:
    """Rupiah as people type it: ``"Rp 25.000.000"``, ``"180.000.000,00"``, ``"8,5 jt"``,
    ``"1,2 M"``, ``12500000.0``. Raises ValueError with the reason in the user's language."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return to_rupiah(Decimal(str(value)))
    raw = str(value).strip().lower().replace("\u00a0", " ")
    raw = raw.removesuffix(",-").removesuffix(".-").strip()  # "Rp 150.000,-"
    match = AMOUNT.match(raw)
    if not match:
        raise ValueError(_("“%(value)s” is not an amount in rupiah.") % {"value": value})
    number, unit = match.group(1).replace(" ", ""), match.group(2)
    if unit and unit not in MULTIPLIERS:
        raise ValueError(_("“%(value)s” is not an amount in rupiah.") % {"value": value})
    if re.fullmatch(r"\d{1,3}(,\d{3}){2,}", number):
        number = number.replace(",", "")  # "1,250,000": a phone keyboard's thousands
    if number.count(".") > 1 and not re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d*)?", number):
        raise ValueError(_("“%(value)s” is not an amount in rupiah.") % {"value": value})
    # Indonesian writing: dots group thousands, a comma starts the decimals.
    if "," in number:
        whole, _sep, decimals = number.rpartition(",")
        number = whole.replace(".", "") + "." + decimals
    elif number.count(".") == 1 and len(number.split(".")[1]) != 3:
        pass  # "1.5 jt" or "12500000.0": a decimal point, written the English way
    else:
        number = number.replace(".", "")
    try:
        amount = Decimal(number) * MULTIPLIERS.get(unit, 1)
    except InvalidOperation:
        raise ValueError(_("“%(value)s” is not an amount in rupiah.") % {"value": value}) from None
    if amount >= 10**14:
        raise ValueError(_("“%(value)s” is too large an amount.") % {"value": value})
    return to_rupiah(amount)
