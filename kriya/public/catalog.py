"""The public catalog's query: the filter form (what a visitor may ask for), the filters
applied to the published products, and a page that never counts past 1,000 matches."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from kriya.catalog.models import ProductPhoto
from kriya.catalog.search import Search, search_products
from kriya.lib.forms import RupiahField
from kriya.regions.models import Province, Regency, Village
from kriya.regions.scoping import PROVINCE, REGENCY, VILLAGE, code_of_level, level_of
from kriya.registry.models import CraftCategory

PER_PAGE = 24
COUNT_CAP = 1000  # beyond this the page says "1.000+": an exact count of a million rows
MAX_PAGE = 10_000  # costs a full scan on every page, and nobody pages that far.
MAX_QUERY = 200
SORTS = {
    "baru": ("-id",),
    "harga": ("price", "-id"),
    "harga-turun": ("-price", "-id"),
    "nama": ("name", "id"),
}


def category_choices(categories: list[CraftCategory], english: bool) -> list:
    """Families as option groups: "all of Tenun" first, then each of its crafts."""
    label = (lambda c: c.name_en or c.name) if english else (lambda c: c.name)
    families = [c for c in categories if not c.parent_id]
    choices: list = [("", _("All crafts"))]
    for family in families:
        children = [(c.slug, label(c)) for c in categories if c.parent_id == family.pk]
        everything = _("All of %(family)s") % {"family": label(family)}
        choices.append((label(family), [(family.slug, everything), *children]))
    return choices


class CatalogForm(forms.Form):
    """The catalog's filters, all optional; a value that does not fit is ignored and said."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Endek, silver ring, bamboo …")}
        ),
    )
    kategori = forms.ChoiceField(label=_("Craft"), required=False)
    provinsi = forms.ChoiceField(label=_("Province"), required=False)
    kabupaten = forms.ChoiceField(label=_("Regency/city"), required=False)
    desa = forms.CharField(required=False, widget=forms.HiddenInput, max_length=20)
    harga_min = RupiahField(
        label=_("Lowest price"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "Rp 100.000"}),
    )
    harga_maks = RupiahField(
        label=_("Highest price"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "1,5 jt"}),
    )
    lokal = forms.BooleanField(label=_("Local materials only"), required=False)
    urut = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("baru", _("Newest")),
            ("harga", _("Price: low to high")),
            ("harga-turun", _("Price: high to low")),
            ("nama", _("Name")),
        ],
    )

    def __init__(self, data, *, categories: list[CraftCategory], english: bool = False):
        super().__init__(data)
        self.categories = {c.slug: c for c in categories}
        self.fields["kategori"].choices = category_choices(categories, english)
        self.fields["provinsi"].choices = [("", _("All provinces"))] + [
            (p.code, p.name) for p in Province.objects.filter(is_active=True).order_by("name")
        ]
        regency = str(data.get("kabupaten", ""))
        province = str(data.get("provinsi", "")) or code_of_level(regency, PROVINCE)
        if level_of(regency) == REGENCY and not data.get("provinsi"):
            self.data = data.copy()
            self.data["provinsi"] = province
        elif regency and not regency.startswith(province + "."):
            # The province was changed: its old regency no longer applies.
            self.data = data.copy()
            self.data["kabupaten"] = ""
        self.province = province if level_of(province) == PROVINCE else ""
        regencies = (
            Regency.objects.filter(province_id=self.province, is_active=True)
            if self.province
            else []
        )
        self.fields["kabupaten"].choices = [("", _("All regencies/cities"))] + [
            (r.code, r.name) for r in regencies
        ]

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY]

    def clean_desa(self) -> Village | None:
        code = self.cleaned_data["desa"].strip()
        if not code:
            return None
        village = (
            Village.objects.filter(code=code).select_related("district__regency").first()
            if level_of(code) == VILLAGE
            else None
        )
        if village is None:
            raise ValidationError(
                _("There is no village with the code “%(code)s”."), params={"code": code[:20]}
            )
        return village

    def clean(self):
        data = super().clean()
        low, high = data.get("harga_min"), data.get("harga_maks")
        if low is not None and high is not None and low > high:
            self.add_error("harga_maks", _("The highest price is below the lowest price."))
        return data

    def filters(self) -> dict:
        """The valid filters only: a bad value in one box never empties the whole catalog."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "", False)
        }


def apply_filters(products: QuerySet, filters: dict, categories: dict) -> QuerySet:
    """``products`` narrowed by the valid filters of a :class:`CatalogForm`."""
    category = categories.get(filters.get("kategori"))
    if category:
        family = [c.pk for c in categories.values() if c.parent_id == category.pk]
        products = products.filter(category_id__in=[category.pk, *family])
    region = filters.get("kabupaten") or filters.get("provinsi")
    if filters.get("desa"):
        products = products.filter(business__village=filters["desa"])
    elif region:
        products = products.in_region(region)
    if filters.get("harga_min") is not None:
        products = products.filter(price__gte=filters["harga_min"])
    if filters.get("harga_maks") is not None:
        products = products.filter(price__lte=filters["harga_maks"])
    if filters.get("lokal"):
        products = products.filter(local_material=True)
    return products.order_by(*SORTS.get(filters.get("urut"), SORTS["baru"]))


@dataclass
class CappedPage:
    """One page of results and what is known of the others, without an exact big count."""

    rows: list
    number: int
    count: int  # at most COUNT_CAP + 1
    per_page: int = PER_PAGE

    @property
    def capped(self) -> bool:
        return self.count > COUNT_CAP

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number * self.per_page < self.count or (
            self.capped and len(self.rows) == self.per_page
        )

    @property
    def num_pages(self) -> int | None:
        return None if self.capped else max(1, -(-self.count // self.per_page))

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    def __iter__(self):
        return iter(self.rows)


def page_number(value: str | None) -> int:
    """The page asked for; 1 for anything that is not a sensible page number."""
    text = (value or "").strip()
    return int(text) if text.isdigit() and 0 < int(text) <= MAX_PAGE else 1


def with_cards(products: QuerySet) -> QuerySet:
    """What a product card shows: its village (and regency) and its photos in order."""
    photos = ProductPhoto.objects.public().order_by("order", "id")
    return products.select_related("business__village__district__regency").prefetch_related(
        Prefetch("photos", queryset=photos)
    )


def results(
    products: QuerySet, filters: dict, categories: dict, number: int
) -> tuple[Search, CappedPage]:
    """The catalog's answer: ``products`` filtered, searched and sorted, and page ``number``
    of cards. Newest-first searches read their page from the index walk (search.py)."""
    search = search_products(apply_filters(products, filters, categories), filters.get("q", ""))
    ids = search.newest_ids(COUNT_CAP + 1)
    if ids is None:
        return search, capped_page(with_cards(search.queryset), number)
    start = (number - 1) * PER_PAGE
    shown = ids[start : start + PER_PAGE]
    rows = list(with_cards(search.base).filter(id__in=shown)) if shown else []
    return search, CappedPage(rows=rows, number=number, count=len(ids))


def capped_page(products: QuerySet, number: int) -> CappedPage:
    """Rows of page ``number`` (an ordered queryset), counting at most COUNT_CAP + 1 matches."""
    count = products.order_by()[: COUNT_CAP + 1].count()
    start = (number - 1) * PER_PAGE
    rows = list(products[start : start + PER_PAGE]) if start < count or count > COUNT_CAP else []
    return CappedPage(rows=rows, number=number, count=count)
