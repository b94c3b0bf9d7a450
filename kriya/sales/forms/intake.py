"""Input of the consignment intake page and the stock page's per-row moves: shapes and
parsing only; the writes are ``services.receive_consignment``, ``transfer_stock`` and
``correct_stock``. Every message names the line and the field, so it reads alone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kriya.catalog.models import Product
from kriya.lib.backoffice import INPUT_CLASSES
from kriya.lib.forms import RupiahField
from kriya.lib.money import to_rupiah
from kriya.registry.models import Business
from kriya.sales.models import Outlet
from kriya.sales.services import IntakeLineInput

INPUT = f"{INPUT_CLASSES} w-full"
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
MAX_LINES = 50
MAX_PIECES = 10_000


def consignment_default(price: Decimal, rate: Decimal) -> Decimal:
    """What the maker gets for a piece sold at ``price`` when the outlet keeps ``rate`` %."""
    return to_rupiah(price * (100 - rate) / 100)


class IntakeForm(forms.Form):
    outlet = forms.ModelChoiceField(
        label=gettext_lazy("Outlet"),
        queryset=Outlet.objects.none(),
        empty_label=None,
        widget=forms.Select(attrs={"class": INPUT}),
        error_messages={
            "required": gettext_lazy("Outlet: choose where the goods go."),
            "invalid_choice": gettext_lazy("Outlet: choose an open outlet of the council."),
        },
    )
    business = forms.ModelChoiceField(
        label=gettext_lazy("Business"),
        queryset=Business.objects.none(),
        empty_label=gettext_lazy("— choose the maker's business —"),
        widget=forms.Select(attrs={"class": INPUT}),
        error_messages={
            "required": gettext_lazy("Business: choose the maker's business."),
            "invalid_choice": gettext_lazy(
                "Business: only the gallery's active consignors may bring goods; "
                "accept the business's application first."
            ),
        },
    )
    received_on = forms.DateField(
        label=gettext_lazy("Received on"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date", "class": INPUT}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Received on: give the date."),
            "invalid": gettext_lazy("Received on: write the date as dd-mm-yyyy."),
        },
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"class": INPUT}),
        error_messages={"max_length": gettext_lazy("Note: at most 255 characters.")},
    )

    def __init__(self, *args, outlets: QuerySet[Outlet], businesses: QuerySet[Business], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = outlets
        self.fields["business"].queryset = businesses

    def clean_received_on(self) -> dt.date:
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise ValidationError(_("Received on: the date cannot be in the future."))
        return day


class IntakeLineForm(forms.Form):
    product = forms.ModelChoiceField(
        label=gettext_lazy("Product"),
        queryset=Product.objects.none(),
        empty_label=gettext_lazy("— choose a product —"),
        widget=forms.Select(attrs={"class": INPUT}),
        error_messages={
            "required": gettext_lazy("Product: choose a product."),
            "invalid_choice": gettext_lazy("Product: choose a product of the chosen business."),
        },
    )
    quantity = forms.IntegerField(
        label=gettext_lazy("Pieces"),
        min_value=1,
        max_value=MAX_PIECES,
        initial=1,
        widget=forms.NumberInput(attrs={"class": INPUT, "min": 1}),
        error_messages={
            "required": gettext_lazy("Pieces: give how many pieces."),
            "invalid": gettext_lazy("Pieces: write a whole number."),
            "min_value": gettext_lazy("Pieces: at least 1."),
            "max_value": gettext_lazy("Pieces: at most %(limit_value)s."),
        },
    )
    price = RupiahField(
        label=gettext_lazy("Selling price (Rp)"),
        required=False,
        widget=forms.TextInput(attrs={"class": INPUT}),
    )
    consignment_price = RupiahField(
        label=gettext_lazy("Consignment price (Rp)"),
        required=False,
        widget=forms.TextInput(attrs={"class": INPUT}),
    )
    commission_rate = forms.DecimalField(
        label=gettext_lazy("Commission (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": INPUT, "inputmode": "decimal"}),
        error_messages={
            "invalid": gettext_lazy("Commission: write a percentage, for example 20."),
            "min_value": gettext_lazy("Commission: not below 0%."),
            "max_value": gettext_lazy("Commission: not above 100%."),
            "max_digits": gettext_lazy("Commission: write a percentage, for example 20."),
            "max_decimal_places": gettext_lazy("Commission: at most two decimals."),
            "max_whole_digits": gettext_lazy("Commission: not above 100%."),
        },
    )
    best_before = forms.DateField(
        label=gettext_lazy("Best before"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date", "class": INPUT}, format="%Y-%m-%d"),
        error_messages={"invalid": gettext_lazy("Best before: write the date as dd-mm-yyyy.")},
    )
    is_unique = forms.BooleanField(label=gettext_lazy("One of a kind"), required=False)
    # The defaults last filled in, so a reload after another product refreshes them.
    auto_price = forms.CharField(required=False, widget=forms.HiddenInput)
    auto_consignment = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        number: int = 1,
        products: QuerySet[Product],
        outlet: Outlet | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.number, self.outlet = number, outlet
        self.fields["product"].queryset = products

    def full_clean(self) -> None:
        super().full_clean()
        # "Line 2: Pieces: at least 1." — every message names its line.
        for name, errors in list(self._errors.items()):
            self._errors[name] = self.error_class(
                [
                    _("Line %(n)s: %(error)s") % {"n": self.number, "error": error}
                    for error in errors
                ]
            )

    def has_changed(self) -> bool:
        """A line is blank (and skipped) until a product or a price is given."""
        return any(
            self.data.get(self.add_prefix(name), "").strip()
            for name in ("product", "price", "consignment_price", "best_before")
        )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("product") is not None and data.get("price") is None:
            data["price"] = data["product"].price  # the product's own price
        return data

    def rate(self) -> Decimal:
        rate = self.cleaned_data.get("commission_rate")
        if rate is None and self.outlet is not None:
            return self.outlet.commission_rate
        return rate if rate is not None else Decimal(0)

    def line(self) -> IntakeLineInput:
        data, rate = self.cleaned_data, self.rate()
        consignment = data.get("consignment_price")
        if consignment is None:
            consignment = consignment_default(data["price"], rate)
        return IntakeLineInput(
            product=data["product"],
            quantity=data["quantity"],
            price=data["price"],
            consignment_price=consignment,
            commission_rate=rate,
            best_before=data.get("best_before"),
            is_unique=data.get("is_unique", False),
        )


class BaseLineFormSet(forms.BaseFormSet):
    def __init__(self, *args, products: QuerySet[Product], outlet: Outlet | None, **kwargs):
        self.products, self.outlet = products, outlet
        super().__init__(*args, **kwargs)

    def _construct_form(self, i: int, **kwargs) -> IntakeLineForm:
        kwargs.update(number=i + 1, products=self.products, outlet=self.outlet)
        form = super()._construct_form(i, **kwargs)
        form.empty_permitted = True  # a blank line is left out, not an error
        form.use_required_attribute = False
        return form

    def filled(self) -> list[IntakeLineForm]:
        return [form for form in self.forms if form.has_changed()]

    def clean(self) -> None:
        if any(self.errors):
            return
        if not self.filled():
            raise ValidationError(_("Add at least one product to the intake."))

    def lines(self) -> list[IntakeLineInput]:
        return [form.line() for form in self.filled()]


LineFormSet = forms.formset_factory(
    IntakeLineForm,
    formset=BaseLineFormSet,
    extra=0,
    min_num=1,
    max_num=MAX_LINES,
    absolute_max=MAX_LINES,
)


class TransferForm(forms.Form):
    barang = forms.IntegerField(widget=forms.HiddenInput)
    ke = forms.ModelChoiceField(
        label=gettext_lazy("To outlet"),
        queryset=Outlet.objects.none(),
        error_messages={
            "required": gettext_lazy("To outlet: choose where the pieces go."),
            "invalid_choice": gettext_lazy("To outlet: choose another open outlet of the council."),
        },
    )
    jumlah = forms.IntegerField(
        label=gettext_lazy("Pieces"),
        min_value=1,
        error_messages={
            "required": gettext_lazy("Pieces: give how many pieces to move."),
            "invalid": gettext_lazy("Pieces: write a whole number."),
            "min_value": gettext_lazy("Pieces: move at least 1."),
        },
    )

    def __init__(self, *args, destinations: QuerySet[Outlet], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ke"].queryset = destinations


class CorrectionForm(forms.Form):
    barang = forms.IntegerField(widget=forms.HiddenInput)
    jumlah = forms.IntegerField(
        label=gettext_lazy("Pieces (+ found, − missing)"),
        min_value=-MAX_PIECES,
        max_value=MAX_PIECES,
        error_messages={
            "required": gettext_lazy("Pieces: give the correction, e.g. -2."),
            "invalid": gettext_lazy("Pieces: write a whole number, e.g. -2."),
            "min_value": gettext_lazy("Pieces: at least %(limit_value)s."),
            "max_value": gettext_lazy("Pieces: at most %(limit_value)s."),
        },
    )
    alasan = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        error_messages={
            "required": gettext_lazy("Reason: give the reason for the stock correction."),
            "max_length": gettext_lazy("Reason: at most 255 characters."),
        },
    )


class StockSearchForm(forms.Form):
    gerai = forms.IntegerField(required=False)
    q = forms.CharField(required=False, max_length=100)
