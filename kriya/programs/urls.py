"""The field mentor's pages, at /pendampingan/ (DESIGN.md: Indonesian slugs in URLs)."""

from django.urls import path

from kriya.programs import visits

app_name = "visits"
urlpatterns = [
    path("", visits.home, name="home"),
    path("kunjungan/baru/", visits.visit_new, name="visit-new"),
    path("kunjungan/<int:visit_id>/", visits.visit_detail, name="visit-detail"),
    path("usaha/", visits.business_search, name="business-search"),
    path("sw.js", visits.service_worker, name="service-worker"),
]
