"""The import engine on real-shaped files: the samples councils send, and odd cells."""

import io
import json
import re
import zipfile
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils.translation import gettext
from openpyxl import Workbook

from kriya.regions.services import create_council
from kriya.registry.importer import commit_preview, preview_file
from kriya.registry.importer.values import rupiah
from kriya.registry.models import Artisan, Business
from kriya.registry.tests.files import xlsx

DATA = Path(__file__).parent / "data"


def problems(preview) -> dict[int, list[str]]:
    return {
        row.number: [reason for _column, reason in row.problems]
        for row in preview.rows
        if row.problems
    }


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("Rp 25.000.000", 25_000_000),
        ("6.000.000", 6_000_000),
        ("8,5 jt", 8_500_000),
        ("180.000.000,00", 180_000_000),
        ("1,2 M", 1_200_000_000),
        (12500000.0, 12_500_000),
        ("12500000.0", 12_500_000),
        ("Rp. 1.250.000", 1_250_000),
        ("2 juta", 2_000_000),
        ("", None),
    ],
)
def test_rupiah_is_read_in_every_spelling_councils_use(cell, amount):
    assert rupiah(cell) == (Decimal(amount) if amount is not None else None)


@pytest.mark.parametrize("cell", ["dua juta", "Rp 5 kg", "12-13"])
def test_what_is_not_an_amount_says_so(cell):
    with pytest.raises(ValueError, match=cell.split()[0]):
        rupiah(cell)


@pytest.mark.django_db
def test_the_blitar_sample_finds_its_header_twins_and_the_number_nik():
    blitar = create_council(code="35.05")
    preview = preview_file(
        content=(DATA / "register_blitar_2024.xlsx").read_bytes(),
        filename="register_blitar_2024.xlsx",
        council=blitar,
        kind="business",
    )
    assert preview.columns.header_row == 2  # row 3, under the title
    found = problems(preview)
    assert any("15" in reason for reason in found[5])  # NIK arrived as a number
    assert any("Sumberjo" in reason and "Kademangan" in reason for reason in found[8])
    assert any("Nglegok" in reason for reason in found[10])
    assert preview.counts()["error"] == 2
    assert any("12" in note for note in preview.notes)  # monthly turnover × 12
    result = commit_preview(preview, mode="valid")
    assert result.created == 5 and result.skipped == 2
    bendosari = Business.objects.filter(village__name="Bendosari").order_by("village_id")
    assert [b.village.district.name for b in bendosari] == ["Kademangan", "Sanankulon"]
    kendang = Business.objects.get(name="Kendang Jaya")
    assert kendang.yearly_turnover == 25_000_000 * 12 and kendang.phone == "+6281330001001"
    assert kendang.categories.get().slug == "kendang"


@pytest.mark.django_db
def test_the_bengkulu_csv_imports_across_regencies_for_the_province():
    bengkulu = create_council(code="17")
    preview = preview_file(
        content=(DATA / "register_bengkulu_2021.csv").read_bytes(),
        filename="register_bengkulu_2021.csv",
        council=bengkulu,
        kind="business",
    )
    assert preview.counts() == {"rows": 3, "ok": 3, "warning": 0, "error": 0, "duplicate": 0}
    commit_preview(preview, mode="all")
    batik = Business.objects.get(name="Batik Besurek Rafflesia")
    assert batik.yearly_turnover == 180_000_000 and batik.owner.name == "Hj. Rohana"
    assert batik.village.district.regency.name == "Kota Bengkulu"
    assert Business.objects.get(name="Anyaman Rotan Seluma").village.name == "Napal"


@pytest.mark.django_db
def test_importing_the_same_file_twice_creates_nothing_new():
    blitar = create_council(code="35.05")
    content = (DATA / "register_blitar_2024.xlsx").read_bytes()
    for _time in range(2):
        result = commit_preview(
            preview_file(content=content, filename="b.xlsx", council=blitar, kind="business"),
            mode="valid",
        )
    assert (result.created, result.unchanged) == (0, 5)
    assert Business.objects.count() == 5 and Artisan.objects.count() == 5


def test_headings_in_english_in_any_order_and_a_sci_notation_nik(badung):
    content = xlsx(
        [
            ["village", "NIK", "Artisan", "Business name"],
            ["Getasan", "5.10304120378E+15", "Ni Luh Sari", "Tenun Sari"],
        ]
    )
    preview = preview_file(content=content, filename="x.xlsx", council=badung, kind="business")
    row = preview.rows[0]
    assert row.status == "warning" and row.business["village_id"] == "51.03.04.2005"
    assert any("notasi ilmiah" in reason for _c, reason in row.problems)


def test_duplicates_within_the_file_and_against_the_register(badung, badung_village):
    Business.objects.create(name="Ukiran Sudarsana", village=badung_village, nib="1234567890123")
    content = xlsx(
        [
            ["Nama Usaha", "NIB", "Desa"],
            ["Ukiran Sudarsana Jaya", "1234567890123", "Getasan"],  # same NIB: update
            ["Tenun Sari", "", "Getasan"],
            ["TENUN SARI", "", "Getasan"],
        ]
    )  # same as the row above
    preview = preview_file(content=content, filename="x.xlsx", council=badung, kind="business")
    first, second, third = preview.rows
    assert first.business_id is not None and first.status == "ok"
    assert second.status == "ok" and third.status == "duplicate"
    result = commit_preview(preview, mode="valid")
    assert (result.created, result.updated, result.skipped) == (1, 1, 1)
    assert Business.objects.get(nib="1234567890123").name == "Ukiran Sudarsana Jaya"


