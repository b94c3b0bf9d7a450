"""Rupiah: Decimal in, one rounding at the edge, written the Indonesian way."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def to_rupiah(value: Decimal | int | str) -> Decimal:
    """Whole rupiah, rounded half-up once (the smallest coin in use is Rp 1)."""
    try:
        return Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError) as error:
        raise ValueError(f"not an amount of money: {value!r}") from error


def format_rupiah(value: Decimal | int | str | None) -> str:
    """``Decimal("1250000")`` → ``"Rp 1.250.000"``; negative amounts as ``"-Rp 5.000"``."""
    if value is None or value == "":
        return ""
    amount = to_rupiah(value)
    digits = f"{abs(amount):,.0f}".replace(",", ".")
    return f"{'-' if amount < 0 else ''}Rp {digits}"
