from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kriya.registry.coverage import coverage


def icon_coverage(request: HttpRequest) -> HttpResponse:
    """Ikon Desa: the share of the council's villages with a signature craft, and where not.

    Served inside the back office (``KriyaAdminSite.get_urls``); ``?cetak=1`` is the
    printable page."""
    context = {"coverage": coverage(request.council), "title": _("Village craft icons")}
    if request.GET.get("cetak"):
        return render(request, "registry/icon_coverage_print.html", context)
    from django.contrib import admin

    context.update(admin.site.each_context(request))
    return render(request, "registry/icon_coverage.html", context)
