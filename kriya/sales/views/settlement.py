"""Back-office pages of the gallery's settlements with its makers, served inside the admin
site: a month's waiting sales and settlements, settling the month, one settlement with its
payment, its statement PDF and the WhatsApp message to the maker; and the intake receipt and
price tags printed when a maker brings goods in.

The secretariat and administrators settle and pay; the board and the cashier look (and the
cashier prints receipts and tags). Every query starts with ``.within(request.council)``, so
another council's id is a 404.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.vary import vary_on_headers

from kriya.accounts import roles
from kriya.accounts.roles import require_role, role_allows
from kriya.lib.backoffice import INPUT_CLASSES, admin_page
from kriya.lib.forms import RupiahField
from kriya.lib.money import format_rupiah
from kriya.lib.whatsapp import chat_url, share_url
from kriya.regions.scoping import require_own
from kriya.sales import statements
from kriya.sales.models import ConsignmentIntake, Settlement
from kriya.sales.settlement import earlier_balance, month_bounds, pay_settlement, settle_month
from kriya.sales.settlement_preview import preview

MAX_COPIES = 10
INPUT = f"{INPUT_CLASSES} w-full max-w-2xl"
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class MonthForm(forms.Form):
    bulan = forms.CharField(
        label=gettext_lazy("Month"),
        error_messages={"required": gettext_lazy("Month: choose the month to settle.")},
    )

    def clean_bulan(self) -> tuple[int, int]:
        match = MONTH.match(self.cleaned_data["bulan"].strip())
        if not match or not (1 <= int(match[2]) <= 12 and 2000 <= int(match[1]) <= 2100):
            raise ValidationError(_("Month: write it as year-month, for example 2026-10."))
        return int(match[1]), int(match[2])


def _month_errors(request: HttpRequest, form: MonthForm) -> None:
    for error in form.errors.get("bulan", []):
        messages.error(request, error)


def _month(request: HttpRequest) -> tuple[int, int]:
    """The month asked for (``?bulan=2026-10``), or last month; a bad one is said, not used."""
    if request.GET.get("bulan"):
        form = MonthForm(request.GET)
        if form.is_valid():
            return form.cleaned_data["bulan"]
        _month_errors(request, form)
    last = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    return last.year, last.month


def _totals(rows: list, names: tuple[str, ...]) -> dict:
    return {name: sum((getattr(row, name) for row in rows), Decimal(0)) for name in names}


@vary_on_headers("HX-Request")
def settlement_list(request: HttpRequest) -> HttpResponse:
    """A month: what waits to be settled per business, the button to settle it, and the
    month's settlements with what was paid."""
    require_role(request, roles.GALLERY)
    if request.method == "POST":
        return _settle(request)
    year, month = _month(request)
    start, end = month_bounds(year, month)
    waiting = preview(request.council, end)
    settled = list(
        Settlement.objects.own(request.council)
        .filter(period_end__range=(start, end))
        .select_related("business")
        .order_by("business__name", "pk")
    )
    template = "sales/settlement_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#month"
    return admin_page(
        request,
        template,
        {
            "title": _("Settlements with the makers"),
            "start": start,
            "end": end,
            "value": f"{year:04d}-{month:02d}",
            "waiting": waiting,
            "settled": settled,
            "waiting_totals": _totals(
                waiting, ("pieces_sold", "gross", "commission", "amount_due")
            ),
            "settled_totals": _totals(
                settled,
                ("pieces_sold", "gross", "commission", "amount_due", "paid_amount", "balance"),
            ),
            "previous": (start - dt.timedelta(days=1)).strftime("%Y-%m"),
            "next": (end + dt.timedelta(days=1)).strftime("%Y-%m"),
            "can_settle": end < timezone.localdate(),
            "settle_from": end + dt.timedelta(days=1),
            "may_edit": role_allows(request, roles.EDITORS),
        },
    )


