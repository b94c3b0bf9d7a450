"""The register: artisans, craft businesses, clusters, craft categories, village icons."""

from __future__ import annotations

from decimal import Decimal
from typing import Self, TypeVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kriya.lib.files import PrivateFileField, PrivateImageField, RandomName, public_storage
from kriya.lib.slugs import slug_with_id
from kriya.regions.models import Village
from kriya.regions.scoping import RegionalModel, RegionalQuerySet
from kriya.registry.validators import validate_nib, validate_nik


class CraftCategory(models.Model):
    """Two-level taxonomy of kriya families (tenun → endek, songket, …). Shared by all
    councils; only Dekranas administrators change it."""

    admin_icon = "category"
    shared_reference = True
    name = models.CharField(_("name"), max_length=80)
    name_en = models.CharField(_("name in English"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("family"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("craft category")
        verbose_name_plural = _("craft categories")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name


# An artisan or a business: the register's querysets keep the model they hold.
_Record = TypeVar("_Record", bound="RegisterRecord")


class RegisterQuerySet(RegionalQuerySet[_Record]):
    def active(self) -> Self:
        """Rows still in the register (a merged duplicate stays, pointing at its survivor)."""
        return self.filter(merged_into__isnull=True)


class RegisterRecord(RegionalModel):
    """What artisans and businesses share: a village, a merge history, timestamps."""

    region_path = "village__code"
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegisterQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Sex(models.TextChoices):
    MALE = "L", _("male")
    FEMALE = "P", _("female")


class Artisan(RegisterRecord):
    """A perajin: a person. NIK, phone and address are personal data."""

    admin_icon = "person_apron"
    name = models.CharField(_("name"), max_length=150, db_index=True)
    nik = models.CharField(
        _("NIK"),
        max_length=16,
        blank=True,
        validators=[validate_nik],
        help_text=_("16 digits, from the identity card (KTP)."),
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    phone = models.CharField(_("phone / WhatsApp"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="artisans", verbose_name=_("village")
    )
    skills = models.ManyToManyField(
        CraftCategory, blank=True, related_name="artisans", verbose_name=_("skills")
    )
    photo = PrivateImageField(_("photo"), upload_to=RandomName("artisans"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # The artisan's own login, for the artisan portal (their businesses and products).
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="artisan",
        verbose_name=_("login for the artisan portal"),
    )

    class Meta(RegisterRecord.Meta):
        verbose_name = _("artisan")
        verbose_name_plural = _("artisans")
        constraints = [
            models.UniqueConstraint(
                fields=["nik"],
                condition=~Q(nik=""),
                name="artisan_nik_unique",
                violation_error_message=_("An artisan with this NIK is already registered."),
            ),
        ]


class Business(RegisterRecord):
    """An IKM/UKM: a craft business in a village, usually owned by one artisan."""

    admin_icon = "storefront"

    class LegalForm(models.TextChoices):
        PERSONAL = "perorangan", _("sole proprietor")
        UD = "ud", _("UD (trading business)")
        CV = "cv", _("CV (limited partnership)")
        PT = "pt", _("PT (limited company)")
        COOPERATIVE = "koperasi", _("cooperative")
        OTHER = "lainnya", _("other")

    class Scale(models.TextChoices):
        MICRO = "mikro", _("micro")
        SMALL = "kecil", _("small")
        MEDIUM = "menengah", _("medium")
        LARGE = "besar", _("large")

    class Membership(models.TextChoices):
        MEMBER = "member", _("member")
        CANDIDATE = "candidate", _("candidate")
        NONE = "none", _("not a member")
        LAPSED = "lapsed", _("lapsed")

    name = models.CharField(_("name"), max_length=200, db_index=True)
    owner = models.ForeignKey(
        Artisan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="businesses",
        verbose_name=_("owner"),
    )
    nib = models.CharField(
        _("NIB"),
        max_length=13,
        blank=True,
        validators=[validate_nib],
        help_text=_("Business identity number from OSS: 13 digits."),
    )
    legal_form = models.CharField(
        _("legal form"), max_length=12, choices=LegalForm, default=LegalForm.PERSONAL
    )
    scale = models.CharField(
        _("scale"),
        max_length=10,
        choices=Scale,
        default=Scale.MICRO,
        help_text=_("Set from capital or turnover (PP 7/2021) when either is given."),
    )
    categories = models.ManyToManyField(
        CraftCategory, blank=True, related_name="businesses", verbose_name=_("craft categories")
    )
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="businesses", verbose_name=_("village")
    )
    cluster = models.ForeignKey(
        "Cluster",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="businesses",
        verbose_name=_("cluster"),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone / WhatsApp"), max_length=20, blank=True)
    workers = models.PositiveIntegerField(_("workers"), null=True, blank=True)
    capital = models.DecimalField(
        _("business capital (Rp)"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("Excluding land and buildings."),
    )
    yearly_turnover = models.DecimalField(
        _("yearly turnover (Rp)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    membership = models.CharField(
        _("council membership"), max_length=10, choices=Membership, default=Membership.MEMBER
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    instagram = models.CharField(_("Instagram"), max_length=100, blank=True)
    facebook = models.CharField(_("Facebook"), max_length=100, blank=True)
    marketplace = models.URLField(_("marketplace shop"), blank=True)
    siinas_id = models.CharField(_("SIINas ID"), max_length=40, blank=True)
    sidt_kumkm_id = models.CharField(_("SIDT-KUMKM ID"), max_length=40, blank=True)
    ekatalog_id = models.CharField(_("e-Katalog ID"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta(RegisterRecord.Meta):
        verbose_name = _("business")
        verbose_name_plural = _("businesses")
        constraints = [
            models.UniqueConstraint(
                fields=["nib"],
                condition=~Q(nib=""),
                name="business_nib_unique",
                violation_error_message=_("A business with this NIB is already registered."),
            ),
        ]
        indexes = [models.Index(fields=["village", "name"])]

    def get_absolute_url(self) -> str:
        return reverse("admin:registry_business_change", args=[self.pk])

    @property
    def slug(self) -> str:
        """The public page's slug (``/usaha/<slug>/``): the name, then the id."""
        return slug_with_id(self.name, self.pk)


# PP 7/2021, art. 35: capital (excluding land and buildings) or yearly sales, in rupiah.
SCALE_BY_CAPITAL = [
    (Decimal(1_000_000_000), Business.Scale.MICRO),
    (Decimal(5_000_000_000), Business.Scale.SMALL),
    (Decimal(10_000_000_000), Business.Scale.MEDIUM),
]
SCALE_BY_TURNOVER = [
    (Decimal(2_000_000_000), Business.Scale.MICRO),
    (Decimal(15_000_000_000), Business.Scale.SMALL),
    (Decimal(50_000_000_000), Business.Scale.MEDIUM),
]


def scale_for(*, capital: Decimal | None, turnover: Decimal | None) -> str | None:
    """The PP 7/2021 scale; capital decides when given (the regulation's first criterion)."""
    value, table = (
        (capital, SCALE_BY_CAPITAL) if capital is not None else (turnover, SCALE_BY_TURNOVER)
    )
    if value is None:
        return None
    for ceiling, scale in table:
        if value <= ceiling:
            return scale
    return Business.Scale.LARGE


class Cluster(RegionalModel):
    """A sentra IKM: one place where many businesses share one craft."""

    admin_icon = "hub"
    region_path = "village__code"
    name = models.CharField(_("name"), max_length=150)
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="clusters", verbose_name=_("village")
    )
    main_category = models.ForeignKey(
        CraftCategory,
        on_delete=models.PROTECT,
        related_name="clusters",
        verbose_name=_("main craft"),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("cluster (sentra)")
        verbose_name_plural = _("clusters (sentra)")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class VillageIcon(RegionalModel):
    """A village's signature craft (ikon kerajinan desa). One per village."""

    admin_icon = "star"
    region_path = "village__code"
    village = models.OneToOneField(
        Village, on_delete=models.PROTECT, related_name="icon", verbose_name=_("village")
    )
    category = models.ForeignKey(
        CraftCategory,
        on_delete=models.PROTECT,
        related_name="village_icons",
        verbose_name=_("craft"),
    )
    title = models.CharField(
        _("what it is"), max_length=150, help_text=_("For example “Endek cloth of Getasan”.")
    )
    description = models.TextField(_("story"), blank=True)
    since_year = models.PositiveSmallIntegerField(
        _("since (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
    )
    # Shown on the public village page: public media.
    photo = models.ImageField(
        _("photo"), upload_to=RandomName("village-icons"), storage=public_storage, blank=True
    )
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="village_icons",
        verbose_name=_("cluster"),
    )
    businesses = models.ManyToManyField(
        Business, blank=True, related_name="village_icons", verbose_name=_("businesses behind it")
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("village craft icon")
        verbose_name_plural = _("village craft icons")
        ordering = ["village"]

    def __str__(self) -> str:
        return f"{self.title} ({self.village.name})"


class MergeRecord(RegionalModel):
    """What a merge of two duplicate records did, kept for the history of both."""

    admin_icon = "merge"
    region_path = "village__code"
    kind = models.CharField(
        _("kind"), max_length=10, choices=[("artisan", _("artisan")), ("business", _("business"))]
    )
    kept_id = models.PositiveBigIntegerField(_("kept record"))
    merged_id = models.PositiveBigIntegerField(_("merged record"))
    merged_snapshot = models.JSONField(_("merged record as it was"))
    moved = models.JSONField(_("related records moved"), default=dict)
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="+", verbose_name=_("village")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("merge record")
        verbose_name_plural = _("merge records")
        ordering = ["-at"]

    def __str__(self) -> str:
        return _("%(kind)s #%(merged)s merged into #%(kept)s") % {
            "kind": self.get_kind_display(),
            "merged": self.merged_id,
            "kept": self.kept_id,
        }


class ImportBatch(RegionalModel):
    """One uploaded register file, from its preview to its result."""

    admin_icon = "upload_file"
    region_path = "council__code"

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("uploaded")
        PREVIEWING = "previewing", _("checking rows")
        MAPPING = "mapping", _("waiting for the columns to be confirmed")
        PREVIEWED = "previewed", _("checked, waiting for confirmation")
        COMMITTING = "committing", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")
        INTERRUPTED = "interrupted", _("interrupted")

    NEXT = {
        Status.UPLOADED: {Status.PREVIEWING, Status.FAILED},
        Status.PREVIEWING: {
            Status.MAPPING,
            Status.PREVIEWED,
            Status.FAILED,
            Status.INTERRUPTED,
        },
        # The user confirms (or corrects) which column is which before the rows are checked,
        # and may correct it again after seeing the check.
        Status.MAPPING: {Status.PREVIEWING},
        Status.PREVIEWED: {Status.COMMITTING, Status.PREVIEWING},
        Status.COMMITTING: {Status.DONE, Status.PREVIEWED, Status.FAILED, Status.INTERRUPTED},
        # The worker was killed mid-way (nothing of the file was written): check it again.
        Status.INTERRUPTED: {Status.UPLOADED},
    }

    # A worker has the file in hand (or is about to): the page polls, and a stale one of
    # these is a killed worker's (batches.mark_interrupted).
    WORKING = frozenset({Status.UPLOADED, Status.PREVIEWING, Status.COMMITTING})

    class Kind(models.TextChoices):
        BUSINESS = "business", _("businesses with their owners")
        ARTISAN = "artisan", _("artisans")

    council = models.ForeignKey(
        "regions.Council",
        on_delete=models.CASCADE,
        related_name="import_batches",
        verbose_name=_("council"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.BUSINESS)
    # Holds NIK and phone numbers: private, and deleted after the council's retention period
    # (``purge_imports``), when it becomes "" and ``file_deleted_at`` says when.
    file = PrivateFileField(_("file"), upload_to=RandomName("imports"), blank=True)
    filename = models.CharField(_("file name"), max_length=255)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.UPLOADED)
    mode = models.CharField(_("mode"), max_length=5, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    # Which file column goes to which field (importer.columns.ColumnMap.as_dict), and
    # whether the user has confirmed it.
    columns = models.JSONField(_("columns"), default=dict, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    problems = models.JSONField(_("problem rows"), default=list, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    file_deleted_at = models.DateTimeField(_("file deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("register import")
        verbose_name_plural = _("register imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    def can_move_to(self, status: str) -> bool:
        return status in self.NEXT.get(self.status, set())

    @property
    def percent(self) -> int:
        return round(100 * self.progress_done / self.progress_total) if self.progress_total else 0

    @property
    def working(self) -> bool:
        return self.status in self.WORKING
