"""The site's URLs with the maker's statement link mounted as the lead mounts it in
kriya/urls.py (``titip/``, inside i18n_patterns, before the public pages)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from kriya.sales.urls import statement_urls
from kriya.urls import urlpatterns as site

urlpatterns = [
    *i18n_patterns(path("titip/", include(statement_urls)), prefix_default_language=False),
    *site,
]
