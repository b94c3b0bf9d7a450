"""Who may consign at the gallery: a business applies against the gallery's criteria (a KTP,
domicile in the region, own production, P-IRT and halal for food), the secretariat decides
with a reason, and a review every four months keeps, rotates out or invites businesses by
their sales and quality. Only an active ``Consignor``'s goods are taken in
(``services.receive_consignment``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.accounts.models import User
from kriya.catalog.models import Product
from kriya.regions.models import Council
from kriya.registry.models import Business
from kriya.sales import reports
from kriya.sales.models import Consignor, ConsignorApplication, ConsignorReview

REVIEW_EVERY_MONTHS = 4
# How many invite candidates the review page lists (most published products first).
CANDIDATE_LIMIT = 20


def check_application(*, council: Council, business: Business) -> None:
    """Raise if ``business`` may not apply to ``council``'s gallery now (also used by the
    admin form, so a refusal is a form error rather than a failed save)."""
    if not Business.objects.within(council).filter(pk=business.pk).exists():
        raise ValidationError(
            _("%(business)s is not registered in the region of %(council)s.")
            % {"business": business, "council": council}
        )
    if Consignor.objects.filter(council=council, business=business, is_active=True).exists():
        raise ValidationError(
            _("%(business)s already consigns at the gallery.") % {"business": business}
        )
    if ConsignorApplication.objects.filter(
        council=council, business=business, status=ConsignorApplication.Status.PENDING
    ).exists():
        raise ValidationError(
            _("%(business)s already has an application waiting for a decision.")
            % {"business": business}
        )


@transaction.atomic
def submit_application(
    *,
    council: Council,
    business: Business,
    has_ktp: bool = False,
    domiciled: bool = False,
    own_production: bool = False,
    is_food: bool = False,
    pirt_number: str = "",
    halal_number: str = "",
    note: str = "",
    submitted_on: dt.date | None = None,
) -> ConsignorApplication:
    """Record a business's application with the criteria it meets; one waiting application
    per business, and none from a business that already consigns."""
    check_application(council=council, business=business)
    return ConsignorApplication.objects.create(
        council=council,
        business=business,
        has_ktp=has_ktp,
        domiciled=domiciled,
        own_production=own_production,
        is_food=is_food,
        pirt_number=pirt_number.strip(),
        halal_number=halal_number.strip(),
        note=note.strip(),
        submitted_on=submitted_on or timezone.localdate(),
    )


def _admit(*, council: Council, business: Business, today: dt.date) -> Consignor:
    """Make ``business`` an active consignor (again), due for review in four months."""
    due = reports.add_months(today, REVIEW_EVERY_MONTHS)
    consignor = (
        Consignor.objects.select_for_update().filter(council=council, business=business).first()
    )
    if consignor is None:
        return Consignor.objects.create(
            council=council, business=business, since=today, next_review_on=due
        )
    if not consignor.is_active:
        consignor.is_active, consignor.since = True, today
    consignor.next_review_on = due
    consignor.save(update_fields=["is_active", "since", "next_review_on"])
    return consignor


@transaction.atomic
def decide_application(
    *, application: ConsignorApplication, accept: bool, reason: str, by: User
) -> ConsignorApplication:
    """Accept or reject a waiting application, with the reason. An application that misses
    a criterion is never accepted; accepting makes the business a consignor."""
    application = (
        ConsignorApplication.objects.select_for_update(of=("self",))
        .select_related("business", "council")
        .get(pk=application.pk)
    )
    if application.status != ConsignorApplication.Status.PENDING:
        raise ValidationError(
            _("The application of %(business)s was already decided.")
            % {"business": application.business}
        )
    if not reason.strip():
        raise ValidationError(_("Give the reason for the decision."))
    unmet = application.unmet_criteria()
    if accept and unmet:
        raise ValidationError(
            _("%(business)s cannot be accepted: %(unmet)s.")
            % {"business": application.business, "unmet": "; ".join(unmet)}
        )
    today = timezone.localdate()
    application.status = (
        ConsignorApplication.Status.ACCEPTED if accept else ConsignorApplication.Status.REJECTED
    )
    application.reason, application.decided_by, application.decided_on = reason.strip(), by, today
    application.save(update_fields=["status", "reason", "decided_by", "decided_on"])
    if accept:
        _admit(council=application.council, business=application.business, today=today)
    return application


@transaction.atomic
def review_consignor(
    *,
    council: Council,
    business: Business,
    quality: int,
    decision: str,
    reason: str,
    by: User,
    period_start: dt.date,
    period_end: dt.date,
) -> ConsignorReview:
    """Record a review with the period's sales read from the ledger (voids left out,
    returns taken off) and apply its decision: keep (next review in four months), rotate
    out (no more intakes; the stock on hand goes back to the maker) or invite in."""
    if not reason.strip():
        raise ValidationError(_("Give the reason for the decision."))
    if not isinstance(quality, int) or not 1 <= quality <= 5:
        raise ValidationError(_("Rate the quality from 1 to 5."))
    if decision not in ConsignorReview.Decision.values:
        raise ValidationError(_("Choose keep, rotate out or invite in."))
    if period_end < period_start:
        raise ValidationError(_("The period ends before it starts."))
    if not Business.objects.within(council).filter(pk=business.pk).exists():
        raise ValidationError(
            _("%(business)s is not registered in the region of %(council)s.")
            % {"business": business, "council": council}
        )
    today = timezone.localdate()
    consignor = (
        Consignor.objects.select_for_update().filter(council=council, business=business).first()
    )  # one review of a business at a time
    active = consignor is not None and consignor.is_active
    if decision == ConsignorReview.Decision.INVITE:
        if active:
            raise ValidationError(
                _("%(business)s already consigns at the gallery.") % {"business": business}
            )
        _admit(council=council, business=business, today=today)
    elif not active:
        raise ValidationError(
            _("%(business)s is not an active consignor; only an invitation can be decided.")
            % {"business": business}
        )
    elif decision == ConsignorReview.Decision.KEEP:
        consignor.next_review_on = reports.add_months(today, REVIEW_EVERY_MONTHS)
        consignor.save(update_fields=["next_review_on"])
    else:
        consignor.is_active, consignor.next_review_on = False, None
        consignor.save(update_fields=["is_active", "next_review_on"])
    figures = reports.sales_by_business(
        council,
        reports.Period(period_start, period_end),
        own_outlets=True,
        business_ids=[business.pk],
    )
    sold = figures[0] if figures else reports.Figures(business.pk, business.name)
    return ConsignorReview.objects.create(
        council=council,
        business=business,
        reviewed_on=today,
        period_start=period_start,
        period_end=period_end,
        pieces_sold=sold.pieces,
        gross=sold.gross,
        quality=quality,
        decision=decision,
        reason=reason.strip(),
        by=by,
    )


def stock_to_return(*, council: Council, business: Business) -> list[reports.StockRow]:
    """What of ``business`` is still on the council's shelves (to hand back after a
    rotation out)."""
    return reports.stock_on_hand(council, business_ids=[business.pk], own_outlets=True)


@dataclass
class Candidate:
    """One row of the review page: a consignor, a former one, or a business to invite."""

    ACTIVE = "active"
    FORMER = "former"
    INVITE = "invite"

    business_id: int
    name: str
    standing: str
    since: dt.date | None = None
    next_review_on: dt.date | None = None
    pieces: int = 0
    gross: Decimal = Decimal(0)
    on_hand: int = 0
    published: int = 0
    last_review: ConsignorReview | None = None
    due: bool = False  # an active consignor whose review date has come

    @property
    def decisions(self) -> list[tuple[str, str]]:
        """The decisions this row can take, as (value, label)."""
        allowed = (
            [ConsignorReview.Decision.KEEP, ConsignorReview.Decision.ROTATE_OUT]
            if self.standing == self.ACTIVE
            else [ConsignorReview.Decision.INVITE]
        )
        return [(d.value, d.label) for d in allowed]


def review_candidates(
    council: Council, period_start: dt.date, period_end: dt.date, *, limit: int = CANDIDATE_LIMIT
) -> list[Candidate]:
    """The council's consignors with the period's sales at its own outlets and their stock
    on hand, weakest sellers first; then former consignors; then up to ``limit`` businesses
    of the region with published products that do not consign, to invite."""
    today = timezone.localdate()
    rows: dict[int, Candidate] = {}
    consignors = Consignor.objects.own(council).select_related("business")
    for consignor in consignors:
        rows[consignor.business_id] = Candidate(
            consignor.business_id,
            consignor.business.name,
            Candidate.ACTIVE if consignor.is_active else Candidate.FORMER,
            since=consignor.since,
            next_review_on=consignor.next_review_on,
            due=consignor.is_active
            and consignor.next_review_on is not None
            and consignor.next_review_on <= today,
        )
    others = (
        Business.objects.within(council)
        .active()
        .exclude(pk__in=[*rows])
        .annotate(published=Count("products", filter=Q(products__status=Product.Status.PUBLISHED)))
        .filter(published__gt=0)
        .order_by("-published", "name")[:limit]
    )
    for business in others:
        rows[business.pk] = Candidate(
            business.pk, business.name, Candidate.INVITE, published=business.published
        )
    if not rows:
        return []
    period = reports.Period(period_start, period_end)
    for sold in reports.sales_by_business(
        council, period, own_outlets=True, business_ids=list(rows)
    ):
        rows[sold.key].pieces, rows[sold.key].gross = sold.pieces, sold.gross
    for stock in reports.stock_on_hand(council, business_ids=list(rows), own_outlets=True):
        rows[stock.business_id].on_hand += stock.on_hand
    for review in (
        ConsignorReview.objects.own(council)
        .filter(business_id__in=list(rows))
        .select_related("by")
        .order_by("-reviewed_on", "-id")
    ):
        if rows[review.business_id].last_review is None:
            rows[review.business_id].last_review = review
    order = {Candidate.ACTIVE: 0, Candidate.FORMER: 1, Candidate.INVITE: 2}
    return sorted(
        rows.values(), key=lambda r: (order[r.standing], r.gross, r.pieces, -r.published, r.name)
    )
