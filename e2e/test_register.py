"""The secretariat imports a spreadsheet with errors, corrects one column in the mapping
step, reads the preview, imports the valid rows, then finds them in the register; the
worker is the real database-backed one."""

import io
import re

import pytest
from django.core.management import call_command
from openpyxl import Workbook
from playwright.sync_api import expect

from e2e.conftest import log_in
from kriya.registry.models import Business


def run_worker() -> None:
    call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", verbosity=0)


def register_file(tmp_path) -> str:
    book = Workbook()
    for row in [
        ["Rekap IKM Kecamatan Petang"],
        [],
        ["Nama Usaha", "Nama Perajin", "Desa", "Kecamatan", "Jenis Kriya", "No HP", "Kontak Usaha"],
        [
            "Tenun Endek Pangsan",
            "Ni Kadek Ayu",
            "Pangsan",
            "Petang",
            "Endek",
            "0812 3333 4444",
            "0813 5555 6666",
        ],
        [
            "Sokasi Bambu Lestari",
            "Ni Nyoman Sari",
            "Belok/Sidan",
            "Petang",
            "Anyaman bambu",
            "",
            "",
        ],
        ["Ukiran Carangsari", "I Wayan Ukir", "Carangsary", "Petang", "Ukir kayu", "", ""],
    ]:
        book.active.append(row)
    path = tmp_path / "rekap-petang.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_import_a_file_with_errors_then_find_the_rows(page, tmp_path):
    log_in(page, "badung.sekretariat")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/impor/")
    page.set_input_files("input[type=file]", register_file(tmp_path))
    page.locator("#import-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/impor/\d+/$"))
    run_worker()  # the page polls every second and shows the columns to confirm
    mapping = page.locator("#import-columns")
    expect(mapping).to_contain_text("Kolom di berkas")
    expect(mapping.get_by_label(re.compile("No HP"))).to_have_value("phone")
    expect(mapping).to_contain_text("Kolom “Kontak Usaha” tidak dipakai")
    mapping.get_by_label(re.compile("No HP")).select_option("")  # the owner's own phone:
    mapping.get_by_label(re.compile("Kontak Usaha")).select_option("phone")  # the shop's
    mapping.get_by_role("button", name="Periksa baris dengan kolom ini").click()
    run_worker()  # then the checked file
    expect(page.locator('[data-count="rows"]')).to_have_text("3")
    expect(page.locator('[data-count="error"]')).to_have_text("1")
    problems = page.locator("#import-problems")
    expect(problems).to_contain_text("Carangsary")
    expect(problems).to_contain_text("Carangsari (Kec. Petang)")  # the suggestion

    page.get_by_role("button", name=re.compile("Impor 2 baris")).click()
    run_worker()
    expect(page.locator("#import-result")).to_contain_text("Dibuat 2", timeout=15_000)

    page.goto("/admin/registry/business/?q=Pangsan")
    expect(page.locator("#result_list")).to_contain_text("Tenun Endek Pangsan")
    assert Business.objects.get(name="Tenun Endek Pangsan").phone == "+6281355556666"
    assert not Business.objects.filter(name="Ukiran Carangsari").exists()  # the error row
    page.goto("/admin/ikon-desa/")
    expect(page.locator("#coverage-summary")).to_have_text("41 / 62")


@pytest.mark.parametrize("page", [{"width": 360, "height": 780}], indirect=True, ids=["phone"])
def test_the_column_mapping_can_be_read_and_chosen_on_a_phone(page, tmp_path):
    log_in(page, "badung.sekretariat")
    page.goto("/admin/impor/")
    page.set_input_files("input[type=file]", register_file(tmp_path))
    page.locator("#import-form button[type=submit]").click()
    run_worker()
    mapping = page.locator("#import-columns")
    expect(mapping).to_contain_text("Kolom di berkas")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    # Each choice as wide as the screen allows, so "omzet per tahun" is read, not "om…".
    widths = mapping.locator("select").evaluate_all("els => els.map(e => e.clientWidth)")
    assert widths and min(widths) >= 280, widths
