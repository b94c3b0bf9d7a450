"""htmx is loaded once per page: the public and portal pages take it from base.html, the
back office from Unfold's own frame; no template adds a second copy."""

# ruff: noqa: F811  (pytest fixtures imported from portal_cast are used as arguments)
from __future__ import annotations

import re

import pytest
from django.urls import reverse

from conftest import make_user
from kriya.accounts.roles import Role
from kriya.public.tests.portal_cast import made, media  # noqa: F401
from kriya.sales.tests.factories import make_outlet

pytestmark = pytest.mark.django_db

HTMX = re.compile(r"<script[^>]*\bsrc=\"[^\"]*htmx[^\"]*\.js\"")


def htmx_scripts(html: str) -> int:
    return len(HTMX.findall(html))


def test_the_counter_sees_each_copy_of_htmx():
    page = '<script src="/static/django_htmx/htmx-2.min.js" defer></script>'
    assert htmx_scripts(page) == 1
    assert htmx_scripts(page + '<script src="/static/unfold/js/htmx/htmx.js"></script>') == 2


def test_the_public_home_loads_htmx_once(client):
    assert htmx_scripts(client.get("/").text) == 1


def test_the_artisan_portal_loads_htmx_once(client, made):
    client.force_login(made.user)
    page = client.get(reverse("portal:home"))
    assert page.status_code == 200 and htmx_scripts(page.text) == 1


def test_the_till_and_the_mentors_pages_load_htmx_once(client, badung, badung_secretary):
    outlet = make_outlet(badung)
    client.force_login(badung_secretary)
    assert htmx_scripts(client.get(reverse("till:till", args=[outlet.pk])).text) == 1
    assert htmx_scripts(client.get(reverse("visits:home")).text) == 1


@pytest.mark.parametrize(
    "name", ["admin:index", "admin:sales-stock", "admin:icon-coverage", "admin:programs-workplans"]
)
def test_back_office_pages_load_htmx_once(client, badung, name):
    client.force_login(make_user("badung_admin", badung, Role.ADMIN))
    page = client.get(reverse(name))
    assert page.status_code == 200 and htmx_scripts(page.text) == 1


def test_the_sibling_gianyar_gets_the_same_single_copy(client, gianyar_secretary):
    client.force_login(gianyar_secretary)
    assert htmx_scripts(client.get(reverse("admin:index")).text) == 1
