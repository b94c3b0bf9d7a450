"""The product page /produk/<slug>/: content, contact, sharing, SEO, redirects, 404s."""

import html
import json
import re
from urllib.parse import parse_qs, quote, urlparse

from kriya.catalog import services
from kriya.lib.slugs import slug_with_id
from kriya.public.tests import test_gallery_catalog
from kriya.registry.models import Business

gallery = test_gallery_catalog.gallery  # the shared fixture


def test_the_page_shows_what_a_buyer_needs(client, gallery):
    endek = gallery["endek"]
    text = client.get(endek.get_absolute_url()).text
    for shown in [
        "Kain Endek Tenun",
        "Rp 850.000",
        "Kain endek tenun tangan.",
        "Ditenun oleh ibu-ibu Getasan.",
        "benang katun",
        "Klungkung",
        "ikat pakan",
        "200 × 110 cm",
        "450 g",
        "Tenun Ikat Sari",
        "Ni Made",
        "Desa Getasan",
        'href="/desa/51.03.04.2005/"',
    ]:
        assert shown in text, shown
    assert "Sari)" not in text  # the owner's first name only
    assert "Selendang Songket Emas" in text  # more from the same business
    photo = gallery["endek"].photos.first()
    renditions = f"{photo.small.url} 320w, {photo.thumb.url} 640w, {photo.image.url} 1200w"
    assert f'srcset="{renditions}"' in text


def test_the_owners_personal_data_is_never_shown(client, gallery):
    owner = gallery["endek"].business.owner
    owner.nik, owner.address, owner.phone = "5103040101900001", "Jl. Rahasia 7", "08999"
    owner.save(update_fields=["nik", "address", "phone"])
    text = client.get(gallery["endek"].get_absolute_url()).text
    assert "5103040101900001" not in text and "Jl. Rahasia" not in text and "08999" not in text


def test_whatsapp_opens_a_chat_with_the_business_about_this_product(client, gallery):
    endek = gallery["endek"]
    text = client.get(endek.get_absolute_url()).text
    link = html.unescape(re.search(r'class="button whatsapp" href="([^"]+)"', text)[1])
    url = urlparse(link)
    assert (url.scheme, url.netloc, url.path) == ("https", "wa.me", "/6281234567890")
    message = parse_qs(url.query)["text"][0]
    assert "Kain Endek Tenun" in message and "Tenun Ikat Sari" in message
    assert f"/produk/{endek.slug}/" in message


def test_share_links_carry_the_page_address(client, gallery):
    endek = gallery["endek"]
    text = html.unescape(client.get(endek.get_absolute_url()).text)
    page = f"http://testserver/produk/{endek.slug}/"
    assert "https://wa.me/?text=" + quote(f"Kain Endek Tenun {page}", safe="") in text
    assert "https://www.facebook.com/sharer/sharer.php?u=" + quote(page, safe="") in text
    assert f'readonly value="{page}"' in text


def test_json_ld_describes_the_product_with_its_price_in_rupiah(client, gallery):
    text = client.get(gallery["songket"].get_absolute_url()).text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)[1]
    data = json.loads(block)
    assert data["@type"] == "Product" and data["name"] == "Selendang Songket Emas"
    assert data["offers"]["priceCurrency"] == "IDR"
    assert (data["offers"]["lowPrice"], data["offers"]["highPrice"]) == ("1250000", "2000000")
    assert data["image"][0].startswith("http://testserver/media/")


def test_json_ld_cannot_be_broken_out_of(client, gallery):
    endek = gallery["endek"]
    services.save_product(product=endek, by=None, description="</script><script>alert(1)")
    text = client.get(endek.get_absolute_url()).text
    assert "</script><script>alert(1)" not in text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)[1]
    assert json.loads(block)["description"] == "</script><script>alert(1)"


def test_open_graph_and_canonical(client, gallery):
    endek = gallery["endek"]
    text = client.get(endek.get_absolute_url()).text
    page = f"http://testserver/produk/{endek.slug}/"
    assert f'<link rel="canonical" href="{page}">' in text
    assert f'<meta property="og:url" content="{page}">' in text
    assert '<meta property="og:title" content="Kain Endek Tenun">' in text
    thumb = endek.photos.first().thumb.name
    assert f'<meta property="og:image" content="http://testserver/media/{thumb}">' in text
    assert '<meta property="og:description" content="Kain endek tenun tangan.">' in text
    english = f"http://testserver/en/produk/{endek.slug}/"
    assert f'<link rel="alternate" hreflang="en" href="{english}">' in text


def test_an_old_slug_redirects_permanently_to_the_current_one(client, gallery):
    endek = gallery["endek"]
    response = client.get(f"/produk/kain-lama-{endek.pk}/")
    assert response.status_code == 301 and response["Location"] == f"/produk/{endek.slug}/"
    english = client.get(f"/en/produk/x-{endek.pk}/")
    assert english.status_code == 301 and english["Location"] == f"/en/produk/{endek.slug}/"


def test_drafts_unknown_ids_and_merged_businesses_are_404(client, gallery):
    assert client.get(gallery["draft"].get_absolute_url()).status_code == 404
    assert client.get("/produk/tidak-ada/").status_code == 404
    assert client.get("/produk/x-99999999/").status_code == 404
    endek = gallery["endek"]
    Business.objects.filter(pk=endek.business_id).update(merged_into=gallery["tedung"].business)
    assert client.get(endek.get_absolute_url()).status_code == 404


def test_english_pages_use_the_english_fields(client, gallery):
    endek = gallery["endek"]
    text = client.get(f"/en/produk/{endek.slug}/").text
    assert '<html lang="en">' in text
    assert "Endek Woven Cloth" in text and "Hand-woven endek cloth." in text
    assert "Woven by the women of Getasan." in text and "Ditenun oleh" not in text
    # a product without English text shows its Indonesian
    assert "Tedung Agung Prada" in client.get(f"/en/produk/{gallery['tedung'].slug}/").text


def test_made_to_order_shows_its_lead_time(client, gallery):
    text = client.get(f"/en/produk/{gallery['tedung'].slug}/").text
    assert "Made to order" in text and "ready in about 14 days" in text


def test_the_product_page_runs_a_fixed_number_of_queries(
    client, gallery, django_assert_num_queries
):
    url = gallery["endek"].get_absolute_url()
    client.get(url)
    # product with business/owner/village/category, its photos, more products, their photos,
    # and the business's badges (granted rights, certificates)
    with django_assert_num_queries(6):
        client.get(url)


def test_a_granted_trademark_shows_as_a_badge_on_product_and_business(client, gallery):
    import datetime as dt

    from kriya.programs import services as programs
    from kriya.programs.models import IPFiling
    from kriya.programs.models.kinds import IPKind

    endek = gallery["endek"]
    filing = programs.create_filing(
        kind=IPKind.TRADEMARK, title="Sari Endek", business=endek.business
    )
    for status, values in [
        ("filed", {"application_number": "DID2026012345", "filed_on": dt.date(2026, 1, 5)}),
        ("examined", {}),
        ("granted", {"registration_number": "IDM001234567", "granted_on": dt.date(2026, 6, 1)}),
    ]:
        filing = programs.advance_filing(filing=filing, status=status, by=None, **values)
    assert filing.status == IPFiling.Status.GRANTED
    for url in [
        f"/produk/{endek.slug}/",
        f"/usaha/{slug_with_id(endek.business.name, endek.business.pk)}/",
    ]:
        text = client.get(url).text
        assert "IDM001234567" in text and "1 Juni 2036" in text, url
