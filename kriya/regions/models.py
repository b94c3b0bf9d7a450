"""Official regions (Kemendagri codes), the councils that serve them, and their boards."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kriya.regions import scoping
from kriya.regions.scoping import NATION_CODE, RegionalModel, RegionalQuerySet


# Regions ---------------------------------------------------------------------------------
class Region(RegionalModel):
    """One level of the official tree. Rows are never deleted: a code a newer decree drops
    is kept inactive, because records may point to it."""

    region_path = "code"
    code = models.CharField(_("code"), max_length=13, primary_key=True)
    name = models.CharField(_("name"), max_length=100, db_index=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Province(Region):
    admin_icon = "map"

    class Meta(Region.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class Regency(Region):
    """Kabupaten or kota; the official name carries the kind ("Kabupaten Badung")."""

    admin_icon = "location_city"
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="regencies", verbose_name=_("province")
    )

    class Meta(Region.Meta):
        verbose_name = _("regency/city")
        verbose_name_plural = _("regencies/cities")

    @property
    def short_name(self) -> str:
        return self.name.replace("Kabupaten ", "Kab. ", 1)


class District(Region):
    admin_icon = "holiday_village"
    regency = models.ForeignKey(
        Regency, on_delete=models.PROTECT, related_name="districts", verbose_name=_("regency/city")
    )

    class Meta(Region.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class Village(Region):
    """Desa or kelurahan. The first digit of the last code part tells which: 1 kelurahan,
    2 desa, 3 special villages (desa adat, nagari), which count as desa."""

    admin_icon = "cottage"

    class Kind(models.TextChoices):
        DESA = "desa", _("village (desa)")
        KELURAHAN = "kelurahan", _("urban village (kelurahan)")

    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="villages", verbose_name=_("district")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.DESA)

    class Meta(Region.Meta):
        verbose_name = _("village")
        verbose_name_plural = _("villages")

    def __str__(self) -> str:
        return self.full_name

    @staticmethod
    def kind_from_code(code: str) -> str:
        kelurahan = code.rsplit(".", 1)[-1].startswith("1")
        return Village.Kind.KELURAHAN if kelurahan else Village.Kind.DESA

    @property
    def label(self) -> str:
        prefix = _("Kel.") if self.kind == self.Kind.KELURAHAN else _("Desa")
        return f"{prefix} {self.name}"

    @property
    def full_name(self) -> str:
        """ "Desa Getasan · Kec. Petang · Kab. Badung · Bali": what a picker shows."""
        district = self.district
        regency = district.regency
        return " · ".join(
            [self.label, f"{_('Kec.')} {district.name}", regency.short_name, regency.province.name]
        )


# Councils --------------------------------------------------------------------------------
class Council(RegionalModel):
    """Dekranas (the nation, code ``ID``) or a Dekranasda of one province or regency/city."""

    admin_icon = "account_balance"
    region_path = "code"

    class Level(models.TextChoices):
        NATION = "nation", _("national")
        PROVINCE = "province", _("province")
        REGENCY = "regency", _("regency/city")

    code = models.CharField(
        _("region code"),
        max_length=13,
        unique=True,
        help_text=_("ID for Dekranas, a province code (51) or a regency/city code (51.03)."),
    )
    level = models.CharField(_("level"), max_length=10, choices=Level, editable=False, blank=True)
    name = models.CharField(
        _("name"),
        max_length=150,
        blank=True,
        help_text=_("Leave empty for the usual name, e.g. “Dekranasda Kabupaten Badung”."),
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    # Uploaded register spreadsheets hold NIK and phone numbers of whole villages; they are
    # deleted this long after the upload (``purge_imports``), the import's results stay.
    import_retention_days = models.PositiveSmallIntegerField(
        _("keep import files for (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_(
            "Uploaded register spreadsheets are deleted this many days after the upload; "
            "the import's results stay."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def level_of(code: str) -> str | None:
        """The level of a council that may serve ``code``: the nation, or an existing
        province or regency (``None`` for anything else)."""
        level = scoping.level_of(code)
        if level == scoping.NATION:
            return Council.Level.NATION
        if level == scoping.PROVINCE and Province.objects.filter(code=code).exists():
            return Council.Level.PROVINCE
        if level == scoping.REGENCY and Regency.objects.filter(code=code).exists():
            return Council.Level.REGENCY
        return None

    @staticmethod
    def default_name(code: str) -> str:
        if code == NATION_CODE:
            return "Dekranas"
        if scoping.level_of(code) == scoping.PROVINCE:
            return f"Dekranasda Provinsi {Province.objects.get(code=code).name}"
        return f"Dekranasda {Regency.objects.get(code=code).name}"

    def clean(self) -> None:
        self.code = (self.code or "").strip().upper()
        level = self.level_of(self.code)
        if level is None:
            raise ValidationError(
                {
                    "code": _("“%(code)s” is not ID, a province code or a regency/city code.")
                    % {"code": self.code}
                }
            )
        self.level = level
        if not self.name:
            self.name = self.default_name(self.code)

    @property
    def is_nation(self) -> bool:
        return self.code == NATION_CODE

    def villages(self) -> RegionalQuerySet[Village]:
        return Village.objects.within(self).filter(is_active=True)


class BoardTerm(RegionalModel):
    """A kepengurusan: the board for one period (for example 2021–2024)."""

    admin_icon = "groups"
    region_path = "council__code"
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="board_terms", verbose_name=_("council")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("For example “2021–2024”."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    is_active = models.BooleanField(_("active term"), default=False)
    decree = models.CharField(_("decree number"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("board term")
        verbose_name_plural = _("board terms")
        ordering = ["council", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="board_term_ends_after_start",
                violation_error_message=_("A term must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["council"],
                condition=Q(is_active=True),
                name="one_active_board_term",
                violation_error_message=_("This council already has an active term: end it first."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council} {self.name}"


class BoardMember(RegionalModel):
    admin_icon = "badge"
    region_path = "term__council__code"

    class Position(models.TextChoices):
        PATRON = "patron", _("patron")
        CHAIR = "chair", _("chair")
        VICE_CHAIR = "vice_chair", _("vice chair")
        SECRETARY = "secretary", _("secretary")
        TREASURER = "treasurer", _("treasurer")
        DIVISION_HEAD = "division_head", _("division head")
        MEMBER = "member", _("member")

    term = models.ForeignKey(
        BoardTerm, on_delete=models.CASCADE, related_name="members", verbose_name=_("term")
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=20, choices=Position)
    title = models.CharField(
        _("title"), max_length=150, blank=True, help_text=_("For example “Head of Marketing”.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_seats",
        verbose_name=_("user account"),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("board member")
        verbose_name_plural = _("board members")
        ordering = ["term", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="board_member_dates_ordered",
                violation_error_message=_("A seat must end on or after the day it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_position_display()})"
