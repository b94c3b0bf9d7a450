"""Forms of the artisan portal: what an artisan types on a phone, cleaned the Indonesian way."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kriya.catalog.models import Product
from kriya.catalog.services import MAX_PHOTOS
from kriya.lib import images
from kriya.lib.forms import (
    MB,
    MultipleFileInput,
    PhotosField,
    RupiahField,
    https_by_default,
    lazy_limit,
)
from kriya.registry.models import Business, CraftCategory
from kriya.registry.validators import normalize_phone, phone_problem


class GroupedCategoryField(forms.ModelChoiceField):
    """Craft categories as a two-level select: families as groups, their crafts as options."""

    def __init__(self, **kwargs) -> None:
        super().__init__(queryset=CraftCategory.objects.filter(children__isnull=True), **kwargs)

    def grouped(self) -> list:
        choices: list = [("", "---------")]
        families = CraftCategory.objects.filter(parent__isnull=True).prefetch_related("children")
        for family in families:
            crafts = list(family.children.all())
            if crafts:
                choices.append((family.name, [(c.pk, c.name) for c in crafts]))
            else:
                choices.append((family.pk, family.name))
        return choices


class ServiceErrorsMixin:
    def add_service_error(self, error: ValidationError) -> None:
        """A service's ValidationError on the form: on its field when the form has it."""
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


class BusinessProfileForm(ServiceErrorsMixin, forms.ModelForm):
    class Meta:
        model = Business
        formfield_callback = https_by_default
        fields = ["address", "phone", "website", "instagram", "facebook", "marketplace", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "phone": _("For example 0812 3456 7890. Buyers reach you on WhatsApp."),
            "instagram": _("Your account name, for example @tenunsari."),
            "notes": _("Anything the council should know about your business."),
        }

    def clean_phone(self) -> str:
        phone = normalize_phone(self.cleaned_data.get("phone", ""))
        problem = phone_problem(phone)
        if problem:
            raise forms.ValidationError(problem)
        return phone


DIMENSIONS = ["length_cm", "width_cm", "height_cm"]


class ProductForm(ServiceErrorsMixin, forms.ModelForm):
    category = GroupedCategoryField(label=_("Craft"))
    price = RupiahField(
        label=_("Price (Rp)"), help_text=_("The price, or the lowest price of a range.")
    )
    price_max = RupiahField(
        label=_("Highest price (Rp)"),
        required=False,
        help_text=_("Only for a price range; leave empty otherwise."),
    )

    class Meta:
        model = Product
        fields = [
            "category",
            "name",
            "description",
            "story",
            "materials",
            "local_material",
            "material_origin",
            "technique",
            *DIMENSIONS,
            "weight_g",
            "price",
            "price_max",
            "availability",
            "lead_time_days",
            "name_en",
            "description_en",
            "story_en",
        ]
        localized_fields = DIMENSIONS  # "12,5" as Indonesians write it
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "story": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "story_en": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.TextInput(attrs={"inputmode": "decimal"}) for name in DIMENSIONS},
            "weight_g": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "lead_time_days": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        help_texts = {
            "materials": _("For example: cotton thread, natural dyes."),
            "material_origin": _("Where the material comes from."),
            "lead_time_days": _("For made-to-order products: days until ready."),
        }

    # The form in short sections, so a phone shows one thing to think about at a time.
    SECTIONS = [
        (None, ["category", "name", "description", "story"]),
        (
            _("Material and technique"),
            ["materials", "local_material", "material_origin", "technique"],
        ),
        (_("Size and weight"), [*DIMENSIONS, "weight_g"]),
        (_("Price and availability"), ["price", "price_max", "availability", "lead_time_days"]),
    ]
    ENGLISH = ["name_en", "description_en", "story_en"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = self.fields["category"].grouped()
        del self.fields["price_max"].widget.attrs["placeholder"]  # an example reads as a value

    def sections(self) -> list[tuple]:
        """(title, bound fields, whether they are short numbers that fit side by side)."""
        return [
            (title, [self[name] for name in names], names[0] in DIMENSIONS)
            for title, names in self.SECTIONS
        ]

    def values(self) -> dict:
        """The cleaned values, as ``catalog.services.save_product`` takes them."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}

    def english_fields(self) -> list:
        return [self[name] for name in self.ENGLISH]


class PhotosForm(forms.Form):
    # Each file is cleaned on its own: a bad one is set aside (``refused``) and named, and
    # the good ones are kept.
    photos = PhotosField(
        max_files=MAX_PHOTOS,
        each_alone=True,
        label=_("Add photos"),
        widget=MultipleFileInput(
            attrs={"accept": "image/*", "capture": "environment", "multiple": True}
        ),
        help_text=lazy_limit(
            lambda: (
                _("JPEG, PNG or WebP, up to %(mb)s MB each. You can choose several at once.")
                % {"mb": images.max_bytes() // MB}
            )
        ),
        error_messages={"required": _("Choose at least one photo.")},
    )
