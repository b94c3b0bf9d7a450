"""The one cleaning path for images (kriya.lib.images), on the corpus the tests make."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image

from kriya.lib.images import clean_image
from kriya.lib.tests import corpus


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


def cleaned(name: str, data: bytes, **options) -> tuple[bytes, Image.Image]:
    photo = clean_image(corpus.upload(name, data), **options)
    content = photo.read()
    return content, Image.open(io.BytesIO(content))


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        clean_image(corpus.upload(name, data))
    return " ".join(error.value.messages)


def test_a_phone_photo_is_turned_upright_and_loses_its_gps_xmp_and_script_comment():
    original = corpus.phone_photo(size=(4000, 3000))
    assert {0xE1, 0xFE} <= corpus.jpeg_markers(original) and corpus.SCRIPT in original
    content, picture = cleaned("IMG_0001.JPG", original)
    corpus.assert_only_pixels(content)
    assert picture.size == (1200, 1600)  # portrait after the turn, at most 1600 px
    assert not picture.getexif() and "comment" not in picture.info


def test_a_jpeg_comment_carrying_a_script_does_not_survive():
    content, picture = cleaned("foto.jpg", corpus.commented_jpeg())
    corpus.assert_only_pixels(content)
    assert picture.size == (800, 600)


def test_a_png_loses_its_text_chunks_and_becomes_a_jpeg():
    content, picture = cleaned("desain.png", corpus.png_with_text())
    corpus.assert_only_pixels(content)
    assert (picture.format, picture.size) == ("JPEG", (640, 480))
    assert picture.getpixel((10, 10))[1] > 100  # still green


def test_a_cmyk_jpeg_becomes_rgb_with_its_colours():
    content, picture = cleaned("brosur.jpg", corpus.cmyk_jpeg())
    corpus.assert_only_pixels(content)
    assert picture.mode == "RGB"
    red, green, blue = picture.getpixel((10, 10))
    assert red > 200 and green < 40 and blue < 40


def test_colours_are_converted_to_srgb_by_the_icc_profile_which_is_then_dropped():
    original = corpus.icc_jpeg()
    assert 0xE2 in corpus.jpeg_markers(original)
    content, picture = cleaned("profil.jpg", original)
    corpus.assert_only_pixels(content)
    assert "icc_profile" not in picture.info
    red, green, blue = picture.getpixel((10, 10))
    assert blue > 200 and red < 40  # "red" in the swapped profile is sRGB blue


def test_a_transparent_webp_is_laid_on_white():
    content, picture = cleaned("stiker.webp", corpus.transparent_webp())
    corpus.assert_only_pixels(content)
    assert picture.getpixel((5, 5)) == (255, 255, 255)


def test_the_clean_file_is_named_after_the_upload_with_the_jpeg_extension():
    photo = clean_image(corpus.upload("Kain Endek (1).PNG", corpus.png_with_text()))
    assert photo.name == "kain-endek-1.jpg" and (photo.width, photo.height) == (640, 480)


def test_a_cleaned_photo_handed_in_again_is_not_encoded_twice():
    photo = clean_image(corpus.upload("foto.jpg", corpus.commented_jpeg()))
    assert clean_image(photo) is photo


def test_a_pixel_bomb_is_refused_as_too_large_in_pixels_with_the_limit():
    bomb = corpus.pixel_bomb()
    assert len(bomb) < 100_000
    message = refusal("kecil.png", bomb)
    assert "terlalu besar dalam piksel" in message
    assert "20000 × 20000" in message and "60 megapiksel" in message


def test_the_pixel_limit_is_a_setting(settings):
    settings.KRIYA_PHOTO_MAX_PIXELS = 1_000_000
    message = refusal("besar.jpg", corpus.phone_photo(size=(1200, 900)))
    assert "1200 × 900" in message and "1 megapiksel" in message


def test_a_file_too_large_in_bytes_is_refused_with_the_limit(settings):
    settings.KRIYA_PHOTO_MAX_BYTES = 1024 * 1024
    message = refusal("besar.jpg", b"\xff\xd8\xff" + b"\0" * (2 * 1024 * 1024))
    assert "Ukuran foto 2 MB" in message and "paling besar 1 MB" in message


def test_a_cut_off_jpeg_is_refused_as_cut_off():
    assert "tidak lengkap (unggahan terputus)" in refusal("potong.jpg", corpus.cut_off_jpeg())


def test_a_cut_off_photo_is_refused_even_after_weasyprint_loosened_pillow():
    import weasyprint  # noqa: F401 - sets ImageFile.LOAD_TRUNCATED_IMAGES for the process
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    for data in (corpus.png_with_text(), corpus.transparent_webp(), corpus.phone_photo()):
        assert "terputus" in refusal("potong", data[: len(data) * 3 // 4])


def test_data_after_a_jpeg_end_as_some_phones_append_is_no_reason_to_refuse():
    content, picture = cleaned("samsung.jpg", corpus.commented_jpeg() + b"SEFH" + b"\1" * 500)
    assert picture.size == (800, 600)


@pytest.mark.parametrize(
    "name,data,kind",
    [
        ("animasi.gif", corpus.gif(), "GIF"),
        ("logo.svg", corpus.SVG, "SVG"),
        ("foto.jpg", corpus.HTML, "HTML"),
        ("foto.jpg", corpus.SVG, "SVG"),
        ("scan.jpg", corpus.pdf(), "dokumen PDF"),
        ("foto.jpg", corpus.EXE, "program komputer"),
    ],
    ids=["gif", "svg", "html-named-jpg", "svg-named-jpg", "pdf-named-jpg", "exe-named-jpg"],
)
def test_what_is_not_a_photo_is_refused_by_what_it_is_not_by_its_name(name, data, kind):
    message = refusal(name, data)
    assert "bukan foto JPEG, PNG, atau WebP" in message and f"(berkas ini {kind})" in message


def test_a_damaged_body_behind_a_good_header_is_refused_as_not_openable():
    broken = b"\xff\xd8\xff\xda\x00\x08" + bytes(range(256)) * 20 + b"\xff\xd9"
    assert "bukan foto yang dapat dibuka" in refusal("rusak.jpg", broken)
