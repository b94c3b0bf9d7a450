"""The mentor's visit form: the same form for a plain POST and for the phone's queued send."""

from __future__ import annotations

import datetime as dt
import uuid

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kriya.accounts.models import User
from kriya.lib.forms import MultipleFileInput, PhotosField
from kriya.programs.mentoring import MAX_PHOTOS, recent_businesses
from kriya.regions.models import Council
from kriya.registry.models import Business

# The browser's date picker reads and writes ISO dates, whatever the page's language.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class VisitForm(forms.Form):
    client_key = forms.UUIDField(widget=forms.HiddenInput)
    recorded_at = forms.DateTimeField(required=False, widget=forms.HiddenInput)
    business = forms.ModelChoiceField(
        label=_("Business"),
        queryset=Business.objects.none(),
        error_messages={
            "required": _("Choose the business you visited."),
            "invalid_choice": _("Choose a business of your own council."),
        },
    )
    visited_on = forms.DateField(label=_("Date of the visit"), widget=DATE)
    findings = _text(_("Findings"))
    advice = _text(_("Advice given"))
    next_step = _text(_("Agreed next step"))
    next_step_due = forms.DateField(label=_("Next step due"), required=False, widget=DATE)
    # Cleaned here, each one (kriya.lib.images): one bad photo refuses the visit, named.
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        max_files=MAX_PHOTOS,
        error_messages={"max_files": _("At most %(n)s photos per visit.")},
        widget=MultipleFileInput(
            attrs={"accept": "image/*", "capture": "environment", "multiple": True}
        ),
    )
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )

    def __init__(self, *args, council: Council, mentor: User, query: str = "", **kwargs) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {
            "client_key": uuid.uuid4(),
            "visited_on": timezone.localdate(),
            **kwargs["initial"],
        }
        super().__init__(*args, **kwargs)
        scope = Business.objects.within(council).active().select_related("village")
        self.fields["business"].queryset = scope
        self.query = query.strip()
        # Without JS the picker is radio buttons: the recently visited, or a name search.
        if self.query:
            self.candidates = list(scope.filter(name__icontains=self.query).order_by("name")[:30])
        else:
            self.candidates = recent_businesses(council=council, mentor=mentor)
        chosen = self["business"].value()
        if (
            chosen
            and str(chosen).isdigit()
            and all(str(b.pk) != str(chosen) for b in self.candidates)
        ):
            self.candidates[:0] = list(scope.filter(pk=chosen))

    def clean_visited_on(self) -> dt.date:
        day = self.cleaned_data["visited_on"]
        if day > timezone.localdate() + dt.timedelta(days=1):
            raise forms.ValidationError(_("A visit cannot be in the future."))
        return day

    def clean(self) -> dict:
        data = super().clean()
        day, due = data.get("visited_on"), data.get("next_step_due")
        if day and due and due < day:
            self.add_error("next_step_due", _("The next step cannot be due before the visit."))
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        return data
