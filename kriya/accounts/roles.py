"""The one role module: the roles a membership holds, the named sets of roles each part of
Kriya lets in, and the gates that test them.

Every gate asks about the *acting* membership (``request.membership``, the one the user
chose with the council switcher), never about "any membership" the user holds: a cashier
of Badung who is also the secretariat of Gianyar does not void Badung's sales.

    @role_required(roles.TILL, forbidden="sales/till_forbidden.html")
    def till(request, outlet_id): ...

    require_role(request, roles.EDITORS)        # 403 unless the acting role is in EDITORS
    if role_allows(request, roles.EDITORS): ...  # the same test, as a bool for templates

A superuser passes every gate. Which *rows* a council may read or change is the scoping
mechanism's part (``kriya.regions.scoping``): read down, write only its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from kriya.accounts.models import Membership


class Role(models.TextChoices):
    ADMIN = "admin", _("administrator")
    SECRETARIAT = "secretariat", _("secretariat")
    MENTOR = "mentor", _("field mentor")
    CASHIER = "cashier", _("gallery cashier")
    BOARD = "board", _("board (read-only)")
    ARTISAN = "artisan", _("artisan")


# Everyone who works in the back office; artisans use the portal.
BACK_OFFICE = frozenset(Role) - {Role.ARTISAN}
# Who changes the council's records; the board, mentors and cashiers only read them.
EDITORS = frozenset({Role.ADMIN, Role.SECRETARIAT})
# Who sells at the till, takes consigned goods in, moves and returns stock.
TILL = EDITORS | {Role.CASHIER}
# Who reads the gallery's stock, intakes and settlements (only EDITORS settle and pay).
GALLERY = TILL | {Role.BOARD}
# Who records mentoring visits on the phone form.
MENTORING = EDITORS | {Role.MENTOR}
# Who sees NIK, phone numbers and addresses in full; everyone else sees them masked.
PERSONAL_DATA = EDITORS | {Role.MENTOR}
# Who voids a sale at the till (a cashier asks the secretariat).
VOID_SALES = EDITORS
# Who manages the council's logins and who may read them.
ACCOUNT_ADMINS = frozenset({Role.ADMIN})
ACCOUNT_READERS = EDITORS
# Who runs the nation's own lists (craft categories): Dekranas's administrators.
NATION_ADMINS = frozenset({Role.ADMIN})
# The largest discount (percent of a line) each role may give at the till.
DISCOUNT_LIMITS: dict[str, Decimal] = {
    Role.CASHIER: Decimal(10),
    Role.SECRETARIAT: Decimal(20),
    Role.ADMIN: Decimal(100),
}


def holds(membership: Membership | None, roles: Iterable[str]) -> bool:
    """Whether ``membership`` is active and its role is one of ``roles``."""
    return membership is not None and membership.is_active and membership.role in roles


def role_allows(request: HttpRequest, roles: Iterable[str]) -> bool:
    """Whether the acting membership holds one of ``roles`` (a superuser always does)."""
    if request.user.is_superuser:
        return True
    return holds(getattr(request, "membership", None), roles)


def require_role(request: HttpRequest, roles: Iterable[str]) -> None:
    """A 403 (PermissionDenied) unless the acting membership holds one of ``roles``."""
    if not role_allows(request, roles):
        raise PermissionDenied


def acting_at(user: Any, council_id: int, acting: Membership | None = None) -> Membership | None:
    """The membership ``user`` acts with for the council ``council_id``, for services that
    check a role: ``acting`` (the request's membership) if it is that council's and active,
    and nothing otherwise; with no request (commands, the demo), the user's earliest active
    membership there, the middleware's own default."""
    if acting is not None:
        ok = acting.council_id == council_id and acting.is_active and acting.user_id == user.pk
        return acting if ok else None
    return user.memberships.filter(council_id=council_id, is_active=True).order_by("pk").first()


def discount_limit(membership: Membership | None, *, superuser: bool = False) -> Decimal:
    """The largest discount the acting membership may give, in percent of a line."""
    if superuser:
        return Decimal(100)
    if membership is None or not membership.is_active:
        return Decimal(0)
    return DISCOUNT_LIMITS.get(membership.role, Decimal(0))


def role_required(
    roles: Iterable[str], *, forbidden: str | None = None
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A view for logins acting for a council in one of ``roles``. Anyone else gets a 403:
    the page ``forbidden`` (a template that says why and where to go) or Django's 403."""
    allowed = frozenset(roles)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        @login_required
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if getattr(request, "council", None) is None or not role_allows(request, allowed):
                if forbidden is None:
                    raise PermissionDenied
                return render(request, forbidden, status=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
