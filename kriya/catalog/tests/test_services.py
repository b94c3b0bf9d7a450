from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kriya.catalog import services
from kriya.catalog.models import Product
from kriya.catalog.tests.factories import category, make_business, make_product
from kriya.lib.slugs import id_from_slug, slug_with_id


@pytest.mark.django_db
def test_publishing_needs_a_photo_and_records_the_approver(badung_secretary):
    product = make_product(make_business(), publish=False, photo=False)
    with pytest.raises(ValidationError):
        services.publish_product(product=product, by=badung_secretary)
    product = make_product(make_business(name="Lain"), publish=False)
    services.submit_product(product=product, by=None)
    product = services.publish_product(product=product, by=badung_secretary)
    assert product.status == Product.Status.PUBLISHED
    assert product.approved_by == badung_secretary and product.approved_at
    assert [(c.old, c.new) for c in product.changes.order_by("id")] == [
        ("draft", "submitted"),
        ("submitted", "published"),
    ]


@pytest.mark.django_db
def test_an_archived_product_cannot_be_published_straight_away():
    product = make_product(make_business())
    services.move_product(product=product, status="archived", by=None)
    with pytest.raises(ValidationError):
        services.publish_product(product=product, by=None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values",
    [{"price": Decimal(-5)}, {"price": Decimal(100), "price_max": Decimal(50)}, {"name": ""}],
)
def test_bad_values_are_refused_and_nothing_is_stored(values):
    business = make_business()
    base = {"category": category(), "name": "Kain", "price": Decimal(1000)}
    with pytest.raises(ValidationError):
        services.save_product(product=Product(business=business), by=None, **{**base, **values})
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_the_search_words_follow_a_rename():
    product = make_product(make_business())
    services.save_product(product=product, by=None, name="Kamen Rangrang")
    product.refresh_from_db()
    assert "rangrang" in product.search_text and "endek" in product.search_text  # category


def test_slugs_carry_the_id():
    assert slug_with_id("Kain Endek Tenun", 42) == "kain-endek-tenun-42"
    assert slug_with_id("!!!", 7) == "produk-7"
    assert id_from_slug("kain-endek-tenun-42") == 42
    assert id_from_slug("kain") is None and id_from_slug("99999999999999999") is None
