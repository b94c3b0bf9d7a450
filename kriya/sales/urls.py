"""The gallery's addresses (Indonesian slugs in URLs, stable for printed links). The app mounts at three
prefixes, so it has three lists: the till at /kasir/, the maker's statement link at
/titip/, and its back-office pages under /admin/ (registered in admin.py)."""

from django.urls import path

from kriya.sales.views import intake, reports, settlement, statements, till

till_urls = (
    [
        path("", till.home, name="home"),
        path("<int:outlet_id>/", till.till, name="till"),
        path("<int:outlet_id>/cari/", till.lookup, name="lookup"),
        path("<int:outlet_id>/hari-ini/", till.today, name="today"),
        path("<int:outlet_id>/tutup/", till.close, name="close"),
        path("struk/<int:sale_id>/", till.receipt, name="receipt"),
        path("penjualan/<int:sale_id>/", till.sale_detail, name="sale"),
        path("penjualan/<int:sale_id>/retur/", till.sale_return, name="sale-return"),
        path("penjualan/<int:sale_id>/batal/", till.sale_void, name="sale-void"),
    ],
    "till",
)

statement_urls = (
    [path("laporan/<str:token>/", statements.statement, name="statement")],
    "statements",
)

# Served by the admin site, which wraps each view in its login and permission check.
backoffice = [
    path("penjualan/titip/baru/", intake.intake_new, name="sales-intake-new"),
    path("penjualan/titip/<int:intake_id>/", intake.intake_detail, name="sales-intake"),
    path("penjualan/stok/", intake.stock, name="sales-stock"),
    path("penjualan/penyelesaian/", settlement.settlement_list, name="sales-settlements"),
    path(
        "penjualan/penyelesaian/<int:settlement_id>/",
        settlement.settlement_detail,
        name="sales-settlement",
    ),
    path(
        "penjualan/penyelesaian/<int:settlement_id>/laporan.pdf",
        settlement.settlement_statement,
        name="sales-settlement-statement",
    ),
    path(
        "penjualan/titip/<int:intake_id>/tanda-terima.pdf",
        settlement.intake_receipt,
        name="sales-intake-receipt",
    ),
    path(
        "penjualan/titip/<int:intake_id>/label.pdf",
        settlement.intake_tags,
        name="sales-intake-tags",
    ),
    path("penjualan/laporan/", reports.sales_report, name="sales-reports"),
    path("penjualan/laporan/unduh.xlsx", reports.sales_report_xlsx, name="sales-reports-xlsx"),
    path("penjualan/kedaluwarsa/", reports.best_before, name="sales-best-before"),
    path("penjualan/tinjauan-penitip/", reports.consignor_review, name="sales-consignor-review"),
    path(
        "penjualan/permohonan-penitip/<int:application_id>/keputusan/",
        reports.application_decision,
        name="sales-application-decision",
    ),
]
