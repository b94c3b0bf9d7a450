"""Writes to the catalog: products, their photos, their status, and the search words."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.accounts.models import User
from kriya.catalog.models import Product, ProductPhoto, ProductStatusChange, SearchTerm
from kriya.catalog.photos import clean_photo
from kriya.catalog.search import words
from kriya.lib.files import public_storage

MAX_PHOTOS = 8
PRODUCT_FIELDS = (
    "category",
    "name",
    "name_en",
    "description",
    "description_en",
    "story",
    "story_en",
    "materials",
    "local_material",
    "material_origin",
    "technique",
    "length_cm",
    "width_cm",
    "height_cm",
    "weight_g",
    "price",
    "price_max",
    "availability",
    "lead_time_days",
    "featured",
)


def index_text(product: Product) -> str:
    """The words the public search finds a product by: its names, craft, materials and
    technique, its business, and where it is made (village, district, regency)."""
    business = product.business
    village = business.village
    category = product.category
    parts = [
        product.name,
        product.name_en,
        category.name,
        category.name_en,
        product.materials,
        product.material_origin,
        product.technique,
        business.name,
        village.name,
        village.district.name,
        village.district.regency.name,
    ]
    if category.parent is not None:
        parts += [category.parent.name, category.parent.name_en]
    return " ".join(words(" ".join(p for p in parts if p)))


def remember_words(texts: Iterable[str]) -> None:
    """Add the words of ``texts`` to the vocabulary that corrects misspelt searches."""
    vocabulary = {
        w for text in texts for w in text.split() if 3 <= len(w) <= 40 and not w.isdigit()
    }
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=w) for w in sorted(vocabulary)], ignore_conflicts=True, batch_size=500
    )


@transaction.atomic
def save_product(*, product: Product, by: User | None, **values: object) -> Product:
    """Create or change a product (``values`` from PRODUCT_FIELDS, and ``business`` when
    new); checks the row's rules and keeps its search words current."""
    unknown = set(values) - set(PRODUCT_FIELDS) - {"business"}
    if unknown:
        raise TypeError(f"unknown product fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(product, name, value)
    product.full_clean(exclude=["search_text"])
    product.search_text = index_text(product)
    if product.pk:
        product.save(update_fields=[*values, "search_text", "updated_at"])
    else:
        product.save(force_insert=True)
    remember_words([product.search_text])
    return product


@transaction.atomic
def move_product(*, product: Product, status: str, by: User | None, note: str = "") -> Product:
    """Move ``product`` to ``status`` if the pipeline allows it, and log who did it.
    Publishing records the approver and the time."""
    locked = Product.objects.select_for_update().get(pk=product.pk)
    if locked.status == status:
        return locked
    if not locked.can_move_to(status):
        raise ValidationError(
            _("A product that is “%(old)s” cannot become “%(new)s”.")
            % {"old": locked.get_status_display(), "new": Product.Status(status).label}
        )
    if status == Product.Status.PUBLISHED and not locked.photos.exists():
        raise ValidationError(_("Add at least one photo before the product is published."))
    old = locked.status
    locked.status = status
    fields = ["status", "updated_at"]
    if status == Product.Status.PUBLISHED:
        locked.approved_by, locked.approved_at = by, timezone.now()
        fields += ["approved_by", "approved_at"]
    locked.save(update_fields=fields)
    if status == Product.Status.PUBLISHED:
        publish_photos(product=locked)
    elif old == Product.Status.PUBLISHED:
        unpublish_photos(product=locked)
    ProductStatusChange.objects.create(product=locked, old=old, new=status, by=by, note=note)
    return locked


@transaction.atomic
def publish_photos(*, product: Product) -> int:
    """Copy the photos of ``product`` (published) into public media, where anyone may fetch
    them, and mark them public; returns how many. The private original stays the master."""
    photos = list(product.photos.filter(public=False))
    public = public_storage()
    for photo in photos:
        for file in _files(photo):
            if not public.exists(file.name):
                with file.storage.open(file.name, "rb") as source:
                    public.save(file.name, source)
    ProductPhoto.objects.filter(pk__in=[p.pk for p in photos]).update(public=True)
    return len(photos)


@transaction.atomic
def unpublish_photos(*, product: Product) -> int:
    """Take the public copies of the photos of ``product`` (archived, sent back, a draft
    again) out of public media; from then on only the checking view serves them."""
    photos = list(product.photos.filter(public=True))
    ProductPhoto.objects.filter(pk__in=[p.pk for p in photos]).update(public=False)
    names = [file.name for photo in photos for file in _files(photo)]
    transaction.on_commit(lambda: _delete_public(names))
    return len(photos)


def _files(photo: ProductPhoto) -> list:
    return [file for file in (photo.image, photo.thumb, photo.small) if file]


def _delete_public(names: list[str]) -> None:
    public = public_storage()
    for name in names:
        public.delete(name)


def submit_product(*, product: Product, by: User | None) -> Product:
    """The maker asks the secretariat to publish ``product``."""
    return move_product(product=product, status=Product.Status.SUBMITTED, by=by)


def publish_product(*, product: Product, by: User | None) -> Product:
    """The secretariat approves ``product`` for the public gallery."""
    return move_product(product=product, status=Product.Status.PUBLISHED, by=by)


@transaction.atomic
def add_photo(*, product: Product, upload: IO[bytes], alt: str = "") -> ProductPhoto:
    """Check and store one photo (see ``photos.clean_photo``); it goes last in the order."""
    count = product.photos.count()
    if count >= MAX_PHOTOS:
        raise ValidationError(
            _("A product has at most %(n)s photos; remove one first.") % {"n": MAX_PHOTOS}
        )
    clean = clean_photo(upload, name=product.slug)
    photo = ProductPhoto(product=product, alt=alt[:200] or product.name, order=count)
    photo.image.save(clean.image.name, clean.image, save=False)
    photo.thumb.save(clean.thumb.name, clean.thumb, save=False)
    photo.small.save(clean.small.name, clean.small, save=False)
    photo.save(force_insert=True)
    if product.status == Product.Status.PUBLISHED:
        publish_photos(product=product)
        photo.public = True
    return photo


@transaction.atomic
def remove_photo(*, photo: ProductPhoto) -> None:
    """Delete a photo and its files; the others close up the order."""
    product = photo.product
    files = _files(photo)
    if photo.public:
        transaction.on_commit(lambda: _delete_public([f.name for f in files]))
    photo.delete()
    for file in files:
        transaction.on_commit(partial(file.storage.delete, file.name))
    _renumber(product.photos.order_by("order", "id"))


@transaction.atomic
def make_main_photo(*, photo: ProductPhoto) -> ProductPhoto:
    """Put ``photo`` first: the main photo in lists, shares and labels."""
    others = [p for p in photo.product.photos.order_by("order", "id") if p.pk != photo.pk]
    _renumber([photo, *others])
    return photo


def _renumber(photos: Iterable[ProductPhoto]) -> None:
    """Give ``photos`` the orders 0, 1, 2 … in the order given, saving only those that move."""
    for index, photo in enumerate(photos):
        if photo.order != index:
            photo.order = index
            photo.save(update_fields=["order"])
