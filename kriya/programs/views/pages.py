"""Back-office pages of the programs that are not a model's list: a work plan with its
realization, the records behind an indicator, the province's comparison, what expires
soon, and an activity's attendance. Served inside the admin site."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.accounts import roles
from kriya.accounts.roles import require_role
from kriya.lib.backoffice import admin_page
from kriya.programs import realization, services
from kriya.programs.attendance import attendance_sheet_pdf
from kriya.programs.badges import EXPIRY_WINDOW_DAYS, expiring
from kriya.programs.models import Activity, Indicator, Participation, WorkPlan
from kriya.regions.scoping import require_own


def workplan_list(request: HttpRequest) -> HttpResponse:
    """Every work plan in the council's region for a year, side by side: the council's own
    and, for a province, its regencies'."""
    years = sorted(
        set(WorkPlan.objects.within(request.council).values_list("start_year", flat=True)),
        reverse=True,
    )
    try:
        year = int(request.GET.get("tahun") or 0) or timezone.localdate().year
    except ValueError:
        year = timezone.localdate().year
    if years and year not in years:
        year = years[0] if year > years[0] else year
    comparison = realization.compare(request.council, year)
    return admin_page(
        request,
        "programs/workplan_list.html",
        {"title": _("Work plans"), "comparison": comparison, "years": years, "year": year},
    )


def workplan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Each indicator of the plan: target, realization, progress and the records behind."""
    plan = get_object_or_404(
        WorkPlan.objects.within(request.council).select_related("council"), pk=plan_id
    )
    results = realization.realize(plan)
    programs: dict = {}
    for result in results:
        programs.setdefault(result.indicator.program, []).append(result)
    return admin_page(
        request,
        "programs/workplan_detail.html",
        {
            "title": plan.title,
            "plan": plan,
            "programs": programs,
            "overall": realization.plan_percent(results),
        },
    )


def indicator_records(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """The businesses, villages or records an indicator's number counts."""
    indicator = get_object_or_404(
        Indicator.objects.within(request.council).select_related("program__work_plan__council"),
        pk=indicator_id,
    )
    rows = realization.records(indicator)
    result = realization.realize(indicator.program.work_plan)
    mine = next(r for r in result if r.indicator.pk == indicator.pk)
    page = Paginator(rows, 50).get_page(request.GET.get("page")) if rows is not None else None
    return admin_page(
        request,
        "programs/indicator_records.html",
        {
            "title": indicator.name,
            "indicator": indicator,
            "plan": indicator.program.work_plan,
            "result": mine,
            "page": page,
            "kind": rows.model._meta.model_name if rows is not None else None,
        },
    )


def expiring_list(request: HttpRequest) -> HttpResponse:
    """IP rights and certificates that expire in the next 90 days: renew them in time."""
    return admin_page(
        request,
        "programs/expiring.html",
        {
            "title": _("Expiring in the next %(days)s days") % {"days": EXPIRY_WINDOW_DAYS},
            "rows": expiring(request.council),
        },
    )


def attendance(request: HttpRequest, activity_id: int) -> HttpResponse:
    """Tick who came (from the signed sheet or at the door) and save."""
    activity = get_object_or_404(Activity.objects.within(request.council), pk=activity_id)
    rows = list(
        Participation.objects.within(request.council)
        .filter(activity=activity)
        .select_related("business", "artisan")
        .order_by("pk")
    )
    if request.method == "POST":
        require_role(request, roles.EDITORS)
        require_own(activity, request.council)
        try:
            present = [int(pk) for pk in request.POST.getlist("hadir")]
            count = services.record_attendance(activity=activity, present=present)
        except (ValueError, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(
                request,
                _("Attendance saved: %(n)s of %(total)s attended.")
                % {"n": count, "total": len(rows)},
            )
            return redirect("admin:programs-attendance", activity_id=activity.pk)
    return admin_page(
        request,
        "programs/activity_attendance.html",
        {
            "title": _("Attendance"),
            "activity": activity,
            "rows": rows,
            "attended": Participation.Status.ATTENDED,
        },
    )


def attendance_sheet(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.within(request.council), pk=activity_id)
    response = HttpResponse(attendance_sheet_pdf(activity=activity), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="daftar-hadir-{activity.pk}.pdf"'
    return response
