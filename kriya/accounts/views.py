from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kriya.accounts import roles
from kriya.accounts.middleware import SESSION_KEY
from kriya.accounts.roles import Role, holds, role_allows


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Where a login lands: the field mentor's visit list (a phone in a village), the till
    for a gallery cashier (a counter), the back office for other staff, the artisan portal
    for an artisan, this page for everyone else."""
    membership = request.membership
    if holds(membership, {Role.MENTOR}):
        return redirect("visits:home")
    if holds(membership, {Role.CASHIER}):
        return redirect("till:home")
    if role_allows(request, roles.BACK_OFFICE):
        return redirect("admin:index")
    if hasattr(request.user, "artisan"):
        return redirect("portal:home")
    return render(request, "accounts/home.html", {"memberships": _memberships(request)})


@login_required
@require_http_methods(["GET", "POST"])
def switch(request: HttpRequest) -> HttpResponse:
    """Choose which council and role to act for, for users who hold several."""
    if request.method == "POST":
        membership = get_object_or_404(_memberships(request), pk=request.POST.get("membership"))
        request.session[SESSION_KEY] = membership.pk
        messages.success(request, _("You now act for %(m)s.") % {"m": membership})
        return redirect("accounts:home")
    return render(request, "accounts/switch.html", {"memberships": _memberships(request)})


def _memberships(request: HttpRequest):
    return request.user.memberships.filter(is_active=True).select_related("council")
