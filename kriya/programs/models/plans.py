"""Work plans (program kerja) agreed at the Rakerda: programs, indicators and targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kriya.lib.files import PrivateFileField, RandomName
from kriya.programs.models.kinds import ActivityKind, FinancingKind, IPKind
from kriya.regions.models import Council
from kriya.regions.scoping import RegionalModel
from kriya.registry.models import CraftCategory

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class WorkPlan(RegionalModel):
    """A council's work plan for one year or a multi-year period."""

    admin_icon = "flag"
    region_path = "council__code"

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        APPROVED = "approved", _("approved at the Rakerda")

    NEXT = {Status.DRAFT: {Status.APPROVED}, Status.APPROVED: {Status.DRAFT}}

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="work_plans", verbose_name=_("council")
    )
    title = models.CharField(_("name of the work plan"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("from year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("to year"), validators=YEAR_VALIDATORS)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    approved_on = models.DateField(
        _("approved on"), null=True, blank=True, help_text=_("The date of the Rakerda/Rakorda.")
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-start_year", "council__code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="workplan_years_ordered",
                violation_error_message=_("The work plan cannot end before it begins."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("“To year” cannot be before “from year”.")})
        if self.status == self.Status.APPROVED and not self.approved_on:
            raise ValidationError(
                {"approved_on": _("Give the date of the Rakerda that approved the plan.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("admin:programs-workplan", args=[self.pk])

    def can_move_to(self, status: str) -> bool:
        return status in self.NEXT.get(self.status, set())

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return dt.date(self.start_year, 1, 1), dt.date(self.end_year, 12, 31)

    @property
    def period_label(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"


class Program(RegionalModel):
    """A group of indicators within a work plan (product development, marketing …)."""

    region_path = "work_plan__council__code"

    class Area(models.TextChoices):
        PRODUCT = "product", _("product development")
        MARKETING = "marketing", _("marketing")
        INSTITUTIONAL = "institutional", _("institutional strengthening")
        PEOPLE = "people", _("human resources")
        FINANCE = "finance", _("capital and financing")
        OTHER = "other", _("other")

    work_plan = models.ForeignKey(
        WorkPlan, on_delete=models.CASCADE, related_name="programs", verbose_name=_("work plan")
    )
    name = models.CharField(_("name"), max_length=200)
    area = models.CharField(_("area"), max_length=16, choices=Area, default=Area.PRODUCT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


UNIT_REQUIRED = _("Give the target's unit (IKM, desa, merek, Rp …).")
TARGET_POSITIVE = _("The target must be a positive number.")


class Indicator(RegionalModel):
    """What a program promises: a target in a unit, and the rule that counts its
    realization from the records (or a value entered by hand where no record exists)."""

    region_path = "program__work_plan__council__code"

    class Rule(models.TextChoices):
        BUSINESSES_DEVELOPED = (
            "businesses_developed",
            _("businesses that attended any development activity"),
        )
        BUSINESSES_AT_KIND = (
            "businesses_at_kind",
            _("businesses that attended activities of one kind"),
        )
        VILLAGES_WITH_ICON = "villages_with_icon", _("villages with a craft icon")
        IP_FILINGS = "ip_filings", _("IP filings of one kind")
        COMPETENCY_PASSED = "competency_passed", _("participants who passed a competency test")
        FINANCING_APPROVED = "financing_approved", _("financing approved (Rp)")
        VISITS = "visits", _("mentoring visits made")
        BUSINESSES_MENTORED = "businesses_mentored", _("businesses mentored")
        MANUAL = "manual", _("entered by hand")

    class IPStage(models.TextChoices):
        FILED = "filed", _("filed in the period")
        GRANTED = "granted", _("granted in the period")

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("program")
    )
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(
        _("unit"),
        max_length=30,
        help_text=_("For example IKM, desa, merek, perajin, Rp."),
        error_messages={"blank": UNIT_REQUIRED},
    )
    # Positive: checked in clean() with the message below, and by the constraint.
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=0, error_messages={"null": TARGET_POSITIVE}
    )
    rule = models.CharField(_("counted by"), max_length=24, choices=Rule, default=Rule.MANUAL)
    # Rule parameters.
    activity_kind = models.CharField(
        _("activity kind"), max_length=16, blank=True, choices=ActivityKind
    )
    category = models.ForeignKey(
        CraftCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("craft"),
        help_text=_("Only activities of this craft (and its kinds)."),
    )
    ip_kind = models.CharField(_("IP kind"), max_length=16, blank=True, choices=IPKind)
    ip_stage = models.CharField(_("IP stage"), max_length=8, choices=IPStage, default=IPStage.FILED)
    financing_kind = models.CharField(
        _("financing kind"), max_length=12, blank=True, choices=FinancingKind
    )
    # Manual realization, where no record can exist.
    manual_value = models.DecimalField(
        _("realization (entered)"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    manual_note = models.TextField(_("note on the realization"), blank=True)
    evidence = PrivateFileField(
        _("evidence"),
        upload_to=RandomName("programs/evidence", keep_name_in="evidence_name"),
        blank=True,
    )
    evidence_name = models.CharField(
        _("evidence's file name"), max_length=255, blank=True, editable=False
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__gt=0),
                name="indicator_target_positive",
                violation_error_message=TARGET_POSITIVE,
            ),
            models.CheckConstraint(
                condition=~Q(unit=""),
                name="indicator_unit_required",
                violation_error_message=UNIT_REQUIRED,
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.unit and not self.unit.strip():  # empty: the field's own "blank" message
            errors["unit"] = UNIT_REQUIRED
        if self.target is not None and self.target <= 0:
            errors["target"] = TARGET_POSITIVE
        if self.rule == self.Rule.BUSINESSES_AT_KIND and not self.activity_kind:
            errors["activity_kind"] = _("Choose the activity kind this rule counts.")
        if self.rule == self.Rule.IP_FILINGS and not self.ip_kind:
            errors["ip_kind"] = _("Choose the IP kind this rule counts.")
        if errors:
            raise ValidationError(errors)
