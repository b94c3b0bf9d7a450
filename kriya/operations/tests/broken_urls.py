"""A URL whose view has a bug unrelated to the database (for the 500-stays-500 test)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def broken(request: HttpRequest) -> HttpResponse:
    raise ZeroDivisionError("a bug, not an outage")


urlpatterns = [path("broken/", broken)]