def _settle(request: HttpRequest) -> HttpResponse:
    """Settle the month posted: one settlement per business with anything unsettled."""
    require_role(request, roles.EDITORS)
    form = MonthForm(request.POST)
    if not form.is_valid():
        _month_errors(request, form)
        return redirect("admin:sales-settlements")
    year, month = form.cleaned_data["bulan"]
    start, end = month_bounds(year, month)
    try:
        made = settle_month(council=request.council, year=year, month=month, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        month_name = formats.date_format(start, "F Y")
        if made:
            messages.success(
                request,
                _("%(n)s settlements made for %(month)s.") % {"n": len(made), "month": month_name},
            )
        else:
            messages.info(
                request,
                _("Nothing to settle up to %(day)s.") % {"day": formats.date_format(end, "j F Y")},
            )
    return redirect(reverse("admin:sales-settlements") + f"?bulan={year:04d}-{month:02d}")


class PaymentForm(forms.Form):
    amount = RupiahField(
        label=gettext_lazy("Amount paid (Rp)"),
        allow_zero=False,
        widget=forms.TextInput(attrs={"class": INPUT}),
        error_messages={
            "required": gettext_lazy("Amount paid: give the amount transferred or handed over.")
        },
    )
    reference = forms.CharField(
        label=gettext_lazy("Reference"),
        max_length=100,
        help_text=gettext_lazy("The transfer number or the receipt number."),
        widget=forms.TextInput(attrs={"class": INPUT}),
        error_messages={
            "required": gettext_lazy("Reference: give the transfer or receipt number."),
            "max_length": gettext_lazy("Reference: at most 100 characters."),
        },
    )
    paid_on = forms.DateField(
        label=gettext_lazy("Paid on"),
        widget=forms.DateInput(attrs={"type": "date", "class": INPUT}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={
            "required": gettext_lazy("Paid on: give the date of the payment."),
            "invalid": gettext_lazy("Paid on: write the date as dd-mm-yyyy."),
        },
    )

    def __init__(self, *args, settlement: Settlement, **kwargs):
        super().__init__(*args, **kwargs)
        self.settlement = settlement

    def clean_paid_on(self) -> dt.date:
        day = self.cleaned_data["paid_on"]
        if day > timezone.localdate():
            raise ValidationError(_("Paid on: the date cannot be in the future."))
        if day <= self.settlement.period_end:
            raise ValidationError(
                _("Paid on: the date must be after the period (%(day)s).")
                % {"day": self.settlement.period_end.strftime("%d-%m-%Y")}
            )
        return day


def settlement_detail(request: HttpRequest, settlement_id: int) -> HttpResponse:
    """One settlement: its sales and returns, figures, payments, statement and WhatsApp."""
    require_role(request, roles.GALLERY)
    settlement = get_object_or_404(
        Settlement.objects.within(request.council).select_related(
            "business__owner", "council", "created_by", "paid_by"
        ),
        pk=settlement_id,
    )
    form = PaymentForm(
        settlement=settlement,
        initial={"amount": max(settlement.balance, Decimal(0)), "paid_on": timezone.localdate()},
    )
    if request.method == "POST":
        require_role(request, roles.EDITORS)
        require_own(settlement, request.council)  # a province reads its regencies' settlements
        form = PaymentForm(request.POST, settlement=settlement)
        if form.is_valid():
            try:
                pay_settlement(settlement=settlement, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Payment of %(amount)s recorded.")
                    % {"amount": format_rupiah(form.cleaned_data["amount"])},
                )
                return redirect("admin:sales-settlement", settlement_id=settlement.pk)
    return admin_page(
        request,
        "sales/settlement_detail.html",
        {
            "title": str(settlement.business),
            "settlement": settlement,
            "form": form,
            **statements.statement_rows(settlement),
            **_sharing(request, settlement),
            "earlier": earlier_balance(settlement),
            "may_pay": form.is_bound
            or (
                role_allows(request, roles.EDITORS)
                and settlement.balance > 0
                and settlement.council_id == request.council.pk
            ),
        },
    )


def _sharing(request: HttpRequest, settlement: Settlement) -> dict:
    """The maker's statement link (signed, no login) and the WhatsApp message carrying it,
    in the council's language: the maker reads them, not the back office."""
    if not role_allows(request, roles.EDITORS):
        return {}  # the business's phone is personal data; the secretariat sends
    with translation.override(settings.LANGUAGE_CODE):
        try:
            statement_path = reverse(
                "statements:statement", kwargs={"token": statements.statement_token(settlement)}
            )
        except NoReverseMatch:
            return {}  # a site without the statement link mounted: no public link
        link = request.build_absolute_uri(statement_path)
        text = _(
            "%(business)s, your consignment statement for %(period)s: amount due "
            "%(due)s, paid %(paid)s, balance %(balance)s. Open it here: %(link)s"
        ) % {
            "business": settlement.business.name,
            "link": link,
            "period": (
                f"{formats.date_format(settlement.period_start, 'j F Y')} – "
                f"{formats.date_format(settlement.period_end, 'j F Y')}"
            ),
            "due": format_rupiah(settlement.amount_due),
            "paid": format_rupiah(settlement.paid_amount),
            "balance": format_rupiah(settlement.balance),
        }
    return {
        "public_link": link,
        "whatsapp": chat_url(settlement.business.phone, text),
        "whatsapp_share": share_url(text),
        "link_days": statements.STATEMENT_LINK_DAYS,
    }


def settlement_statement(request: HttpRequest, settlement_id: int) -> HttpResponse:
    require_role(request, roles.GALLERY)
    settlement = get_object_or_404(
        Settlement.objects.within(request.council).select_related("business"), pk=settlement_id
    )
    try:
        data = statements.statement_pdf(settlement)
    except ValueError:
        messages.error(
            request,
            _(
                "The sales of this settlement no longer add up to its "
                "figures; no statement can be printed. Tell the "
                "administrator."
            ),
        )
        return redirect("admin:sales-settlement", settlement_id=settlement.pk)
    name = slugify(settlement.business.name) or "usaha"
    return _pdf(data, f"laporan-titip-{name}-{settlement.period_end:%Y-%m}.pdf")


def intake_receipt(request: HttpRequest, intake_id: int) -> HttpResponse:
    require_role(request, roles.GALLERY)
    intake = get_object_or_404(ConsignmentIntake.objects.within(request.council), pk=intake_id)
    return _pdf(
        statements.intake_receipt_pdf(intake),
        f"tanda-terima-{statements.receipt_number(intake)}.pdf",
    )


class TagsForm(forms.Form):
    salinan = forms.IntegerField(
        label=gettext_lazy("Copies per piece"), required=False, min_value=1, max_value=MAX_COPIES
    )
    lewati = forms.IntegerField(
        label=gettext_lazy("Tags already used on the sheet"),
        required=False,
        min_value=0,
        max_value=99,
    )


def intake_tags(request: HttpRequest, intake_id: int) -> HttpResponse:
    """The intake's price tags: one per piece (``?salinan=2`` for two), QR and code."""
    require_role(request, roles.GALLERY)
    intake = get_object_or_404(ConsignmentIntake.objects.within(request.council), pk=intake_id)
    form = TagsForm(request.GET)
    if form.is_valid():
        copies = form.cleaned_data["salinan"] or 1
        try:
            data = statements.price_tags_pdf(
                statements.intake_tags(intake, copies), skip=form.cleaned_data["lewati"] or 0
            )
        except ValueError:
            form.add_error("salinan", _("Too many tags for one PDF; print fewer copies."))
        else:
            return _pdf(data, f"label-{statements.receipt_number(intake)}.pdf")
    for name, errors in form.errors.items():
        for error in errors:
            messages.error(request, f"{form.fields[name].label}: {error}")
    return redirect("admin:sales_consignmentintake_change", intake.pk)
