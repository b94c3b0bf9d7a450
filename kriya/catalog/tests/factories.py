"""Businesses, products and real image files for the catalog and public-gallery tests.
State is set up through the services, as the application does it."""

from __future__ import annotations

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kriya.catalog import services
from kriya.catalog.models import Product
from kriya.regions.models import Village
from kriya.registry.models import Artisan, Business, CraftCategory


def image_file(
    fmt: str = "JPEG",
    size: tuple[int, int] = (1200, 900),
    name: str = "",
    exif: bytes | None = None,
    color: str = "darkred",
) -> SimpleUploadedFile:
    """A real image file as a phone would upload it."""
    picture = Image.new("RGBA" if fmt == "PNG" else "RGB", size, color)
    out = io.BytesIO()
    kwargs = {"exif": exif} if exif else {}
    picture.save(out, fmt, **kwargs)
    ext = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}[fmt]
    return SimpleUploadedFile(name or f"foto.{ext}", out.getvalue(), content_type=f"image/{ext}")


def category(slug: str = "endek") -> CraftCategory:
    return CraftCategory.objects.get(slug=slug)


def make_business(
    village: Village | str = "51.03.04.2005",
    name: str = "Tenun Ikat Sari",
    owner: str = "Ni Made Sari",
    phone: str = "+6281234567890",
) -> Business:
    if isinstance(village, str):
        village = Village.objects.get(code=village)
    artisan = Artisan.objects.create(name=owner, village=village, sex="P")
    return Business.objects.create(name=name, owner=artisan, village=village, phone=phone)


def make_product(
    business: Business,
    name: str = "Kain Endek Tenun",
    price: int = 850_000,
    slug: str = "endek",
    publish: bool = True,
    photo: bool = True,
    by=None,
    **values,
) -> Product:
    product = services.save_product(
        product=Product(business=business),
        by=by,
        category=category(slug),
        name=name,
        price=Decimal(price),
        **values,
    )
    if photo:
        services.add_photo(product=product, upload=image_file())
    if publish:
        product = services.publish_product(product=product, by=by)
    return product
