from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from kriya.catalog.models import Product
from kriya.catalog.tests.factories import category, image_file, make_business, make_product

ADD = "/admin/catalog/product/add/"
LIST = "/admin/catalog/product/"


def form(business, **values) -> dict:
    return {
        "business": business.pk,
        "category": category().pk,
        "name": "Kain Endek Tenun",
        "price": "Rp 1.250.000,00",
        "availability": "ready",
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
        "changes-TOTAL_FORMS": 0,
        "changes-INITIAL_FORMS": 0,
        **values,
    }


@pytest.mark.django_db
def test_the_secretariat_adds_a_product_with_a_typed_price_and_a_photo(
    client, badung_secretary, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    business = make_business()
    client.force_login(badung_secretary)
    response = client.post(ADD, form(business, new_photo=image_file()))
    assert response.status_code == 302, response.context["adminform"].form.errors
    product = Product.objects.get()
    assert product.price == Decimal(1250000) and product.status == "draft"
    assert product.photos.count() == 1 and "getasan" in product.search_text


@pytest.mark.django_db
@pytest.mark.parametrize("price,message", [("-5", "di bawah nol"), ("lima ribu", "jumlah rupiah")])
def test_a_bad_price_is_refused_by_name(client, badung_secretary, price, message):
    client.force_login(badung_secretary)
    response = client.post(ADD, form(make_business(), price=price))
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["price"])
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_a_renamed_exe_is_refused_as_a_photo(client, badung_secretary):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(badung_secretary)
    exe = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00" + b"\x00" * 500)
    response = client.post(ADD, form(make_business(), new_photo=exe))
    assert response.status_code == 200
    assert "JPEG, PNG" in " ".join(response.context["adminform"].form.errors["new_photo"])
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_approving_from_the_list_publishes_only_products_with_photos(client, badung_secretary):
    business = make_business()
    ready = make_product(business, "Siap", publish=False)
    bare = make_product(business, "Tanpa Foto", publish=False, photo=False)
    client.force_login(badung_secretary)
    response = client.post(
        LIST, {"action": "publish", "_selected_action": [ready.pk, bare.pk]}, follow=True
    )
    ready.refresh_from_db()
    bare.refresh_from_db()
    assert (ready.status, ready.approved_by) == ("published", badung_secretary)
    assert bare.status == "draft"
    text = response.content.decode()
    assert "1 produk diterbitkan" in text and "Tanpa Foto" in text


@pytest.mark.django_db
def test_gianyar_sees_no_badung_product(client, gianyar_secretary):
    product = make_product(make_business())
    client.force_login(gianyar_secretary)
    assert product.name not in client.get(LIST).content.decode()
    assert client.get(f"{LIST}{product.pk}/change/").status_code == 404
    labels = client.get(reverse("admin:catalog-labels"), {"ids": str(product.pk)})
    assert product.name not in labels.content.decode()


@pytest.mark.django_db
def test_the_board_reads_but_cannot_approve(client, badung, badung_secretary):
    from conftest import make_user

    board = make_user("pengurus", badung, "board")
    product = make_product(make_business(), publish=False)
    client.force_login(board)
    assert client.get(LIST).status_code == 200
    client.post(LIST, {"action": "publish", "_selected_action": [product.pk]})
    product.refresh_from_db()
    assert product.status == "draft"


@pytest.mark.django_db
def test_the_dashboard_counts_published_and_waiting_products(
    client, badung_secretary, gianyar_secretary
):
    business = make_business()
    make_product(business, "Terbit")
    from kriya.catalog import services

    services.submit_product(product=make_product(business, "Menunggu", publish=False), by=None)
    client.force_login(badung_secretary)
    cards = {c["key"]: c for c in client.get("/admin/").context["cards"]}
    assert cards["products"]["value"] == "1 (1)"
    client.force_login(gianyar_secretary)
    cards = {c["key"]: c for c in client.get("/admin/").context["cards"]}
    assert cards["products"]["value"] == "0 (0)"


