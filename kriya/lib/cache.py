"""Whole-page caching of public pages for visitors who are not logged in.

A catalog page is the same for every anonymous visitor (no CSRF token, no name in the
header), so it can be served from the cache (per process, or Redis when CACHE_URL says so)
for ``PUBLIC_CACHE_SECONDS``: a newly published product shows within that time. Logged-in
users, and a visitor with a message waiting, always get a fresh page. The cache key follows
Django's: the full address and the response's Vary headers, so the decorator goes above
``vary_on_headers("HX-Request")`` (an htmx fragment and the full page are kept apart).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_page


def cache_for_visitors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    cached: dict[int, Callable[..., HttpResponse]] = {}

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        seconds = settings.PUBLIC_CACHE_SECONDS
        if not seconds or request.user.is_authenticated or "messages" in request.COOKIES:
            return view(request, *args, **kwargs)
        if seconds not in cached:
            cached[seconds] = cache_page(seconds, key_prefix="public")(view)
        return cached[seconds](request, *args, **kwargs)

    return wrapper
