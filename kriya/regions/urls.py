from django.urls import path

from kriya.regions import views

app_name = "regions"

urlpatterns = [
    path("cari-desa/", views.village_search, name="village-search"),
]
