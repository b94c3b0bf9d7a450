"""Financing facilitation (fasilitasi permodalan): KUR, cooperatives, grants."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kriya.programs.models.kinds import FinancingKind
from kriya.regions.scoping import RegionalModel
from kriya.registry.models import Business


class Financing(RegionalModel):
    """A business's request for capital through a partner, and what came of it."""

    admin_icon = "payments"
    region_path = "business__village__code"
    Kind = FinancingKind

    class Status(models.TextChoices):
        ASKED = "asked", _("asked")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")
        DISBURSED = "disbursed", _("disbursed")

    NEXT = {
        Status.ASKED: {Status.APPROVED, Status.REFUSED},
        Status.APPROVED: {Status.DISBURSED},
    }

    business = models.ForeignKey(
        Business, on_delete=models.PROTECT, related_name="financings", verbose_name=_("business")
    )
    partner = models.CharField(_("partner (bank, cooperative, program)"), max_length=150)
    kind = models.CharField(
        _("program"), max_length=12, choices=FinancingKind, default=FinancingKind.KUR
    )
    amount_asked = models.DecimalField(
        _("amount asked (Rp)"), max_digits=16, decimal_places=0, validators=[MinValueValidator(1)]
    )
    amount_approved = models.DecimalField(
        _("amount approved (Rp)"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.ASKED)
    asked_on = models.DateField(_("asked on"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    disbursed_on = models.DateField(_("disbursed on"), null=True, blank=True)
    facilitated_by = models.ForeignKey(
        "programs.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="financings",
        verbose_name=_("facilitated by (activity)"),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("financing")
        verbose_name_plural = _("financing")
        ordering = ["-asked_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "disbursed"])
                | Q(amount_approved__isnull=False, decided_on__isnull=False),
                name="financing_approved_has_amount",
                violation_error_message=_(
                    "An approved financing needs the amount approved and the date of the decision."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.business} · {self.get_kind_display()} {self.partner}"

    def can_move_to(self, status: str) -> bool:
        return status in self.NEXT.get(self.status, set())

    def clean(self) -> None:
        if self.status in (self.Status.APPROVED, self.Status.DISBURSED):
            errors = {}
            if self.amount_approved is None:
                errors["amount_approved"] = _("Give the amount approved.")
            if not self.decided_on:
                errors["decided_on"] = _("Give the date of the decision.")
            if errors:
                raise ValidationError(errors)
