"""Small presentation helpers of the public gallery: image sizes, the visitor's language,
absolute URLs for sharing, and a JSON-LD block that cannot break out of its script tag."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse, translate_url
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from kriya.catalog.photos import SIZES

register = template.Library()

# What json_script escapes: "</script>" or "<!--" in a product's story stays text.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _size(photo, edge: int) -> tuple[int, int]:
    """A rendition's size: the photo fitted into edge × edge (as photos.clean_photo did)."""
    width, height = photo.width or edge, photo.height or edge
    scale = min(1, edge / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


@register.simple_tag
def rendition(photo, field: str = "small") -> dict:
    """``{% rendition photo "small" as img %}`` → url, width and height of that rendition."""
    file = getattr(photo, field, None) or photo.image
    width, height = _size(photo, SIZES[field])
    return {"url": file.url, "width": width, "height": height}


@register.simple_tag
def srcset(photo) -> str:
    """``small 320w, thumb 640w, image 1600w`` with each rendition's real width."""
    widths: dict[int, str] = {}
    for field, edge in reversed(SIZES.items()):
        file = getattr(photo, field, None)
        if file:
            # A small original makes equal renditions; a width may appear only once.
            widths.setdefault(_size(photo, edge)[0], file.url)
    return ", ".join(f"{url} {width}w" for width, url in widths.items())


@register.filter
def in_language(obj, field: str) -> str:
    """``{{ product|in_language:"story" }}``: the English text on English pages when there
    is one, else the Indonesian."""
    if get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field, "")


@register.filter
def ld_json(data) -> str:
    """JSON for a ``<script type="application/ld+json">`` block, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(JSON_ESCAPES))  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def absolute(context, url: str) -> str:
    """``{% absolute photo.thumb.url %}`` → ``https://host/media/…`` (for og:image)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag(takes_context=True)
def alternates(context) -> list[tuple[str, str]]:
    """(language, absolute URL) of this page in every language, for hreflang links."""
    request = context.get("request")
    if request is None:
        return []
    return [
        (code, request.build_absolute_uri(translate_url(request.path, code)))
        for code, _name in settings.LANGUAGES
    ]


@register.filter
def first_name(name: str) -> str:
    """The owner's first name only ("Ni Made Sari" → "Ni Made"): a short honorific such as
    "I" or "Ni" alone would name nobody."""
    parts = (name or "").split()
    return " ".join(parts[:2] if parts and len(parts[0]) <= 2 else parts[:1])


@register.filter
def business_url(business) -> str:
    return reverse("public:business", args=[business.slug])


@register.filter
def dimensions(product) -> str:
    """ "30 × 20 × 10 cm" from the sizes that are filled in ("" when none is)."""
    sizes = [v for v in (product.length_cm, product.width_cm, product.height_cm) if v]
    return " × ".join(formats.localize(int(v) if v == int(v) else v) for v in sizes) + (
        " cm" if sizes else ""
    )
