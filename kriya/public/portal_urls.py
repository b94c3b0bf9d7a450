from django.urls import path

from kriya.public import portal

app_name = "portal"
urlpatterns = [
    path("", portal.home, name="home"),
]
