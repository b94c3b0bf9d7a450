"""Form fields shared by the back office, the portal and public filters."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.core.files import File
from django.db import models
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kriya.lib import attachments, images
from kriya.lib.money import parse_rupiah

MB = 1024 * 1024


def lazy_limit(text: Callable[[], str]) -> str:  # a lazy str
    """A help text worked out each time it is shown, so that the limit it names is the one
    in the settings and its language the request's."""
    return lazy(lambda: str(text()), str)()


NEGATIVE = re.compile(r"\s*(rp\.?)?\s*-", re.IGNORECASE)


class RupiahField(forms.Field):
    """An amount in rupiah typed any way people write it ("Rp 1.250.000,00", "1250000",
    "1,2 jt"); cleans to a whole Decimal. Negative amounts and words are refused with a
    message that names the field, so it is clear out of context too (a phone shows one
    line)."""

    widget = forms.TextInput

    def __init__(self, *, allow_zero: bool = True, **kwargs: Any) -> None:
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

    def prepare_value(self, value: Any) -> Any:  # Field's own signature: any bound value
        if isinstance(value, Decimal | int):
            return f"{value:,.0f}".replace(",", ".")
        return value

    def to_python(self, value: Any | None) -> Decimal | None:
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


def https_by_default(field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """``Meta.formfield_callback``: a typed "instagram.com/x" means https (Django 6's
    default, taken now)."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


PHOTO_TYPES = "image/jpeg,image/png,image/webp"
ATTACHMENT_TYPES = ".pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xls,.xlsx,.pptx,.odt,.ods"


class PhotoField(forms.FileField):
    """Every photo upload, in every form and admin form: cleaned by
    ``kriya.lib.images.clean_image``, so ``cleaned_data`` holds the clean JPEG (only pixels,
    upright, sRGB), and a refused file is named with the reason and the limit."""

    def __init__(self, *, edge: int = images.EDGE, **kwargs: Any) -> None:
        self.edge = edge
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict:
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = PHOTO_TYPES
        return attrs

    def to_python(self, data: File | None) -> images.CleanImage | None:
        upload = super().to_python(data)
        return None if upload is None else images.clean_image(upload, edge=self.edge)


class AttachmentField(forms.FileField):
    """Every document upload: checked by its bytes against the allow-list of
    ``kriya.lib.attachments``, size-limited, stored under an extension of its content."""

    def widget_attrs(self, widget: forms.Widget) -> dict:
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ATTACHMENT_TYPES
        return attrs

    def to_python(self, data: File | None) -> attachments.CleanAttachment | None:
        upload = super().to_python(data)
        return None if upload is None else attachments.clean_attachment(upload)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class Photos(list):
    """The clean photos of a ``PhotosField``, and the files it set aside (``refused``: a
    name and its messages each)."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[dict] = []


class PhotosField(PhotoField):
    """Several photos in one input, each cleaned as ``PhotoField`` cleans one. With
    ``each_alone`` a bad file is set aside in ``refused`` and the good ones are kept (the
    portal); otherwise one bad file refuses the lot, every bad one named (a visit is
    stored with all its photos or not at all)."""

    widget = MultipleFileInput
    default_error_messages = {"max_files": _("At most %(n)s photos at once.")}

    def __init__(self, *, max_files: int, each_alone: bool = False, **kwargs: Any) -> None:
        self.max_files, self.each_alone = max_files, each_alone
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict:
        return {**super().widget_attrs(widget), "multiple": True}

    def clean(self, data: Any, initial: Any | None = None) -> Photos:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(files) > self.max_files:
            raise forms.ValidationError(
                self.error_messages["max_files"] % {"n": self.max_files}, code="max_files"
            )
        photos, problems = Photos(), []
        for number, upload in enumerate(files, start=1):
            try:
                photos.append(self.to_python(upload))
            except forms.ValidationError as error:
                photos.refused.append({"name": upload.name, "messages": error.messages})
                problems.append(
                    _("Photo %(n)s (%(name)s): %(reason)s")
                    % {"n": number, "name": upload.name, "reason": " ".join(error.messages)}
                )
        if problems and not self.each_alone:
            raise forms.ValidationError(problems, code="invalid_photo")
        return photos
