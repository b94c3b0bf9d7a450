"""IP filings (HAKI) and certifications, with their numbers and expiry.

Application numbers are checked against the forms DJKI (the Directorate General of
Intellectual Property) prints on its receipts:

=====================  =======================  ==============================
kind                   pattern                  example
=====================  =======================  ==============================
trademark (merek)      ``[DJ]ID`` + year + 6    DID2026012345 (goods; J services)
industrial design      ``A00`` + year + 5       A00202601234
copyright (hak cipta)  ``EC00`` + year + 5–6    EC00202612345
geographical indic.    ``IG00`` + year + 5–6    IG00202600012
simple patent          ``S00`` + year + 5       S00202601234
=====================  =======================  ==============================
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kriya.programs.models.kinds import CertificationKind, IPKind
from kriya.regions.models import Village
from kriya.regions.scoping import RegionalModel
from kriya.registry.models import Artisan, Business

APPLICATION_NUMBER = {
    IPKind.TRADEMARK: (re.compile(r"[DJ]ID\d{4}\d{6}"), "DID2026012345"),
    IPKind.DESIGN: (re.compile(r"A00\d{4}\d{5}"), "A00202601234"),
    IPKind.COPYRIGHT: (re.compile(r"EC00\d{4}\d{5,6}"), "EC00202612345"),
    IPKind.GI: (re.compile(r"IG00\d{4}\d{5,6}"), "IG00202600012"),
    IPKind.PATENT: (re.compile(r"S00\d{4}\d{5}"), "S00202601234"),
}
TRADEMARK_YEARS = 10


class IPFiling(RegionalModel):
    """A trademark, design, copyright, geographical indication or simple patent, from
    preparation to grant. A geographical indication is communal: it names a village, not a
    business. Every filing keeps the village it belongs to, which scopes it."""

    admin_icon = "verified"
    region_path = "village__code"
    Kind = IPKind

    class Status(models.TextChoices):
        PREPARED = "prepared", _("being prepared")
        FILED = "filed", _("filed")
        EXAMINED = "examined", _("published / examined")
        GRANTED = "granted", _("granted")
        REFUSED = "refused", _("refused")

    NEXT = {
        Status.PREPARED: {Status.FILED},
        # Copyright is recorded without substantive examination, so it can go straight on.
        Status.FILED: {Status.EXAMINED, Status.GRANTED, Status.REFUSED},
        Status.EXAMINED: {Status.GRANTED, Status.REFUSED},
    }

    kind = models.CharField(_("kind"), max_length=16, choices=IPKind)
    business = models.ForeignKey(
        Business,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ip_filings",
        verbose_name=_("business"),
    )
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        related_name="ip_filings",
        verbose_name=_("village"),
        blank=True,
        help_text=_(
            "For a geographical indication: the village "
            "(community) that holds it. Otherwise the "
            "business's village, filled in for you."
        ),
    )
    title = models.CharField(_("title / mark"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PREPARED, db_index=True
    )
    application_number = models.CharField(
        _("application number"),
        max_length=20,
        blank=True,
        help_text=_(
            "As on the DJKI receipt, e.g. DID2026012345 (trademark), A00202601234 "
            "(design), EC00202612345 (copyright), IG00202600012 (geographical "
            "indication), S00202601234 (simple patent)."
        ),
    )
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    granted_on = models.DateField(_("granted on"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    expires_on = models.DateField(
        _("expires on"),
        null=True,
        blank=True,
        help_text=_("Trademarks: 10 years from the grant, filled in when granted."),
    )
    facilitated_by = models.ForeignKey(
        "programs.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ip_filings",
        verbose_name=_("facilitated by (activity)"),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("IP filing")
        verbose_name_plural = _("IP filings")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="gi") | Q(business__isnull=False),
                name="ipfiling_business_unless_gi",
                violation_error_message=_("Choose the business that files."),
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "filed_on"]),
            models.Index(fields=["kind", "granted_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    def can_move_to(self, status: str) -> bool:
        return status in self.NEXT.get(self.status, set())

    def clean(self) -> None:
        errors = {}
        if self.kind != IPKind.GI and not self.business_id:
            errors["business"] = _("Choose the business that files.")
        if self.business_id and not self.village_id:
            self.village_id = self.business.village_id
        if not self.village_id:
            errors["village"] = _("Choose the village that holds the geographical indication.")
        number = (self.application_number or "").strip().upper().replace(" ", "")
        self.application_number = number
        if number and self.kind in APPLICATION_NUMBER:
            pattern, example = APPLICATION_NUMBER[self.kind]
            if not pattern.fullmatch(number):
                errors["application_number"] = _(
                    "“%(number)s” is not a %(kind)s application number; it looks like %(example)s."
                ) % {"number": number, "kind": self.get_kind_display(), "example": example}
        if self.status != self.Status.PREPARED and not (number and self.filed_on):
            errors.setdefault(
                "application_number",
                _("A filed application needs its application number and filing date."),
            )
        if self.status == self.Status.GRANTED and not self.granted_on:
            errors["granted_on"] = _("Give the date of the grant.")
        if errors:
            raise ValidationError(errors)


class IPFilingStatusChange(RegionalModel):
    """Who moved a filing from one status to another, and when."""

    region_path = "filing__village__code"
    filing = models.ForeignKey(
        IPFiling, on_delete=models.CASCADE, related_name="changes", verbose_name=_("IP filing")
    )
    old = models.CharField(_("from"), max_length=10, choices=IPFiling.Status)
    new = models.CharField(_("to"), max_length=10, choices=IPFiling.Status)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("IP filing status change")
        verbose_name_plural = _("IP filing status changes")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_old_display()} → {self.get_new_display()}"


class Certification(RegionalModel):
    """A halal, P-IRT, BPOM or SNI certificate of a business, or a BNSP competency
    certificate of an artisan."""

    admin_icon = "workspace_premium"
    region_path = "village__code"
    Kind = CertificationKind

    kind = models.CharField(_("kind"), max_length=8, choices=CertificationKind)
    business = models.ForeignKey(
        Business,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certifications",
        verbose_name=_("business"),
    )
    artisan = models.ForeignKey(
        Artisan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certifications",
        verbose_name=_("artisan"),
    )
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        blank=True,
        related_name="certifications",
        editable=False,
        verbose_name=_("village"),
    )
    number = models.CharField(_("certificate number"), max_length=60)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(
        _("expires on"), null=True, blank=True, help_text=_("Empty when it does not expire.")
    )
    facilitated_by = models.ForeignKey(
        "programs.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certifications",
        verbose_name=_("facilitated by (activity)"),
    )

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(business__isnull=False) | Q(artisan__isnull=False),
                name="certification_has_holder",
                violation_error_message=_("Choose the business or the artisan it belongs to."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def clean(self) -> None:
        if self.kind == CertificationKind.BNSP and not self.artisan_id:
            raise ValidationError({"artisan": _("A competency certificate belongs to an artisan.")})
        if self.kind != CertificationKind.BNSP and not self.business_id:
            raise ValidationError({"business": _("Choose the business it belongs to.")})
        holder = self.artisan if self.kind == CertificationKind.BNSP else self.business
        self.village_id = holder.village_id
        if self.expires_on and self.issued_on and self.expires_on < self.issued_on:
            raise ValidationError({"expires_on": _("It cannot expire before it is issued.")})
