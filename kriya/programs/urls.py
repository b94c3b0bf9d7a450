"""The programs' addresses (Indonesian slugs in URLs, stable for printed links): the field mentor's pages
at /pendampingan/, and the back-office pages under /admin/ (registered in admin.py)."""

from django.urls import path

from kriya.programs.views import pages, visits

visit_urls = (
    [
        path("", visits.home, name="home"),
        path("kunjungan/baru/", visits.visit_new, name="visit-new"),
        path("kunjungan/<int:visit_id>/", visits.visit_detail, name="visit-detail"),
        path("usaha/", visits.business_search, name="business-search"),
        path("sw.js", visits.service_worker, name="service-worker"),
    ],
    "visits",
)

# Served by the admin site, which wraps each view in its login and permission check.
backoffice = [
    path("program-kerja/", pages.workplan_list, name="programs-workplans"),
    path("program-kerja/<int:plan_id>/", pages.workplan_detail, name="programs-workplan"),
    path(
        "program-kerja/indikator/<int:indicator_id>/",
        pages.indicator_records,
        name="programs-indicator-records",
    ),
    path("haki/kedaluwarsa/", pages.expiring_list, name="programs-expiring"),
    path("kegiatan/<int:activity_id>/kehadiran/", pages.attendance, name="programs-attendance"),
    path(
        "kegiatan/<int:activity_id>/daftar-hadir.pdf",
        pages.attendance_sheet,
        name="programs-attendance-sheet",
    ),
]
