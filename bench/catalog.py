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

PRODUCTS = 1_000_000
BUSINESSES = 200_000  # five products each on average, as the demo's makers have 2–5
COLORS = ["Merah", "Biru", "Hijau", "Kuning", "Emas", "Hitam", "Putih", "Ungu", "Cokelat",
          "Klasik", "Modern", "Mini", "Besar", "Premium", "Motif Bunga", "Motif Patra"]
STATUSES = ["published"] * 18 + ["draft", "submitted"]  # 90% published
STEMS = {"endek": "Tenun Endek", "songket": "Songket", "payung-upacara": "Payung Tedung",
         "ukir-kayu": "Ukiran Kayu", "topeng": "Topeng", "mainan-kayu": "Mainan Kayu",
         "ukir-batu": "Batu Paras", "perak": "Perak", "anyaman-bambu": "Anyaman Bambu",
         "anyaman-ate": "Anyaman Ate", "anyaman-pandan": "Anyaman Pandan", "kendang": "Kendang",
         "gerabah-tanah-liat": "Gerabah", "lukisan": "Galeri Lukis", "janur": "Janur",
         "sesajen": "Sarana Upacara", "rajut": "Rajut"}
MISSPELT = ["endk", "tedng", "perk celuk", "anyamn bambu", "songkit", "gerabh", "kendng",
            "lukisn", "topng barong", "ukiran kayuu"]


def log(message: str) -> None:
    print(f"bench.catalog: {message}", file=sys.stderr, flush=True)


def catalog_1m() -> None:
    """1,000,000 products of 200,000 businesses on the real 83,762 villages (Bali and Java
    dense, as in the register's data set), named by craft as the demo names them, 90%
    published; their search words written as services.index_text writes them, the FTS5
    index and the correction vocabulary (SearchTerm) filled. Synthetic names only."""
    from django.db import connection, transaction

    from kriya.catalog.demo import CRAFTS
    from kriya.catalog.models import Product, SearchTerm
    from kriya.catalog.search import FTS_TABLE, index_sql, words
    from kriya.lib.bulk import insert_rows
    from kriya.regions.models import Village
    from kriya.regions.services import load_regions
    from kriya.registry.categories import seed
    from kriya.registry.demo import GIVEN, SUFFIXES
    from kriya.registry.models import Business, CraftCategory

    start = time.perf_counter()
    load_regions()
    seed(CraftCategory)
    rng = random.Random(PRODUCTS)
    places = {code: " ".join(words(f"{name} {district} {regency}")) for code, name, district,
              regency in Village.objects.values_list("code", "name", "district__name",
                                                     "district__regency__name")}
    codes = list(places)
    weights = [8.0 if c.startswith(("51.", "33.", "34.", "35.")) else 1.0 for c in codes]
    categories = {c.slug: c for c in CraftCategory.objects.select_related("parent")}
    crafts = [(categories[slug].pk, craft, " ".join(words(" ".join(filter(None, [
        categories[slug].name, categories[slug].name_en, craft.materials, craft.origin,
        craft.technique, categories[slug].parent.name, categories[slug].parent.name_en])))))
        for slug, craft in CRAFTS.items()]
    stems = [STEMS[slug] for slug in CRAFTS]
    owners = []  # per business: (village code, craft index, name, words of name and place)
    for code in rng.choices(codes, weights=weights, k=BUSINESSES):
        craft = rng.randrange(len(crafts))
        name = f"{stems[craft]} {rng.choice(SUFFIXES)} {rng.choice(GIVEN)}"
        owners.append((code, craft, name, " ".join(words(name)) + " " + places[code]))
    vocabulary: set[str] = set()

    def product_rows(first: int, last: int):
        for n in range(first, last):
            business = n % BUSINESSES
            code, craft_index, _name, business_words = owners[business]
            category, craft, craft_words = crafts[craft_index]
            item, item_en, thousands = craft.items[n % len(craft.items)]
            name = f"{item} {COLORS[(n // len(craft.items)) % len(COLORS)]}"
            text = " ".join(words(f"{name} {item_en}")) + f" {craft_words} {business_words}"
            if n % 50 == 0:
                vocabulary.update(text.split())
            price = thousands * 1000 + (n % 40) * 5000
            yield (n + 1, business + 1, category, name, item_en, price,
                   STATUSES[n % len(STATUSES)], text, craft.materials, craft.local)

    fields = ["id", "business_id", "category_id", "name", "name_en", "price", "status",
              "search_text", "materials", "local_material"]
    with transaction.atomic():
        insert_rows(Business, ["id", "name", "village_id"],
                    ((n + 1, owners[n][2], owners[n][0]) for n in range(BUSINESSES)))
        log(f"{BUSINESSES} businesses in {time.perf_counter() - start:.0f} s")
        # Measured both ways on the first 50,000 rows, then the faster for the rest: FTS5
        # filled row by row by the insert trigger, or bulk inserted and rebuilt once.
        step = time.perf_counter()
        insert_rows(Product, fields, product_rows(0, 50_000))
        by_trigger = (time.perf_counter() - step) / 50_000
        create, _drop = index_sql("sqlite")
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER catalog_product_fts_ai")
        step = time.perf_counter()
        insert_rows(Product, fields, product_rows(50_000, PRODUCTS))
        inserted = time.perf_counter() - step
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            cursor.execute(next(sql for sql in create if "fts_ai" in sql))
        rebuilt = (time.perf_counter() - step) / (PRODUCTS - 50_000)
        log(f"per row: {by_trigger * 1e6:.0f} µs with the trigger, {rebuilt * 1e6:.0f} µs "
            f"inserted then rebuilt (insert alone {inserted:.0f} s)")
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=w) for w in sorted(vocabulary) if 3 <= len(w) <= 40
             and not w.isdigit()], ignore_conflicts=True, batch_size=5000)
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=w) for text in places.values() for w in text.split()
             if 3 <= len(w) <= 40 and not w.isdigit()], ignore_conflicts=True, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"built in {time.perf_counter() - start:.0f} s")


