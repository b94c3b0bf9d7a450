"""The attendance sheet (daftar hadir) of an activity: a PDF to print and have signed."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kriya.lib.pdf import render_pdf
from kriya.programs.models import Activity, Participation

BLANK_ROWS = 5  # for walk-ins, written in by hand


def attendance_sheet_pdf(*, activity: Activity) -> bytes:
    """One A4 sheet (or more) listing every invited or registered participant, with a
    column to sign, and a few empty rows for those who come unannounced."""
    rows = list(
        Participation.objects.filter(activity=activity)
        .select_related("business__village", "artisan__village")
        .order_by("artisan__name", "business__name", "pk")
    )
    return render_pdf(
        "programs/attendance_sheet.html",
        {
            "activity": activity,
            "rows": rows,
            "blank": range(BLANK_ROWS),
            "title": _("Attendance sheet"),
        },
    )