@pytest.mark.django_db
def test_a_ninth_photo_is_refused_on_the_form_not_with_an_error_page():
    from django.forms.models import model_to_dict

    from kriya.catalog import services
    from kriya.catalog.forms import ProductAdminForm

    product = make_product(make_business(), publish=False, photo=False)
    for _n in range(services.MAX_PHOTOS):
        services.add_photo(product=product, upload=image_file())
    form = ProductAdminForm(
        instance=product, data=model_to_dict(product), files={"new_photo": image_file()}
    )
    assert not form.is_valid()
    assert "8" in form.errors["new_photo"][0]


def _waiting(business, name: str, photo: bool = True) -> Product:
    from kriya.catalog import services

    product = make_product(business, name, publish=False, photo=photo)
    return services.submit_product(product=product, by=None)


@pytest.mark.django_db
def test_the_approval_list_shows_each_photo_and_a_button_per_waiting_row(
    client, badung_secretary, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    business = make_business()
    waiting = _waiting(business, "Kain Endek Menunggu")
    published = make_product(business, "Kain Endek Terbit")
    client.force_login(badung_secretary)
    html = client.get(LIST).content.decode()
    photo = waiting.photos.get()
    assert f'src="{photo.small.url}"' in html and 'class="kriya-thumb"' in html
    approve = reverse("admin:catalog-product-approve", args=[waiting.pk])
    send_back = reverse("admin:catalog-product-send-back", args=[waiting.pk])
    assert f'formaction="{approve}"' in html and f'href="{send_back}"' in html
    assert ">Setujui</button>" in html and ">Kembalikan</a>" in html
    assert reverse("admin:catalog-product-approve", args=[published.pk]) not in html


@pytest.mark.django_db
def test_approve_publishes_the_row_and_says_so(client, badung_secretary, gianyar_secretary):
    business = make_business()
    waiting = _waiting(business, "Kain Endek Menunggu")
    bare = _waiting(business, "Tanpa Foto", photo=False)
    client.force_login(gianyar_secretary)
    assert (
        client.post(reverse("admin:catalog-product-approve", args=[waiting.pk])).status_code == 404
    )
    client.force_login(badung_secretary)
    response = client.post(reverse("admin:catalog-product-approve", args=[waiting.pk]), follow=True)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.approved_by) == ("published", badung_secretary)
    assert "“Kain Endek Menunggu” sudah terbit di galeri." in response.content.decode()
    assert response.redirect_chain[-1][0].endswith("?status__exact=submitted")
    response = client.post(reverse("admin:catalog-product-approve", args=[bare.pk]), follow=True)
    bare.refresh_from_db()
    assert bare.status == "submitted"
    assert "Tanpa Foto: " in response.content.decode()  # with the reason: no photo yet


@pytest.mark.django_db
def test_send_back_asks_for_the_reason_and_keeps_it_in_the_history(
    client, badung, badung_secretary, gianyar_secretary
):
    from conftest import make_user

    waiting = _waiting(make_business(), "Kain Endek Menunggu")
    url = reverse("admin:catalog-product-send-back", args=[waiting.pk])
    client.force_login(gianyar_secretary)
    assert client.get(url).status_code == 404
    client.force_login(make_user("pengurus", badung, "board"))
    assert client.post(url, {"reason": "Buram"}).status_code == 403
    client.force_login(badung_secretary)
    page = client.get(url).content.decode()
    assert "Alasan pengembalian" in page and "Kembalikan “Kain Endek Menunggu”" in page
    refused = client.post(url, {"reason": "  "})
    assert (
        refused.status_code == 200 and "Bidang ini tidak boleh kosong" in refused.content.decode()
    )
    waiting.refresh_from_db()
    assert waiting.status == "submitted"
    response = client.post(url, {"reason": "Fotonya buram"}, follow=True)
    waiting.refresh_from_db()
    change = waiting.changes.first()
    assert waiting.status == "draft" and (change.new, change.note) == ("draft", "Fotonya buram")
    with translation.override("id"):
        assert str(change) == "menunggu persetujuan → draf"
    assert "dikembalikan ke pembuatnya" in response.content.decode()
