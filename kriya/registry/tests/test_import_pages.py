"""The import as the secretariat uses it: upload, check in the worker, confirm, result.

The worker (`db_worker --batch`, the real database backend) closes connections that are
inside a transaction, as any separate process would see them; so these tests commit for
real (transactional) and bring back Bali's regions and the craft taxonomy each time.
"""

import html
import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import load_workbook

from kriya.regions.services import load_regions
from kriya.registry.categories import seed
from kriya.registry.importer import ColumnMap
from kriya.registry.models import Business, CraftCategory, ImportBatch
from kriya.registry.tests.files import xlsx

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def bali_regions(transactional_db):
    load_regions(only="51")
    seed(CraftCategory)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", verbosity=0)


BADUNG_FILE = [
    ["REKAP IKM BADUNG 2026"],
    [],
    ["Nama Usaha", "Nama Perajin", "Desa", "Kecamatan", "Jenis Kriya", "Telp", "Omzet/Tahun"],
    [
        "Tenun Endek Sari",
        "Ni Luh Sari",
        "Getasan",
        "Petang",
        "Endek",
        "0812-3456-7890",
        "Rp 120.000.000",
    ],
    ["Ukiran Jagapati", "I Made Arta", "Jagapati", "Abiansemal", "Ukir kayu", "", "8,5 jt"],
    ["Payung Mengwi", "I Ketut Payung", "Mengwy", "Mengwi", "Payung upacara", "", ""],
    ["Tenun Endek Sari", "Ni Luh Sari", "Getasan", "Petang", "Endek", "", ""],
]


def upload(client, content: bytes, name: str = "rekap.xlsx", kind: str = "business"):
    return client.post("/admin/impor/", {"kind": kind, "file": SimpleUploadedFile(name, content)})


def mapping_shown(page: str) -> dict[str, str]:
    """The mapping table as the user reads it: heading in the file → the field selected."""
    shown = {}
    for row in re.findall(r'<tr[^>]*data-column="[A-Z]+">(.*?)</tr>', page, re.S):
        heading = re.search(r"<strong>(.*?)</strong>", row).group(1)
        selected = re.search(r'<option value="([a-z_]*)"[^>]*selected', row)
        shown[html.unescape(heading)] = selected.group(1) if selected else ""
    return shown


def confirm_columns(client, batch, captured, **changes: str):
    """Submit the mapping step as shown, with ``changes`` (heading → field) made first."""
    columns = ColumnMap.from_dict(ImportBatch.objects.get(pk=batch.pk).columns)
    data = {f"column_{c}": columns.field_of(c) for c in columns.headings}
    for column, heading in columns.headings.items():
        if heading in changes:
            data[f"column_{column}"] = changes[heading]
    with captured(execute=True):
        return client.post(f"/admin/impor/{batch.pk}/", data)


def test_the_secretariat_uploads_reads_every_problem_and_imports_the_valid_rows(
    client, badung_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, xlsx(BADUNG_FILE))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/impor/{batch.pk}/")
    assert not Business.objects.exists()  # nothing is written before confirmation
    run_worker()
    page = client.get(f"/admin/impor/{batch.pk}/").text
    assert mapping_shown(page) == {
        "Nama Usaha": "business_name",
        "Nama Perajin": "owner_name",
        "Desa": "village",
        "Kecamatan": "district",
        "Jenis Kriya": "category",
        "Telp": "phone",
        "Omzet/Tahun": "turnover_year",
    }
    assert confirm_columns(client, batch, django_capture_on_commit_callbacks).status_code == 302
    run_worker()
    page = client.get(f"/admin/impor/{batch.pk}/").text
    assert 'data-count="rows">4<' in page and 'data-count="error">1<' in page
    assert 'data-count="duplicate">1<' in page
    assert "Mengwi" in page  # the suggestion for the misspelt Mengwy
    assert "baris 3 dari berkas ini" in page.lower() or 'data-row="7"' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/impor/{batch.pk}/simpan/", {"mode": "valid"})
    run_worker()
    batch.refresh_from_db()
    assert batch.status == "done" and batch.result["created"] == 2
    assert sorted(Business.objects.values_list("name", flat=True)) == [
        "Tenun Endek Sari",
        "Ukiran Jagapati",
    ]
    sari = Business.objects.get(name="Tenun Endek Sari")
    assert (sari.owner.name, sari.phone, sari.yearly_turnover) == (
        "Ni Luh Sari",
        "+6281234567890",
        120_000_000,
    )
    assert "Dibuat 2" in client.get(f"/admin/impor/{batch.pk}/").text


