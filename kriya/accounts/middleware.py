from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from kriya.accounts.models import Membership
from kriya.regions.models import Council
from kriya.regions.scoping import NATION_CODE

SESSION_KEY = "kriya_membership_id"


def acting_membership(request: HttpRequest) -> Membership | None:
    """The membership the user chose (kept in the session), else their earliest active one."""
    memberships = Membership.objects.filter(user=request.user, is_active=True).select_related(
        "council"
    )
    chosen = request.session.get(SESSION_KEY)
    if chosen:
        membership = memberships.filter(pk=chosen).first()
        if membership:
            return membership
    return memberships.order_by("pk").first()


class CouncilMiddleware:
    """Puts the acting council on ``request.council`` (``None`` for the public)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.membership = None
        request.council = None
        if request.user.is_authenticated:
            request.membership = acting_membership(request)
            if request.membership:
                request.council = request.membership.council
            elif request.user.is_superuser:
                # A superuser with no membership acts for Dekranas (the whole nation).
                request.council = Council.objects.filter(code=NATION_CODE).first()
        return self.get_response(request)
