"""The public catalog (issue: catalog): search at 1,000,000 products, and the page's weight."""

from __future__ import annotations

import gzip
import random
import re
import statistics
import sys
import tempfile
import time
from decimal import Decimal

from bench import benchmark
from kriya.demo.national import COLORS, DENSE_PROVINCES

PRODUCTS = 1_000_000
BUSINESSES = 200_000  # five products each on average, as the demo's makers have 2–5
MISSPELT = [
    "endk",
    "tedng",
    "perk celuk",
    "anyamn bambu",
    "songkit",
    "gerabh",
    "kendng",
    "lukisn",
    "topng barong",
    "ukiran kayuu",
]


def log(message: str) -> None:
    print(f"bench.catalog: {message}", file=sys.stderr, flush=True)


def catalog_1m() -> None:
    """1,000,000 products of 200,000 businesses on the real 83,762 villages (Bali and Java
    dense, as in the register's data set), named by craft as the demo names them, 90%
    published; their search words written as services.index_text writes them, the FTS5
    index and the correction vocabulary (SearchTerm) filled. Synthetic names only."""
    from django.db import connection, transaction

    from kriya.catalog.models import SearchTerm
    from kriya.catalog.search import words
    from kriya.demo.catalog import CRAFTS
    from kriya.demo.national import STEMS, Maker, crafts, insert_products, place_words
    from kriya.demo.registry import GIVEN, SUFFIXES
    from kriya.lib.bulk import insert_rows
    from kriya.regions.services import load_regions
    from kriya.registry.categories import seed
    from kriya.registry.models import Business, CraftCategory

    start = time.perf_counter()
    load_regions()
    seed(CraftCategory)
    rng = random.Random(PRODUCTS)
    places = place_words()
    codes = list(places)
    weights = [8.0 if c.startswith(DENSE_PROVINCES) else 1.0 for c in codes]
    table = crafts()
    stems = [STEMS[slug] for slug in CRAFTS]
    names, makers = [], []
    for n, code in enumerate(rng.choices(codes, weights=weights, k=BUSINESSES)):
        craft = rng.randrange(len(table))
        name = f"{stems[craft]} {rng.choice(SUFFIXES)} {rng.choice(GIVEN)}"
        names.append(name)
        makers.append(Maker(n + 1, code, craft, " ".join(words(name)) + " " + places[code]))
    with transaction.atomic():
        insert_rows(
            Business,
            ["id", "name", "village_id"],
            ((m.business_id, names[n], m.village) for n, m in enumerate(makers)),
        )
        log(f"{BUSINESSES} businesses in {time.perf_counter() - start:.0f} s")
        # The shared generator (kriya/demo/national.py), product n of business n % N.
        insert_products(makers=makers, count=PRODUCTS)
        SearchTerm.objects.bulk_create(
            [
                SearchTerm(word=w)
                for text in places.values()
                for w in text.split()
                if 3 <= len(w) <= 40 and not w.isdigit()
            ],
            ignore_conflicts=True,
            batch_size=5000,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"built in {time.perf_counter() - start:.0f} s")


def search_queries(count: int = 200) -> list[str]:
    """What visitors type: a craft, a product word, a village, two words, a misspelling."""
    from kriya.demo.catalog import CRAFTS

    rng = random.Random(200)
    crafts = [
        "endek",
        "tenun",
        "songket",
        "perak",
        "ukir",
        "kayu",
        "anyaman",
        "bambu",
        "payung",
        "tedung",
        "topeng",
        "gerabah",
        "kendang",
        "lukisan",
        "rajut",
        "pandan",
        "ate",
        "batu paras",
        "janur",
    ]
    things = sorted(
        {
            w.lower()
            for craft in CRAFTS.values()
            for item in craft.items
            for w in item[0].split()
            if len(w) > 3
        }
    )
    villages = [
        "Getasan",
        "Mengwi",
        "Jagapati",
        "Angantaka",
        "Sedang",
        "Celuk",
        "Mas",
        "Batubulan",
        "Sidan",
        "Kasongan",
        "Jepara",
        "Tegallalang",
        "Ubud",
        "Sukawati",
        "Pejaten",
        "Tenganan",
        "Kotagede",
        "Tabanan",
        "Gianyar",
        "Badung",
    ]
    kinds = [
        lambda: rng.choice(crafts),
        lambda: rng.choice(things),
        lambda: rng.choice(villages),
        lambda: f"{rng.choice(crafts)} {rng.choice(villages)}",
        lambda: f"{rng.choice(things)} {rng.choice(COLORS).split()[0].lower()}",
        lambda: rng.choice(MISSPELT),
        lambda: rng.choice(crafts)[:3],  # typed half-way: a prefix
    ]
    return [rng.choice(kinds)() for _n in range(count)]


