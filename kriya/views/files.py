"""The one door to private files: ``/berkas/<model>/<id>/<field>/``.

Each kind of private file names the rows a request may fetch it from, always through the
council's scope (``.within(request.council)``) and the role: personal data (artisan photos,
import spreadsheets) only for roles allowed personal data; visit photos, attachments and
evidence for the back office; a product's photos for the back office, the artisan who owns
the product (the portal), and anyone once the product is published. Anything else is a 404
(a login page for a visitor who is not logged in), never the bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from kriya.accounts import roles
from kriya.accounts.personal_data import may_see_personal_data
from kriya.catalog.models import Product, ProductPhoto
from kriya.lib.files import serve
from kriya.programs.models import Activity, Indicator, VisitPhoto
from kriya.registry.models import Artisan, ImportBatch


def _back_office(request: HttpRequest) -> bool:
    if not request.user.is_authenticated:
        return False
    return roles.role_allows(request, roles.BACK_OFFICE)


def _personal(request: HttpRequest) -> bool:
    return _back_office(request) and may_see_personal_data(request)


def _imports(request: HttpRequest) -> QuerySet[ImportBatch]:
    rows = ImportBatch.objects.within(request.council)
    return rows if _personal(request) else rows.none()


def _artisans(request: HttpRequest) -> QuerySet[Artisan]:
    rows = Artisan.objects.within(request.council)
    if not _personal(request):
        rows = rows.none()
    if request.user.is_authenticated:
        # scoped by: the artisan's own record, in the portal
        rows = rows | Artisan.objects.filter(user=request.user)
    return rows


def _back_office_rows(model: type[Model]) -> Callable[[HttpRequest], QuerySet]:
    def rows(request: HttpRequest) -> QuerySet:
        found = model.objects.within(request.council)
        return found if _back_office(request) else found.none()

    return rows


def _product_photos(request: HttpRequest) -> QuerySet[ProductPhoto]:
    # scoped by: published products are public; the council's own and the artisan's own
    products = Product.objects.published()
    if _back_office(request):
        products = products | Product.objects.within(request.council)
    if request.user.is_authenticated:
        # scoped by: the products of the artisan's own businesses
        own = Product.objects.filter(
            business__owner__user=request.user, business__merged_into__isnull=True
        )
        products = products | own
    return ProductPhoto.objects.filter(product__in=products)  # scoped by: products above


@dataclass(frozen=True)
class PrivateKind:
    fields: tuple[str, ...]
    rows: Callable[[HttpRequest], QuerySet]
    # The name the file downloads under: what the uploader called it.
    filename: Callable[[Model], str] = lambda row: ""


KINDS = {
    "registry.importbatch": PrivateKind(("file",), _imports, lambda row: row.filename),
    "registry.artisan": PrivateKind(("photo",), _artisans),
    "programs.visitphoto": PrivateKind(("image",), _back_office_rows(VisitPhoto)),
    "programs.activity": PrivateKind(
        ("attachment",), _back_office_rows(Activity), lambda row: row.attachment_name
    ),
    "programs.indicator": PrivateKind(
        ("evidence",), _back_office_rows(Indicator), lambda row: row.evidence_name
    ),
    "catalog.productphoto": PrivateKind(("image", "thumb", "small"), _product_photos),
}


@require_safe
def private_file(request: HttpRequest, model: str, pk: int, field: str) -> HttpResponse:
    """Serve one private file to a request allowed to have it."""
    kind = KINDS.get(model)
    if kind is None or field not in kind.fields:
        raise Http404
    row = kind.rows(request).filter(pk=pk).first()
    if row is None and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    file = getattr(row, field, None)
    if not file:
        raise Http404
    if getattr(row, "public", False):
        return redirect(file.url)  # a published product's photo: its copy in public media
    try:
        return serve(request, file, filename=kind.filename(row))
    except FileNotFoundError as missing:
        raise Http404 from missing
