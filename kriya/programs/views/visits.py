"""The field mentor's pages (phone-first): own visits and follow-ups, the visit form that
works offline, the business picker's JSON, and the service worker that keeps them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from kriya.accounts import roles
from kriya.accounts.roles import role_required
from kriya.programs import mentoring
from kriya.programs.forms import VisitForm
from kriya.programs.models import MentoringVisit
from kriya.registry.models import Business

# Logged in, and acting as a mentor, the secretariat or an administrator of a council.
mentor_required = role_required(roles.MENTORING, forbidden="programs/visit_forbidden.html")


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@mentor_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The mentor's own visits, the follow-ups falling due, and what waits on the phone."""
    who = {"council": request.council, "mentor": request.user}
    return render(
        request,
        "programs/visit_home.html",
        {
            "visits": mentoring.own_visits(**who)[:30],
            "follow_ups": mentoring.due_follow_ups(**who, today=timezone.localdate()),
            "today": timezone.localdate(),
        },
    )


@mentor_required
@require_http_methods(["GET", "POST"])
def visit_new(request: HttpRequest) -> HttpResponse:
    """The visit form; a POST stores the visit once per client key (HTML or JSON answer)."""
    posted = request.method == "POST"
    form = VisitForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        council=request.council,
        mentor=request.user,
        query=request.GET.get("q", ""),
    )
    if posted and form.is_valid():
        try:
            visit, created = mentoring.record_visit(
                mentor=request.user, council=request.council, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _recorded(request, visit, created)
    if posted and _wants_json(request):
        return JsonResponse(
            {
                "ok": False,
                "errors": [
                    {"field": str(form[name].label) if name in form.fields else "", "message": m}
                    for name, errors in form.errors.items()
                    for m in errors
                ],
            },
            status=422,
        )
    return render(request, "programs/visit_form.html", {"form": form})


def _recorded(request: HttpRequest, visit: MentoringVisit, created: bool) -> HttpResponse:
    url = reverse("visits:visit-detail", args=[visit.pk])
    if _wants_json(request):
        return JsonResponse(
            {
                "ok": True,
                "created": created,
                "id": visit.pk,
                "url": url,
                "client_key": str(visit.client_key),
            },
            status=201 if created else 200,
        )
    messages.success(
        request,
        _("The visit has arrived.")
        if created
        else _("This visit had already arrived; it is stored once."),
    )
    return redirect(url)


@mentor_required
@require_GET
def visit_detail(request: HttpRequest, visit_id: int) -> HttpResponse:
    """One visit as the server stored it, with its photos."""
    visit = get_object_or_404(
        MentoringVisit.objects.within(request.council)
        .select_related("business__village", "mentor")
        .prefetch_related("photos"),
        pk=visit_id,
    )
    return render(request, "programs/visit_detail.html", {"visit": visit})


@mentor_required
@require_GET
def business_search(request: HttpRequest) -> JsonResponse:
    """The council's active businesses whose name holds ``q``; without ``q``, the ones the
    mentor visited last (the list the service worker keeps for offline use)."""
    query = request.GET.get("q", "").strip()
    if query:
        businesses = (
            Business.objects.own(request.council)
            .active()
            .filter(name__icontains=query)
            .select_related("village")
            .order_by("name")[:20]
        )
    else:
        businesses = mentoring.recent_businesses(council=request.council, mentor=request.user)
    return JsonResponse(
        {
            "query": query,
            "results": [
                {"id": b.pk, "name": b.name, "village": b.village.label} for b in businesses
            ],
        }
    )


STATIC_PRECACHE = (
    "kriya/app.css",
    "kriya/visits.css",
    "kriya/keys.js",
    "kriya/visits.js",
    "django_htmx/htmx-2.min.js",
)


@never_cache
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """visits-sw.js with its precache list in front, served inside /pendampingan/ so that
    its scope covers the visit pages. Its version follows the files it caches."""
    scope = reverse("visits:home")
    pages = [scope, reverse("visits:visit-new"), reverse("visits:business-search")]
    assets = [static(name) for name in STATIC_PRECACHE]
    sources = [
        Path(finders.find(name)).read_bytes() for name in ("kriya/visits-sw.js", *STATIC_PRECACHE)
    ]
    version = hashlib.sha256(b"".join(sources) + json.dumps(assets).encode()).hexdigest()
    head = (
        f"const VERSION = {json.dumps(version[:16])};\nconst SCOPE = {json.dumps(scope)};\n"
        f"const PAGES = {json.dumps(pages)};\nconst ASSETS = {json.dumps(assets)};\n"
    )
    response = HttpResponse(head + sources[0].decode(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = scope
    return response
