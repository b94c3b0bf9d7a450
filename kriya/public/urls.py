from django.urls import path, re_path

from kriya.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("katalog/", views.catalog, name="catalog"),
    path("produk/<slug:slug>/", views.product, name="product"),
    path("usaha/<slug:slug>/", views.business, name="business"),
    # Kemendagri codes: a village 51.03.04.2005; a regency 51.03 or a province 51. Only
    # codes match, so /wilayah/cari-desa/ (regions.urls) is never taken for a region.
    re_path(r"^desa/(?P<code>\d{2}\.\d{2}\.\d{2}\.\d{4})/$", views.village, name="village"),
    re_path(r"^wilayah/(?P<code>\d{2}(?:\.\d{2})?)/$", views.region, name="region"),
    path("acara/", views.events, name="events"),
]
