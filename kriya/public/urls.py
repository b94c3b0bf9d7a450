"""The public site's addresses (stable, so that links printed on QR tags and shared on WhatsApp never break): the gallery at the root and the
artisan portal at /portal/; two lists, as the app mounts at two prefixes."""

from django.urls import path, re_path

from kriya.public.views import gallery, portal
from kriya.regions.scoping import CODE_PATTERNS, PROVINCE, REGENCY, VILLAGE

app_name = "public"
urlpatterns = [
    path("", gallery.home, name="home"),
    path("katalog/", gallery.catalog, name="catalog"),
    path("produk/<slug:slug>/", gallery.product, name="product"),
    path("usaha/<slug:slug>/", gallery.business, name="business"),
    # Kemendagri codes: a village 51.03.04.2005; a regency 51.03 or a province 51. Only
    # codes match, so /wilayah/cari-desa/ (regions.urls) is never taken for a region.
    re_path(rf"^desa/(?P<code>{CODE_PATTERNS[VILLAGE]})/$", gallery.village, name="village"),
    re_path(
        rf"^wilayah/(?P<code>{CODE_PATTERNS[PROVINCE]}|{CODE_PATTERNS[REGENCY]})/$",
        gallery.region,
        name="region",
    ),
    path("acara/", gallery.events, name="events"),
]

portal_urls = (
    [
        path("", portal.home, name="home"),
        path("usaha/<int:business_id>/", portal.business_edit, name="business"),
        path("titipan/", portal.consignments, name="consignments"),
        path("produk/baru/", portal.product_new, name="product-new"),
        path("produk/<int:product_id>/", portal.product_edit, name="product"),
        path("produk/<int:product_id>/foto/", portal.photo_add, name="photo-add"),
        path("produk/<int:product_id>/status/", portal.product_status, name="product-status"),
        path("foto/<int:photo_id>/utama/", portal.photo_main, name="photo-main"),
        path("foto/<int:photo_id>/hapus/", portal.photo_delete, name="photo-delete"),
    ],
    "portal",
)
