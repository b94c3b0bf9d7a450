"""Forms of the register: what a person types is cleaned the same way the import cleans it."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from openpyxl.utils.cell import get_column_letter
from unfold.widgets import (
    UnfoldAdminFileFieldWidget,
    UnfoldAdminSelectWidget,
    UnfoldAdminTextInputWidget,
)

from kriya.lib.forms import MB, PhotoField, https_by_default, lazy_limit
from kriya.registry.importer.columns import FIELDS, LABELS, ColumnMap
from kriya.registry.importer.limits import limits
from kriya.registry.models import Artisan, Business, ImportBatch, scale_for
from kriya.registry.validators import (
    normalize_name,
    normalize_phone,
    phone_problem,
    validate_nib,
    validate_nik,
)


class RegisterForm(forms.ModelForm):
    def clean_name(self) -> str:
        return normalize_name(self.cleaned_data["name"])

    def clean_phone(self) -> str:
        phone = normalize_phone(self.cleaned_data.get("phone", ""))
        problem = phone_problem(phone)
        if problem:
            raise forms.ValidationError(problem)
        return phone

    def _clean_fields(self) -> None:
        # Spaces and dots inside NIK and NIB are typing habits, not errors: strip them first.
        for name in ("nik", "nib"):
            key = self.add_prefix(name)
            if name in self.fields and key in self.data:
                self.data = self.data.copy()
                self.data[key] = re.sub(r"[\s.\-]", "", self.data[key])
        super()._clean_fields()


class ArtisanForm(RegisterForm):
    # Wider than the 16 digits stored: "5103 0412 0378 0004" is cleaned, then validated.
    nik = forms.CharField(
        label=_("NIK"),
        max_length=40,
        required=False,
        validators=[validate_nik],
        widget=UnfoldAdminTextInputWidget,
        help_text=_("16 digits, from the identity card (KTP)."),
    )

    class Meta:
        model = Artisan
        fields = [
            "name",
            "nik",
            "sex",
            "birth_year",
            "phone",
            "address",
            "village",
            "skills",
            "photo",
            "notes",
        ]
        field_classes = {"photo": PhotoField}


class BusinessForm(RegisterForm):
    nib = forms.CharField(
        label=_("NIB"),
        max_length=40,
        required=False,
        validators=[validate_nib],
        widget=UnfoldAdminTextInputWidget,
        help_text=_("Business identity number from OSS: 13 digits."),
    )

    class Meta:
        model = Business
        formfield_callback = https_by_default
        fields = [
            "name",
            "owner",
            "nib",
            "legal_form",
            "scale",
            "categories",
            "village",
            "cluster",
            "address",
            "phone",
            "workers",
            "capital",
            "yearly_turnover",
            "year_founded",
            "membership",
            "member_since",
            "website",
            "instagram",
            "facebook",
            "marketplace",
            "siinas_id",
            "sidt_kumkm_id",
            "ekatalog_id",
            "notes",
        ]

    def clean(self) -> dict:
        data = super().clean()
        scale = scale_for(capital=data.get("capital"), turnover=data.get("yearly_turnover"))
        if scale:
            if (
                data.get("scale")
                and data["scale"] != scale
                and self.has_changed()
                and "scale" in self.changed_data
            ):
                self.add_error(
                    "scale",
                    _("Capital or turnover makes this business %(scale)s (PP 7/2021).")
                    % {"scale": Business.Scale(scale).label},
                )
            data["scale"] = scale
            self.instance.scale = scale
        return data


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=ImportBatch.Kind.choices,
        widget=UnfoldAdminSelectWidget,
    )
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        help_text=lazy_limit(
            lambda: (
                _(
                    "Up to %(mb)s MB. The first sheet is read; headings may be in Indonesian or "
                    "English, in any order."
                )
                % {"mb": limits().file_bytes // MB}
            )
        ),
        widget=UnfoldAdminFileFieldWidget,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in {"xlsx", "xls", "xlsm", "ods", "csv"}:
            raise forms.ValidationError(
                _("“%(name)s” is not a spreadsheet: upload an .xlsx or .csv file.")
                % {"name": upload.name}
            )
        if upload.size > settings.IMPORT_MAX_FILE_MB * 1024 * 1024:
            raise forms.ValidationError(
                _(
                    "The file is larger than %(limit)s MB; split it into parts (the limit "
                    "is the setting KRIYA_IMPORT_MAX_FILE_MB)."
                )
                % {"limit": settings.IMPORT_MAX_FILE_MB}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        return upload


class ColumnsForm(forms.Form):
    """The mapping step: one choice per column of the file, preset from the matcher."""

    def __init__(self, *args, columns: ColumnMap, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.columns = columns
        choices = [("", _("not used")), *[(name, LABELS[name]) for name in FIELDS]]
        for column, heading in sorted(columns.headings.items()):
            self.fields[f"column_{column}"] = forms.ChoiceField(
                label=heading,
                choices=choices,
                required=False,
                initial=columns.field_of(column),
                widget=UnfoldAdminSelectWidget,
            )

    def rows(self) -> list[dict]:
        """Each column as the table shows it: letter, heading, an example value, the choice
        and, for a column not used, what it might be."""
        return [
            {
                "letter": get_column_letter(column + 1),
                "heading": heading,
                "example": self.columns.examples.get(column, ""),
                "field": self[f"column_{column}"],
                "note": self.columns.unused_note(column),
            }
            for column, heading in sorted(self.columns.headings.items())
        ]

    def clean(self) -> dict:
        data = super().clean()
        taken: dict[str, str] = {}
        for column, heading in sorted(self.columns.headings.items()):
            name = data.get(f"column_{column}")
            if name and name in taken:
                self.add_error(
                    f"column_{column}",
                    _("“%(heading)s” and “%(other)s” both go to %(field)s: choose one.")
                    % {"heading": heading, "other": taken[name], "field": LABELS[name]},
                )
            elif name:
                taken[name] = heading
        return data

    def chosen(self) -> dict[int, str]:
        return {
            column: self.cleaned_data.get(f"column_{column}") or ""
            for column in self.columns.headings
        }
