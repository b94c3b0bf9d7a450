"""The artisan portal: an artisan keeps their own business profile and products, and sees
their goods at the council's gallery (stock, sales and settlements).

Every record is fetched through ``_businesses``, ``_products`` or ``_photos``, which start
from the businesses of the artisan linked to the login: another artisan's id is a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from kriya.accounts import roles
from kriya.accounts.roles import role_allows
from kriya.catalog import portal_services as product_services
from kriya.catalog import services as catalog_services
from kriya.catalog.models import Product, ProductPhoto
from kriya.public.forms import BusinessProfileForm, PhotosForm, ProductForm
from kriya.registry import portal_services
from kriya.registry.models import Business
from kriya.sales import reports as sales_reports
from kriya.sales.statements import statement_token

View = Callable[..., HttpResponse]


def artisan_required(view: View) -> View:
    """Logged in, and linked to an artisan of the register; anyone else gets a clear 403."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not hasattr(request.user, "artisan"):
            back_office = role_allows(request, roles.BACK_OFFICE)
            return render(
                request, "portal/not_artisan.html", {"back_office": back_office}, status=403
            )
        return view(request, *args, **kwargs)

    return wrapper


def _businesses(request: HttpRequest) -> QuerySet[Business]:
    """The one scope of the portal: the artisan's own businesses still in the register."""
    # scoped by: the artisan linked to the login (the portal's scope is a person, not a region)
    return Business.objects.active().filter(owner=request.user.artisan)


def _products(request: HttpRequest) -> QuerySet[Product]:
    # scoped by: _businesses()
    return Product.objects.filter(business__in=_businesses(request)).select_related(
        "business", "category"
    )


def _photos(request: HttpRequest) -> QuerySet[ProductPhoto]:
    # scoped by: _products()
    return ProductPhoto.objects.filter(product__in=_products(request)).select_related("product")


@artisan_required
def home(request: HttpRequest) -> HttpResponse:
    """The artisan's businesses and products, each with its status and what to do next."""
    # scoped by: only prefetched below the artisan's own _businesses()
    products = Product.objects.select_related("category").prefetch_related("photos")
    businesses = (
        _businesses(request)
        .select_related("village")
        .prefetch_related(Prefetch("products", queryset=products.order_by("-updated_at", "-id")))
    )
    return render(request, "portal/home.html", {"businesses": businesses})


@artisan_required
def consignments(request: HttpRequest) -> HttpResponse:
    """The artisan's goods on consignment: stock per outlet, the last three months' sales
    (returns shown, voided sales left out) and the settlements, of their own businesses."""
    overview = sales_reports.maker_overview(businesses=_businesses(request))
    for settlement in overview.settlements:  # the same signed link the maker gets by WhatsApp
        settlement.statement_url = reverse(
            "statements:statement", args=[statement_token(settlement)]
        )
    return render(request, "portal/consignments.html", {"overview": overview})


