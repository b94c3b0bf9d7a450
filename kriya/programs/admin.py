"""The secretariat's side of the programs: work plans and their indicators, activities with
their participants, mentoring visits, IP filings, certifications and financing."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from unfold.decorators import display

from kriya.accounts import roles
from kriya.lib import backoffice
from kriya.lib.money import format_rupiah
from kriya.programs import services, urls
from kriya.programs.models import (
    Activity,
    Certification,
    Financing,
    Indicator,
    IPFiling,
    IPFilingStatusChange,
    MentoringVisit,
    Participation,
    Program,
    VisitPhoto,
    WorkPlan,
)
from kriya.regions.admin_scoping import RegionalAdmin, RegionalTabularInline, StatusLogInline


class PipelineForm(forms.ModelForm):
    """Refuses a status the row's pipeline (``NEXT``) does not allow from where it is."""

    def clean_status(self):
        # The instance still holds the stored status here: the form writes to it only after
        # its fields are cleaned, so the model's own can_move_to() decides.
        status = self.cleaned_data["status"]
        row = self.instance
        if row.pk and status != row.status and not row.can_move_to(status):
            raise ValidationError(
                _("“%(old)s” cannot become “%(new)s”.")
                % {"old": row.get_status_display(), "new": type(row).Status(status).label}
            )
        return status


# Work plans ------------------------------------------------------------------------------
class ProgramInline(RegionalTabularInline):
    model = Program
    fields = ["name", "area", "order"]
    extra = 0


@admin.register(WorkPlan)
class WorkPlanAdmin(RegionalAdmin):
    list_display = ["title", "council", "period_label", "status", "approved_on", "open_page"]
    list_filter = ["status", "start_year"]
    list_select_related = ["council"]
    search_fields = ["title"]
    inlines = [ProgramInline]

    @display(description=_("period"))
    def period_label(self, plan: WorkPlan) -> str:
        return plan.period_label

    @display(description=_("realization"))
    def open_page(self, plan: WorkPlan) -> str:
        return format_html(
            '<a class="text-primary-600" href="{}">{}</a>',
            plan.get_absolute_url(),
            _("targets and realization"),
        )


class IndicatorInline(RegionalTabularInline):
    model = Indicator
    fields = ["name", "unit", "target", "rule", "order"]
    extra = 0
    show_change_link = True


@admin.register(Program)
class ProgramAdmin(RegionalAdmin):
    list_display = ["name", "work_plan", "area", "order"]
    list_filter = ["area"]
    list_select_related = ["work_plan"]
    search_fields = ["name"]
    inlines = [IndicatorInline]


@admin.register(Indicator)
class IndicatorAdmin(RegionalAdmin):
    list_display = ["name", "program", "target", "unit", "rule"]
    list_filter = ["rule"]
    list_select_related = ["program"]
    search_fields = ["name"]
    fieldsets = [
        (None, {"fields": ["program", "name", "unit", "target", "order"]}),
        (
            _("How the realization is counted"),
            {
                "fields": [
                    "rule",
                    "activity_kind",
                    "category",
                    "ip_kind",
                    "ip_stage",
                    "financing_kind",
                ]
            },
        ),
        (
            _("Realization entered by hand"),
            {
                "fields": ["manual_value", "manual_note", "evidence"],
                "description": _("Only for indicators counted by hand, where no record exists."),
            },
        ),
    ]


# Activities ------------------------------------------------------------------------------
class ParticipationInline(RegionalTabularInline):
    model = Participation
    fields = ["business", "artisan", "status", "passed", "score", "certificate_number", "notes"]
    autocomplete_fields = ["business", "artisan"]
    extra = 1


