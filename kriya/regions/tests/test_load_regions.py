import csv
import gzip
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kriya.regions.models import District, Province, Regency, Village
from kriya.regions.services import DATA_DIR


def run(*args) -> str:
    out = StringIO()
    call_command("load_regions", *args, stdout=out)
    return out.getvalue()


def bali_files(tmp_path: Path, edit=None) -> Path:
    """Copy Bali's part of the official files, optionally edited as a newer decree would."""
    for stem in ["provinces", "regencies", "districts", "villages"]:
        with gzip.open(DATA_DIR / f"{stem}.csv.gz", "rt", encoding="utf-8") as handle:
            rows = [row for row in csv.reader(handle)]
        header, body = rows[0], [r for r in rows[1:] if r[0] == "51" or r[0].startswith("51.")]
        if edit:
            body = edit(stem, body)
        with open(tmp_path / f"{stem}.csv", "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([header, *body])
    return tmp_path


@pytest.mark.django_db
def test_it_loads_the_official_counts_into_empty_tables():
    Village.objects.all().delete()
    District.objects.all().delete()
    Regency.objects.all().delete()
    Province.objects.all().delete()
    output = run()
    assert "38" in output and "514" in output and "7285" in output and "83762" in output
    assert (
        Province.objects.count(),
        Regency.objects.count(),
        District.objects.count(),
        Village.objects.count(),
    ) == (38, 514, 7285, 83762)


@pytest.mark.django_db
def test_a_second_run_changes_nothing_and_says_so():
    output = run()
    assert "83762" in output
    assert "Tidak ada perubahan" in output


@pytest.mark.django_db
def test_badung_has_its_62_villages_with_desa_and_kelurahan_told_apart():
    badung = Village.objects.filter(code__startswith="51.03.")
    assert badung.count() == 62
    getasan = Village.objects.get(code="51.03.04.2005")
    assert getasan.name == "Getasan" and getasan.kind == Village.Kind.DESA
    assert Village.objects.get(code="51.03.01.1001").kind == Village.Kind.KELURAHAN
    assert str(getasan) == "Desa Getasan · Kec. Petang · Kab. Badung · Bali"


@pytest.mark.django_db
def test_a_newer_decree_renames_adds_and_retires_without_losing_codes(tmp_path):
    def decree(stem, rows):
        if stem != "villages":
            return rows
        rows = [r for r in rows if r[0] != "51.03.03.2006"]  # Sedang dropped
        rows = [[r[0], r[1], "Getasan Kaja"] if r[0] == "51.03.04.2005" else r for r in rows]
        return rows + [["51.03.04.2099", "51.03.04", "Desa Baru"]]

    output = run("--source", str(bali_files(tmp_path, decree)), "--only", "51")
    assert "1 " in output and "51.03.04.2099" in output and "51.03.03.2006" in output
    assert Village.objects.get(code="51.03.04.2005").name == "Getasan Kaja"
    assert Village.objects.filter(code="51.03.04.2005").count() == 1
    sedang = Village.objects.get(code="51.03.03.2006")
    assert sedang.is_active is False  # kept: records may point to it
    assert Village.objects.get(code="51.03.04.2099").is_active
    # Codes outside the loaded province are untouched by a partial run.
    assert Village.objects.filter(code__startswith="52.", is_active=False).count() == 0

    back = run("--only", "51")  # the official file again: Sedang returns, the rename reverts
    assert Village.objects.get(code="51.03.03.2006").is_active
    assert Village.objects.get(code="51.03.04.2005").name == "Getasan"
    assert "51.03.03.2006" in back


@pytest.mark.django_db
def test_bad_files_are_refused_with_row_numbers_and_nothing_is_written(tmp_path):
    def broken(stem, rows):
        if stem == "villages":
            return rows + [rows[0], ["51.99.01.2001", "51.99.01", "Tanpa Induk"], ["5103", "", ""]]
        if stem == "regencies":
            return [[r[0], r[1], "Kabupaten Ganti"] for r in rows]
        return rows

    with pytest.raises(CommandError) as error:
        run("--source", str(bali_files(tmp_path, broken)), "--only", "51")
    message = str(error.value)
    assert "villages.csv" in message and "51.01.01.1006" in message  # the duplicate
    assert "51.99.01" in message  # the unknown parent
    assert "5103" in message  # the malformed code
    assert not Regency.objects.filter(name="Kabupaten Ganti").exists()


@pytest.mark.django_db
def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="provinces.csv"):
        run("--source", str(tmp_path))
