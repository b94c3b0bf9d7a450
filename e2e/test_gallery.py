"""The public gallery as a tourist and an artisan use it: a QR tag's link to a product, the
catalog's filters, the WhatsApp button, the artisan adding a product from a phone, the
secretariat approving it, the language switch, and axe-core on every public page.

Expected Indonesian words come from the catalogue (``indonesian``), not typed here."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from PIL import Image
from playwright.sync_api import expect

from e2e.conftest import DESKTOP, PHONE, accessibility_problems, log_in
from kriya.catalog.models import Product


def indonesian(text: str) -> str:
    with translation.override("id"):
        return translation.gettext(text)


def a_published_umbrella() -> Product:
    return (
        Product.objects.published()
        .filter(category__slug="payung-upacara")
        .select_related("business__village")
        .order_by("id")
        .first()
    )


@pytest.mark.parametrize("page", [PHONE], indirect=True, ids=["phone"])
def test_a_tourist_scans_a_tag_browses_and_finds_the_makers_whatsapp(page):
    umbrella = a_published_umbrella()
    page.goto(umbrella.get_absolute_url())  # what the QR code on the tag opens
    expect(page.get_by_role("heading", level=1)).to_have_text(umbrella.name)
    expect(page.locator("main")).to_contain_text(umbrella.business.village.name)
    assert accessibility_problems(page) == []

    whatsapp = page.get_by_role("link", name=indonesian("Ask the maker on WhatsApp"))
    address = urlsplit(whatsapp.get_attribute("href"))
    assert address.netloc == "wa.me"
    assert address.path == "/" + umbrella.business.phone.lstrip("+")
    message = parse_qs(address.query)["text"][0]
    assert umbrella.name in message and umbrella.get_absolute_url() in message

    page.goto("/katalog/")
    assert accessibility_problems(page) == []
    page.locator("summary").click()
    page.select_option("#id_kategori", "payung")  # the family takes in its crafts (htmx)
    expect(page).to_have_url(re.compile(r"kategori=payung"))
    cards = page.locator("#catalog-results h2, #catalog-results h3")
    expect(cards.first).to_be_visible()
    expected = set(
        Product.objects.published()
        .filter(category__parent__slug="payung")
        .values_list("name", flat=True)
    )
    assert set(cards.all_inner_texts()) <= expected
    assert umbrella.name in cards.all_inner_texts() or len(cards.all_inner_texts()) == 24


@pytest.mark.parametrize("page", [PHONE], indirect=True, ids=["phone"])
def test_an_artisan_adds_a_product_and_it_appears_once_approved(
    page, browser, live_server, tmp_path
):
    photo = tmp_path / "kamen.jpg"
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), "teal").save(out, "JPEG")
    photo.write_bytes(out.getvalue())

    log_in(page, "badung.perajin")
    page.goto("/portal/")
    page.get_by_role("link", name=indonesian("Add a product")).first.click()
    page.select_option("#id_category", label="Endek")
    page.fill("#id_name", "Kamen Endek Rangrang Uji")
    page.fill("#id_price", "Rp 1.350.000")
    page.get_by_role("button", name=indonesian("Save and add photos")).click()
    expect(page).to_have_url(re.compile(r"/portal/produk/\d+/$"))
    page.set_input_files("input[type=file]", str(photo))
    page.get_by_role("button", name=indonesian("Upload the photos")).click()
    expect(page.locator("#product-photos img")).to_have_count(1)
    page.reload()
    page.get_by_role("button", name=indonesian("Ask for approval")).click()
    product = Product.objects.get(name="Kamen Endek Rangrang Uji")
    assert product.status == Product.Status.SUBMITTED and product.price == 1_350_000

    office = browser.new_context(viewport=DESKTOP, locale="id-ID", base_url=live_server.url)
    desk = office.new_page()
    log_in(desk, "badung.sekretariat")
    desk.goto("/admin/catalog/product/?status__exact=submitted")
    desk.locator(f"input[name=_selected_action][value='{product.pk}']").check()
    desk.select_option("select[name=action]", "publish")
    desk.locator("button[name=index]").first.click()
    expect(desk.locator("body")).to_contain_text(indonesian("%(n)s products published.") % {"n": 1})
    office.close()

    page.goto("/katalog/?q=rangrang+uji")
    expect(page.locator("#catalog-results")).to_contain_text("Kamen Endek Rangrang Uji")


def test_the_gallery_speaks_english_under_en(page):
    umbrella = a_published_umbrella()
    page.goto(umbrella.get_absolute_url())
    page.get_by_role("link", name="English").first.click()
    expect(page).to_have_url(re.compile(r"/en/produk/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Ask the maker on WhatsApp")).to_be_visible()
    page.goto("/en/")
    assert accessibility_problems(page) == []
