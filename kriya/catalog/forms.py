"""Forms of the catalog's back office."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from unfold.widgets import UnfoldAdminSelectWidget, UnfoldAdminTextInputWidget

from kriya.catalog.models import Product
from kriya.catalog.services import MAX_PHOTOS, PRODUCT_FIELDS
from kriya.lib import images
from kriya.lib.forms import MB, PhotoField, RupiahField, lazy_limit

LAYOUTS = [
    ("a4-3x8", _("A4, 24 labels of 70 × 37 mm (3 × 8)")),
    ("a4-2x5", _("A4, 10 labels of 105 × 57 mm (2 × 5)")),
]


class ProductAdminForm(forms.ModelForm):
    price = RupiahField(
        label=_("price (Rp)"),
        allow_zero=False,
        widget=UnfoldAdminTextInputWidget,
        help_text=_("For example 1.250.000 or Rp 1,25 jt."),
    )
    price_max = RupiahField(
        label=_("highest price (Rp)"),
        required=False,
        widget=UnfoldAdminTextInputWidget,
        help_text=_("Only for a price range."),
    )

    new_photo = PhotoField(
        label=_("add a photo"),
        required=False,
        help_text=lazy_limit(
            lambda: (
                _(
                    "JPEG, PNG or WebP from a camera or phone, at most %(mb)s MB. Location data "
                    "is removed and the photo is turned upright."
                )
                % {"mb": images.max_bytes() // MB}
            )
        ),
    )

    def clean_new_photo(self):
        photo = self.cleaned_data.get("new_photo")  # already the clean JPEG (PhotoField)
        if photo and self.instance.pk and self.instance.photos.count() >= MAX_PHOTOS:
            raise forms.ValidationError(
                _("A product has at most %(n)s photos; remove one first.") % {"n": MAX_PHOTOS}
            )
        return photo

    class Meta:
        model = Product
        fields = ["business", *PRODUCT_FIELDS]  # what save_product takes


class LabelsForm(forms.Form):
    """The label paper, and how many tags to print for each chosen product."""

    layout = forms.ChoiceField(
        label=_("label paper"), choices=LAYOUTS, widget=UnfoldAdminSelectWidget
    )

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        self.products = list(products)
        for product in self.products:
            self.fields[f"copies_{product.pk}"] = forms.IntegerField(
                label=product.name,
                min_value=0,
                max_value=500,
                initial=1,
                widget=UnfoldAdminTextInputWidget,
            )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"copies_{p.pk}") for p in self.products):
            raise forms.ValidationError(_("Choose at least one product and one label."))
        return cleaned

    def items(self) -> list[tuple[Product, int]]:
        return [
            (p, self.cleaned_data[f"copies_{p.pk}"])
            for p in self.products
            if self.cleaned_data.get(f"copies_{p.pk}")
        ]


class SendBackForm(forms.Form):
    """Why a product waiting for approval goes back to its maker (kept in its history)."""

    reason = forms.CharField(
        label=_("reason for sending it back"),
        max_length=255,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The maker reads this in the product's history, e.g. “The photo is blurred”."),
    )
