"""Products of member businesses, their photos, and the approval history behind the public
gallery ("UKM go digital")."""

from __future__ import annotations

from typing import Self

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.fields.files import ImageFieldFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kriya.lib.files import RandomName, private_url, public_storage
from kriya.lib.slugs import slug_with_id
from kriya.regions.scoping import RegionalModel, RegionalQuerySet
from kriya.registry.models import Business, CraftCategory


class ProductQuerySet(RegionalQuerySet["Product"]):
    def published(self) -> Self:
        """What the public may see: published, and its business still in the register."""
        return self.filter(status=Product.Status.PUBLISHED, business__merged_into__isnull=True)


class Product(RegionalModel):
    """A product of a member business, shown in the public gallery once approved."""

    admin_icon = "inventory_2"
    region_path = "business__village__code"

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("waiting for approval")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    NEXT = {
        Status.DRAFT: {Status.SUBMITTED, Status.PUBLISHED, Status.ARCHIVED},
        Status.SUBMITTED: {Status.PUBLISHED, Status.DRAFT, Status.ARCHIVED},
        # A published product its maker changes goes back to the approval queue.
        Status.PUBLISHED: {Status.SUBMITTED, Status.ARCHIVED, Status.DRAFT},
        Status.ARCHIVED: {Status.DRAFT},
    }

    class Availability(models.TextChoices):
        READY = "ready", _("ready stock")
        TO_ORDER = "to_order", _("made to order")

    business = models.ForeignKey(
        Business, on_delete=models.PROTECT, related_name="products", verbose_name=_("business")
    )
    category = models.ForeignKey(
        CraftCategory,
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("craft category"),
    )
    name = models.CharField(_("name"), max_length=150)
    name_en = models.CharField(_("name in English"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    story = models.TextField(
        _("story"), blank=True, help_text=_("Who made it, how, and what it means.")
    )
    story_en = models.TextField(_("story in English"), blank=True)
    materials = models.CharField(_("materials"), max_length=255, blank=True)
    local_material = models.BooleanField(_("local material"), default=False)
    material_origin = models.CharField(_("material origin"), max_length=150, blank=True)
    technique = models.CharField(_("technique"), max_length=150, blank=True)
    length_cm = models.DecimalField(
        _("length (cm)"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    width_cm = models.DecimalField(
        _("width (cm)"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    height_cm = models.DecimalField(
        _("height (cm)"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    weight_g = models.PositiveIntegerField(_("weight (g)"), null=True, blank=True)
    price = models.DecimalField(
        _("price (Rp)"),
        max_digits=14,
        decimal_places=0,
        validators=[MinValueValidator(0)],
        help_text=_("The price, or the lowest price of a range."),
    )
    price_max = models.DecimalField(
        _("highest price (Rp)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Only for a price range."),
    )
    availability = models.CharField(
        _("availability"), max_length=10, choices=Availability, default=Availability.READY
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"), null=True, blank=True, validators=[MaxValueValidator(365)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    # Words the public search looks in (name, category, business, village, materials ...),
    # written by services.index_text(); the search index (FTS5 / PostgreSQL) reads it.
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(price_max__isnull=True) | Q(price_max__gte=F("price")),
                name="product_price_range_ordered",
                violation_error_message=_("The highest price must not be below the price."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "category"]),
            models.Index(fields=["status", "price"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def slug(self) -> str:
        return slug_with_id(self.name, self.pk)

    def get_absolute_url(self) -> str:
        return reverse("public:product", args=[self.slug])

    @property
    def public_url(self) -> str:
        """Its page in the public catalog, or "" while it is not published."""
        return self.get_absolute_url() if self.status == self.Status.PUBLISHED else ""

    def can_move_to(self, status: str) -> bool:
        return status in self.NEXT.get(self.status, set())

    @property
    def is_range(self) -> bool:
        return self.price_max is not None and self.price_max > self.price


def photo_path(photo: ProductPhoto, filename: str) -> str:
    """The old, guessable names; kept because the first migrations name this function."""
    return f"products/{photo.product_id}/{filename}"


class ProductPhotoFile(ImageFieldFile):
    """A product photo's address: its copy in public media once the product is published
    (``services.publish_photos``), otherwise the checking view (kriya/views/files.py)."""

    @property
    def url(self) -> str:
        self._require_file()
        if self.instance.public:
            return public_storage().url(self.name)
        return private_url(self)


class ProductPhotoField(models.ImageField):
    attr_class = ProductPhotoFile


class ProductPhoto(RegionalModel):
    """One photo of a product, stored as a cleaned JPEG with its thumbnails. The first by
    ``order`` is the main photo."""

    region_path = "product__business__village__code"
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="photos", verbose_name=_("product")
    )
    # The files live in the private storage; while the product is published a copy of each
    # is in public media too, and ``public`` says so.
    image = ProductPhotoField(
        _("photo"), upload_to=RandomName("products"), width_field="width", height_field="height"
    )
    thumb = ProductPhotoField(_("thumbnail"), upload_to=RandomName("products"), blank=True)
    small = ProductPhotoField(_("small thumbnail"), upload_to=RandomName("products"), blank=True)
    public = models.BooleanField(_("in public media"), default=False, editable=False)
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    alt = models.CharField(_("description of the photo"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("product photo")
        verbose_name_plural = _("product photos")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.product} #{self.order + 1}"


class ProductStatusChange(RegionalModel):
    """Who moved a product from one status to another, and when (Oscar's status log)."""

    region_path = "product__business__village__code"
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="changes", verbose_name=_("product")
    )
    old = models.CharField(_("from"), max_length=10, choices=Product.Status)
    new = models.CharField(_("to"), max_length=10, choices=Product.Status)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("product status change")
        verbose_name_plural = _("product status changes")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_old_display()} → {self.get_new_display()}"


class SearchTerm(models.Model):
    """A word that occurs in the public catalog: the vocabulary that corrects a misspelt
    search ("endk" → "endek") on both databases."""

    word = models.CharField(max_length=40, primary_key=True)

    def __str__(self) -> str:
        return self.word


class ProductSearchIndex(models.Model):
    """The SQLite FTS5 table of the catalog (kriya/catalog/search.py), read-only, so that a
    search can walk it newest first with the ORM. Not a table on PostgreSQL; never used
    there."""

    id = models.BigIntegerField(primary_key=True, db_column="rowid")
    search_text = models.TextField()

    class Meta:
        managed = False
        db_table = "catalog_product_fts"

    def __str__(self) -> str:
        return self.search_text
