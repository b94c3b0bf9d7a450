"""Home, business, village, region and events pages; sitemap, robots.txt, no other hosts."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from kriya.catalog.tests.factories import make_business
from kriya.lib.slugs import slug_with_id
from kriya.lib.whatsapp import chat_url, facebook_share_url, share_url, wa_number
from kriya.public.tests import test_gallery_catalog
from kriya.registry.models import Business

gallery = test_gallery_catalog.gallery  # the shared fixture


def business_url(business) -> str:
    return f"/usaha/{slug_with_id(business.name, business.pk)}/"


def test_the_home_page_shows_products_icons_events_and_a_search(client, gallery):
    text = client.get("/en/").text
    assert "Batik Tulis Jlamprang" in text and "Kain endek Getasan" in text
    assert 'href="/en/desa/51.03.04.2005/"' in text
    assert 'action="/en/katalog/"' in text and 'name="q"' in text
    assert 'href="/en/acara/"' in text and "No exhibitions or events are announced yet" in text


def test_featured_products_come_first_on_the_home_page(client, gallery):
    type(gallery["ring"]).objects.filter(pk=gallery["ring"].pk).update(featured=True)
    text = client.get("/").text
    assert "Cincin Perak Ukir" in text and "Kain Endek Tenun" not in text


def test_the_events_page_says_none_are_announced(client, db):
    response = client.get("/en/acara/")
    assert response.status_code == 200 and "No exhibitions, trainings" in response.text


def test_a_business_page_lists_its_products_and_links(client, gallery):
    sari = gallery["endek"].business
    sari.instagram = "@tenunikatsari"
    sari.save(update_fields=["instagram"])
    sari.categories.add(gallery["endek"].category)
    text = client.get(business_url(sari)).text
    assert "Kain Endek Tenun" in text and "Selendang Songket Emas" in text
    assert "https://www.instagram.com/tenunikatsari/" in text
    assert "https://wa.me/6281234567890" in text and "Endek" in text
    assert "Tedung Agung Prada" not in text


def test_a_business_without_published_products_or_merged_is_404(client, gallery):
    empty = make_business(name="Belum Ada Produk")
    assert client.get(business_url(empty)).status_code == 404
    sari = gallery["endek"].business
    Business.objects.filter(pk=sari.pk).update(merged_into=empty)
    assert client.get(business_url(sari)).status_code == 404
    assert client.get("/usaha/tidak-ada/").status_code == 404


def test_a_renamed_business_redirects(client, gallery):
    sari = gallery["endek"].business
    response = client.get(f"/usaha/nama-lama-{sari.pk}/")
    assert response.status_code == 301 and response["Location"] == business_url(sari)


def test_a_village_page_shows_its_icon_makers_and_products(client, gallery):
    text = client.get("/desa/51.03.04.2005/").text
    assert "Kain endek Getasan" in text and "Tenun Ikat Sari" in text
    assert "Kain Endek Tenun" in text and "Tedung Agung Prada" not in text
    assert client.get("/desa/99.99.99.9999/").status_code == 404


def test_a_village_without_crafts_is_honest_and_not_indexed(client, db):
    text = client.get("/en/desa/51.03.02.2009/").text
    assert "No products from this village are published yet" in text
    assert '<meta name="robots" content="noindex">' in text


def test_a_regency_page_counts_villages_icons_and_products(client, gallery):
    text = client.get("/en/wilayah/51.03/").text
    assert "Crafts of" in text and "BADUNG" in text.upper()
    assert re.search(r"<strong>62</strong> villages", text)
    assert re.search(r"<strong>1</strong> with a craft icon", text)
    assert re.search(r"<strong>3</strong> products in the catalog", text)
    assert "Kain endek Getasan" in text and "Cincin Perak Ukir" not in text
    assert 'href="/en/katalog/?kabupaten=51.03"' in text


def test_a_province_page_lists_its_regencies(client, gallery):
    text = client.get("/wilayah/51/").text
    assert 'href="/wilayah/51.04/"' in text and "Cincin Perak Ukir" in text
    assert client.get("/wilayah/99/").status_code == 404


def test_the_village_picker_still_answers_under_wilayah(client, badung_secretary):
    client.force_login(badung_secretary)
    response = client.get("/wilayah/cari-desa/", {"q": "getasan"})
    assert response.status_code == 200 and "51.03.04.2005" in response.text


def test_the_sitemap_lists_published_products_only(client, gallery):
    index = client.get("/sitemap.xml").text
    assert "http://testserver/sitemap-produk.xml" in index
    products = client.get("/sitemap-produk.xml").text
    for key in ["endek", "songket", "tedung", "ring", "batik"]:
        assert f"<loc>http://testserver/produk/{gallery[key].slug}/</loc>" in products
    assert gallery["draft"].slug not in products
    businesses = client.get("/sitemap-usaha.xml").text
    assert business_url(gallery["endek"].business) in businesses
    villages = client.get("/sitemap-desa.xml").text
    assert "/desa/51.03.04.2005/" in villages and "/desa/51.03.02.2009/" in villages


def test_robots_txt_allows_the_gallery_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Allow: /" in lines and "Disallow: /admin/" in lines
    assert "Disallow: /akun/" in lines and "Disallow: /portal/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


ASSET = re.compile(
    r"""<(script|link|img|source|iframe)\b[^>]*\b(src|href|srcset)=["']"""
    r"""(https?:)?//""",
    re.I,
)


