"""Mentoring visits (kunjungan pendampingan): a field mentor at a business, often offline."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kriya.lib.files import PrivateImageField, RandomName
from kriya.regions.scoping import RegionalModel
from kriya.registry.models import Business


class MentoringVisit(RegionalModel):
    """One visit by a mentor to a business. The scope comes from the business's village;
    ``client_key`` is made by the phone, so a visit sent twice is stored once."""

    admin_icon = "directions_walk"
    region_path = "business__village__code"
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mentoring_visits",
        verbose_name=_("mentor"),
    )
    business = models.ForeignKey(
        Business,
        on_delete=models.PROTECT,
        related_name="mentoring_visits",
        verbose_name=_("business"),
    )
    activity = models.ForeignKey(
        "programs.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("mentoring programme"),
    )
    visited_on = models.DateField(_("visited on"))
    findings = models.TextField(_("findings"), blank=True)
    advice = models.TextField(_("advice"), blank=True)
    next_step = models.TextField(_("agreed next step"), blank=True)
    next_step_due = models.DateField(_("next step due"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    client_key = models.UUIDField(
        _("submission key"), unique=True, default=uuid.uuid4, editable=False
    )
    # When the mentor filled the form (on the phone), and when it reached the server.
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring visit")
        verbose_name_plural = _("mentoring visits")
        ordering = ["-visited_on", "-id"]
        # By business, then day: realization reads a region's businesses, then their visits
        # of the period (a date-only index tempts SQLite to scan a whole year nationwide).
        indexes = [
            models.Index(fields=["business", "visited_on"], name="mentoringvisit_business_day")
        ]

    def __str__(self) -> str:
        return f"{self.business} · {self.visited_on:%d-%m-%Y}"


def visit_photo_path(photo: VisitPhoto, filename: str) -> str:
    """The old, guessable names; kept because the first migrations name this function."""
    return f"visits/{photo.visit_id}/{filename}"


class VisitPhoto(RegionalModel):
    region_path = "visit__business__village__code"
    visit = models.ForeignKey(
        MentoringVisit, on_delete=models.CASCADE, related_name="photos", verbose_name=_("visit")
    )
    image = PrivateImageField(_("photo"), upload_to=RandomName("visits"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("visit photo")
        verbose_name_plural = _("visit photos")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.visit} #{self.order + 1}"
