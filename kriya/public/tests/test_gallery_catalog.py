"""The public catalog /katalog/: search, every filter and sort, htmx, pages, bad input."""

import re

import pytest

from kriya.catalog.tests.factories import make_business, make_product
from kriya.lib.money import parse_rupiah
from kriya.public import catalog
from kriya.regions.models import Village
from kriya.registry.models import VillageIcon


@pytest.fixture
def gallery(db, settings, tmp_path):
    """Two Badung businesses, one in Gianyar and one in Central Java; one draft."""
    settings.MEDIA_ROOT = tmp_path
    sari = make_business(
        "51.03.04.2005", name="Tenun Ikat Sari", owner="Ni Made Sari", phone="+62 812-3456-7890"
    )
    tedung = make_business(
        "51.03.02.2009", name="Tedung Mengwi", owner="I Wayan Rai", phone="0813 1111 2222"
    )
    gianyar = make_business(
        Village.objects.filter(code__startswith="51.04.").first(),
        name="Perak Celuk",
        owner="Made Suarta",
    )
    java = make_business(
        Village.objects.filter(code__startswith="33.").first(),
        name="Batik Pekalongan Jaya",
        owner="Siti Aminah",
    )
    products = {
        "endek": make_product(
            sari,
            "Kain Endek Tenun",
            850_000,
            slug="endek",
            local_material=True,
            name_en="Endek Woven Cloth",
            description="Kain endek tenun tangan.",
            description_en="Hand-woven endek cloth.",
            story="Ditenun oleh ibu-ibu Getasan.",
            story_en="Woven by the women of Getasan.",
            materials="benang katun",
            material_origin="Klungkung",
            technique="ikat pakan",
            length_cm=200,
            width_cm=110,
            weight_g=450,
        ),
        "songket": make_product(
            sari, "Selendang Songket Emas", 1_250_000, slug="songket", price_max=2_000_000
        ),
        "tedung": make_product(
            tedung,
            "Tedung Agung Prada",
            400_000,
            slug="payung-upacara",
            availability="to_order",
            lead_time_days=14,
        ),
        "ring": make_product(
            gianyar, "Cincin Perak Ukir", 250_000, slug="perak", local_material=True
        ),
        "batik": make_product(java, "Batik Tulis Jlamprang", 600_000, slug="batik-tulis"),
        "draft": make_product(
            tedung, "Payung Draft Rahasia", 100_000, slug="payung-upacara", publish=False
        ),
    }
    VillageIcon.objects.create(
        village_id="51.03.04.2005", category=products["endek"].category, title="Kain endek Getasan"
    )
    return products


def names(response) -> list[str]:
    return re.findall(r"<h3>([^<]+)</h3>", response.text)


def test_the_catalog_lists_published_products_newest_first(client, gallery):
    response = client.get("/katalog/")
    assert names(response) == [
        "Batik Tulis Jlamprang",
        "Cincin Perak Ukir",
        "Tedung Agung Prada",
        "Selendang Songket Emas",
        "Kain Endek Tenun",
    ]
    assert "Payung Draft Rahasia" not in response.text


def test_a_card_shows_photo_price_range_business_and_village(client, gallery):
    text = client.get("/katalog/").text
    card = text[
        text.index("Selendang Songket Emas") - 600 : text.index("Selendang Songket Emas") + 400
    ]
    assert re.search(
        r'<img src="/media/products/[^"]+\.jpg" width="320" '
        r'height="240" alt="[^"]+" loading="lazy"',
        card,
    )
    assert "Rp 1.250.000 – Rp 2.000.000" in card
    assert "Tenun Ikat Sari" in card and "Desa Getasan" in card


def test_search_finds_by_words_in_any_order(client, gallery):
    assert names(client.get("/katalog/", {"q": "tenun endek"})) == ["Kain Endek Tenun"]
    assert names(client.get("/katalog/", {"q": "mengwi"})) == ["Tedung Agung Prada"]


def test_a_misspelt_search_says_what_it_shows_instead(client, gallery):
    response = client.get("/en/katalog/", {"q": "endk"})
    assert names(response) == ["Endek Woven Cloth"]
    assert "Showing results for <strong>endek</strong>" in response.text


