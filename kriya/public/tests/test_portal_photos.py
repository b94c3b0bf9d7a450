# ruff: noqa: F811  (pytest fixtures imported from portal_cast are used as arguments)
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext

from kriya.catalog.models import ProductPhoto
from kriya.catalog.tests.factories import image_file
from kriya.public.tests.portal_cast import made, media, wayan  # noqa: F401

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 4000


def test_the_upload_input_opens_the_phone_camera_for_several_photos(client, made):
    client.force_login(made.user)
    r = client.get(f"/portal/produk/{made.product.pk}/")
    assert 'accept="image/*"' in r.text and 'capture="environment"' in r.text
    assert " multiple" in r.text and 'enctype="multipart/form-data"' in r.text


def test_a_good_photo_is_kept_and_a_renamed_program_is_named_and_refused(client, made):
    client.force_login(made.user)
    bad = SimpleUploadedFile("kain-biru.jpg", EXE, content_type="image/jpeg")
    r = client.post(
        f"/portal/produk/{made.product.pk}/foto/",
        {"photos": [image_file(name="kain-merah.jpg"), bad]},
        follow=True,
    )
    assert r.status_code == 200
    assert made.product.photos.count() == 2  # the one from the factory, and the good one
    errors = [str(m) for m in r.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and errors[0].startswith("kain-biru.jpg: ")
    assert "kain-biru.jpg" in r.text


def test_with_htmx_only_the_photo_list_comes_back(client, made):
    client.force_login(made.user)
    bad = SimpleUploadedFile("setup.jpg", EXE, content_type="image/jpeg")
    r = client.post(
        f"/portal/produk/{made.product.pk}/foto/",
        {"photos": [image_file(fmt="PNG"), bad]},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200 and "<html" not in r.text
    assert 'id="product-photos"' in r.text and "setup.jpg" in r.text
    assert r.text.count('class="portal-photo"') == 2
    assert r["Vary"] and "HX-Request" in r["Vary"]


def test_a_40_mb_photo_is_refused_with_a_message_not_an_error_page(client, made):
    client.force_login(made.user)
    huge = SimpleUploadedFile(
        "besar.jpg", b"\xff\xd8\xff" + b"\x00" * (40 * 1024 * 1024), content_type="image/jpeg"
    )
    r = client.post(f"/portal/produk/{made.product.pk}/foto/", {"photos": [huge]}, follow=True)
    assert r.status_code == 200
    assert made.product.photos.count() == 1
    errors = [str(m) for m in r.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and errors[0].startswith("besar.jpg: ") and "15 MB" in errors[0]


def test_no_file_chosen_says_so(client, made):
    client.force_login(made.user)
    r = client.post(f"/portal/produk/{made.product.pk}/foto/", {}, follow=True)
    assert gettext("Choose at least one photo.") in r.text


def test_another_photo_becomes_the_main_one(client, made):
    client.force_login(made.user)
    client.post(f"/portal/produk/{made.product.pk}/foto/", {"photos": [image_file()]})
    first, second = made.product.photos.order_by("order")
    client.post(f"/portal/foto/{second.pk}/utama/")
    assert list(made.product.photos.order_by("order")) == [second, first]


def test_deleting_a_photo_asks_first(client, made):
    client.force_login(made.user)
    photo = made.product.photos.get()
    r = client.get(f"/portal/foto/{photo.pk}/hapus/")
    assert r.status_code == 200 and gettext("Delete the photo?") in r.text
    assert ProductPhoto.objects.filter(pk=photo.pk).exists()
    r = client.post(f"/portal/foto/{photo.pk}/hapus/")
    assert r.status_code == 302 and r["Location"] == f"/portal/produk/{made.product.pk}/"
    assert not made.product.photos.exists()
