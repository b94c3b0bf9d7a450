"""Back-office pages of the register that are not a model's list: icon coverage and the
spreadsheet import. Served inside the admin site (``urls.backoffice``, registered in admin.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from kriya.accounts import roles
from kriya.accounts.roles import require_role
from kriya.lib.backoffice import admin_page
from kriya.lib.xlsx import XLSX_TYPE
from kriya.registry.coverage import coverage
from kriya.registry.forms import ColumnsForm, ImportForm
from kriya.registry.importer import ColumnMap, batches
from kriya.registry.importer.template import template_xlsx
from kriya.registry.models import ImportBatch


def icon_coverage(request: HttpRequest) -> HttpResponse:
    """Ikon Desa: the share of the council's villages with a signature craft, and where
    not; ``?cetak=1`` is the printable page."""
    context = {"coverage": coverage(request.council), "title": _("Village craft icons")}
    if request.GET.get("cetak"):
        return render(request, "registry/icon_coverage_print.html", context)
    return admin_page(request, "registry/icon_coverage.html", context)


def _editor(request: HttpRequest) -> None:
    require_role(request, roles.EDITORS)


def import_start(request: HttpRequest) -> HttpResponse:
    """Upload a register file; its rows are checked in the background."""
    _editor(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = batches.start_import(
            council=request.council,
            user=request.user,
            upload=form.cleaned_data["file"],
            kind=form.cleaned_data["kind"],
        )
        return redirect("admin:register-import", batch_id=batch.pk)
    recent = ImportBatch.objects.within(request.council).select_related("created_by")[:10]
    return admin_page(
        request,
        "registry/import_start.html",
        {"form": form, "recent": recent, "title": _("Import a register")},
    )


@vary_on_headers("HX-Request")
def import_detail(request: HttpRequest, batch_id: int) -> HttpResponse:
    """The file's progress, the column → field table to confirm or correct (POST here), then
    every problem row, then what was written."""
    _editor(request)
    batch = get_object_or_404(ImportBatch.objects.within(request.council), pk=batch_id)
    if batch.working and batches.mark_interrupted(pk=batch.pk):
        batch.refresh_from_db()  # its worker was killed: the page says so
    columns = ColumnMap.from_dict(batch.columns) if batch.columns else None
    form = columns and ColumnsForm(request.POST or None, columns=columns)
    if request.method == "POST" and form and form.is_valid():
        try:
            batches.confirm_columns(batch=batch, chosen=form.chosen())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("admin:register-import", batch_id=batch.pk)
    title = _("Register import: %(name)s") % {"name": batch.filename}
    context = {"batch": batch, "form": form, "title": title}
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "registry/import_detail.html#status", context)
    return admin_page(request, "registry/import_detail.html", context)


@require_POST
def import_confirm(request: HttpRequest, batch_id: int) -> HttpResponse:
    _editor(request)
    batch = get_object_or_404(ImportBatch.objects.within(request.council), pk=batch_id)
    mode = request.POST.get("mode")
    if mode not in {"valid", "all"}:
        raise Http404
    try:
        batches.confirm_import(batch=batch, mode=mode)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("admin:register-import", batch_id=batch.pk)


@require_POST
def import_check_again(request: HttpRequest, batch_id: int) -> HttpResponse:
    """Check an interrupted file again, from its first row."""
    _editor(request)
    batch = get_object_or_404(ImportBatch.objects.within(request.council), pk=batch_id)
    try:
        batches.check_again(batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("admin:register-import", batch_id=batch.pk)


def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in ImportBatch.Kind.values:
        raise Http404
    response = HttpResponse(template_xlsx(kind), content_type=XLSX_TYPE)
    name = "template-usaha.xlsx" if kind == "business" else "template-perajin.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
