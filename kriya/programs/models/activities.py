"""Activities (kegiatan) a council runs, and who took part in them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kriya.lib.files import PrivateFileField, RandomName
from kriya.programs.models.kinds import ActivityKind
from kriya.regions.models import Council, Village
from kriya.regions.scoping import RegionalModel, code_covers
from kriya.registry.models import Artisan, Business, CraftCategory


class Activity(RegionalModel):
    """A training, bimtek, outreach, mentoring programme, competency test, study visit …"""

    admin_icon = "school"
    region_path = "council__code"
    Kind = ActivityKind

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="activities", verbose_name=_("council")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind, db_index=True)
    title = models.CharField(_("name of the activity"), max_length=200)
    category = models.ForeignKey(
        CraftCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("craft"),
    )
    starts_on = models.DateField(_("starts on"), db_index=True)
    ends_on = models.DateField(_("ends on"))
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("village"),
    )
    venue = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("Where, when it is not a village (a hall, a hotel)."),
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    partners = models.TextField(_("partners"), blank=True)
    budget = models.DecimalField(
        _("budget (Rp)"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_source = models.CharField(
        _("budget source"),
        max_length=150,
        blank=True,
        help_text=_("APBD, APBN, CSR, self-funded …"),
    )
    trainers = models.TextField(_("trainers / assessors"), blank=True)
    attachment = PrivateFileField(
        _("attachment"),
        upload_to=RandomName("programs/activities", keep_name_in="attachment_name"),
        blank=True,
    )
    attachment_name = models.CharField(
        _("attachment's file name"), max_length=255, blank=True, editable=False
    )
    indicator = models.ForeignKey(
        "programs.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("indicator it serves"),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="activity_dates_ordered",
                violation_error_message=_("An activity cannot end before it begins."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {
                    "ends_on": _(
                        "“Ends on” cannot be before “starts on”: an activity cannot "
                        "end before it begins."
                    )
                }
            )

    def get_absolute_url(self) -> str:
        return reverse("admin:programs_activity_change", args=[self.pk])

    @property
    def place(self) -> str:
        return self.venue or (self.village.label if self.village_id else "")


class Participation(RegionalModel):
    """A business and/or an artisan at an activity, with the outcome for them."""

    region_path = "activity__council__code"

    class Status(models.TextChoices):
        INVITED = "invited", _("invited")
        REGISTERED = "registered", _("registered")
        ATTENDED = "attended", _("attended")
        ABSENT = "absent", _("absent")

    NEXT = {
        Status.INVITED: {Status.REGISTERED, Status.ATTENDED, Status.ABSENT},
        Status.REGISTERED: {Status.ATTENDED, Status.ABSENT, Status.INVITED},
        Status.ATTENDED: {Status.ABSENT},
        Status.ABSENT: {Status.ATTENDED},
    }

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("activity"),
    )
    business = models.ForeignKey(
        Business,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("business"),
    )
    artisan = models.ForeignKey(
        Artisan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("artisan"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.INVITED)
    # Outcome (competency tests; other kinds use the notes).
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(
        _("score"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("0 to 100."),
    )
    certificate_number = models.CharField(_("certificate number"), max_length=60, blank=True)
    notes = models.CharField(_("notes"), max_length=255, blank=True)
    # Copied when the row is checked (clean), so that realization reads this one table,
    # 5,000,000 rows at national scale, from one index instead of joining three: where the
    # participant lived when they took part (the artisan's village, else the business's),
    # and the activity's first day (kept in step by services.save_activity).
    region_code = models.CharField(max_length=13, editable=False, blank=True)
    held_on = models.DateField(editable=False, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(business__isnull=False) | Q(artisan__isnull=False),
                name="participation_has_someone",
                violation_error_message=_("Choose a business or an artisan."),
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100),
                name="participation_score_range",
                violation_error_message=_("The score must be between 0 and 100."),
            ),
        ]
        # Realization reads a region's rows from this index alone (covering).
        indexes = [
            models.Index(
                fields=["region_code", "held_on", "status", "business", "passed", "activity"],
                name="participation_realization",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.artisan_id and self.business_id:
            return f"{self.artisan} ({self.business})"
        return str(self.artisan or self.business)

    def can_move_to(self, status: str) -> bool:
        return status in self.NEXT.get(self.status, set())

    def clean(self) -> None:
        if not self.business_id and not self.artisan_id:
            raise ValidationError(_("Choose a business or an artisan."))
        if self.score is not None and not 0 <= self.score <= 100:
            raise ValidationError({"score": _("The score must be between 0 and 100.")})
        self.region_code = (self.artisan or self.business).village_id
        if self.activity_id:
            self.held_on = self.activity.starts_on
            council = self.activity.council
            for field, who in (("business", self.business), ("artisan", self.artisan)):
                if who is not None and not code_covers(council.code, who.village_id):
                    raise ValidationError(
                        {
                            field: _(
                                "%(name)s is registered in %(village)s, outside the region of "
                                "%(council)s, and cannot take part in its activity."
                            )
                            % {
                                "name": who.name,
                                "village": who.village.label,
                                "council": council.name,
                            }
                        }
                    )