def test_a_craft_family_includes_its_crafts(client, gallery):
    assert names(client.get("/katalog/", {"kategori": "endek"})) == ["Kain Endek Tenun"]
    assert names(client.get("/katalog/", {"kategori": "tenun"})) == [
        "Selendang Songket Emas",
        "Kain Endek Tenun",
    ]


def test_province_regency_and_village_filters(client, gallery):
    assert set(names(client.get("/katalog/", {"provinsi": "51"}))) == {
        "Cincin Perak Ukir",
        "Tedung Agung Prada",
        "Selendang Songket Emas",
        "Kain Endek Tenun",
    }
    assert set(names(client.get("/katalog/", {"kabupaten": "51.03"}))) == {
        "Tedung Agung Prada",
        "Selendang Songket Emas",
        "Kain Endek Tenun",
    }
    assert names(client.get("/katalog/", {"provinsi": "33"})) == ["Batik Tulis Jlamprang"]
    response = client.get("/katalog/", {"desa": "51.03.02.2009"})
    assert names(response) == ["Tedung Agung Prada"]


def test_the_regency_list_follows_the_province(client, gallery):
    assert 'value="51.03"' not in client.get("/katalog/").text
    text = client.get("/katalog/", {"provinsi": "51"}).text
    assert re.search(r'<option value="51.03">[^<]*BADUNG</option>', text, re.I)
    assert 'value="33.01"' not in text
    moved = client.get("/katalog/", {"provinsi": "33", "kabupaten": "51.03"})
    assert names(moved) == ["Batik Tulis Jlamprang"] and "errorlist" not in moved.text


def test_price_filters_read_rupiah_as_people_write_it(client, gallery):
    cheap = {"Cincin Perak Ukir", "Tedung Agung Prada"}
    assert set(names(client.get("/katalog/", {"harga_maks": "Rp 400.000"}))) == cheap
    assert set(names(client.get("/katalog/", {"harga_maks": "400000"}))) == cheap
    assert set(names(client.get("/katalog/", {"harga_min": "1,2 jt"}))) == {
        "Selendang Songket Emas"
    }
    assert set(
        names(client.get("/katalog/", {"harga_min": "500rb", "harga_maks": "0,9 juta"}))
    ) == {"Kain Endek Tenun", "Batik Tulis Jlamprang"}


def test_a_price_that_is_not_a_price_is_said_and_ignored(client, gallery):
    response = client.get("/en/katalog/", {"harga_min": "murah sekali"})
    assert response.status_code == 200
    assert "must be an amount in rupiah" in response.text
    assert len(names(response)) == 5


def test_local_materials_only(client, gallery):
    assert set(names(client.get("/katalog/", {"lokal": "on"}))) == {
        "Kain Endek Tenun",
        "Cincin Perak Ukir",
    }


@pytest.mark.parametrize(
    "sort, expected",
    [
        (
            "harga",
            [
                "Cincin Perak Ukir",
                "Tedung Agung Prada",
                "Batik Tulis Jlamprang",
                "Kain Endek Tenun",
                "Selendang Songket Emas",
            ],
        ),
        (
            "harga-turun",
            [
                "Selendang Songket Emas",
                "Kain Endek Tenun",
                "Batik Tulis Jlamprang",
                "Tedung Agung Prada",
                "Cincin Perak Ukir",
            ],
        ),
        (
            "nama",
            [
                "Batik Tulis Jlamprang",
                "Cincin Perak Ukir",
                "Kain Endek Tenun",
                "Selendang Songket Emas",
                "Tedung Agung Prada",
            ],
        ),
    ],
)
def test_sorting(client, gallery, sort, expected):
    assert names(client.get("/katalog/", {"urut": sort})) == expected