def search_queries(count: int = 200) -> list[str]:
    """What visitors type: a craft, a product word, a village, two words, a misspelling."""
    from kriya.catalog.demo import CRAFTS

    rng = random.Random(200)
    crafts = ["endek", "tenun", "songket", "perak", "ukir", "kayu", "anyaman", "bambu",
              "payung", "tedung", "topeng", "gerabah", "kendang", "lukisan", "rajut",
              "pandan", "ate", "batu paras", "janur"]
    things = sorted({w.lower() for craft in CRAFTS.values() for item in craft.items
                     for w in item[0].split() if len(w) > 3})
    villages = ["Getasan", "Mengwi", "Jagapati", "Angantaka", "Sedang", "Celuk", "Mas",
                "Batubulan", "Sidan", "Kasongan", "Jepara", "Tegallalang", "Ubud", "Sukawati",
                "Pejaten", "Tenganan", "Kotagede", "Tabanan", "Gianyar", "Badung"]
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
    from kriya.public.views import published

    _search, page = results(published(), {"q": q}, {}, 1)
    return page.count, page.rows


def _first_page_naive(queryset) -> tuple[int, list]:
    """The same page from a plain queryset: count to 1,001, the first 24 newest."""
    from django.db.models import Prefetch

    from kriya.catalog.models import ProductPhoto

    ordered = queryset.select_related("business__village__district__regency").prefetch_related(
        Prefetch("photos", queryset=ProductPhoto.objects.order_by("order", "id"))
    ).order_by("-id")
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
    return {"catalog_search_p95_ms": _p95(ours),
            "catalog_search_median_ms": statistics.median(ours),
            "catalog_search_vs_icontains": _p95(theirs) / _p95(ours),
            "catalog_icontains_p95_ms": _p95(theirs),
            "catalog_search_queries_with_results": found,
            "catalog_products": Product.objects.count()}


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
    from kriya.catalog.demo import CRAFTS, picture
    from kriya.catalog.models import Product
    from kriya.regions.models import Village
    from kriya.registry.models import Business, CraftCategory

    village = Village.objects.get(code="51.03.04.2005")
    business = Business.objects.create(name="Tenun Endek Sari Mertha", village=village)
    slugs = list(CRAFTS)
    for n in range(30):
        slug = slugs[n % len(slugs)]
        item = CRAFTS[slug].items[n % len(CRAFTS[slug].items)]
        product = services.save_product(
            product=Product(business=business), by=None, name=item[0], name_en=item[1],
            category=CraftCategory.objects.get(slug=slug), price=Decimal(item[2] * 1000),
            description=CRAFTS[slug].description.format(village="Getasan"))
        services.add_photo(product=product, upload=picture(item[0], CRAFTS[slug], seed=n))
        services.publish_product(product=product, by=None)
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    html = response.content
    assets = re.findall(rb'<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="([^"]+)"',
                        html)
    other_hosts = [a for a in assets if re.match(rb"(https?:)?//", a)]
    texts = [html]
    for asset in assets:
        path = asset.decode().split("?")[0]
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            if found:
                with open(found, "rb") as file:
                    texts.append(file.read())
    return {"catalog_page_kb": sum(len(t) for t in texts) / 1024,
            "catalog_page_gzip_kb": sum(len(gzip.compress(t)) for t in texts) / 1024,
            "catalog_page_html_kb": len(html) / 1024,
            "catalog_page_assets": len(texts) - 1,
            "catalog_page_other_hosts": len(other_hosts)}
