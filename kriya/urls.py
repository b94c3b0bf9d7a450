from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from kriya.programs import urls as programs_urls
from kriya.public import urls as public_urls
from kriya.public.sitemaps import SITEMAPS
from kriya.public.views import gallery
from kriya.sales import urls as sales_urls
from kriya.views import files, health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", gallery.robots, name="robots"),
    # Private files, each behind a scope and role check (kriya/views/files.py).
    path("berkas/<str:model>/<int:pk>/<str:field>/", files.private_file, name="private-file"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]

# Indonesian has no prefix; English lives under /en/ (docs/architecture.md).
urlpatterns += i18n_patterns(
    path("akun/", include("kriya.accounts.urls")),
    path("wilayah/", include("kriya.regions.urls")),
    path("admin/", admin.site.urls),
    path("portal/", include(public_urls.portal_urls)),
    path("pendampingan/", include(programs_urls.visit_urls)),
    path("kasir/", include(sales_urls.till_urls)),
    path("titip/", include(sales_urls.statement_urls)),
    path("", gallery.home, name="home"),
    path("", include("kriya.public.urls")),
    prefix_default_language=False,
)

# Public media in development (DEBUG only; production serves MEDIA_ROOT from the web
# server or object storage). Private files are never under MEDIA_ROOT.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
