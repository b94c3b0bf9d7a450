"""Input shape of the till's forms: the sale (cart lines as repeated fields, payment), a
customer return, a void and the day close. The rules behind them live in services.py;
these forms only turn what was typed into numbers, or name the field that is wrong."""

from __future__ import annotations

import uuid
from itertools import zip_longest

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from kriya.lib.forms import RupiahField
from kriya.sales.models import Sale, SaleLine
from kriya.sales.services import SaleLineInput

MAX_LINES = 100  # a cart longer than this is a stuck scanner, not a customer
MAX_QUANTITY = 9999


class LineForm(forms.Form):
    """One cart line as the till posts it: the item's id, how many, the discount (Rp)."""

    item = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=1,
        max_value=MAX_QUANTITY,
        error_messages={
            "required": _("Write how many pieces."),
            "invalid": _("The quantity must be a whole number."),
            "min_value": _("Sell at least one piece."),
            "max_value": _("At most %(limit_value)s pieces in one line."),
        },
    )
    discount = RupiahField(label=_("Discount"), required=False)


class SaleForm(forms.Form):
    """A till sale: the cart's lines (``item``, ``quantity`` and ``discount`` repeated, one
    of each per line, in order) and how it is paid. The ``client_key`` made once per cart
    lets the service store a resent form once."""

    client_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("The till form is incomplete; reload the page."),
            "invalid": _("The till form is incomplete; reload the page."),
        },
    )
    payment = forms.ChoiceField(
        label=_("Payment"),
        choices=Sale.Payment.choices,
        initial=Sale.Payment.CASH,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the customer pays.")},
    )
    paid = RupiahField(
        label=_("Amount paid"), required=False, help_text=_("Empty: the exact amount.")
    )
    reference = forms.CharField(
        label=_("Payment reference"),
        required=False,
        max_length=100,
        help_text=_("Required for a bank transfer."),
    )

    def __init__(self, data: QueryDict | None = None, **kwargs) -> None:
        super().__init__(data, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("client_key", uuid.uuid4())
        rows = (
            zip_longest(
                *(data.getlist(name)[: MAX_LINES + 1] for name in ("item", "quantity", "discount")),
                fillvalue="",
            )
            if data is not None
            else []
        )
        self.lines = [
            LineForm({"item": item, "quantity": quantity, "discount": discount})
            for item, quantity, discount in rows
        ]

    def is_valid(self) -> bool:
        lines_valid = [line.is_valid() for line in self.lines]  # every line gets its errors
        return super().is_valid() and all(lines_valid)

    def clean(self) -> dict:
        data = super().clean()
        if not self.lines:
            raise ValidationError(_("Scan or choose at least one item."))
        if len(self.lines) > MAX_LINES:
            raise ValidationError(_("At most %(n)s lines in one sale.") % {"n": MAX_LINES})
        if data.get("payment") == Sale.Payment.TRANSFER and not data.get("reference"):
            self.add_error("reference", _("Write the transfer's reference."))
        return data

    def unchecked(self) -> SaleForm:
        """This form unbound, with what was typed as its initial values: a cart edited
        without JS shows no errors before the sale is paid."""
        return SaleForm(initial={name: self.data.get(name, "") for name in self.fields})

    @property
    def next_key(self) -> str:
        """The key the page sends next: the posted one (a retry of this very cart), or a
        fresh one when it was missing or garbled."""
        try:
            return str(uuid.UUID(str(self["client_key"].value())))
        except ValueError:
            return str(uuid.uuid4())

    def sale_lines(self) -> list[SaleLineInput]:
        return [
            SaleLineInput(
                item_id=line.cleaned_data["item"],
                quantity=line.cleaned_data["quantity"],
                discount=line.cleaned_data["discount"] or 0,
            )
            for line in self.lines
        ]

    def sale_values(self) -> dict:
        """The keyword arguments of ``services.record_sale`` other than outlet and cashier."""
        data = self.cleaned_data
        return {
            "lines": self.sale_lines(),
            "payment": data["payment"],
            "client_key": data["client_key"],
            "paid": data["paid"],
            "reference": data["reference"].strip(),
        }


class ReturnForm(forms.Form):
    """Pieces of one line of a sale brought back by the customer, with the reason."""

    line = forms.ModelChoiceField(
        queryset=SaleLine.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a line of this sale."),
            "invalid_choice": _("That item was not sold in this sale."),
        },
    )
    quantity = forms.IntegerField(
        label=_("Pieces returned"),
        min_value=1,
        max_value=MAX_QUANTITY,
        initial=1,
        error_messages={"min_value": _("Return at least one piece.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=255,
        error_messages={"required": _("Give the reason for the return.")},
    )

    def __init__(self, *args, lines: QuerySet[SaleLine], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = lines


class VoidForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the void"),
        max_length=255,
        error_messages={"required": _("Give the reason for the void.")},
    )


class CloseForm(forms.Form):
    """The cash counted in the drawer at the end of the day; a note when it differs."""

    cash_counted = RupiahField(
        label=_("Cash counted"), error_messages={"required": _("Write the cash counted.")}
    )
    note = forms.CharField(
        label=_("Note on the difference"),
        max_length=255,
        required=False,
        help_text=_("Required when the cash counted differs from the cash expected."),
    )