def test_all_or_nothing_refuses_a_file_with_errors(
    client, badung_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx(BADUNG_FILE))
    run_worker()
    batch = ImportBatch.objects.get()
    confirm_columns(client, batch, django_capture_on_commit_callbacks)
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/impor/{batch.pk}/simpan/", {"mode": "all"})
    run_worker()
    batch.refresh_from_db()
    assert batch.status == "previewed" and "Semua atau tidak sama sekali" in batch.error
    assert not Business.objects.exists()


def test_the_progress_partial_is_served_to_htmx(
    client, badung_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx(BADUNG_FILE))
    batch = ImportBatch.objects.get()
    partial = client.get(f"/admin/impor/{batch.pk}/", headers={"HX-Request": "true"}).text
    assert 'id="import-status"' in partial and "<html" not in partial
    assert 'hx-trigger="every 1s"' in partial  # still waiting: it keeps polling


def test_a_renamed_program_is_refused_and_nothing_is_kept(client, badung_secretary):
    client.force_login(badung_secretary)
    response = upload(client, b"MZ\x90\x00\x03" + b"\x00" * 200, name="register.exe")
    assert response.status_code == 200 and "bukan lembar kerja" in response.text
    assert not ImportBatch.objects.exists()


def test_a_pdf_named_xlsx_fails_in_the_check_with_a_message(
    client, badung_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, b"%PDF-1.4 not a spreadsheet", name="rekap.xlsx")
    run_worker()
    batch = ImportBatch.objects.get()
    assert batch.status == "failed" and "rekap.xlsx" in batch.error


def test_a_sibling_council_cannot_open_the_import(
    client, badung_secretary, gianyar_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx(BADUNG_FILE))
    batch = ImportBatch.objects.get()
    client.force_login(gianyar_secretary)
    assert client.get(f"/admin/impor/{batch.pk}/").status_code == 404
    assert client.post(f"/admin/impor/{batch.pk}/", {"column_0": "phone"}).status_code == 404
    assert client.post(f"/admin/impor/{batch.pk}/simpan/", {"mode": "valid"}).status_code == 404


def test_the_board_may_not_import(client, badung):
    from conftest import make_user

    client.force_login(make_user("pengurus", badung, "board"))
    assert client.get("/admin/impor/").status_code == 403


def test_the_template_has_instructions_headings_and_dropdowns(client, badung_secretary):
    client.force_login(badung_secretary)
    response = client.get("/admin/impor/template-business.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Petunjuk", "Data", "Daftar"]
    headings = [cell.value for cell in book["Data"][1]]
    assert headings[:3] == ["Nama Usaha", "Nama Perajin", "NIK"] and "Kecamatan" in headings
    formulas = [v.formula1 for v in book["Data"].data_validations.dataValidation]
    assert any("Daftar!" in f for f in formulas) and len(formulas) >= 3
    assert book["Daftar"].sheet_state == "hidden"
    assert "Endek" in [c.value for c in book["Daftar"]["D"]]


PHONES_FILE = [
    ["DATA IKM BINAAN 2026"],
    ["No.", "Nama IKM", "Kel./Desa", "No. HP/WA", "Telp Usaha", "Jml Tenaga Kerja", "Foto"],
    [1, "Tenun Endek Sari", "Getasan", "0812-3456-7890", "0813-9999-0000", "(3)", ""],
    [2, "Ukiran Jagapati", "Jagapati", "", "0813-1111-2222", 5, ""],
    ["JUMLAH", "", "", "", "", 2, ""],
]


