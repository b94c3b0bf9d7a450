"""Writes to the development programs: plans, activities and who took part, IP filings,
certifications and financing. Mentoring visits are written in ``mentoring.py``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import IO, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kriya.accounts.models import User
from kriya.lib.attachments import clean_attachment
from kriya.programs.models import (
    Activity,
    Financing,
    Indicator,
    IPFiling,
    IPFilingStatusChange,
    IPKind,
    Participation,
    Program,
    WorkPlan,
)
from kriya.programs.models.rights import TRADEMARK_YEARS
from kriya.regions.models import Council, Village
from kriya.registry.models import Artisan, Business


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# Work plans ------------------------------------------------------------------------------
@transaction.atomic
def create_work_plan(
    *, council: Council, title: str, start_year: int, end_year: int | None = None, notes: str = ""
) -> WorkPlan:
    """A draft work plan for ``council``, checked like the admin form checks it."""
    plan = WorkPlan(
        council=council,
        title=title,
        start_year=start_year,
        end_year=end_year or start_year,
        notes=notes,
    )
    plan.full_clean()
    plan.save(force_insert=True)
    return plan


@transaction.atomic
def add_program(
    *, work_plan: WorkPlan, name: str, area: str = Program.Area.PRODUCT, order: int | None = None
) -> Program:
    """A program of ``work_plan``, last in order unless given."""
    if order is None:
        order = work_plan.programs.count()
    program = Program(work_plan=work_plan, name=name, area=area, order=order)
    program.full_clean()
    program.save(force_insert=True)
    return program


@transaction.atomic
def add_indicator(
    *,
    program: Program,
    name: str,
    unit: str,
    target: Decimal | int,
    rule: str = Indicator.Rule.MANUAL,
    order: int | None = None,
    **params: object,
) -> Indicator:
    """An indicator with a positive target in a named unit, and the rule that counts it."""
    indicator = Indicator(
        program=program,
        name=name,
        unit=(unit or "").strip(),
        target=target,
        rule=rule,
        order=program.indicators.count() if order is None else order,
        **params,
    )
    indicator.full_clean()
    indicator.save(force_insert=True)
    return indicator


@transaction.atomic
def approve_work_plan(*, plan: WorkPlan, approved_on: dt.date) -> WorkPlan:
    """Mark the plan approved at the Rakerda held on ``approved_on``."""
    if not plan.can_move_to(WorkPlan.Status.APPROVED):
        raise ValidationError(_("This work plan is already approved."))
    plan.status, plan.approved_on = WorkPlan.Status.APPROVED, approved_on
    plan.full_clean()
    plan.save(update_fields=["status", "approved_on"])
    return plan


@transaction.atomic
def enter_realization(
    *, indicator: Indicator, value: Decimal | int, note: str = "", evidence: IO[bytes] | None = None
) -> Indicator:
    """The realization of a manual indicator, with its note and evidence file."""
    if indicator.rule != Indicator.Rule.MANUAL:
        raise ValidationError(
            _("“%(name)s” is counted from the records; its realization cannot be typed in.")
            % {"name": indicator.name}
        )
    indicator.manual_value, indicator.manual_note = Decimal(value), note
    fields = ["manual_value", "manual_note"]
    if evidence is not None:
        indicator.evidence = clean_attachment(evidence)  # as the admin's AttachmentField does
        fields += ["evidence", "evidence_name"]  # the uploader's name, set with the file
    indicator.full_clean()
    indicator.save(update_fields=fields)
    return indicator


# Activities and participants -------------------------------------------------------------
ACTIVITY_FIELDS = {
    "kind",
    "title",
    "category",
    "starts_on",
    "ends_on",
    "village",
    "venue",
    "organiser",
    "partners",
    "budget",
    "budget_source",
    "trainers",
    "attachment",
    "indicator",
    "notes",
}


@transaction.atomic
def create_activity(*, council: Council, **values: object) -> Activity:
    """An activity of ``council``; refuses one that ends before it begins."""
    unknown = set(values) - ACTIVITY_FIELDS
    if unknown:
        raise TypeError(f"unknown activity fields: {sorted(unknown)}")
    if values.get("attachment"):
        # The form or the admin passes the upload itself.
        values["attachment"] = clean_attachment(cast(IO[bytes], values["attachment"]))
    activity = Activity(council=council, **values)
    activity.full_clean()
    activity.save(force_insert=True)
    return activity


@transaction.atomic
def save_activity(*, activity: Activity, fields: Iterable[str]) -> Activity:
    """Save changes to an activity; a new first day moves its participations' date with
    it, so the year they count for follows the activity."""
    fields = set(fields) & (ACTIVITY_FIELDS | {"council"})
    if "attachment" in fields:
        fields.add("attachment_name")  # the uploader's name, set with the file
    activity.full_clean()
    if fields:
        activity.save(update_fields=sorted(fields))
    if "starts_on" in fields:
        Participation.objects.filter(activity=activity).update(held_on=activity.starts_on)
    return activity


@transaction.atomic
def add_participant(
    *,
    activity: Activity,
    business: Business | None = None,
    artisan: Artisan | None = None,
    status: str = Participation.Status.INVITED,
) -> Participation:
    """Put a business and/or artisan on the activity's list, once. Someone from outside the
    council's region is refused with their name."""
    if artisan is None and business is None:
        raise ValidationError(_("Choose a business or an artisan."))
    existing = Participation.objects.filter(
        activity=activity, business=business, artisan=artisan
    ).first()
    if existing is not None:
        return existing
    participation = Participation(
        activity=activity, business=business, artisan=artisan, status=status
    )
    participation.full_clean()
    participation.save(force_insert=True)
    return participation


