# ruff: noqa: F811  (pytest fixtures imported from portal_cast are used as arguments)
import pytest
from django.utils.translation import gettext

from kriya.catalog.models import Product
from kriya.public.tests.portal_cast import made, media, wayan  # noqa: F401


def test_an_anonymous_visitor_is_sent_to_log_in(client, db):
    r = client.get("/portal/")
    assert r.status_code == 302 and r["Location"].startswith("/akun/masuk/?next=/portal/")


def test_a_login_without_an_artisan_gets_a_clear_403_page(client, badung_secretary):
    client.force_login(badung_secretary)
    r = client.get("/portal/")
    assert r.status_code == 403
    assert gettext("This page is for artisans registered by their council.") in r.text
    assert client.get("/portal/produk/1/").status_code == 403


def test_an_artisan_sees_only_her_own_businesses_and_products(client, made, wayan):
    client.force_login(made.user)
    r = client.get("/portal/")
    assert r.status_code == 200
    assert "Tenun Ikat Sari" in r.text and "Kain Endek Getasan" in r.text
    assert "Perak Celuk Wayan" not in r.text and "Cincin Perak Celuk" not in r.text
    assert f"/portal/produk/{made.product.pk}/" in r.text
    assert f"/portal/produk/baru/?usaha={made.business.pk}" in r.text
    assert gettext("draft") in r.text


def test_the_home_page_takes_a_fixed_number_of_queries(client, made, django_assert_max_num_queries):
    client.force_login(made.user)
    with django_assert_max_num_queries(12):
        client.get("/portal/")


@pytest.mark.parametrize(
    "method,url",
    [
        ("get", "/portal/produk/{product}/"),
        ("post", "/portal/produk/{product}/"),
        ("post", "/portal/produk/{product}/foto/"),
        ("post", "/portal/produk/{product}/status/"),
        ("get", "/portal/foto/{photo}/hapus/"),
        ("post", "/portal/foto/{photo}/hapus/"),
        ("post", "/portal/foto/{photo}/utama/"),
        ("get", "/portal/usaha/{business}/"),
        ("post", "/portal/usaha/{business}/"),
        ("get", "/portal/produk/baru/?usaha={business}"),
        ("post", "/portal/produk/baru/?usaha={business}"),
    ],
)
def test_another_artisans_records_are_not_found(client, made, wayan, method, url):
    client.force_login(made.user)
    url = url.format(
        product=wayan.product.pk, photo=wayan.product.photos.get().pk, business=wayan.business.pk
    )
    data = {"name": "Diambil", "status": "archived", "phone": "0812 1111 2222"}
    r = client.post(url, data) if method == "post" else client.get(url)
    assert r.status_code == 404
    wayan.product.refresh_from_db()
    assert wayan.product.status == Product.Status.DRAFT and wayan.product.name != "Diambil"
    assert wayan.product.photos.count() == 1


def test_a_new_product_for_an_odd_business_id_is_a_404_not_a_500(client, made):
    client.force_login(made.user)
    assert client.get("/portal/produk/baru/?usaha=abc").status_code == 404
    assert client.get("/portal/produk/baru/").status_code == 200  # her only business
