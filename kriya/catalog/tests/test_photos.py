import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kriya.catalog import services
from kriya.catalog.photos import clean_photo
from kriya.catalog.tests.factories import image_file, make_business, make_product


def opened(content) -> Image.Image:
    content.seek(0)
    return Image.open(io.BytesIO(content.read()))


def test_a_phone_photo_is_turned_upright_resized_and_stripped_of_its_location():
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    exif[0x8825] = {2: (8.0, 39.0, 0.0)}  # GPS latitude
    clean = clean_photo(image_file(size=(4000, 3000), exif=exif.tobytes()))
    big = opened(clean.image)
    assert big.format == "JPEG"
    assert big.size == (1200, 1600)  # portrait after the turn, at most 1600 px
    assert not big.getexif()
    assert max(opened(clean.thumb).size) == 640 and max(opened(clean.small).size) == 320


def test_a_transparent_png_becomes_a_white_backed_jpeg():
    clean = clean_photo(image_file("PNG", color=(0, 0, 0, 0)))
    assert opened(clean.image).convert("RGB").getpixel((5, 5)) == (255, 255, 255)


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("virus.jpg", b"MZ\x90\x00" + b"\x00" * 400, "bukan foto"),
        (
            "gambar.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "bukan foto",
        ),
    ],
)
def test_what_is_not_a_photo_is_refused(name, content, reason):
    from django.utils import translation

    with translation.override("id"), pytest.raises(ValidationError) as error:
        clean_photo(SimpleUploadedFile(name, content))
    assert "JPEG, PNG" in error.value.messages[0]


def test_a_corrupt_jpeg_is_refused():
    data = image_file().read()
    with pytest.raises(ValidationError):
        clean_photo(SimpleUploadedFile("rusak.jpg", data[: len(data) // 2]))


def test_a_gif_is_refused_by_name():
    with pytest.raises(ValidationError) as error:
        clean_photo(image_file("GIF"))
    assert "GIF" in error.value.messages[0]


def test_a_huge_upload_is_refused_before_it_is_opened(settings):
    limit = settings.KRIYA_PHOTO_MAX_BYTES
    upload = SimpleUploadedFile("besar.jpg", b"\xff\xd8" + b"0" * (limit + 10))
    with pytest.raises(ValidationError) as error:
        clean_photo(upload)
    assert "MB" in error.value.messages[0]


@pytest.mark.django_db
def test_photos_are_stored_in_order_and_removed_with_their_files(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path
    product = make_product(make_business(), publish=False, photo=False)
    first = services.add_photo(product=product, upload=image_file())
    second = services.add_photo(product=product, upload=image_file(color="navy"))
    assert [p.order for p in product.photos.all()] == [0, 1]
    assert (tmp_path / first.thumb.name).exists()
    services.make_main_photo(photo=second)
    assert list(product.photos.all()) == [second, first]
    services.remove_photo(photo=second)
    assert [(p.pk, p.order) for p in product.photos.all()] == [(first.pk, 0)]


def test_a_cut_off_upload_is_refused_even_after_weasyprint_loosened_pillow():
    import weasyprint  # noqa: F401 - sets ImageFile.LOAD_TRUNCATED_IMAGES for the process
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    for fmt in ("JPEG", "PNG", "WEBP"):
        data = image_file(fmt, size=(600, 400)).read()
        with pytest.raises(ValidationError):
            clean_photo(SimpleUploadedFile("potong", data[: len(data) * 3 // 4]))