def test_no_page_loads_anything_from_another_host(client, gallery):
    pages = [
        "/",
        "/en/",
        "/katalog/",
        "/katalog/?q=endek",
        "/acara/",
        gallery["endek"].get_absolute_url(),
        business_url(gallery["endek"].business),
        "/desa/51.03.04.2005/",
        "/wilayah/51.03/",
        "/wilayah/51/",
        "/tidak-ada/",
    ]
    for url in pages:
        text = client.get(url).text
        foreign = [
            m.group(0)
            for m in ASSET.finditer(text)
            if 'rel="canonical"' not in m.group(0) and "hreflang" not in m.group(0)
        ]
        assert foreign == [], url
        assert 'style="' not in text, url


def test_the_catalog_page_is_light(client, gallery):
    """The budget is 150 KB compressed before images; even uncompressed it stays far below."""
    text = client.get("/katalog/").text
    assets = re.findall(r'<(?:script src|link rel="stylesheet" href)="/static/([^"]+)"', text)
    # screen.js (a few lines) tells the back office a phone from a desktop before login.
    assert sorted(assets) == ["django_htmx/htmx-2.min.js", "kriya/app.css", "kriya/screen.js"]
    size = len(text.encode()) + sum(Path(finders.find(a)).stat().st_size for a in assets)
    assert size < 100_000


@pytest.mark.parametrize(
    "phone, digits",
    [
        ("+62 812-3456-7890", "6281234567890"),
        ("0812 3456 7890", "6281234567890"),
        ("812-3456-7890", "6281234567890"),
        ("(0361) 234567", "62361234567"),
        ("", ""),
        ("123", ""),
        (None, ""),
    ],
)
def test_wa_number_is_the_international_digits(phone, digits):
    assert wa_number(phone) == digits


def test_whatsapp_links_encode_their_text():
    assert chat_url("0812 3456 7890", "Halo, produk & harga?") == (
        "https://wa.me/6281234567890?text=Halo%2C%20produk%20%26%20harga%3F"
    )
    assert chat_url("", "Halo") == ""
    assert share_url("Kain https://x.id/a?b=1") == (
        "https://wa.me/?text=Kain%20https%3A%2F%2Fx.id%2Fa%3Fb%3D1"
    )


def test_facebook_share_link_carries_the_address():
    assert facebook_share_url("https://kriya.id/produk/a-1/") == (
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fkriya.id%2Fproduk%2Fa-1%2F"
    )
