"""Mentoring visits: storing a visit sent from a phone (once, however often it is sent) and
the mentor's lists (own visits, follow-ups that fall due)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.accounts.models import User
from kriya.lib.images import clean_image
from kriya.programs.models import MentoringVisit, VisitPhoto
from kriya.regions.models import Council
from kriya.registry.models import Business

MAX_PHOTOS = 8
FOLLOW_UP_DAYS = 14


@transaction.atomic
def record_visit(
    *,
    client_key: uuid.UUID,
    mentor: User,
    council: Council,
    business: Business,
    visited_on: dt.date,
    findings: str = "",
    advice: str = "",
    next_step: str = "",
    next_step_due: dt.date | None = None,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    photos: Sequence = (),
    recorded_at: dt.datetime | None = None,
) -> tuple[MentoringVisit, bool]:
    """Store a visit once per ``client_key`` with all its photos or nothing; a repeated or
    concurrent send of the same key returns the stored visit and ``created=False``."""
    stored = MentoringVisit.objects.filter(client_key=client_key).first()
    if stored is not None:
        return _same_sender(stored, mentor), False
    if not Business.objects.own(council).active().filter(pk=business.pk).exists():
        raise ValidationError(
            _(
                "%(business)s is not a business in the region of %(council)s; a visit can only "
                "be recorded for a business of your own council."
            )
            % {"business": business.name, "council": council}
        )
    if len(photos) > MAX_PHOTOS:
        raise ValidationError(_("At most %(n)s photos per visit.") % {"n": MAX_PHOTOS})
    # Check and shrink every photo before anything is written: one bad photo stores nothing.
    cleaned = []
    for number, upload in enumerate(photos, start=1):
        try:
            # Already clean when it came through VisitForm; checked here for other callers.
            cleaned.append(clean_image(upload, name=f"kunjungan-{number}"))
        except ValidationError as error:
            raise ValidationError(
                _("Photo %(n)s (%(name)s): %(reason)s")
                % {
                    "n": number,
                    "name": getattr(upload, "name", ""),
                    "reason": " ".join(error.messages),
                }
            ) from error
    now = timezone.now()
    try:
        # The savepoint lets a concurrent send of the same key fail alone on the unique
        # constraint; the outer transaction then reads the visit the other send stored.
        with transaction.atomic():
            visit = MentoringVisit.objects.create(
                client_key=client_key,
                mentor=mentor,
                business=business,
                visited_on=visited_on,
                findings=findings,
                advice=advice,
                next_step=next_step,
                next_step_due=next_step_due,
                latitude=latitude,
                longitude=longitude,
                created_at=min(recorded_at or now, now),
            )
    except IntegrityError:
        return _same_sender(MentoringVisit.objects.get(client_key=client_key), mentor), False
    for order, photo in enumerate(cleaned):
        VisitPhoto.objects.create(visit=visit, image=photo, order=order)
    return visit, True


def _same_sender(visit: MentoringVisit, mentor: User) -> MentoringVisit:
    # A key is the phone's secret for one visit: never hand another mentor's visit back.
    if visit.mentor_id != mentor.pk:
        raise ValidationError(
            _(
                "This submission key belongs to another visit. Open a new "
                "visit form and send it again."
            )
        )
    return visit


def own_visits(*, council: Council, mentor: User) -> QuerySet[MentoringVisit]:
    """The mentor's visits in the council, the latest first."""
    return (
        MentoringVisit.objects.within(council)
        .filter(mentor=mentor)
        .select_related("business__village")
        .order_by("-visited_on", "-id")
    )


def due_follow_ups(*, council: Council, mentor: User, today: dt.date) -> QuerySet[MentoringVisit]:
    """The mentor's agreed next steps due within 14 days or overdue, for businesses nobody
    has visited again since."""
    later = MentoringVisit.objects.within(council).filter(
        business=OuterRef("business"), visited_on__gt=OuterRef("visited_on")
    )
    return (
        own_visits(council=council, mentor=mentor)
        .filter(next_step_due__lte=today + dt.timedelta(days=FOLLOW_UP_DAYS))
        .exclude(Exists(later))
        .order_by("next_step_due", "id")
    )


def recent_businesses(*, council: Council, mentor: User, limit: int = 30) -> list[Business]:
    """The businesses the mentor visited last, each once: the picker's list when offline."""
    seen: dict[int, Business] = {}
    for visit in own_visits(council=council, mentor=mentor)[: limit * 4]:
        seen.setdefault(visit.business_id, visit.business)
    return list(seen.values())[:limit]
