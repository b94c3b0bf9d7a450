"""The register's back-office pages under /admin/ (registered in admin.py): icon coverage
and the spreadsheet import. The register's lists are the admin's own."""

from django.urls import path

from kriya.registry.views import pages

# Served by the admin site, which wraps each view in its login and permission check.
backoffice = [
    path("ikon-desa/", pages.icon_coverage, name="icon-coverage"),
    path("impor/", pages.import_start, name="register-import-start"),
    path("impor/<int:batch_id>/", pages.import_detail, name="register-import"),
    path("impor/<int:batch_id>/simpan/", pages.import_confirm, name="register-import-confirm"),
    path(
        "impor/<int:batch_id>/periksa-ulang/",
        pages.import_check_again,
        name="register-import-check-again",
    ),
    path("impor/template-<str:kind>.xlsx", pages.import_template, name="register-import-template"),
]