def _first_page(q: str) -> tuple[int, list]:
    """The catalog page's own answer for ``q``: at most 1,001 counted, the first 24 newest
    with their places and photos (kriya.public.catalog.results, as the view calls it)."""
    from kriya.public.catalog import results
    from kriya.public.views.gallery import published

    _search, page = results(published(), {"q": q}, {}, 1)
    return page.count, page.rows


def _first_page_naive(queryset) -> tuple[int, list]:
    """The same page from a plain queryset: count to 1,001, the first 24 newest."""
    from django.db.models import Prefetch

    from kriya.catalog.models import ProductPhoto

    ordered = (
        queryset.select_related("business__village__district__regency")
        .prefetch_related(Prefetch("photos", queryset=ProductPhoto.objects.order_by("order", "id")))
        .order_by("-id")
    )
    count = ordered.order_by()[:1001].count()
    return count, list(ordered[:24])


def _p95(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=20)[-1]


@benchmark("catalog_search_p95_ms", "catalog_search_vs_icontains", dataset="catalog_1m")
def catalog_search() -> dict[str, float]:
    """~200 realistic queries through the public search, and a sample of the same as a plain
    ``name__icontains`` filter per word (the naive way), each counting (to 1,001) and
    fetching the first page as the catalog page does."""
    from functools import reduce

    from django.db.models import Q

    from kriya.catalog.models import Product
    from kriya.catalog.search import query_words

    queries = search_queries()
    for q in queries[:20]:  # warm the page cache and the vocabulary once
        _first_page(q)
    ours, found = [], 0
    for q in queries:
        start = time.perf_counter()
        count, rows = _first_page(q)
        ours.append((time.perf_counter() - start) * 1000)
        found += bool(rows)
    # The naive way scans the whole table for every query (seconds each at 1,000,000 rows):
    # measured on every 10th query, as the register's baseline is measured on a slice.
    theirs = []
    for q in queries[::10]:
        condition = reduce(lambda a, b: a & b, [Q(name__icontains=w) for w in query_words(q)])
        start = time.perf_counter()
        _first_page_naive(Product.objects.published().filter(condition))
        theirs.append((time.perf_counter() - start) * 1000)
    return {
        "catalog_search_p95_ms": _p95(ours),
        "catalog_search_median_ms": statistics.median(ours),
        "catalog_search_vs_icontains": _p95(theirs) / _p95(ours),
        "catalog_icontains_p95_ms": _p95(theirs),
        "catalog_search_queries_with_results": found,
        "catalog_products": Product.objects.count(),
    }


@benchmark("catalog_page_kb", "catalog_page_gzip_kb", "catalog_page_other_hosts")
def catalog_page() -> dict[str, float]:
    """``/katalog/`` as served with DEBUG off and a full first page (24 products with
    photos): the HTML plus the CSS and JS it references, before images. The figure is the
    uncompressed size (conservative); gzip shows what whitenoise and the server send."""
    from django.test import override_settings
    from django.urls import NoReverseMatch, reverse

    from kriya.regions.services import load_regions

    try:
        url = reverse("public:catalog")
    except NoReverseMatch:
        log("the public catalog page (public:catalog) does not exist yet; skipped")
        return {}
    load_regions(only="51")
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        return _weigh_page(url)


def _weigh_page(url: str) -> dict[str, float]:
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.test import Client

    from kriya.catalog import services
    from kriya.catalog.models import Product
    from kriya.demo.catalog import CRAFTS, picture
    from kriya.regions.models import Village
    from kriya.registry.models import Business, CraftCategory

    village = Village.objects.get(code="51.03.04.2005")
    business = Business.objects.create(name="Tenun Endek Sari Mertha", village=village)
    slugs = list(CRAFTS)
    for n in range(30):
        slug = slugs[n % len(slugs)]
        item = CRAFTS[slug].items[n % len(CRAFTS[slug].items)]
        product = services.save_product(
            product=Product(business=business),
            by=None,
            name=item[0],
            name_en=item[1],
            category=CraftCategory.objects.get(slug=slug),
            price=Decimal(item[2] * 1000),
            description=CRAFTS[slug].description.format(village="Getasan"),
        )
        services.add_photo(product=product, upload=picture(item[0], CRAFTS[slug], seed=n))
        services.publish_product(product=product, by=None)
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    html = response.content
    assets = re.findall(rb'<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="([^"]+)"', html)
    other_hosts = [a for a in assets if re.match(rb"(https?:)?//", a)]
    texts = [html]
    for asset in assets:
        path = asset.decode().split("?")[0]
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            if found:
                with open(found, "rb") as file:
                    texts.append(file.read())
    return {
        "catalog_page_kb": sum(len(t) for t in texts) / 1024,
        "catalog_page_gzip_kb": sum(len(gzip.compress(t)) for t in texts) / 1024,
        "catalog_page_html_kb": len(html) / 1024,
        "catalog_page_assets": len(texts) - 1,
        "catalog_page_other_hosts": len(other_hosts),
    }