@admin.register(Activity)
class ActivityAdmin(RegionalAdmin):
    list_display = ["title", "kind", "starts_on", "ends_on", "place_label", "participant_count"]
    phone_list_display = ["title", "place_label", "starts_on"]
    list_filter = ["kind", "starts_on"]
    list_select_related = ["village"]
    search_fields = ["title", "venue", "trainers"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["village"]
    readonly_fields = ["attendance_links"]
    inlines = [ParticipationInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "council",
                    "kind",
                    "title",
                    "category",
                    "starts_on",
                    "ends_on",
                    "village",
                    "venue",
                    "indicator",
                    "attendance_links",
                ]
            },
        ),
        (
            _("Organisation and budget"),
            {
                "fields": [
                    "organiser",
                    "partners",
                    "trainers",
                    "budget",
                    "budget_source",
                    "attachment",
                    "notes",
                ]
            },
        ),
    ]

    @display(description=_("Place"))
    def place_label(self, activity: Activity) -> str:
        return activity.place

    def get_changeform_initial_data(self, request):
        return {"council": request.council, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        if change:  # through the service: a moved date moves its participations' year
            services.save_activity(activity=obj, fields=form.changed_data)
        else:
            super().save_model(request, obj, form, change)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(participants=Count("participations"))

    @display(description=_("participants"), ordering="participants")
    def participant_count(self, activity: Activity) -> int:
        return activity.participants

    @display(description=_("attendance"))
    def attendance_links(self, activity: Activity) -> str:
        if not activity.pk:
            return "–"
        return format_html(
            '<a class="text-primary-600" href="{}">{}</a> · '
            '<a class="text-primary-600" href="{}">{}</a>',
            reverse("admin:programs-attendance", args=[activity.pk]),
            _("take attendance"),
            reverse("admin:programs-attendance-sheet", args=[activity.pk]),
            _("attendance sheet (PDF) to print"),
        )


# Mentoring visits (recorded from the mentor's phone; the admin reads and corrects) --------
class VisitPhotoInline(RegionalTabularInline):
    model = VisitPhoto
    fields = ["image", "order"]
    extra = 0


@admin.register(MentoringVisit)
class MentoringVisitAdmin(RegionalAdmin):
    list_display = ["business", "visited_on", "mentor", "next_step_due", "received_at"]
    list_filter = ["visited_on", "next_step_due"]
    list_select_related = ["business", "mentor"]
    search_fields = ["business__name", "findings", "advice"]
    autocomplete_fields = ["business"]
    readonly_fields = ["client_key", "created_at", "received_at"]
    inlines = [VisitPhotoInline]


# IP filings and certifications -----------------------------------------------------------
class FilingChangeInline(StatusLogInline):
    model = IPFilingStatusChange


@admin.register(IPFiling)
class IPFilingAdmin(RegionalAdmin):
    form = PipelineForm
    list_display = [
        "title",
        "kind",
        "business",
        "status",
        "application_number",
        "filed_on",
        "granted_on",
        "expires_on",
    ]
    list_filter = ["kind", "status"]
    list_select_related = ["business"]
    search_fields = ["title", "application_number", "registration_number", "business__name"]
    autocomplete_fields = ["business", "village"]
    inlines = [FilingChangeInline]
    fields = [
        "kind",
        "business",
        "village",
        "title",
        "status",
        "application_number",
        "filed_on",
        "granted_on",
        "registration_number",
        "expires_on",
        "facilitated_by",
        "notes",
    ]

    def save_model(self, request, obj, form, change):
        # A status move goes through the service, which checks it and writes the log.
        if change and "status" in form.changed_data:
            values = {
                name: form.cleaned_data[name]
                for name in form.changed_data
                if name in services.FILING_FIELDS
            }
            others = [
                n for n in form.changed_data if n not in services.FILING_FIELDS and n != "status"
            ]
            if others:
                obj.save(update_fields=others)
            services.advance_filing(
                filing=obj, status=form.cleaned_data["status"], by=request.user, **values
            )
            return
        super().save_model(request, obj, form, change)


@admin.register(Certification)
class CertificationAdmin(RegionalAdmin):
    list_display = ["kind", "number", "holder", "issued_on", "expires_on"]
    list_filter = ["kind"]
    list_select_related = ["business", "artisan"]
    search_fields = ["number", "business__name", "artisan__name"]
    autocomplete_fields = ["business", "artisan"]

    @display(description=_("holder"))
    def holder(self, certification: Certification) -> str:
        return str(certification.artisan or certification.business)


@admin.register(Financing)
class FinancingAdmin(RegionalAdmin):
    form = PipelineForm
    list_display = ["business", "kind", "partner", "asked", "approved", "status", "asked_on"]
    list_filter = ["kind", "status"]
    list_select_related = ["business"]
    search_fields = ["business__name", "partner"]
    autocomplete_fields = ["business"]

    @display(description=_("asked"), ordering="amount_asked")
    def asked(self, financing: Financing) -> str:
        return format_rupiah(financing.amount_asked)

    @display(description=_("approved"), ordering="amount_approved")
    def approved(self, financing: Financing) -> str:
        return format_rupiah(financing.amount_approved)


# The programs' back-office pages that are not a model's list, first in its sidebar group.
backoffice.register(
    "programs",
    urls=urls.backoffice,
    sidebar=[
        backoffice.Page(
            _("Work plans: targets and realization"), "admin:programs-workplans", "flag"
        ),
        backoffice.Page(
            _("Mentoring visits (the phone form)"),
            "visits:home",
            "directions_walk",
            roles.MENTORING,
        ),
        backoffice.Page(_("Expiring in the next 90 days"), "admin:programs-expiring", "event_busy"),
    ],
)
