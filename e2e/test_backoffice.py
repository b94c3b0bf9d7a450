import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import DESKTOP, PHONE, log_in
from kriya.regions.models import Council


def open_user_menu(page) -> None:
    """The menu under the user's name at the foot of the sidebar (language, log out)."""
    page.get_by_text("Ni Wayan Sudiani", exact=True).click()


@pytest.mark.parametrize("page", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"])
def test_badung_secretariat_logs_in_and_sees_badung(page):
    log_in(page, "badung.sekretariat")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", name="Dekranasda Kabupaten Badung")).to_be_visible()
    expect(page.locator('[data-card="villages"]')).to_have_text("62")
    expect(page.locator('[data-card="icon_coverage"]')).to_have_text("41 / 62")
    expect(page.get_by_role("heading", name="Dasbor")).to_be_visible()  # Indonesian UI
    assert "Gianyar" not in page.content()


def test_switch_to_english_then_log_out(page):
    log_in(page, "badung.sekretariat")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    open_user_menu(page)
    page.get_by_role("button", name=re.compile("English")).click()
    expect(page).to_have_url(re.compile(r"/en/admin/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("Villages with a craft icon")).to_be_visible()

    open_user_menu(page)
    page.locator("#logout-form button").click()
    expect(page).to_have_url(re.compile(r"/akun/masuk/"))
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/akun/masuk/\?next="))


def test_a_wrong_password_shows_a_clear_message(page):
    log_in(page, "badung.sekretariat", "bukan-sandinya")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Nama pengguna atau sandi salah")
    expect(page).to_have_url(re.compile(r"/akun/masuk/$"))
    expect(page.locator("#id_username")).to_have_value("badung.sekretariat")


def test_gianyar_sees_its_own_dashboard_and_a_404_for_badung(page):
    log_in(page, "gianyar.sekretariat")
    expect(page.get_by_role("heading", name="Dekranasda Kabupaten Gianyar")).to_be_visible()
    badung = Council.objects.get(code="51.03")
    response = page.goto(f"/admin/regions/council/{badung.pk}/change/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Halaman tidak ditemukan")).to_be_visible()


def test_the_village_picker_shows_the_full_path(page):
    log_in(page, "badung.sekretariat")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/registry/artisan/add/")
    page.locator(".field-village .select2-selection").click()
    page.keyboard.type("getas")
    expect(page.locator(".select2-results")).to_contain_text(
        "Desa Getasan · Kec. Petang · Kab. Badung · Bali"
    )


@pytest.mark.parametrize("page", [PHONE], indirect=True, ids=["phone"])
def test_the_chair_reads_the_village_icon_coverage(page):
    log_in(page, "badung.pengurus")
    page.goto("/admin/ikon-desa/")
    expect(page.locator("#coverage-summary")).to_have_text("41 / 62")
    expect(page.locator("#coverage-missing li")).to_have_count(21)
    expect(page.locator("#coverage-table")).to_contain_text("Petang")
