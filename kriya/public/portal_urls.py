from django.urls import path

from kriya.public import portal

app_name = "portal"
urlpatterns = [
    path("", portal.home, name="home"),
    path("usaha/<int:business_id>/", portal.business_edit, name="business"),
    path("titipan/", portal.consignments, name="consignments"),
    path("produk/baru/", portal.product_new, name="product-new"),
    path("produk/<int:product_id>/", portal.product_edit, name="product"),
    path("produk/<int:product_id>/foto/", portal.photo_add, name="photo-add"),
    path("produk/<int:product_id>/status/", portal.product_status, name="product-status"),
    path("foto/<int:photo_id>/utama/", portal.photo_main, name="photo-main"),
    path("foto/<int:photo_id>/hapus/", portal.photo_delete, name="photo-delete"),
]
