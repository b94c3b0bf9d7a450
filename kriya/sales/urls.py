"""The gallery till, at /kasir/ (DESIGN.md: Indonesian slugs in URLs)."""

from django.urls import path

from kriya.sales import till

app_name = "till"
urlpatterns = [
    path("", till.home, name="home"),
    path("<int:outlet_id>/", till.till, name="till"),
    path("<int:outlet_id>/cari/", till.lookup, name="lookup"),
    path("<int:outlet_id>/hari-ini/", till.today, name="today"),
    path("<int:outlet_id>/tutup/", till.close, name="close"),
    path("struk/<int:sale_id>/", till.receipt, name="receipt"),
    path("penjualan/<int:sale_id>/", till.sale_detail, name="sale"),
    path("penjualan/<int:sale_id>/retur/", till.sale_return, name="sale-return"),
    path("penjualan/<int:sale_id>/batal/", till.sale_void, name="sale-void"),
]