@artisan_required
@require_http_methods(["GET", "POST"])
def business_edit(request: HttpRequest, business_id: int) -> HttpResponse:
    business = get_object_or_404(_businesses(request), pk=business_id)
    form = BusinessProfileForm(request.POST or None, instance=business)
    if request.method == "POST" and form.is_valid():
        try:
            portal_services.update_business_profile(
                business=business, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The profile of %(b)s is saved.") % {"b": business})
            return redirect("portal:home")
    return render(request, "portal/business_form.html", {"business": business, "form": form})


@artisan_required
@require_http_methods(["GET", "POST"])
def product_new(request: HttpRequest) -> HttpResponse:
    businesses = _businesses(request)
    chosen = request.GET.get("usaha", "")
    if chosen or len(businesses) != 1:
        business = get_object_or_404(businesses, pk=chosen if chosen.isdigit() else None)
    else:
        business = businesses[0]
    return _product_form(request, Product(business=business))


@artisan_required
@require_http_methods(["GET", "POST"])
def product_edit(request: HttpRequest, product_id: int) -> HttpResponse:
    return _product_form(request, get_object_or_404(_products(request), pk=product_id))


def _product_form(request: HttpRequest, product: Product) -> HttpResponse:
    """Add or change a product; the photos and the status have their own forms."""
    is_new, was_published = product.pk is None, product.status == Product.Status.PUBLISHED
    form = ProductForm(request.POST or None, instance=product)
    if request.method == "POST" and form.is_valid():
        try:
            product = product_services.save_own_product(
                product=product, by=request.user, **form.values()
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request,
                _("Saved. Now add photos of the product.")
                if is_new
                else _("Saved; it waits for the secretariat's approval again.")
                if was_published
                else _("Saved."),
            )
            return redirect("portal:product", product.pk)
    return render(request, "portal/product_form.html", _product_context(product, form=form))


def _product_context(product: Product, **extra) -> dict:
    photos = list(product.photos.all()) if product.pk else []
    return {
        "product": product,
        "photos": photos,
        "photos_form": PhotosForm(),
        "public_url": product.public_url,
        "max_photos": catalog_services.MAX_PHOTOS,
        **extra,
    }


@artisan_required
@require_POST
@vary_on_headers("HX-Request")
def photo_add(request: HttpRequest, product_id: int) -> HttpResponse:
    """Store each chosen photo on its own: a bad file is named, the good ones are kept."""
    product = get_object_or_404(_products(request), pk=product_id)
    form = PhotosForm(request.POST, request.FILES)
    problems = []
    if form.is_valid():
        problems += form.cleaned_data["photos"].refused  # not photos: named, not stored
        for photo in form.cleaned_data["photos"]:
            try:
                catalog_services.add_photo(product=product, upload=photo)
            except ValidationError as error:
                problems.append({"name": photo.name, "messages": error.messages})
    return _photos_response(request, product, form=form, problems=problems)


@artisan_required
@require_POST
@vary_on_headers("HX-Request")
def photo_main(request: HttpRequest, photo_id: int) -> HttpResponse:
    photo = get_object_or_404(_photos(request), pk=photo_id)
    catalog_services.make_main_photo(photo=photo)
    return _photos_response(request, photo.product)


@artisan_required
@require_http_methods(["GET", "POST"])
def photo_delete(request: HttpRequest, photo_id: int) -> HttpResponse:
    """Asks first (a page, so it works without JavaScript), deletes on POST."""
    photo = get_object_or_404(_photos(request), pk=photo_id)
    if request.method == "POST":
        catalog_services.remove_photo(photo=photo)
        messages.success(request, _("The photo is deleted."))
        return redirect("portal:product", photo.product_id)
    return render(request, "portal/photo_confirm_delete.html", {"photo": photo})


def _photos_response(
    request: HttpRequest,
    product: Product,
    *,
    form: PhotosForm | None = None,
    problems: list | None = None,
) -> HttpResponse:
    """The photo list alone for htmx; otherwise the messages and back to the product page."""
    if request.htmx:
        context = _product_context(product, problems=problems or [])
        if form is not None and not form.is_valid():
            context["photos_form"] = form
        return render(request, "portal/product_form.html#photos", context)
    for problem in problems or []:
        messages.error(request, f"{problem['name']}: {' '.join(problem['messages'])}")
    if form is not None and not form.is_valid():
        messages.error(request, " ".join(form.errors["photos"]))
    return redirect("portal:product", product.pk)


@artisan_required
@require_POST
def product_status(request: HttpRequest, product_id: int) -> HttpResponse:
    """Ask for approval, archive, or bring an archived product back as a draft."""
    product = get_object_or_404(_products(request), pk=product_id)
    try:
        product = product_services.move_own_product(
            product=product, status=request.POST.get("status", ""), by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The product is now “%(status)s”.") % {"status": product.get_status_display()},
        )
    return redirect("portal:product", product.pk)
