"""Photos from phones, made safe and light: only real JPEG, PNG or WebP images; EXIF (and
with it the GPS position of the artisan's home) dropped; turned upright; stored as a JPEG of
at most 1600 px with two thumbnails for the catalog's responsive images."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 15 * 1024 * 1024  # a phone's full-size photo is 3–8 MB
MAX_PIXELS = 60_000_000  # refuses decompression bombs long before Pillow's own limit
ALLOWED = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "MPO": "JPEG"}
SIZES = {"image": 1600, "thumb": 640, "small": 320}


@dataclass
class CleanPhoto:
    """The three JPEG renditions of one uploaded photo, ready to store."""

    image: ContentFile
    thumb: ContentFile
    small: ContentFile


def clean_photo(upload, *, name: str = "foto") -> CleanPhoto:
    """Check ``upload`` (a file object) and make its renditions; ValidationError says why not."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            _(
                "The photo is %(mb)s MB; at most %(max)s MB is accepted. Take it again at a "
                "lower resolution or send a smaller copy."
            )
            % {"mb": round(size / 1024 / 1024, 1), "max": MAX_BYTES // 1024 // 1024}
        )
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            _("The photo is larger than %(max)s MB.") % {"max": MAX_BYTES // 1024 // 1024}
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            if kind not in ALLOWED:
                raise ValidationError(
                    _("This file is not a JPEG, PNG or WebP photo (it is %(kind)s).")
                    % {"kind": kind or _("unknown")}
                )
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."))
            probe.verify()  # a corrupt file fails here
        if not _complete(data, kind):
            raise ValidationError(
                _("The photo file is incomplete (the upload was cut off). Send it again.")
            )
        with Image.open(io.BytesIO(data)) as picture:
            picture.load()
            upright = ImageOps.exif_transpose(picture)
            rgb = _flatten(upright)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as error:
        raise ValidationError(
            _(
                "This file is not a photo that can be opened (JPEG, PNG or "
                "WebP). It may be damaged, or another kind of file renamed."
            )
        ) from error
    stem = name or "foto"
    return CleanPhoto(
        **{
            field: ContentFile(_jpeg(rgb, edge), name=f"{stem}-{field}.jpg")
            for field, edge in SIZES.items()
        }
    )


def _complete(data: bytes, kind: str) -> bool:
    """Whether the file ends where its format says it ends. Pillow's own truncation check
    cannot be trusted: WeasyPrint switches on LOAD_TRUNCATED_IMAGES for the whole process."""
    if kind in ("JPEG", "MPO"):
        return data.rstrip(b"\x00\r\n ").endswith(b"\xff\xd9")
    if kind == "PNG":
        return b"IEND" in data[-16:]
    return int.from_bytes(data[4:8], "little") + 8 <= len(data)  # WebP: the RIFF size


def _flatten(picture: Image.Image) -> Image.Image:
    """RGB on white: transparency (PNG, WebP) would turn black in a JPEG."""
    if picture.mode in ("RGBA", "LA", "P"):
        rgba = picture.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return picture.convert("RGB")


def _jpeg(picture: Image.Image, edge: int) -> bytes:
    copy = picture.copy()
    copy.thumbnail((edge, edge), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # No exif= argument: nothing of the original metadata (GPS, camera serial) is written.
    copy.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()