def test_a_sibling_council_cannot_import_into_badung_villages(gianyar):
    content = xlsx([["Nama Usaha", "Desa", "Kecamatan"], ["Tenun Sari", "Getasan", "Petang"]])
    preview = preview_file(content=content, filename="x.xlsx", council=gianyar, kind="business")
    assert preview.rows[0].status == "error"
    commit_preview(preview, mode="valid")
    assert not Business.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "says"),
    [
        (b"", "kosong.xlsx", "kosong"),
        (b"%PDF-1.7 ...", "laporan.xlsx", "bukan lembar kerja"),
        (b"PK\x03\x04broken zip", "rusak.xlsx", "tidak dapat dibaca"),
        (b"Nomor;Catatan\n1;x\n", "lain.csv", "judul kolom"),
        (b"Nama Usaha;Telp\nTenun;0812\n", "tanpa-desa.csv", "Kolom wajib"),
    ],
)
def test_a_bad_file_is_refused_with_what_to_fix(badung, content, name, says):
    with pytest.raises(ValidationError) as error:
        preview_file(content=content, filename=name, council=badung, kind="business")
    assert says in " ".join(error.value.messages)


def test_the_command_prints_the_preview_and_writes_only_with_commit(tmp_path, badung):
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(
        xlsx([["Nama Usaha", "Desa"], ["Tenun Sari", "Getasan"], ["Payung", "Mengwy"]])
    )
    out = StringIO()
    call_command("import_register", str(path), "--council", "51.03", stdout=out)
    report = json.loads(out.getvalue())
    assert report["counts"]["ok"] == 1 and report["counts"]["error"] == 1
    assert (
        report["problems"][0]["row"] == 3
        and "Mengwi" in report["problems"][0]["problems"][0]["reason"]
    )
    assert not Business.objects.exists()
    out = StringIO()
    call_command("import_register", str(path), "--council", "51.03", "--commit", stdout=out)
    assert json.loads(out.getvalue())["result"]["created"] == 1
    with pytest.raises(CommandError, match="Semua atau tidak"):
        call_command(
            "import_register",
            str(path),
            "--council",
            "51.03",
            "--commit",
            "--mode",
            "all",
            stdout=StringIO(),
        )


def test_a_merged_district_cell_counts_for_every_row_it_covers(badung):
    book = Workbook()
    sheet = book.active
    for row in [
        ["Nama Usaha", "Desa", "Kecamatan"],
        ["Tenun A", "Getasan", "Petang"],
        ["Sokasi B", "Pangsan", None],
        ["Kopi C", "Pelaga", None],
        ["Ukir D", "Sedang", None],
    ]:
        sheet.append(row)
    sheet.merge_cells("C2:C4")  # Petang, written once for three villages
    out = io.BytesIO()
    book.save(out)
    preview = preview_file(
        content=out.getvalue(), filename="x.xlsx", council=badung, kind="business"
    )
    villages = [row.business["village_id"] for row in preview.rows]
    assert villages[:3] == ["51.03.04.2005", "51.03.04.2006", "51.03.04.2004"]
    assert villages[3] == "51.03.03.2006"  # not merged, no district: Sedang is unique here


def test_numbers_with_dots_and_a_monthly_turnover(badung):
    content = xlsx(
        [
            ["Nama Usaha", "Desa", "Omset per bulan", "Tenaga Kerja", "Modal"],
            ["Tenun Sari", "Getasan", "8,5 jt", "12", "1.500.000.000"],
        ]
    )
    row = preview_file(content=content, filename="x.xlsx", council=badung, kind="business").rows[0]
    assert row.business["yearly_turnover"] == 102_000_000
    assert row.business["workers"] == 12 and row.business["capital"] == 1_500_000_000
    assert row.business["scale"] == "kecil"  # capital above Rp 1 miliar (PP 7/2021)


def _with_saved_value(content: bytes, cell: str, value: str) -> bytes:
    """The file as Excel saves it: the formula in ``cell`` keeps its computed value."""
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'(<c r="%s"[^>]*>(<f>[^<]*</f>))<v ?/>' % cell.encode(),
                    rb"\1<v>%s</v>" % value.encode(),
                    data,
                )
            target.writestr(item, data)
    return out.getvalue()


def test_a_formula_without_its_saved_value_is_named_not_read_as_empty(badung):
    # openpyxl, like many exporters, writes formulas without computing them.
    content = xlsx(
        [
            ["Nama Usaha", "Nama Perajin", "Desa", "Omzet per Tahun"],
            ["Tenun Sari", "Ni Luh Sari", "Getasan", "=12*8500000"],
            ["=B3", "Made Ukir", "Getasan", ""],
            ["=B9", "=C9", "Getasan", ""],  # nothing readable but the village
            ["Ukir Jaya", "Wayan Gede", "Getasan", "=5*1000000"],
        ]
    )
    content = _with_saved_value(content, "D5", "5000000")  # saved by Excel: read as is
    preview = preview_file(content=content, filename="x.xlsx", council=badung, kind="business")
    says = gettext(
        "Cell %(cell)s holds a formula without a saved value: open the file in "
        "Excel and save it again."
    )
    turnover, name, names, saved = preview.rows
    assert turnover.status == "warning" and turnover.business["yearly_turnover"] is None
    assert turnover.problems == [("Omzet per Tahun", says % {"cell": "D2"})]
    assert name.status == "error" and ("Nama Usaha", says % {"cell": "A3"}) in name.problems
    assert names.number == 4 and names.status == "error"
    assert ("Nama Perajin", says % {"cell": "B4"}) in names.problems
    assert saved.status == "ok" and saved.business["yearly_turnover"] == 5_000_000
