"""The national data set (issue 7): a synthetic register on the real 83,762 villages.

One generator for ``generate_national`` and for the benchmarks' data sets (bench/registry.py,
bench/catalog.py): villages drawn with skew, artisans and their businesses, products with
their search words, all sent through ``kriya.lib.bulk.insert_rows`` in one transaction.
Names are assembled from word lists; no NIK, phone number or address is filled in, so no
row can describe a real person.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils.translation import gettext as _

from kriya.catalog.models import Product, SearchTerm
from kriya.catalog.search import FTS_TABLE, index_sql, words
from kriya.demo.catalog import CRAFTS
from kriya.demo.registry import GIVEN, SUFFIXES
from kriya.lib.bulk import insert_rows
from kriya.programs.models import Activity, ActivityKind, Participation
from kriya.regions.models import Council, Province, Regency, Village
from kriya.regions.scoping import REGENCY, code_of_level
from kriya.regions.services import create_council, load_regions
from kriya.registry.categories import seed as seed_categories
from kriya.registry.models import Artisan, Business, CraftCategory

DENSE_PROVINCES = ("51.", "33.", "34.", "35.")  # Bali and Central, Yogyakarta, East Java
DENSE_SHARE = 0.08  # of the other regencies, as dense as the craft provinces
SCALES = ("mikro", "mikro", "mikro", "kecil", "menengah")
COLORS = [
    "Merah",
    "Biru",
    "Hijau",
    "Kuning",
    "Emas",
    "Hitam",
    "Putih",
    "Ungu",
    "Cokelat",
    "Klasik",
    "Modern",
    "Mini",
    "Besar",
    "Premium",
    "Motif Bunga",
    "Motif Patra",
]
STATUSES = ["published"] * 18 + ["draft", "submitted"]  # 90% published
STEMS = {
    "endek": "Tenun Endek",
    "songket": "Songket",
    "payung-upacara": "Payung Tedung",
    "ukir-kayu": "Ukiran Kayu",
    "topeng": "Topeng",
    "mainan-kayu": "Mainan Kayu",
    "ukir-batu": "Batu Paras",
    "perak": "Perak",
    "anyaman-bambu": "Anyaman Bambu",
    "anyaman-ate": "Anyaman Ate",
    "anyaman-pandan": "Anyaman Pandan",
    "kendang": "Kendang",
    "gerabah-tanah-liat": "Gerabah",
    "lukisan": "Galeri Lukis",
    "janur": "Janur",
    "sesajen": "Sarana Upacara",
    "rajut": "Rajut",
}
FIRST = [
    "Wayan",
    "Made",
    "Nyoman",
    "Ketut",
    "Siti",
    "Dewi",
    "Agus",
    "Budi",
    "Rina",
    "Sri",
    "Eko",
    "Yuni",
    "Andi",
    "Nur",
    "Rahmat",
    "Lestari",
    "Putri",
    "Hendra",
    "Wahyu",
    "Ayu",
]
YEARS = range(2022, 2027)
ACTIVITY_EACH = 10  # businesses per activity of a council
PRODUCT_SHARE = 0.25  # businesses with products in the catalog
PRODUCTS_EACH = (1, 4)  # products of such a business, inclusive


@dataclass
class NationalReport:
    councils: int
    artisans: int
    businesses: int
    products: int
    activities: int
    participations: int


@dataclass(frozen=True)
class Maker:
    """What a product row needs of its business: id, village, craft, search words."""

    business_id: int
    village: str
    craft: int
    words: str


def skewed_villages(*, count: int, rng: random.Random) -> list[str]:
    """``count`` village codes drawn as real registers fall: the craft provinces and a few
    other regencies dense, and within every regency a heavy tail (a handful of craft villages
    hold most makers, most villages a few or none)."""

    regency_weight = {}
    for code in Regency.objects.order_by("code").values_list("code", flat=True):
        dense = code.startswith(DENSE_PROVINCES) or rng.random() < DENSE_SHARE
        regency_weight[code] = (8.0 if dense else 1.0) * rng.lognormvariate(0, 0.5)
    codes, weights = [], []
    for code in Village.objects.order_by("code").values_list("code", flat=True):
        codes.append(code)
        weights.append(regency_weight[code_of_level(code, REGENCY)] * rng.paretovariate(1.2))
    return rng.choices(codes, weights=weights, k=count)


def insert_register(
    *,
    villages: Sequence[str],
    categories: Sequence[int],
    rng: random.Random,
    artisan_name: Callable[[int], str],
    business_name: Callable[[int], str],
) -> int:
    """Insert one artisan and the business they own per village code, ids 1…n (owner n owns
    business n, in the same village), each business in ``categories[n]``. Call inside a
    transaction on an empty register."""

    count = len(villages)
    insert_rows(
        Artisan,
        ["id", "name", "village_id", "sex"],
        ((n + 1, artisan_name(n), villages[n], "LP"[n % 2]) for n in range(count)),
    )
    insert_rows(
        Business,
        ["id", "name", "village_id", "owner_id", "scale", "yearly_turnover"],
        (
            (
                n + 1,
                business_name(n),
                villages[n],
                n + 1,
                SCALES[n % 5],
                rng.randrange(10, 3000) * 1_000_000,
            )
            for n in range(count)
        ),
    )
    insert_rows(
        Business.categories.through,
        ["business_id", "craftcategory_id"],
        ((n + 1, categories[n]) for n in range(count)),
    )
    return count


def crafts() -> list[tuple[int, object, str]]:
    """(category id, demo Craft, search words of the category) for every craft the demo
    catalog knows, in a fixed order."""

    categories = {c.slug: c for c in CraftCategory.objects.select_related("parent")}
    rows = []
    for slug, craft in CRAFTS.items():
        category = categories[slug]
        text = " ".join(
            filter(
                None,
                [
                    category.name,
                    category.name_en,
                    craft.materials,
                    craft.origin,
                    craft.technique,
                    category.parent.name,
                    category.parent.name_en,
                ],
            )
        )
        rows.append((category.pk, craft, " ".join(words(text))))
    return rows


def place_words() -> dict[str, str]:
    """Search words of every village: its name, its district's and its regency's."""

    return {
        code: " ".join(words(f"{name} {district} {regency}"))
        for code, name, district, regency in Village.objects.values_list(
            "code", "name", "district__name", "district__regency__name"
        )
    }


def insert_products(*, makers: Sequence[Maker], count: int | None = None, first_id: int = 1) -> int:
    """Insert products of ``makers``: ``count`` of them round-robin over the makers, or when
    ``count`` is None one to four per maker as its id decides. Named by craft as the demo
    catalog names them, 90% published, with the search words ``services.index_text`` writes
    and the search index (SQLite FTS5 rebuilt once after the load; PostgreSQL's GIN index
    kept by the database) and the correction vocabulary filled. Call inside a transaction."""

    table = crafts()
    if count is None:
        low, high = PRODUCTS_EACH
        plan = [m for m in makers for _ in range(low + m.business_id % (high - low + 1))]
    else:
        plan = [makers[n % len(makers)] for n in range(count)]
    vocabulary: set[str] = set()

    def rows() -> Iterator[tuple]:
        for n, maker in enumerate(plan):
            category, craft, craft_words = table[maker.craft]
            item, item_en, thousands = craft.items[n % len(craft.items)]
            name = f"{item} {COLORS[(n // len(craft.items)) % len(COLORS)]}"
            text = " ".join(words(f"{name} {item_en}")) + f" {craft_words} {maker.words}"
            if n % 50 == 0:
                vocabulary.update(text.split())
            yield (
                first_id + n,
                maker.business_id,
                category,
                name,
                item_en,
                thousands * 1000 + (n % 40) * 5000,
                STATUSES[n % len(STATUSES)],
                text,
                craft.materials,
                craft.local,
            )

    fields = [
        "id",
        "business_id",
        "category_id",
        "name",
        "name_en",
        "price",
        "status",
        "search_text",
        "materials",
        "local_material",
    ]
    sqlite = connection.vendor == "sqlite"
    if sqlite:  # measured: a bulk insert then one rebuild is ~3× faster than the trigger
        create, _drop = index_sql("sqlite")
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER catalog_product_fts_ai")
    insert_rows(Product, fields, rows())
    if sqlite:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            cursor.execute(next(sql for sql in create if "fts_ai" in sql))
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=w) for w in sorted(vocabulary) if 3 <= len(w) <= 40 and not w.isdigit()],
        ignore_conflicts=True,
        batch_size=5000,
    )
    return len(plan)


def day(rng: random.Random) -> dt.date:
    return dt.date(rng.choice(YEARS), 1, 1) + dt.timedelta(days=rng.randrange(365))


def insert_activities(
    *, councils: Sequence[int], categories: Sequence[int], count: int, rng: random.Random
) -> list[tuple]:
    """Insert ``count`` activities (ids 1…count) of councils drawn from ``councils``, every
    kind in turn, over five years; returns their rows (id, council, kind, title, category,
    starts_on, ends_on). Call inside a transaction."""

    kinds = list(ActivityKind)
    activities = []
    for n in range(count):
        start = day(rng)
        activities.append(
            (
                n + 1,
                rng.choice(councils),
                kinds[n % len(kinds)],
                f"Kegiatan {n:06d}",
                rng.choice(categories),
                start,
                start + dt.timedelta(days=rng.randrange(4)),
            )
        )
    insert_rows(
        Activity,
        ["id", "council_id", "kind", "title", "category_id", "starts_on", "ends_on"],
        activities,
    )
    return activities


def insert_participations(
    *, activities: Sequence[tuple], villages: Sequence[str | None], count: int, rng: random.Random
) -> int:
    """Insert ``count`` participations: an activity and a business 1…n drawn at random (so
    dense regions stay dense), 70% attended; competency tests take the business's owner
    (artisan n owns business n) and pass 80% of those who came. ``villages[n]`` is business
    n's village (index 0 unused). Call inside a transaction."""

    competency = {a[0] for a in activities if a[2] == ActivityKind.COMPETENCY}
    starts = [None] + [a[5] for a in activities]
    businesses = len(villages) - 1

    def rows() -> Iterator[tuple]:
        for _row in range(count):
            activity = rng.randrange(1, len(activities) + 1)
            business = rng.randrange(1, businesses + 1)
            attended = rng.random() < 0.7
            if activity in competency:
                yield (
                    activity,
                    None,
                    business,
                    "attended" if attended else "absent",
                    attended and rng.random() < 0.8,
                    villages[business],
                    starts[activity],
                )
            else:
                yield (
                    activity,
                    business,
                    None,
                    "attended" if attended else "registered",
                    None,
                    villages[business],
                    starts[activity],
                )

    # On SQLite the indexes are built once after the load, not kept up row by row.
    indexes = []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                "tbl_name = 'programs_participation' AND sql IS NOT NULL"
            )
            indexes = cursor.fetchall()
            for name, _sql in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
    insert_rows(
        Participation,
        ["activity_id", "business_id", "artisan_id", "status", "passed", "region_code", "held_on"],
        rows(),
        batch_size=50_000,
    )
    with connection.cursor() as cursor:
        for _name, sql in indexes:
            cursor.execute(sql)
    return count


