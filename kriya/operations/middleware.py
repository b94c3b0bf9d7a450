"""Middleware for running Kriya on more than one machine and through database faults."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from kriya.operations.routers import replica_configured, replica_reads

logger = logging.getLogger("kriya.operations")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PIN_COOKIE = "kriya_primary"
RETRY_AFTER_SECONDS = 30


def database_answers() -> bool:
    """True when every configured database answers a trivial query."""
    for alias in connections.settings:
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            connections[alias].close_if_unusable_or_obsolete()
            return False
    return True


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 page; rendered without the request's context, which would need the database."""
    language = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        content = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answers a clear 503 page (with Retry-After) instead of a 500 while the database is down.

    Errors raised by a view arrive in ``process_exception``. Errors raised inside another
    middleware (loading the session, the acting council) have already become a 500 by the
    time they reach us, so a 500 is checked against the database once more. Nothing is
    remembered between requests: the next request after the database is back is served.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and not database_answers():
            logger.error("database unreachable: answered 503 for %s", request.path)
            return unavailable_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError) and not database_answers():
            logger.error("database unreachable: answered 503 for %s (%s)", request.path, exception)
            return unavailable_response(request)
        return None


class ReplicaMiddleware:
    """Lets safe requests read from the replica; pins a browser that just wrote to the primary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_configured():
            return self.get_response(request)
        allowed = request.method in SAFE_METHODS and PIN_COOKIE not in request.COOKIES
        with replica_reads(allowed=allowed) as state:
            response = self.get_response(request)
        if state.wrote or request.method not in SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
