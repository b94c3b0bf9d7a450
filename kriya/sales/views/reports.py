"""Back-office pages of the gallery that are not a model's list: the sales report and its
Excel file, goods near their best-before date (returned to the maker from the page), the
periodic review of consignors, and the decision on a consignor's application. Served
inside the admin site (its login, its council); every query starts ``within`` the council.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kriya.accounts import roles
from kriya.accounts.roles import require_role, role_allows
from kriya.lib.backoffice import INPUT_CLASSES, admin_page
from kriya.lib.xlsx import XLSX_TYPE
from kriya.regions.scoping import is_own, require_own
from kriya.registry.models import Business
from kriya.sales import consignors, reports, services
from kriya.sales.models import ConsignedItem, ConsignorApplication, ConsignorReview, Outlet

# Who may hand goods back to their maker from the best-before page; the board only reads.
DATE = forms.DateInput(attrs={"type": "date", "class": INPUT_CLASSES}, format="%Y-%m-%d")
MAX_PERIOD_DAYS = 366


class PeriodForm(forms.Form):
    dari = forms.DateField(label=gettext_lazy("From"), required=False, widget=DATE)
    sampai = forms.DateField(label=gettext_lazy("To"), required=False, widget=DATE)

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("dari"), data.get("sampai")
        if start and end and end < start:
            raise ValidationError(_("The period ends before it starts."))
        if start and end and (end - start).days >= MAX_PERIOD_DAYS:
            raise ValidationError(_("Choose a period of at most a year."))
        return data

    def period(self, default: reports.Period) -> reports.Period:
        """The chosen period, or ``default`` (for what is missing or when invalid)."""
        if not self.is_bound or not self.is_valid():
            return default
        start = self.cleaned_data["dari"] or default.start
        end = self.cleaned_data["sampai"] or max(default.end, start)
        return reports.Period(start, end) if start <= end else default


class ReviewForm(forms.Form):
    usaha = forms.IntegerField(widget=forms.HiddenInput)
    dari = forms.DateField(widget=forms.HiddenInput)
    sampai = forms.DateField(widget=forms.HiddenInput)
    mutu = forms.TypedChoiceField(
        label=gettext_lazy("Quality (1–5)"), coerce=int, choices=[(n, str(n)) for n in range(1, 6)]
    )
    keputusan = forms.ChoiceField(
        label=gettext_lazy("Decision"), choices=ConsignorReview.Decision.choices
    )
    alasan = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        error_messages={"required": gettext_lazy("Give the reason for the decision.")},
    )


class ReturnForm(forms.Form):
    barang = forms.IntegerField(widget=forms.HiddenInput)
    gerai = forms.IntegerField(widget=forms.HiddenInput)
    jumlah = forms.IntegerField(label=gettext_lazy("Pieces"), min_value=1)
    alasan = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        error_messages={
            "required": gettext_lazy("Give the reason for returning the goods to their maker.")
        },
    )


class DecisionForm(forms.Form):
    keputusan = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        widget=forms.RadioSelect,
        choices=[("terima", gettext_lazy("Accept")), ("tolak", gettext_lazy("Reject"))],
    )
    alasan = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        error_messages={"required": gettext_lazy("Give the reason for the decision.")},
    )


def _errors(form: forms.Form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _shown(form: PeriodForm, period: reports.Period) -> PeriodForm:
    """The form to show: the visitor's (with its errors) or one holding the period used."""
    if form.is_bound and not form.is_valid():
        return form
    return PeriodForm(initial={"dari": period.start, "sampai": period.end})


def _day_columns(days: list[reports.Figures]) -> dict:
    """The per-day chart's geometry (an SVG 10 units wide per day, 100 high)."""
    return {
        "width": max(len(days), 1) * 10,
        "columns": [
            {"x": i * 10 + 1, "y": 100 - row.bar, "row": row} for i, row in enumerate(days)
        ],
    }


def sales_report(request: HttpRequest) -> HttpResponse:
    """Sales per outlet, category, business and day for a period (this month unless
    chosen), net of voids and returns; slow movers and the stock's value."""
    form = PeriodForm(request.GET or None)
    period = form.period(reports.Period.this_month())
    form = _shown(form, period)
    report = reports.sales_report(request.council, period)
    return admin_page(
        request,
        "sales/report_sales.html",
        {
            "title": _("Gallery sales report"),
            "form": form,
            "report": report,
            "chart": _day_columns(report.days),
            "slow_days": reports.SLOW_AFTER_DAYS,
            "query": f"dari={period.start:%Y-%m-%d}&sampai={period.end:%Y-%m-%d}",
        },
    )


