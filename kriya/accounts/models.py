"""People who log in, and what they may do for which council."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from kriya.accounts.roles import Role
from kriya.regions.models import Council
from kriya.regions.scoping import RegionalQuerySet


class KriyaUserManager(UserManager.from_queryset(RegionalQuerySet)):
    pass


class User(AbstractUser):
    """A login. A user belongs to the councils they hold memberships in."""

    admin_icon = "person"
    region_path = "memberships__council__code"
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    objects = KriyaUserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    admin_icon = "id_card"
    region_path = "council__code"

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("council")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RegionalQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["council__code", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "council", "role"],
                name="one_membership_per_role",
                violation_error_message=_("This user already has this role in this council."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.council} · {self.get_role_display()}"


class PersonalDataExport(models.Model):
    """One export that contained personal data: who, when, what filter, how many rows."""

    admin_icon = "policy"
    region_path = "council__code"
    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="+", verbose_name=_("council")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    what = models.CharField(_("what"), max_length=100)
    filters = models.JSONField(_("filter"), default=dict, blank=True)
    rows = models.PositiveIntegerField(_("rows"))
    file_format = models.CharField(_("format"), max_length=10)

    objects = RegionalQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal-data export")
        verbose_name_plural = _("personal-data exports")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.what} · {self.user} · {self.at:%Y-%m-%d %H:%M}"
