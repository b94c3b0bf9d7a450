# ruff: noqa: F811  (pytest fixtures imported from portal_cast are used as arguments)
from decimal import Decimal

import pytest
from django.utils.translation import gettext

from kriya.catalog import services
from kriya.catalog.models import Product, ProductStatusChange
from kriya.catalog.tests.factories import category
from kriya.lib.money import parse_rupiah
from kriya.public.tests.portal_cast import made, media, wayan  # noqa: F401


def product_data(**values) -> dict:
    return {
        "category": category("endek").pk,
        "name": "Kamen Endek Rangrang",
        "description": "Kain tenun ikat pakan.",
        "materials": "benang katun",
        "length_cm": "200,5",
        "price": "Rp 1.250.000,00",
        "availability": "ready",
        **values,
    }


@pytest.mark.parametrize(
    "text,amount",
    [
        ("Rp 1.250.000,00", 1_250_000),
        ("1.250.000", 1_250_000),
        ("1250000", 1_250_000),
        ("rp1.250.000", 1_250_000),
        ("1,250,000", 1_250_000),
        ("Rp 850.000,50", 850_001),
        ("0", 0),
    ],
)
def test_rupiah_is_read_as_people_write_it(text, amount):
    assert parse_rupiah(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["-5", "abc", "1.2.3", "Rp", "12.34.567"])
def test_what_is_not_an_amount_is_not_read(text):
    with pytest.raises(ValueError):
        parse_rupiah(text)


def test_an_artisan_adds_a_product_with_a_price_in_rupiah(client, made):
    client.force_login(made.user)
    url = f"/portal/produk/baru/?usaha={made.business.pk}"
    page = client.get(url)
    assert 'name="price"' in page.text and "<optgroup" in page.text and "<details" in page.text
    r = client.post(url, product_data())
    product = made.business.products.get(name="Kamen Endek Rangrang")
    assert r.status_code == 302 and r["Location"] == f"/portal/produk/{product.pk}/"
    assert product.price == Decimal(1_250_000) and product.length_cm == Decimal("200.5")
    assert product.status == Product.Status.DRAFT
    assert "rangrang" in product.search_text  # saved through catalog.services.save_product


@pytest.mark.parametrize("price,code", [("-5", "negative"), ("abc", "invalid")])
def test_a_negative_or_wordy_price_is_refused_naming_the_field(client, made, price, code):
    client.force_login(made.user)
    r = client.post(
        f"/portal/produk/baru/?usaha={made.business.pk}",
        product_data(price=price, name="Tidak Tersimpan"),
    )
    assert r.status_code == 200
    form = r.context["form"]
    assert form.errors.as_data()["price"][0].code == code
    label = str(form.fields["price"].label)
    assert label in form.errors["price"][0] and form.errors["price"][0] in r.text
    assert not Product.objects.filter(name="Tidak Tersimpan").exists()


def test_a_highest_price_below_the_price_is_refused(client, made):
    client.force_login(made.user)
    r = client.post(
        f"/portal/produk/{made.product.pk}/", product_data(price="500.000", price_max="400.000")
    )
    assert r.status_code == 200 and r.context["form"].errors
    made.product.refresh_from_db()
    assert made.product.price == Decimal(850_000)


def test_submitting_asks_the_secretariat_and_logs_the_change(client, made):
    client.force_login(made.user)
    r = client.post(f"/portal/produk/{made.product.pk}/status/", {"status": "submitted"})
    assert r.status_code == 302
    made.product.refresh_from_db()
    assert made.product.status == Product.Status.SUBMITTED
    change = ProductStatusChange.objects.get(product=made.product)
    assert (change.old, change.new, change.by) == ("draft", "submitted", made.user)


def test_a_product_without_a_photo_cannot_be_submitted(client, made):
    made.product.photos.get().delete()
    client.force_login(made.user)
    r = client.post(
        f"/portal/produk/{made.product.pk}/status/", {"status": "submitted"}, follow=True
    )
    assert gettext("Add at least one photo before you ask for approval.") in r.text
    made.product.refresh_from_db()
    assert made.product.status == Product.Status.DRAFT


@pytest.mark.parametrize("status", ["published", "nonsense", ""])
def test_an_artisan_cannot_publish_her_own_product(client, made, status):
    client.force_login(made.user)
    r = client.post(f"/portal/produk/{made.product.pk}/status/", {"status": status})
    assert r.status_code == 302
    made.product.refresh_from_db()
    assert made.product.status == Product.Status.DRAFT and not made.product.changes.exists()


def test_archive_and_bring_back(client, made):
    client.force_login(made.user)
    url = f"/portal/produk/{made.product.pk}/status/"
    client.post(url, {"status": "archived"})
    made.product.refresh_from_db()
    assert made.product.status == Product.Status.ARCHIVED
    client.post(url, {"status": "draft"})
    made.product.refresh_from_db()
    assert made.product.status == Product.Status.DRAFT


def test_editing_a_published_product_sends_it_back_for_approval(client, made, badung_secretary):
    product = services.publish_product(product=made.product, by=badung_secretary)
    client.force_login(made.user)
    url = f"/portal/produk/{product.pk}/"
    warning = gettext(
        "This product is in the public catalog. If you save changes, it goes "
        "back to the secretariat for approval and is hidden from the catalog "
        "until they approve it again."
    )
    assert warning in client.get(url).text
    r = client.post(url, product_data(name="Kain Endek Getasan Baru", price="900.000"))
    assert r.status_code == 302
    product.refresh_from_db()
    assert product.status == Product.Status.SUBMITTED and product.price == Decimal(900_000)
    assert [(c.old, c.new, c.by) for c in product.changes.order_by("id")][-1:] == [
        ("published", "submitted", made.user)
    ]
    assert not Product.objects.published().filter(pk=product.pk).exists()


def test_editing_a_draft_keeps_it_a_draft(client, made):
    client.force_login(made.user)
    client.post(f"/portal/produk/{made.product.pk}/", product_data(name="Nama Baru"))
    made.product.refresh_from_db()
    assert made.product.name == "Nama Baru" and made.product.status == Product.Status.DRAFT
    assert not made.product.changes.exists()
