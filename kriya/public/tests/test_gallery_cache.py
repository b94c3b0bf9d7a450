"""Public pages from the cache for visitors who are not logged in (a production setting)."""

import pytest
from django.core.cache import cache

from kriya.catalog.tests.factories import make_business, make_product


@pytest.fixture
def cached(settings, db):
    settings.PUBLIC_CACHE_SECONDS = 60
    cache.clear()
    make_product(make_business(), "Kain Endek Tenun")
    yield
    cache.clear()


def test_a_visitor_gets_the_catalog_from_the_cache(client, cached, django_assert_num_queries):
    first = client.get("/katalog/")
    with django_assert_num_queries(0):
        again = client.get("/katalog/")
    assert again.content == first.content and "Kain Endek Tenun" in again.text


def test_an_htmx_fragment_and_the_full_page_are_cached_apart(client, cached):
    client.get("/katalog/")
    fragment = client.get("/katalog/", headers={"HX-Request": "true"})
    assert "<html" not in fragment.text and "Kain Endek Tenun" in fragment.text
    assert "<html" in client.get("/katalog/").text


def test_a_logged_in_user_always_gets_a_fresh_page_with_their_name(
    client, cached, badung_secretary
):
    client.get("/katalog/")
    client.force_login(badung_secretary)
    assert "Badung" in client.get("/katalog/").text  # the user's name in the header


def test_the_cache_is_off_in_development(client, db, settings, django_assert_num_queries):
    settings.PUBLIC_CACHE_SECONDS = 0
    make_product(make_business(), "Kain Endek Tenun")
    client.get("/katalog/")
    response = client.get("/katalog/")
    assert "Kain Endek Tenun" in response.text
    assert response.get("Cache-Control") is None


def test_the_language_switch_is_a_plain_link_to_the_same_page(client, db):
    text = client.get("/katalog/", {"q": "endek"}).text
    assert 'href="/en/katalog/?q=endek"' in text and "csrfmiddlewaretoken" not in text