def realistic_names(
    *, count: int, rng: random.Random, craft_of: Sequence[int]
) -> tuple[list[str], list[str]]:
    """Artisan and business names as the demo writes them ("Wayan Sudarsana", "Tenun Endek
    Sari Mertha"), assembled from word lists, so none belongs to a real person's record."""

    stems = [STEMS[slug] for slug in CRAFTS]
    people = [f"{rng.choice(FIRST)} {rng.choice(GIVEN)}" for _ in range(count)]
    shops = [
        f"{stems[craft_of[n]]} {rng.choice(SUFFIXES)} {people[n].split()[1]}" for n in range(count)
    ]
    return people, shops


def reset_sequences() -> None:
    """Move PostgreSQL's id sequences past the ids given explicitly (SQLite needs nothing)."""

    models = [Artisan, Business, Business.categories.through, Product, Activity, Participation]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


@transaction.atomic
def generate_national(*, businesses: int, seed: int = 1) -> NationalReport:
    """Build the national data set: a council for every province and regency, ``businesses``
    artisans with their businesses spread by village with skew, products for a quarter of
    the businesses, and five years of the councils' activities with one participation per
    business on average. The same seed gives the same rows; refuses a non-empty register."""

    if businesses < 1:
        raise ValidationError(_("The number of businesses must be at least 1."))
    if (
        Artisan.objects.exists()
        or Business.objects.exists()
        or Product.objects.exists()
        or Activity.objects.exists()
    ):
        raise ValidationError(
            _(
                "The register already holds artisans, businesses or products; "
                "generate the national data set into an empty database."
            )
        )
    if not Regency.objects.exists():
        load_regions()
    seed_categories(CraftCategory)
    councils = [
        create_council(code=code).pk
        for code in [
            *Province.objects.order_by("code").values_list("code", flat=True),
            *Regency.objects.order_by("code").values_list("code", flat=True),
        ]
    ]
    rng = random.Random(seed)
    villages = skewed_villages(count=businesses, rng=rng)
    table = crafts()
    craft_of = [rng.randrange(len(table)) for _ in range(businesses)]
    people, shops = realistic_names(count=businesses, rng=rng, craft_of=craft_of)
    insert_register(
        villages=villages,
        categories=[table[c][0] for c in craft_of],
        rng=rng,
        artisan_name=people.__getitem__,
        business_name=shops.__getitem__,
    )
    places = place_words()
    makers = [
        Maker(
            n + 1, villages[n], craft_of[n], " ".join(words(shops[n])) + " " + places[villages[n]]
        )
        for n in rng.sample(range(businesses), round(businesses * PRODUCT_SHARE))
    ]
    makers.sort(key=lambda maker: maker.business_id)
    products = insert_products(makers=makers)
    activities = insert_activities(
        councils=councils,
        categories=[t[0] for t in table],
        count=max(1, businesses // ACTIVITY_EACH),
        rng=rng,
    )
    participations = insert_participations(
        activities=activities, villages=[None, *villages], count=businesses, rng=rng
    )
    reset_sequences()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return NationalReport(
        councils=Council.objects.count(),
        artisans=businesses,
        businesses=businesses,
        products=products,
        activities=len(activities),
        participations=participations,
    )