def test_the_mapping_step_shows_the_guess_and_the_corrected_mapping_is_the_one_used(
    client, badung_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx(PHONES_FILE))
    batch = ImportBatch.objects.get()
    run_worker()
    page = client.get(f"/admin/impor/{batch.pk}/").text
    assert "Kolom di berkas" in page and "Data di Kriya" in page
    assert mapping_shown(page) == {
        "No.": "",
        "Nama IKM": "business_name",
        "Kel./Desa": "village",
        "No. HP/WA": "phone",
        "Telp Usaha": "",
        "Jml Tenaga Kerja": "workers",
        "Foto": "",
    }
    assert (
        "Kolom “Telp Usaha” tidak dipakai: telepon sudah diambil dari kolom “No. HP/WA”."
        in html.unescape(page)
    )
    assert "0813-9999-0000" in page  # an example value beside its heading
    assert not Business.objects.exists() and 'data-count="rows"' not in page  # not checked yet
    response = confirm_columns(
        client,
        batch,
        django_capture_on_commit_callbacks,
        **{"No. HP/WA": "", "Telp Usaha": "phone"},
    )
    assert response.status_code == 302
    run_worker()
    page = html.unescape(client.get(f"/admin/impor/{batch.pk}/").text)
    assert 'data-count="rows">2<' in page and "Baris 5: baris jumlah, dilewati." in page
    assert "“(3)” terbaca -3: tenaga kerja tidak boleh kurang dari nol, jadi dikosongkan." in page
    assert mapping_shown(page)["Telp Usaha"] == "phone"  # the columns used, shown after the check
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/impor/{batch.pk}/simpan/", {"mode": "valid"})
    run_worker()
    phones = dict(Business.objects.values_list("name", "phone"))
    assert phones == {"Tenun Endek Sari": "+6281399990000", "Ukiran Jagapati": "+6281311112222"}
    assert Business.objects.get(name="Tenun Endek Sari").workers is None


def test_two_columns_for_one_field_are_refused_with_both_named(
    client, badung_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx(PHONES_FILE))
    batch = ImportBatch.objects.get()
    run_worker()
    response = confirm_columns(
        client, batch, django_capture_on_commit_callbacks, **{"Telp Usaha": "phone"}
    )
    assert response.status_code == 200
    assert (
        "“Telp Usaha” dan “No. HP/WA” sama-sama diarahkan ke telepon: pilih salah satu."
        in html.unescape(response.text)
    )
    batch.refresh_from_db()
    assert batch.status == "mapping" and not batch.columns["confirmed"]


def test_a_mapping_without_the_business_name_is_refused_with_what_is_missing(
    client, badung_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx(PHONES_FILE))
    batch = ImportBatch.objects.get()
    run_worker()
    response = confirm_columns(
        client, batch, django_capture_on_commit_callbacks, **{"Nama IKM": ""}
    )
    assert response.status_code == 200
    assert "Kolom wajib tidak ada: nama usaha" in html.unescape(response.text)
    assert ImportBatch.objects.get().status == "mapping"


def test_the_columns_can_be_corrected_after_the_check_and_the_rows_are_checked_again(
    client, badung_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx(PHONES_FILE))
    batch = ImportBatch.objects.get()
    run_worker()
    confirm_columns(client, batch, django_capture_on_commit_callbacks)
    run_worker()
    assert ImportBatch.objects.get().status == "previewed"
    confirm_columns(client, batch, django_capture_on_commit_callbacks, **{"Jml Tenaga Kerja": ""})
    run_worker()
    batch.refresh_from_db()
    assert batch.status == "previewed" and batch.summary["warning"] == 0
    assert "terbaca -3" not in html.unescape(client.get(f"/admin/impor/{batch.pk}/").text)
