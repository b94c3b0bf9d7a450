"""Back-office pages of the gallery (placeholder until built)."""

from django.contrib import admin
from django.urls import URLPattern


def admin_urls(site: admin.AdminSite) -> list[URLPattern]:
    return []
