"""Hostile and awkward files (``hostile.py``) through every upload path: the back-office
upload with the check run by the real database worker, and ``import_register``. Each is
refused with a message in Indonesian that names the limit and says what to do, nothing is
written, and refusing the zip bomb or the 30 MB CSV keeps the process small. UTF-16,
Windows-1252 and UTF-8-with-BOM CSVs are read, with their names intact."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kriya.operations.tests.test_crash import (  # noqa: F401 (a fixture)
    ROOT,
    count_imported,
    database,
)
from kriya.regions.services import load_regions
from kriya.registry.categories import seed
from kriya.registry.models import Artisan, Business, CraftCategory, ImportBatch
from kriya.registry.tests import hostile
from kriya.registry.tests.test_import_pages import confirm_columns

ROWS = "KRIYA_IMPORT_MAX_ROWS"
REFUSED = {
    "bomb": (hostile.zip_bomb_xlsx, ["Setelah dibuka (diekstrak)", "64 MB"], "INFLATED_MB"),
    "lying-bomb": (hostile.lying_zip_bomb_xlsx, ["Setelah dibuka (diekstrak)"], "INFLATED_MB"),
    "text-bomb": (hostile.shared_string_bomb_xlsx, ["Setelah dibuka (diekstrak)"], "INFLATED_MB"),
    "last-row": (hostile.last_row_xlsx, ["lebih dari 120.000 baris", "1.048.576"], "ROWS"),
    "tall": (lambda f: hostile.tall_xlsx(f, 120_001), ["lebih dari 120.000 baris"], "ROWS"),
    "far-column": (hostile.far_column_xlsx, ["16.384 kolom"], "COLUMNS"),
    "huge-cell-csv": (hostile.huge_cell_csv, ["Sel di baris 3", "32.767 karakter"], "CELL_CHARS"),
    "huge-cell-xlsx": (hostile.huge_cell_xlsx, ["Sel A3", "32.767 karakter"], "CELL_CHARS"),
    "30mb-csv": (hostile.big_csv, ["lebih dari 120.000 baris"], "ROWS"),
    "binary-csv": (hostile.binary_csv, ["bukan lembar kerja atau berkas CSV"], None),
    "renamed-zip": (hostile.renamed_zip, ["adalah arsip ZIP, bukan lembar kerja"], None),
}
READ = {
    "utf-16-le-bom": ("a.csv", "utf-16-le", ";", True),
    "utf-16-be-bom": ("b.csv", "utf-16-be", ",", True),
    "utf-16-le": ("c.csv", "utf-16-le", "\t", False),
    "utf-16-be": ("d.csv", "utf-16-be", ";", False),
    "windows-1252": ("e.csv", "cp1252", ";", False),
    "utf-8-bom-tab": ("f.csv", "utf-8", "\t", True),
    "utf-8-comma": ("g.csv", "utf-8", ",", False),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    """Every hostile file, made once for the module."""
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(folder) for name, (make, _words, _limit) in REFUSED.items()}


@pytest.fixture
def bali_regions(transactional_db) -> None:
    """A worker test commits for real, and the database is emptied after it: Bali's
    regions and the craft taxonomy come back first."""
    load_regions(only="51")
    seed(CraftCategory)


def expected(name: str) -> list[str]:
    _make, words, limit = REFUSED[name]
    tells = "Pecah berkas menjadi beberapa berkas yang lebih kecil"
    return [*words, *([tells, f"KRIYA_IMPORT_MAX_{limit}"] if limit else [])]


def run_worker() -> None:
    call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", verbosity=0)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", REFUSED)
def test_the_upload_screen_refuses_a_hostile_file_with_the_limit_and_writes_nothing(
    name, bali_regions, corpus, client, badung_secretary, django_capture_on_commit_callbacks
):
    client.force_login(badung_secretary)
    with corpus[name].open("rb") as upload, django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/impor/", {"kind": "business", "file": upload})
    run_worker()
    batch = ImportBatch.objects.get()
    page = client.get(f"/admin/impor/{batch.pk}/").text
    assert batch.status == "failed"
    for words in expected(name):
        assert words in batch.error and words in page
    assert not Business.objects.exists() and not Artisan.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", REFUSED)
def test_the_command_refuses_a_hostile_file_with_the_limit_and_writes_nothing(name, corpus, badung):
    with pytest.raises(CommandError) as refused:
        call_command("import_register", str(corpus[name]), "--council", "51.03", "--commit")
    for words in expected(name):
        assert words in str(refused.value)
    assert not Business.objects.exists() and not Artisan.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", READ)
def test_the_command_reads_utf16_windows1252_and_utf8_csvs_with_their_names(name, tmp_path, badung):
    filename, encoding, delimiter, bom = READ[name]
    path = hostile.csv_file(tmp_path, filename, encoding, delimiter, bom)
    out = StringIO()
    call_command("import_register", str(path), "--council", "51.03", "--commit", stdout=out)
    assert json.loads(out.getvalue())["result"]["created"] == 2
    sari = Business.objects.get(name="Tenun Endek Désa Sari")
    assert sari.owner.name == "Ni Luh Ñoman" and sari.village.name == "Getasan"


@pytest.mark.django_db(transaction=True)
def test_the_upload_screen_reads_a_utf16_csv_without_its_byte_order_mark(
    bali_regions,
    tmp_path,
    client,
    badung_secretary,
    gianyar_secretary,
    django_capture_on_commit_callbacks,
):
    path = hostile.csv_file(tmp_path, "rekap.csv", "utf-16-le", "\t")
    client.force_login(badung_secretary)
    with path.open("rb") as upload, django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/impor/", {"kind": "business", "file": upload})
    run_worker()  # the headings read
    batch = ImportBatch.objects.get()
    confirm_columns(client, batch, django_capture_on_commit_callbacks)
    run_worker()  # the rows checked
    batch.refresh_from_db()
    page = client.get(f"/admin/impor/{batch.pk}/").text
    assert batch.status == "previewed" and 'data-count="rows">2<' in page
    client.force_login(gianyar_secretary)  # Charlie cannot see Badung's file
    assert client.get(f"/admin/impor/{batch.pk}/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_refusing_the_zip_bomb_and_the_30mb_csv_keeps_the_process_under_200_mb(
    database,  # noqa: F811
    corpus,
):
    for name in ("bomb", "lying-bomb", "30mb-csv"):
        args = ["import_register", str(corpus[name]), "--council", "51.03"]
        peak, status, told = hostile.command_peak_mb(args, env=database, cwd=ROOT)
        assert status == 1 and all(words in told for words in expected(name)), told
        assert peak < 200, f"{name}: {peak:.0f} MB"


@pytest.mark.django_db
def test_the_size_and_cell_limits_are_settings_a_council_can_change(settings, tmp_path, badung):
    settings.IMPORT_MAX_FILE_MB = 1
    with pytest.raises(CommandError, match="Berkas ini 2,0 MB, lebih besar dari batas 1 MB"):
        call_command(
            "import_register", str(hostile.huge_cell_csv(tmp_path, mb=2)), "--council", "51.03"
        )
    settings.IMPORT_MAX_CELLS = 5
    path = hostile.csv_file(tmp_path, "rekap.csv", "utf-8")
    with pytest.raises(CommandError, match="3 baris kali 5 kolom, lebih dari batas 5 sel"):
        call_command("import_register", str(path), "--council", "51.03")
    settings.IMPORT_MAX_CELLS = 15
    call_command("import_register", str(path), "--council", "51.03", stdout=StringIO())


def test_the_upload_screen_refuses_a_file_past_the_size_limit_at_once(
    settings, tmp_path, client, badung_secretary
):
    settings.IMPORT_MAX_FILE_MB = 1
    client.force_login(badung_secretary)
    with hostile.huge_cell_csv(tmp_path, mb=2).open("rb") as upload:
        response = client.post("/admin/impor/", {"kind": "business", "file": upload})
    assert "Berkas lebih besar dari 1 MB; pecah menjadi beberapa bagian" in response.text
    assert "KRIYA_IMPORT_MAX_FILE_MB" in response.text and not ImportBatch.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_100000_row_long_text_file_at_the_unpacked_limit_imports_under_400_mb(
    database,  # noqa: F811
    tmp_path,
):
    seed(CraftCategory)  # an earlier test's flush may have emptied the migrated taxonomy
    path = hostile.long_text_xlsx(tmp_path)
    args = ["import_register", str(path), "--council", "51.03", "--commit"]
    peak, status, told = hostile.command_peak_mb(args, env=database, cwd=ROOT)
    assert status == 0, told[-2000:]
    assert '"ok": 100000' in told and '"created": 100000' in told
    assert count_imported(database, "Usaha Kerajinan") == 100_000
    assert peak < 400, f"{peak:.0f} MB"


@pytest.mark.django_db(transaction=True)
def test_the_same_file_with_a_problem_on_every_row_is_reported_under_400_mb(
    database,  # noqa: F811
    tmp_path,
):
    """The command prints as many problem rows as the import page keeps, and the count of
    all of them, so a file that is wrong on every row costs no more than a clean one."""
    seed(CraftCategory)
    path = hostile.long_text_xlsx(tmp_path, craft="Qwzx Vbnm")
    args = ["import_register", str(path), "--council", "51.03"]
    peak, status, told = hostile.command_peak_mb(args, env=database, cwd=ROOT)
    assert status == 0, told[-2000:]
    assert '"problem_rows": 100000' in told and "qwzx vbnm" in told.lower()
    assert told.count('"row": ') == 5000
    assert count_imported(database, "Usaha Kerajinan") == 0
    assert peak < 400, f"{peak:.0f} MB"


@pytest.mark.django_db
def test_the_upload_form_names_the_size_limit_the_settings_set(client, badung_secretary, settings):
    client.force_login(badung_secretary)
    assert "Paling besar 50 MB" in client.get("/admin/impor/").text
    settings.IMPORT_MAX_FILE_MB = 7  # a council's IT lowered it
    assert "Paling besar 7 MB" in client.get("/admin/impor/").text