def test_the_htmx_request_returns_only_the_results(client, gallery):
    response = client.get("/katalog/", {"q": "endek"}, headers={"HX-Request": "true"})
    assert names(response) == ["Kain Endek Tenun"]
    assert "<html" not in response.text and "<form" not in response.text
    assert 'id="catalog-regency" hx-swap-oob="true"' in response.text
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_full_page(client, gallery):
    response = client.get(
        "/katalog/",
        {"q": "endek"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.text and names(response) == ["Kain Endek Tenun"]


def test_the_form_works_without_javascript(client, gallery):
    text = client.get("/katalog/").text
    assert re.search(r'<form method="get" action="/katalog/"', text)
    assert 'name="q"' in text and 'type="submit"' in text


def test_pages_of_24_with_next_and_previous(client, gallery, monkeypatch):
    business = make_business("51.03.04.2005", name="Ukir Jagapati", owner="Ketut Arsa")
    for n in range(25):
        make_product(
            business, f"Topeng {n:02d}", 100_000 + n, slug="topeng", photo=n == 0, publish=False
        )
    from kriya.catalog.models import Product

    Product.objects.filter(name__startswith="Topeng").update(status="published")
    first = client.get("/katalog/", {"urut": "nama"})
    assert len(names(first)) == 24
    assert "halaman=2" in first.text and 'rel="prev"' not in first.text
    second = client.get("/katalog/", {"urut": "nama", "halaman": "2"})
    assert len(names(second)) == 30 - 24 and 'rel="prev"' in second.text


def test_more_than_a_thousand_matches_are_not_counted_exactly(gallery):
    from kriya.catalog.models import Product

    page = catalog.capped_page(Product.objects.all(), 1)
    assert page.count == 6 and not page.capped
    catalog.COUNT_CAP, saved = 3, catalog.COUNT_CAP
    try:
        page = catalog.capped_page(Product.objects.order_by("id"), 1)
        assert page.capped and page.num_pages is None and page.count == 4
    finally:
        catalog.COUNT_CAP = saved


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 500},
        {"q": "'; DROP TABLE catalog_product; --"},
        {"q": '"endek" OR * NEAR( ^ -'},
        {"q": "<script>alert(1)</script>"},
        {"halaman": "abc"},
        {"halaman": "-3"},
        {"halaman": "99999999999999999999"},
        {"halaman": "500"},
        {"kategori": "tidak-ada"},
        {"provinsi": "99"},
        {"provinsi": "<b>"},
        {"kabupaten": "51.99"},
        {"kabupaten": "xx"},
        {"desa": "99.99.99.9999"},
        {"desa": "'); --"},
        {"harga_min": "1e9"},
        {"harga_min": "9" * 40},
        {"harga_min": "2jt", "harga_maks": "1jt"},
        {"urut": "random"},
        {"lokal": "maybe"},
    ],
)
def test_bad_input_never_breaks_the_page(client, gallery, params):
    response = client.get("/katalog/", params)
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text and "<b>" not in response.text


def test_a_long_query_is_cut_and_escaped(client, gallery):
    response = client.get("/katalog/", {"q": "<i>endek</i>" + "a" * 500})
    assert response.status_code == 200 and "<i>endek" not in response.text


def test_the_catalog_page_runs_a_fixed_number_of_queries(
    client, gallery, django_assert_num_queries
):
    client.get("/katalog/")  # warm the session and content types
    # categories, provinces, count, page rows, their photos
    with django_assert_num_queries(5):
        client.get("/katalog/")
    # + the search's existence check, the regencies of the province
    with django_assert_num_queries(7):
        client.get("/katalog/", {"q": "tenun", "provinsi": "51", "urut": "harga"})


@pytest.mark.parametrize(
    "text, value",
    [
        ("Rp 1.250.000", 1_250_000),
        ("1250000", 1_250_000),
        ("1,2 jt", 1_200_000),
        ("1.5 juta", 1_500_000),
        ("500rb", 500_000),
        ("250 ribu", 250_000),
        ("75k", 75_000),
        ("1,250,000", 1_250_000),
        ("Rp150.000,-", 150_000),
        ("", None),
    ],
)
def test_prices_are_read_forgivingly(text, value):
    assert parse_rupiah(text) == value


@pytest.mark.parametrize(
    "text", ["murah", "1.2.3", "-5000", "1e9", "12,5,0", "9" * 20, "1,2 jt jt"]
)
def test_what_is_not_a_price_is_refused(text):
    with pytest.raises(ValueError):
        parse_rupiah(text)
