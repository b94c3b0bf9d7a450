"""Form fields shared by the back office, the portal and public filters."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kriya.lib.money import parse_rupiah

NEGATIVE = re.compile(r"\s*(rp\.?)?\s*-", re.IGNORECASE)


class RupiahField(forms.Field):
    """An amount in rupiah typed any way people write it ("Rp 1.250.000,00", "1250000",
    "1,2 jt"); cleans to a whole Decimal. Negative amounts and words are refused with a
    message that names the field, so it is clear out of context too (a phone shows one
    line)."""

    widget = forms.TextInput

    def __init__(self, *, allow_zero: bool = True, **kwargs):
        self.allow_zero = allow_zero
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict:
        return {
            **super().widget_attrs(widget),
            "inputmode": "decimal",
            "maxlength": "30",
            "autocomplete": "off",
            "placeholder": "1.250.000",
        }

    def prepare_value(self, value):
        if isinstance(value, Decimal | int):
            return f"{value:,.0f}".replace(",", ".")
        return value

    def to_python(self, value) -> Decimal | None:
        text = str(value if value is not None else "").strip()[:60]
        if not text:
            return None
        name = {"field": capfirst(self.label or _("amount"))}
        if NEGATIVE.match(text):
            raise forms.ValidationError(
                _("%(field)s cannot be below zero.") % name, code="negative"
            )
        try:
            amount = parse_rupiah(text)
        except ValueError:
            raise forms.ValidationError(
                _("%(field)s must be an amount in rupiah, for example 1.250.000.") % name,
                code="invalid",
            ) from None
        if amount is not None and amount >= 10**14:
            raise forms.ValidationError(_("%(field)s is too large.") % name, code="max_value")
        if amount == 0 and not self.allow_zero:
            raise forms.ValidationError(_("%(field)s must be above zero.") % name, code="zero")
        return amount


def https_by_default(field: models.Field, **kwargs) -> forms.Field | None:
    """``Meta.formfield_callback``: a typed "instagram.com/x" means https (Django 6's
    default, taken now)."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)
