"""The province rule: a council reads down its region's subtree but changes only its own
records, those no council below it keeps. Bali's officer reads Badung's businesses and
sales, cannot change them and cannot sell at Badung's till; a regency with no council of
its own yet is kept by the province."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kriya.catalog.models import Product
from kriya.catalog.tests.factories import make_business, make_product
from kriya.regions.models import Council
from kriya.regions.scoping import councils_below, is_own
from kriya.registry.models import Business
from kriya.sales.models import Outlet, Sale
from kriya.sales.tests.factories import consign, make_outlet

pytestmark = pytest.mark.django_db

GETASAN = "51.03.04.2005"  # Badung
TABANAN_VILLAGE = "51.02.01.2001"  # Tabanan has no council in these tests


@pytest.fixture
def getasan_business(badung) -> Business:
    return make_business(village=GETASAN, name="Endek Getasan")


@pytest.fixture
def tabanan_business(bali) -> Business:
    return make_business(village=TABANAN_VILLAGE, name="Tenun Tabanan")


def test_the_province_reads_down_but_owns_only_what_no_regency_council_keeps(
    bali, badung, getasan_business, tabanan_business
):
    assert set(Business.objects.within(bali)) == {getasan_business, tabanan_business}
    assert list(Business.objects.own(bali)) == [tabanan_business]
    assert list(Business.objects.own(badung)) == [getasan_business]
    assert is_own(tabanan_business, bali) and not is_own(getasan_business, bali)
    assert is_own(getasan_business, badung) and not is_own(tabanan_business, badung)


def test_the_nation_owns_only_what_no_province_council_keeps(nation, bali, tabanan_business):
    assert councils_below(nation) == ["51"]
    assert list(Business.objects.own(nation)) == []
    assert not is_own(tabanan_business, nation)


def test_rows_of_one_council_are_owned_by_that_council_only(bali, badung, gianyar):
    bali_gallery = make_outlet(bali, "Galeri Dekranasda Bali")
    badung_gallery = make_outlet(badung)
    assert list(Outlet.objects.own(bali)) == [bali_gallery]
    assert list(Outlet.objects.own(badung)) == [badung_gallery]
    assert list(Outlet.objects.own(gianyar)) == []
    assert set(Outlet.objects.within(bali)) == {bali_gallery, badung_gallery}


def test_a_bali_officer_opens_badungs_business_read_only_and_cannot_change_it(
    client, bali_officer, getasan_business
):
    client.force_login(bali_officer)
    url = reverse("admin:registry_business_change", args=[getasan_business.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Endek Getasan" in page.text
    assert 'name="_save"' not in page.text
    assert client.post(url, {"name": "Diubah Bali"}).status_code == 403
    assert client.post(
        reverse("admin:registry_business_delete", args=[getasan_business.pk]), {"post": "yes"}
    ).status_code in (403, 404)
    getasan_business.refresh_from_db()
    assert getasan_business.name == "Endek Getasan"


def test_badungs_secretary_may_change_the_same_business(client, badung_secretary, getasan_business):
    client.force_login(badung_secretary)
    page = client.get(reverse("admin:registry_business_change", args=[getasan_business.pk]))
    assert 'name="_save"' in page.text


def test_a_bali_officer_cannot_open_an_outlet_for_badung(client, bali_officer, badung):
    client.force_login(bali_officer)
    response = client.post(
        reverse("admin:sales_outlet_add"),
        {
            "council": badung.pk,
            "name": "Gerai Bali di Badung",
            "kind": "gallery",
            "is_active": "on",
            "commission_rate": "20",
        },
    )
    assert response.status_code == 200
    assert "Data ini berada di wilayah dewan di bawah" in response.text
    assert not Outlet.objects.filter(name="Gerai Bali di Badung").exists()


def test_a_bali_officer_cannot_sell_at_badungs_till(client, bali_officer, badung, gallery_item):
    outlet, item = gallery_item
    client.force_login(bali_officer)
    assert client.get(reverse("till:till", args=[outlet.pk])).status_code == 404
    sold = client.post(
        reverse("till:till", args=[outlet.pk]),
        {
            "client_key": "6f1c2d3e-0000-4000-8000-000000000001",
            "payment": "cash",
            "action": "pay",
            "item": [item.pk],
            "quantity": [1],
            "discount": ["0"],
        },
    )
    assert sold.status_code == 404
    assert not Sale.objects.exists()
    home = client.get(reverse("till:home"))
    assert "Galeri Dekranasda Badung" not in home.text


def test_a_bali_officer_sells_at_balis_own_till(client, bali_officer, bali):
    outlet = make_outlet(bali, "Galeri Dekranasda Bali")
    client.force_login(bali_officer)
    page = client.get(reverse("till:till", args=[outlet.pk]))
    assert page.status_code == 200 and "Galeri Dekranasda Bali" in page.text


def test_the_sibling_gianyar_sees_neither_badungs_business_nor_its_till(
    client, gianyar_secretary, getasan_business, gallery_item
):
    outlet, _item = gallery_item
    client.force_login(gianyar_secretary)
    url = reverse("admin:registry_business_change", args=[getasan_business.pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("till:till", args=[outlet.pk])).status_code == 404


@pytest.fixture
def gallery_item(badung, badung_secretary):
    outlet = make_outlet(badung)
    return outlet, consign(outlet, badung_secretary)


def test_a_council_is_not_kept_from_above_by_mistake(bali, badung):
    # Councils are rows of the region tree too: Bali reads Badung's council, keeps its own.
    assert is_own(bali, bali) and not is_own(badung, bali)
    assert set(Council.objects.within(bali)) == {bali, badung}


def test_a_bali_officer_cannot_approve_badungs_products_from_the_list(
    client, bali_officer, badung_secretary, getasan_business
):
    product = make_product(getasan_business, "Kain Endek Getasan", publish=False)
    client.force_login(bali_officer)
    listing = reverse("admin:catalog_product_changelist")
    assert "Kain Endek Getasan" in client.get(listing).text  # read down
    client.post(listing, {"action": "publish", "_selected_action": [product.pk]}, follow=True)
    product.refresh_from_db()
    assert product.status == Product.Status.DRAFT
    client.force_login(badung_secretary)
    client.post(listing, {"action": "publish", "_selected_action": [product.pk]}, follow=True)
    product.refresh_from_db()
    assert product.status == Product.Status.PUBLISHED
