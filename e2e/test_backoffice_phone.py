"""The back office on a phone (360 px) and on a desktop (1280 px): every list and form the
demo's secretariat can open fits the screen, lists come as 25 compact cards a page with the
filters in a drawer, and the pages people asked about are photographed for a look.

The pages are not listed by hand: they come from the admin site's own app list for the
role, so a model registered later is checked without editing this test.
"""

from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import expect

from e2e.conftest import DESKTOP, log_in
from kriya.accounts.models import User

NARROW = {"width": 360, "height": 780}
SHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"
FITS = "document.documentElement.scrollWidth <= window.innerWidth"


def back_office_pages(username: str) -> list[tuple[str, str, str | None]]:
    """(name, list URL, add URL or None) of every model admin the user's role may see."""
    client = Client()
    client.force_login(User.objects.get(username=username))
    apps = client.get("/admin/").context["app_list"]
    return [
        (model["object_name"], model["admin_url"], model.get("add_url"))
        for app in apps
        for model in app["models"]
        if model.get("admin_url")
    ]


def first_change_url(page) -> str | None:
    link = page.locator("#result_list a[href*='/change/']").first
    return link.get_attribute("href") if link.count() else None


def assert_fits(page, url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert page.evaluate(FITS), f"{url} scrolls sideways: {widths[0]} px on {widths[1]} px"


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=SHOTS / f"{name}.png", full_page=False)


@pytest.mark.parametrize("page", [NARROW, DESKTOP], indirect=True, ids=["phone", "desktop"])
def test_every_list_and_form_fits_the_screen(page):
    log_in(page, "badung.sekretariat")
    expect(page.get_by_role("heading", name="Dasbor")).to_be_visible()
    phone = page.viewport_size["width"] < 768
    pages = back_office_pages("badung.sekretariat")
    assert len(pages) > 20, pages  # the register, catalog, programs, gallery, regions
    for name, list_url, add_url in pages:
        assert_fits(page, list_url)
        expect(page.locator("#changelist")).to_be_visible()
        rows = page.locator("#result_list tbody tr").count()
        if phone:
            assert rows <= 25, f"{name}: {rows} rows on a phone"
        change_url = first_change_url(page)
        for url in filter(None, [add_url, change_url]):
            assert_fits(page, url)
            expect(page.locator("#content-main")).to_be_visible()


@pytest.mark.parametrize("page", [NARROW], indirect=True, ids=["phone"])
def test_on_a_phone_the_register_is_compact_cards_with_a_filter_drawer(page):
    log_in(page, "badung.sekretariat")
    page.goto("/admin/registry/business/")
    cards = page.locator("#result_list tbody tr")
    expect(cards).to_have_count(25)
    first = cards.first
    expect(first.locator("th a")).to_be_visible()  # the name, linking to the record
    expect(first).to_contain_text("Kab. Badung")  # the village, not cut off
    assert first.bounding_box()["height"] < 200
    drawer = page.locator("#changelist-filter")
    expect(drawer).to_be_hidden()
    page.locator("#changelist a", has_text="Saringan").click()
    expect(drawer).to_be_visible()
    expect(drawer).to_contain_text("Berdasarkan kecamatan")  # the district filter
    assert page.evaluate(FITS)
    # The "+" stays clear of the menu button beside the title.
    plus = page.locator("a.addlink").bounding_box()
    menu = page.locator("#header-inner .material-symbols-outlined", has_text="dock_to_right")
    assert plus["x"] > menu.last.bounding_box()["x"] + menu.last.bounding_box()["width"]


@pytest.mark.parametrize("page", [NARROW, DESKTOP], indirect=True, ids=["phone", "desktop"])
def test_screenshots_of_the_pages_people_asked_about(page, request):
    width = request.node.callspec.id
    log_in(page, "badung.sekretariat")
    expect(page.get_by_role("heading", name="Dasbor")).to_be_visible()
    page.goto("/admin/registry/business/")
    shoot(page, f"register-list-{width}")
    page.goto("/admin/registry/business/add/")
    shoot(page, f"business-form-{width}")
    page.goto("/admin/catalog/product/?status__exact=submitted")
    expect(page.get_by_role("button", name="Setujui").first).to_be_visible()
    expect(page.locator("#result_list img.kriya-thumb").first).to_be_visible()
    shoot(page, f"product-approval-{width}")
    page.goto("/admin/sales/settlement/")
    page.locator("#result_list a[href*='/change/']").first.click()
    expect(page.locator("#content-main")).to_contain_text("Rp ")
    shoot(page, f"settlement-detail-{width}")


@pytest.mark.parametrize("page", [NARROW], indirect=True, ids=["phone"])
def test_on_a_phone_the_secretariat_approves_one_product_and_sends_one_back(page):
    log_in(page, "badung.sekretariat")
    expect(page.get_by_role("heading", name="Dasbor")).to_be_visible()
    page.goto("/admin/catalog/product/?status__exact=submitted")
    rows = page.locator("#result_list tbody tr")
    waiting = rows.count()
    name = rows.first.locator("th a").inner_text()  # the product's name links to its page
    rows.first.get_by_role("button", name="Setujui").click()
    expect(page.get_by_text("sudah terbit di galeri")).to_be_visible()
    expect(rows).to_have_count(waiting - 1)
    assert name.strip() not in page.locator("#result_list").inner_text()
    page.locator("#result_list tbody tr").first.get_by_role("link", name="Kembalikan").click()
    page.get_by_label("Alasan pengembalian").fill("Fotonya buram")
    page.get_by_role("button", name="Kembalikan").click()
    expect(page.get_by_text("dikembalikan ke pembuatnya")).to_be_visible()
    expect(page.locator("#result_list tbody tr")).to_have_count(waiting - 2)
    assert page.evaluate(FITS)
