import pytest

from kriya.catalog.models import Product
from kriya.catalog.search import query_words, search_products
from kriya.catalog.tests.factories import make_business, make_product


def found(q: str) -> list[str]:
    return sorted(p.name for p in search_products(Product.objects.published(), q).queryset)


@pytest.fixture
def gallery(db):
    sari = make_business(name="Tenun Ikat Sari")
    make_product(sari, "Kain Endek Tenun")
    make_product(sari, "Selendang Songket Emas", slug="songket")
    umbrellas = make_business("51.03.02.2009", name="Tedung Mengwi", owner="I Wayan Rai")
    make_product(umbrellas, "Tedung Agung Prada", slug="payung-upacara", price=1_250_000)
    make_product(umbrellas, "Payung Draft", slug="payung-upacara", publish=False)


def test_every_word_in_any_order_finds_the_product(gallery):
    assert found("tenun endek") == ["Kain Endek Tenun"]
    assert found("ENDEK   kain") == ["Kain Endek Tenun"]


def test_the_start_of_a_word_is_enough(gallery):
    assert found("end") == ["Kain Endek Tenun"]


def test_category_business_and_village_words_find_products(gallery):
    assert found("payung") == ["Tedung Agung Prada"]  # its craft family
    assert found("getasan") == ["Kain Endek Tenun", "Selendang Songket Emas"]  # the village


def test_a_misspelt_word_is_corrected(gallery):
    search = search_products(Product.objects.published(), "endk")
    assert [p.name for p in search.queryset] == ["Kain Endek Tenun"]
    assert search.corrected == "endek"


def test_drafts_are_never_found_publicly(gallery):
    assert found("draft") == []


@pytest.mark.parametrize(
    "q",
    [
        "' OR 1=1 --",
        '"tenun" NEAR(x)',
        "<script>alert(1)</script>",
        "tenun:* & ! endek",
        "x" * 500,
        "",
        "   ",
        "*",
        "AND OR NOT",
    ],
)
def test_any_typed_text_is_only_words(gallery, q):
    assert len(query_words(q)) <= 8
    assert all(w.isalnum() for w in query_words(q))
    found(q)  # no database error, whatever was typed


def test_a_word_alone_that_matches_nothing_finds_nothing(gallery):
    assert found("zzzzqqq") == []


def test_the_newest_first_walk_finds_what_the_plain_query_finds(gallery):
    from kriya.catalog import search as search_module

    base = Product.objects.published().order_by("-id")
    for q in ["tenun", "getasan", "payung", "e", "endk", "zzz"]:
        for narrowed in [base, base.filter(price__lte=900_000), base.in_region("51.03.02")]:
            search = search_products(narrowed, q)
            plain = list(search.queryset.values_list("id", flat=True))
            walked = search.newest_ids(search_module.WALK_WANT)
            if walked is not None:  # SQLite walks the index; PostgreSQL asks the plain query
                assert walked == plain, (q, str(narrowed.query))
