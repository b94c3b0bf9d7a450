"""The public gallery: home, catalog, product, business, village and regency pages.

No login: the public sees the whole nation's *published* work, so every query starts
``.public()`` (the nation's scope) and products go through ``published()``.
"""

from urllib.parse import quote

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from kriya.catalog.models import Product
from kriya.lib.cache import cache_for_visitors
from kriya.lib.slugs import id_from_slug
from kriya.lib.whatsapp import chat_url, facebook_share_url, share_url
from kriya.programs.badges import badges_for_business
from kriya.public.catalog import (
    CatalogForm,
    capped_page,
    page_number,
    results,
    with_cards,
)
from kriya.regions.models import Province, Regency, Village
from kriya.regions.scoping import REGENCY, level_of
from kriya.registry.models import Business, CraftCategory, VillageIcon


def published() -> QuerySet:
    return Product.objects.public().published()


def makers(products: QuerySet) -> QuerySet:
    """Businesses still in the register with at least one product in ``products``."""
    return (
        Business.objects.public()
        .active()
        .filter(pk__in=products.values("business_id"))
        .order_by("name")
    )


@cache_for_visitors
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    products = with_cards(published())
    featured = list(products.filter(featured=True)[:8]) or list(products[:8])
    icons = (
        VillageIcon.objects.public()
        .select_related("village__district__regency", "category")
        .order_by("-created_at")[:12]
    )
    return render(request, "public/home.html", {"featured": featured, "icons": icons})


@cache_for_visitors
@require_safe
@vary_on_headers("HX-Request")
def catalog(request: HttpRequest) -> HttpResponse:
    categories = list(CraftCategory.objects.order_by("order", "name"))
    form = CatalogForm(request.GET, categories=categories, english=get_language() == "en")
    filters = form.filters()
    search, page = results(
        published(), filters, form.categories, page_number(request.GET.get("halaman"))
    )
    template = "public/catalog.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(
        request, template, {"form": form, "filters": filters, "search": search, "page": page}
    )


@cache_for_visitors
@require_safe
def product(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(
        with_cards(published()).select_related(
            "business__owner", "business__village__district__regency__province", "category__parent"
        ),
        pk=id_from_slug(slug),
    )
    if slug != found.slug:
        return redirect(found, permanent=True)
    url = request.build_absolute_uri(found.get_absolute_url())
    more = with_cards(published().filter(business=found.business_id).exclude(pk=found.pk))[:4]
    return render(
        request,
        "public/product.html",
        {
            "product": found,
            "photos": found.photos.all(),
            "url": url,
            "more": more,
            "contact_url": contact_url(found),
            "share_url": share_url(f"{found.name} {url}"),
            "facebook_url": facebook_share_url(url),
            "badges": badges_for_business(found.business),
            "ld": product_data(request, found, url),
        },
    )


def contact_url(product: Product) -> str:
    """A WhatsApp chat with the business, in Indonesian (the maker's language), naming the
    product and its address."""
    with translation.override("id"):
        text = _(
            "Hello %(business)s, I am interested in “%(product)s” (%(url)s), which I saw "
            "in the Kriya gallery. Is it still available?"
        ) % {
            "business": product.business.name,
            "product": product.name,
            "url": product.get_absolute_url(),
        }
    return chat_url(product.business.phone, text)


def product_data(request: HttpRequest, product: Product, url: str) -> dict:
    """schema.org Product with its offer, for search engines."""
    offer = {
        "@type": "Offer",
        "priceCurrency": "IDR",
        "price": str(product.price),
        "url": url,
        "availability": "https://schema.org/InStock"
        if product.availability == Product.Availability.READY
        else "https://schema.org/PreOrder",
    }
    if product.is_range:
        offer = {
            **offer,
            "@type": "AggregateOffer",
            "lowPrice": str(product.price),
            "highPrice": str(product.price_max),
        }
    return {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description[:500],
        "url": url,
        "offers": offer,
        "image": [
            request.build_absolute_uri(p.thumb.url or p.image.url) for p in product.photos.all()
        ],
        "category": product.category.name,
        "brand": {"@type": "Brand", "name": product.business.name},
    }


@cache_for_visitors
@require_safe
def business(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(
        Business.objects.public()
        .active()
        .select_related("owner", "village__district__regency__province")
        .prefetch_related("categories"),
        pk=id_from_slug(slug),
    )
    page = capped_page(
        with_cards(published().filter(business=found)), page_number(request.GET.get("halaman"))
    )
    if not page.count:
        raise Http404
    if slug != found.slug:
        return redirect("public:business", found.slug, permanent=True)
    return render(
        request,
        "public/business.html",
        {
            "business": found,
            "page": page,
            "contact_url": chat_url(found.phone),
            "links": social_links(found),
            "badges": badges_for_business(found),
        },
    )


def social_links(business: Business) -> list[tuple[str, str]]:
    """(label, address) of the business's own pages elsewhere, from what the register holds."""

    def profile(site: str, handle: str) -> str:
        handle = handle.strip().lstrip("@").rstrip("/")
        return (
            handle
            if handle.startswith(("https://", "http://"))
            else (f"https://www.{site}.com/{quote(handle)}/" if handle else "")
        )

    links = [
        ("Instagram", profile("instagram", business.instagram)),
        ("Facebook", profile("facebook", business.facebook)),
        (_("Website"), business.website),
        (_("Online shop"), business.marketplace),
    ]
    return [(label, url) for label, url in links if url]


@cache_for_visitors
@require_safe
def village(request: HttpRequest, code: str) -> HttpResponse:
    found = get_object_or_404(
        Village.objects.public().select_related("district__regency__province"), code=code
    )
    icon = VillageIcon.objects.public().filter(village=found).select_related("category").first()
    products = published().filter(business__village=found)
    page = capped_page(with_cards(products), page_number(request.GET.get("halaman")))
    return render(
        request,
        "public/village.html",
        {"village": found, "icon": icon, "page": page, "makers": makers(products)[:50]},
    )


@cache_for_visitors
@require_safe
def region(request: HttpRequest, code: str) -> HttpResponse:
    if level_of(code) == REGENCY:
        found = get_object_or_404(Regency.objects.public().select_related("province"), code=code)
        parts = []
    else:
        found = get_object_or_404(Province.objects.public(), code=code)
        parts = Regency.objects.public().filter(province=found, is_active=True)
    icons = (
        VillageIcon.objects.public()
        .in_region(code)
        .select_related("village__district", "category")
        .order_by("village__district__name", "village__name")
    )
    villages = Village.objects.public().in_region(code).filter(is_active=True)
    products = published().in_region(code)
    return render(
        request,
        "public/region.html",
        {
            "region": found,
            "parts": parts,
            "icons": icons[:120],
            "icon_count": icons.count(),
            "village_count": villages.count(),
            "page": capped_page(with_cards(products), 1),
            "param": "kabupaten" if "." in code else "provinsi",
        },
    )


@cache_for_visitors
@require_safe
def events(request: HttpRequest) -> HttpResponse:
    return render(request, "public/events.html")


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    private = ["/admin/", "/akun/", "/portal/", "/i18n/", "/api/"]
    lines = [
        "User-agent: *",
        "Allow: /",
        *[f"Disallow: {prefix}{path}" for prefix in ("", "/en") for path in private],
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
