"""The one role module: its named sets, the ``role_required`` decorator, and the rule that
every gate asks the *acting* membership, not any membership the user holds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from conftest import make_user
from kriya.accounts import roles
from kriya.accounts.middleware import SESSION_KEY
from kriya.accounts.models import Membership
from kriya.accounts.personal_data import may_see_personal_data
from kriya.accounts.roles import Role, role_required
from kriya.sales import services
from kriya.sales.tests.factories import consign, make_outlet, sell

pytestmark = pytest.mark.django_db

R = Role


def test_each_named_set_holds_the_roles_the_councils_gave_it():
    assert roles.BACK_OFFICE == {R.ADMIN, R.SECRETARIAT, R.MENTOR, R.CASHIER, R.BOARD}
    assert roles.EDITORS == {R.ADMIN, R.SECRETARIAT}
    assert roles.TILL == {R.ADMIN, R.SECRETARIAT, R.CASHIER}
    assert roles.GALLERY == {R.ADMIN, R.SECRETARIAT, R.CASHIER, R.BOARD}
    assert roles.MENTORING == {R.ADMIN, R.SECRETARIAT, R.MENTOR}
    assert roles.PERSONAL_DATA == {R.ADMIN, R.SECRETARIAT, R.MENTOR}
    assert roles.VOID_SALES == {R.ADMIN, R.SECRETARIAT}
    assert roles.ACCOUNT_ADMINS == {R.ADMIN} and roles.ACCOUNT_READERS == roles.EDITORS
    assert roles.NATION_ADMINS == {R.ADMIN}
    assert Role.ARTISAN not in roles.BACK_OFFICE


def test_the_discount_limit_follows_the_role_and_nothing_for_the_board():
    limits = {role: roles.DISCOUNT_LIMITS.get(role, Decimal(0)) for role in Role}
    assert limits == {
        R.CASHIER: 10,
        R.SECRETARIAT: 20,
        R.ADMIN: 100,
        R.MENTOR: 0,
        R.BOARD: 0,
        R.ARTISAN: 0,
    }


def _request(user, membership: Membership | None):
    request = RequestFactory().get("/")
    request.user = user
    request.membership = membership
    request.council = membership.council if membership else None
    request.session = {}
    return request


@role_required(roles.TILL, forbidden="sales/till_forbidden.html")
def _till_page(request) -> HttpResponse:
    return HttpResponse("the till")


@role_required(roles.EDITORS)
def _editor_page(request) -> HttpResponse:
    return HttpResponse("editing")


def test_the_decorator_lets_in_the_set_and_shows_the_page_that_says_why_to_others(badung):
    cashier = make_user("badung_kasir", badung, Role.CASHIER)
    board = make_user("badung_board", badung, Role.BOARD)
    assert _till_page(_request(cashier, cashier.memberships.get())).content == b"the till"
    refused = _till_page(_request(board, board.memberships.get()))
    assert refused.status_code == 403 and b"the till" not in refused.content
    with pytest.raises(PermissionDenied):
        _editor_page(_request(board, board.memberships.get()))


def test_the_decorator_refuses_an_inactive_membership_and_a_login_with_no_council(badung):
    cashier = make_user("badung_kasir", badung, Role.CASHIER)
    membership = cashier.memberships.get()
    membership.is_active = False
    assert _till_page(_request(cashier, membership)).status_code == 403
    assert _till_page(_request(cashier, None)).status_code == 403


def test_the_decorator_sends_an_anonymous_visitor_to_the_login():
    request = _request(AnonymousUser(), None)
    response = _till_page(request)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_gates_ask_the_acting_membership_not_another_one_the_user_holds(badung, gianyar):
    """Made is Badung's cashier and Gianyar's secretariat. Acting for Badung he may sell
    but not void; the Gianyar role gives him nothing at Badung's till."""
    made = make_user("made", badung, Role.CASHIER)
    secretariat = Membership.objects.create(user=made, council=gianyar, role=Role.SECRETARIAT)
    cashier = made.memberships.get(council=badung)
    as_cashier = _request(made, cashier)
    assert roles.role_allows(as_cashier, roles.TILL)
    assert not roles.role_allows(as_cashier, roles.EDITORS)
    assert roles.role_allows(_request(made, secretariat), roles.EDITORS)

    outlet = make_outlet(badung)
    assert not services.may_void(made, outlet, cashier)
    assert not services.may_void(made, outlet, secretariat)  # Gianyar's role, Badung's till
    assert services.discount_limit(made, outlet, cashier) == 10
    assert services.discount_limit(made, outlet, secretariat) == 0


def test_a_void_is_refused_to_a_user_acting_as_cashier_though_he_is_also_secretariat(
    badung, badung_secretary
):
    outlet = make_outlet(badung)
    item = consign(outlet, badung_secretary)
    sale = sell(outlet, item, badung_secretary)
    cashier = Membership.objects.create(user=badung_secretary, council=badung, role=Role.CASHIER)
    with pytest.raises(ValidationError, match="Hanya sekretariat atau administrator"):
        services.void_sale(sale=sale, reason="Salah input", by=badung_secretary, acting=cashier)
    voided = services.void_sale(
        sale=sale,
        reason="Salah input",
        by=badung_secretary,
        acting=badung_secretary.memberships.get(role=Role.SECRETARIAT),
    )
    assert voided.is_voided


def test_the_till_page_offers_no_void_to_the_cashier_role_of_a_secretary(
    client, badung, badung_secretary
):
    outlet = make_outlet(badung)
    item = consign(outlet, badung_secretary)
    sale = sell(outlet, item, badung_secretary)
    cashier = Membership.objects.create(user=badung_secretary, council=badung, role=Role.CASHIER)
    client.force_login(badung_secretary)
    session = client.session
    session[SESSION_KEY] = cashier.pk
    session.save()
    page = client.get(f"/kasir/penjualan/{sale.pk}/")
    assert page.status_code == 200
    refused = client.post(f"/kasir/penjualan/{sale.pk}/batal/", {"reason": "Salah input"})
    assert "hanya sekretariat atau administrator" in refused.text.lower()
    sale.refresh_from_db()
    assert not sale.is_voided


def test_personal_data_is_shown_to_the_acting_role_only(badung):
    mentor = make_user("badung_mentor", badung, Role.MENTOR)
    board = Membership.objects.create(user=mentor, council=badung, role=Role.BOARD)
    assert may_see_personal_data(_request(mentor, mentor.memberships.get(role=Role.MENTOR)))
    assert not may_see_personal_data(_request(mentor, board))
