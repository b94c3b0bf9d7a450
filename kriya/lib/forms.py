"""Form fields shared by the back office, the portal and public filters."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from kriya.lib.money import parse_rupiah


class RupiahField(forms.Field):
    """An amount in rupiah typed any way people write it ("Rp 1.250.000,00", "1,2 jt");
    cleans to a whole Decimal. Negative amounts are refused."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def __init__(self, *, allow_zero: bool = True, **kwargs):
        self.allow_zero = allow_zero
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int):
            return f"{int(value):,}".replace(",", ".")
        return value

    def to_python(self, value) -> Decimal | None:
        text = str(value or "").strip()[:60]
        if not text:
            return None
        if text.startswith("-"):
            raise forms.ValidationError(_("An amount cannot be negative."), code="negative")
        try:
            amount = parse_rupiah(text)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from error
        if amount is not None and amount > Decimal("99999999999999"):
            raise forms.ValidationError(_("This amount is too large."), code="too_large")
        if amount == 0 and not self.allow_zero:
            raise forms.ValidationError(_("Enter an amount above zero."), code="zero")
        return amount