def sales_report_xlsx(request: HttpRequest) -> HttpResponse:
    """The same report as an Excel workbook, one sheet per table."""
    period = PeriodForm(request.GET or None).period(reports.Period.this_month())
    content = reports.sales_report_xlsx(reports.sales_report(request.council, period))
    response = HttpResponse(content, content_type=XLSX_TYPE)
    code = getattr(request.council, "code", "")
    name = f"laporan-penjualan-{code}-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def best_before(request: HttpRequest) -> HttpResponse:
    """Goods past or within 30 days of their best-before date, soonest first, each with a
    form that hands the pieces back to their maker."""
    if request.method == "POST":
        require_role(request, roles.TILL)
        if _return_to_maker(request):
            return redirect("admin:sales-best-before")
    return admin_page(
        request,
        "sales/best_before.html",
        {
            "title": _("Best-before dates in the next %(days)s days")
            % {"days": reports.BEST_BEFORE_WINDOW_DAYS},
            "rows": reports.near_best_before(request.council),
            "window": reports.BEST_BEFORE_WINDOW_DAYS,
            "may_return": role_allows(request, roles.TILL),
        },
    )


def _return_to_maker(request: HttpRequest) -> bool:
    """Hand one row's pieces back to their maker; messages say what happened."""
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return False
    data = form.cleaned_data
    item = get_object_or_404(
        ConsignedItem.objects.own(request.council).select_related("product"), pk=data["barang"]
    )
    outlet = get_object_or_404(Outlet.objects.own(request.council), pk=data["gerai"])
    try:
        services.return_to_maker(
            item=item,
            outlet=outlet,
            quantity=data["jumlah"],
            by=request.user,
            reason=data["alasan"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(
        request, _("%(n)s × %(item)s returned to the maker.") % {"n": data["jumlah"], "item": item}
    )
    return True


def consignor_review(request: HttpRequest) -> HttpResponse:
    """Every consignor's sales in the last four months, weakest first, and businesses to
    invite; a form per row keeps, rotates out or invites, with the reason."""
    form = PeriodForm(request.GET or None)
    period = form.period(reports.Period.last_months(consignors.REVIEW_EVERY_MONTHS))
    form = _shown(form, period)
    if request.method == "POST":
        require_role(request, roles.EDITORS)
        if _review(request):
            return redirect(f"{reverse('admin:sales-consignor-review')}?{request.GET.urlencode()}")
    rows = consignors.review_candidates(request.council, period.start, period.end)
    return admin_page(
        request,
        "sales/consignor_review.html",
        {
            "title": _("Consignor review"),
            "form": form,
            "period": period,
            "rows": rows,
            "may_review": role_allows(request, roles.EDITORS),
            "limit": consignors.CANDIDATE_LIMIT,
        },
    )


def _review(request: HttpRequest) -> bool:
    """Record one row's review; messages say what happened (and what to hand back)."""
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return False
    data = form.cleaned_data
    business = get_object_or_404(Business.objects.within(request.council), pk=data["usaha"])
    try:
        review = consignors.review_consignor(
            council=request.council,
            business=business,
            quality=data["mutu"],
            decision=data["keputusan"],
            reason=data["alasan"],
            by=request.user,
            period_start=data["dari"],
            period_end=data["sampai"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(
        request,
        _("%(business)s: %(decision)s.")
        % {"business": business, "decision": review.get_decision_display()},
    )
    if review.decision == ConsignorReview.Decision.ROTATE_OUT:
        stock = consignors.stock_to_return(council=request.council, business=business)
        if stock:
            messages.warning(
                request,
                _("Hand back to the maker: %(items)s.")
                % {
                    "items": "; ".join(
                        f"{row.on_hand} × {row.product} ({row.code}, {row.outlet})" for row in stock
                    )
                },
            )
    return True


def application_decision(request: HttpRequest, application_id: int) -> HttpResponse:
    """Accept or reject a consignor's application, with the reason."""
    application = get_object_or_404(
        ConsignorApplication.objects.within(request.council).select_related(
            "business", "council", "decided_by"
        ),
        pk=application_id,
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        require_role(request, roles.EDITORS)
        require_own(application, request.council)
        if form.is_valid():
            try:
                consignors.decide_application(
                    application=application,
                    accept=form.cleaned_data["keputusan"] == "terima",
                    reason=form.cleaned_data["alasan"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The application of %(business)s is decided.")
                    % {"business": application.business},
                )
                return redirect("admin:sales_consignorapplication_changelist")
    return admin_page(
        request,
        "sales/consignor_decision.html",
        {
            "title": _("Decide an application"),
            "application": application,
            "form": form,
            "unmet": application.unmet_criteria(),
            "may_decide": role_allows(request, roles.EDITORS)
            and is_own(application, request.council),
        },
    )
