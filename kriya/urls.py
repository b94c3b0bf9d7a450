from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from kriya import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Indonesian has no prefix; English lives under /en/ (DESIGN.md, "Addresses").
urlpatterns += i18n_patterns(
    path("akun/", include("kriya.accounts.urls")),
    path("wilayah/", include("kriya.regions.urls")),
    path("admin/", admin.site.urls),
    path("portal/", include("kriya.public.portal_urls")),
    path("", views.home, name="home"),
    path("", include("kriya.public.urls")),
    prefix_default_language=False,
)

