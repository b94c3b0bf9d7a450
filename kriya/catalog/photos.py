"""A product's photo in the catalog's three sizes. The checking and cleaning is the one
path every image takes (``kriya.lib.images``); this module only adds the two thumbnails for
the catalog's responsive images."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import IO

from django.core.files.base import ContentFile
from PIL import Image

from kriya.lib import images

SIZES = {"image": images.EDGE, "thumb": 640, "small": 320}


@dataclass
class CleanPhoto:
    """The three JPEG renditions of one uploaded photo, ready to store."""

    image: ContentFile
    thumb: ContentFile
    small: ContentFile


def clean_photo(upload: IO[bytes], *, name: str = "foto") -> CleanPhoto:
    """Check and clean ``upload`` (see ``images.clean_image``, which raises ValidationError
    with the reason) and make its thumbnails."""
    main = images.clean_image(upload, edge=SIZES["image"])
    main.seek(0)
    renditions = {"image": main.read()}
    with Image.open(io.BytesIO(renditions["image"]), formats=["JPEG"]) as opened:
        picture = opened.convert("RGB")
    stem = name or "foto"
    for field in ("thumb", "small"):
        small = picture.copy()
        small.thumbnail((SIZES[field], SIZES[field]), Image.Resampling.LANCZOS)
        renditions[field] = images.encode_jpeg(small)
    return CleanPhoto(
        **{
            field: ContentFile(data, name=f"{stem}-{field}.jpg")
            for field, data in renditions.items()
        }
    )
