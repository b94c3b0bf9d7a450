"""One cleaning path for every uploaded image: product, artisan, village-icon and visit
photos, and images attached as documents.

A file is judged by its bytes, never by its name or the browser's content type. What passes
is only real JPEG, PNG or WebP, complete (not cut off), within the byte and pixel limits
(``KRIYA_PHOTO_MAX_BYTES``, ``KRIYA_PHOTO_MAX_PIXELS``). It is turned upright by its EXIF
orientation, its colours converted to sRGB by its ICC profile, transparency laid on white,
and it is written anew as a JPEG that keeps nothing but the pixels: no EXIF (and with it no
GPS position of an artisan's home), no XMP, no comment segment (which can carry
``<script>``), no PNG text chunks, no ICC profile.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import floatformat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import (
    Image,
    ImageCms,
    ImageFile,
    ImageOps,
    JpegImagePlugin,
    PngImagePlugin,
    WebPImagePlugin,
)

EDGE = 1600  # the longest side stored; a phone screen or a printed A5 needs no more
QUALITY = 82
# The classes Pillow opens each accepted kind with. Opened directly, they read only the
# header, without Pillow's own decompression-bomb error, so a bomb gets our message.
OPENERS: dict[str, Callable[[IO[bytes]], ImageFile.ImageFile]] = {
    "JPEG": JpegImagePlugin.JpegImageFile,
    "PNG": PngImagePlugin.PngImageFile,
    "WEBP": WebPImagePlugin.WebPImageFile,
}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def max_bytes() -> int:
    return settings.KRIYA_PHOTO_MAX_BYTES


def max_pixels() -> int:
    return settings.KRIYA_PHOTO_MAX_PIXELS


class CleanImage(ContentFile):
    """A JPEG made by ``clean_image``: only pixels, upright, sRGB. Handing one to
    ``clean_image`` again returns it as it is, so a form and its service check once."""

    def __init__(self, content: bytes, *, name: str, width: int, height: int) -> None:
        super().__init__(content, name=name)
        self.width, self.height = width, height
        self.content_type = "image/jpeg"


def kind_of(head: bytes) -> str | None:
    """The accepted image kind that ``head`` (the first bytes of a file) starts, if any."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def describe(head: bytes) -> str:
    """What a refused file is, in words for the message that refuses it."""
    text = head[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    known = [
        (head.startswith(b"%PDF-"), _("a PDF document")),
        (head[:6] in (b"GIF87a", b"GIF89a"), "GIF"),
        (head.startswith(b"BM"), "BMP"),
        (head[:4] in (b"II*\x00", b"MM\x00*"), "TIFF"),
        (head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"), "HEIC/AVIF"),
        (head.startswith((b"MZ", b"\x7fELF")), _("a program")),
        (head.startswith(b"PK\x03\x04"), _("a ZIP archive")),
        (text.startswith(b"<svg") or b"<svg" in text[:300], "SVG"),
        (text.startswith((b"<!doctype html", b"<html", b"<script", b"<head")), "HTML"),
    ]
    return next((label for match, label in known if match), _("unknown"))


def read_upload(upload: IO[bytes], *, limit: int, too_big: str) -> bytes:
    """The upload's bytes, refused with ``too_big`` (given ``mb`` and ``max``) past ``limit``
    before more than ``limit`` bytes are read."""
    size = getattr(upload, "size", None)
    if size is None or size <= limit:
        if hasattr(upload, "seek"):
            upload.seek(0)
        data = upload.read(limit + 1)
        size = len(data)
    if size > limit:
        raise ValidationError(too_big % {"mb": _mb(size), "max": _mb(limit)}, code="file_too_large")
    return data


def clean_image(upload: IO[bytes], *, edge: int = EDGE, name: str = "") -> CleanImage:
    """The clean JPEG of an uploaded image, at most ``edge`` px on its longest side; a
    ``ValidationError`` says why a file is refused (not an image, cut off, too many pixels,
    too many bytes), each with its limit."""
    if isinstance(upload, CleanImage):
        return upload
    data = read_upload(
        upload,
        limit=max_bytes(),
        too_big=_(
            "The photo is %(mb)s MB; at most %(max)s MB is accepted. Take it again at a "
            "lower resolution or send a smaller copy."
        ),
    )
    picture = open_image(data, edge=edge)
    picture.thumbnail((edge, edge), Image.Resampling.LANCZOS)
    stem = slugify(name or getattr(upload, "name", "").rsplit(".", 1)[0])[:40] or "foto"
    return CleanImage(
        encode_jpeg(picture), name=f"{stem}.jpg", width=picture.width, height=picture.height
    )


def open_image(data: bytes, *, edge: int = EDGE) -> Image.Image:
    """``data`` checked and decoded: upright, sRGB, RGB on white, its metadata dropped."""
    kind = kind_of(data[:16])
    if kind is None:
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP photo (it is %(kind)s).")
            % {"kind": describe(data)},
            code="not_an_image",
        )
    if not _complete(data, kind):
        raise ValidationError(
            _("The photo file is incomplete (the upload was cut off). Send it again."),
            code="cut_off",
        )
    try:
        probe = OPENERS[kind](io.BytesIO(data))
    except Exception as error:  # Pillow raises many kinds on a damaged header
        raise _damaged() from error
    width, height = probe.size
    if width * height > max_pixels():
        raise ValidationError(
            _(
                "The photo is too large in pixels (%(width)s × %(height)s); at most "
                "%(max)s megapixels are accepted. Send a smaller copy."
            )
            % {"width": width, "height": height, "max": _megapixels(max_pixels())},
            code="too_many_pixels",
        )
    try:
        with Image.open(io.BytesIO(data), formats=[kind]) as picture:
            picture.draft(None, (edge, edge))  # a JPEG decodes straight at a smaller scale
            picture.load()
            icc = picture.info.get("icc_profile")
            upright = ImageOps.exif_transpose(picture)
        return _flatten(_to_srgb(_eight_bits(upright), icc))
    except Exception as error:  # a broken body: Pillow's errors are not one class
        raise _damaged() from error


def encode_jpeg(picture: Image.Image) -> bytes:
    """The JPEG of ``picture``'s pixels alone: Pillow copies a decoded JPEG's comment (and
    other ``info``) into what it writes, so the pixels are taken into a new image first."""
    bare = Image.new(picture.mode, picture.size)
    bare.paste(picture)
    out = io.BytesIO()
    bare.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def _damaged() -> ValidationError:
    return ValidationError(
        _(
            "This file is not a photo that can be opened (JPEG, PNG or "
            "WebP). It may be damaged, or another kind of file renamed."
        ),
        code="damaged",
    )


def _complete(data: bytes, kind: str) -> bool:
    """Whether the file ends where its format says it ends. Pillow's own truncation check
    cannot be trusted: WeasyPrint switches on LOAD_TRUNCATED_IMAGES for the whole process."""
    if kind == "JPEG":
        return _jpeg_ends(data)
    if kind == "PNG":
        return b"IEND\xaeB`\x82" in data[-4096:]
    return int.from_bytes(data[4:8], "little") + 8 <= len(data)  # WebP: the RIFF size


def _jpeg_ends(data: bytes) -> bool:
    """Whether the JPEG's end marker follows its first scan. The segments before the scan
    are stepped over by their lengths, since the EXIF thumbnail inside them has an end
    marker of its own; data after the end (a Samsung phone's trailer) does no harm."""
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0xDA:  # start of scan: what follows is image data up to the end
            return data.find(b"\xff\xd9", at) != -1
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return False


def _eight_bits(picture: Image.Image) -> Image.Image:
    # 16-bit greyscale PNGs: a plain convert would clip every value above 255 to white.
    if picture.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        return picture.convert("I").point(lambda v: v / 257).convert("L")
    if picture.mode in ("P", "PA"):
        return picture.convert("RGBA")
    return picture


def _to_srgb(picture: Image.Image, icc: bytes | None) -> Image.Image:
    """The pixels in sRGB by the file's ICC profile (a CMYK print file, a wide-gamut phone
    photo); without a usable profile, Pillow's plain conversion."""
    alpha = picture.mode in ("RGBA", "LA")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            base = picture.convert("RGB") if picture.mode == "LA" else picture
            if base.mode == "RGBA":
                base = base.convert("RGB")
            # Not in place, so a new image comes back (None only for inPlace=True).
            converted = cast(
                Image.Image, ImageCms.profileToProfile(base, source, SRGB, outputMode="RGB")
            )
            if alpha:
                converted.putalpha(picture.getchannel("A"))
            return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken or mismatched profile: the plain conversion below
    return picture.convert("RGBA" if alpha else "RGB")


def _flatten(picture: Image.Image) -> Image.Image:
    """RGB on white: transparency (PNG, WebP) would turn black in a JPEG."""
    if picture.mode == "RGBA":
        background = Image.new("RGB", picture.size, "white")
        background.paste(picture, mask=picture.getchannel("A"))
        return background
    return picture.convert("RGB")


def _mb(size: int) -> str:
    return floatformat(round(size / 1024 / 1024, 1), -1)  # "15" or "15,3" in Indonesian


def _megapixels(pixels: int) -> str:
    return floatformat(round(pixels / 1_000_000, 1), -1)