@transaction.atomic
def record_attendance(*, activity: Activity, present: Iterable[int]) -> int:
    """Mark the listed participations as attended and the others (registered or invited)
    as absent, as the signed sheet says. Returns how many attended."""
    present = set(present)
    rows = list(Participation.objects.select_for_update().filter(activity=activity).order_by("pk"))
    unknown = present - {p.pk for p in rows}
    if unknown:
        raise ValidationError(_("Some ticked names are not on this activity's list."))
    changed = []
    for row in rows:
        new = Participation.Status.ATTENDED if row.pk in present else Participation.Status.ABSENT
        if row.status != new:
            row.status = new
            changed.append(row)
    Participation.objects.bulk_update(changed, ["status"])
    return len(present)


@transaction.atomic
def record_result(
    *,
    participation: Participation,
    passed: bool | None,
    score: int | None = None,
    certificate_number: str = "",
    notes: str | None = None,
) -> Participation:
    """The outcome for one participant (a test's score and certificate). Only someone who
    attended can pass."""
    participation = Participation.objects.select_for_update().get(pk=participation.pk)
    if passed and participation.status != Participation.Status.ATTENDED:
        raise ValidationError(
            _("%(name)s did not attend, so cannot have passed.") % {"name": participation.name}
        )
    participation.passed, participation.score = passed, score
    participation.certificate_number = certificate_number
    fields = ["passed", "score", "certificate_number"]
    if notes is not None:
        participation.notes = notes
        fields.append("notes")
    participation.full_clean()
    participation.save(update_fields=fields)
    return participation


# IP filings -----------------------------------------------------------------------------
FILING_FIELDS = {
    "application_number",
    "filed_on",
    "granted_on",
    "registration_number",
    "expires_on",
    "notes",
}


@transaction.atomic
def create_filing(
    *,
    kind: str,
    title: str,
    business: Business | None = None,
    village: Village | None = None,
    facilitated_by: Activity | None = None,
    **values: object,
) -> IPFiling:
    """A filing being prepared; a geographical indication names a village, not a business."""
    filing = IPFiling(
        kind=kind,
        title=title,
        business=business,
        village=village,
        facilitated_by=facilitated_by,
        **values,
    )
    filing.full_clean()
    filing.save(force_insert=True)
    return filing


@transaction.atomic
def advance_filing(
    *, filing: IPFiling, status: str, by: User | None, note: str = "", **values: object
) -> IPFiling:
    """Move a filing along prepared → filed → examined → granted/refused, with the numbers
    and dates of that step; logs who did it. A granted trademark expires 10 years on."""
    unknown = set(values) - FILING_FIELDS
    if unknown:
        raise TypeError(f"unknown filing fields: {sorted(unknown)}")
    locked = IPFiling.objects.select_for_update().get(pk=filing.pk)
    if not locked.can_move_to(status):
        raise ValidationError(
            _("A filing that is “%(old)s” cannot become “%(new)s”.")
            % {"old": locked.get_status_display(), "new": IPFiling.Status(status).label}
        )
    old = locked.status
    for name, value in values.items():
        setattr(locked, name, value)
    locked.status = status
    if (
        status == IPFiling.Status.GRANTED
        and locked.kind == IPKind.TRADEMARK
        and locked.granted_on
        and not locked.expires_on
    ):
        locked.expires_on = _add_years(locked.granted_on, TRADEMARK_YEARS)
    locked.full_clean()
    locked.save(update_fields=["status", "village", "application_number", *values, "expires_on"])
    IPFilingStatusChange.objects.create(filing=locked, old=old, new=status, by=by, note=note)
    return locked


# Financing -------------------------------------------------------------------------------
@transaction.atomic
def decide_financing(
    *, financing: Financing, status: str, on: dt.date, amount_approved: Decimal | None = None
) -> Financing:
    """Record the partner's decision (approved with an amount, or refused), or the
    disbursement of an approved one."""
    locked = Financing.objects.select_for_update().get(pk=financing.pk)
    if not locked.can_move_to(status):
        raise ValidationError(
            _("A financing that is “%(old)s” cannot become “%(new)s”.")
            % {"old": locked.get_status_display(), "new": Financing.Status(status).label}
        )
    locked.status = status
    fields = ["status"]
    if status == Financing.Status.DISBURSED:
        locked.disbursed_on = on
        fields.append("disbursed_on")
    else:
        locked.decided_on = on
        locked.amount_approved = amount_approved if status == Financing.Status.APPROVED else None
        fields += ["decided_on", "amount_approved"]
    locked.full_clean()
    locked.save(update_fields=fields)
    return locked
