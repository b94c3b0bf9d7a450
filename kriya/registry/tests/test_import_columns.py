"""Which column is which, and the rows councils add to their files: abbreviated headings in
the shapes regencies use, headings under a title, totals rows, negative numbers in every
notation, and namesakes with different NIKs; files written here and read back."""

import io
import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from kriya.regions.services import create_council
from kriya.registry.importer import commit_preview, preview_file, propose_columns
from kriya.registry.importer.columns import find_columns
from kriya.registry.importer.template import ARTISAN_COLUMNS, BUSINESS_COLUMNS
from kriya.registry.importer.values import rupiah_signed, whole_number
from kriya.registry.models import Artisan, Business
from kriya.registry.tests.files import xlsx

DATA = Path(__file__).parent / "data"
NIK_SARI = "5103045507900001"  # Kec. Petang, a woman born 15 July 1990
NIK_OTHER_SARI = "5103046203850002"  # Kec. Petang, a woman born 22 March 1985


def preview(content: bytes, council, kind: str = "business", **options):
    return preview_file(content=content, filename="x.xlsx", council=council, kind=kind, **options)


def reasons(row) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for column, reason in row.problems:
        found.setdefault(column, []).append(reason)
    return found


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("No. HP/WA", "phone"),
        ("No HP", "phone"),
        ("Telp.", "phone"),
        ("Nomor Telepon / WhatsApp", "phone"),
        ("Kontak (WA)", "phone"),
        ("Jml Tenaga Kerja", "workers"),
        ("Jumlah TK (orang)", "workers"),
        ("Tenaga Kerja (Org)", "workers"),
        ("Jml. Karyawan", "workers"),
        ("Omzet / Tahun (Rp)", "turnover_year"),
        ("Omset Per Tahun", "turnover_year"),
        ("Penjualan/thn (Rp)", "turnover_year"),
        ("Omzet (Rp)", "turnover_year"),
        ("Omzet (Rp/bln)", "turnover_month"),
        ("Omset per Bulan", "turnover_month"),
        ("Penjualan Per Bln", "turnover_month"),
        ("Modal Usaha (Rp)", "capital"),
        ("Nama IKM", "business_name"),
        ("Nama Pemilik Usaha", "owner_name"),
        ("Nama Pengrajin", "owner_name"),
        ("No. KTP", "nik"),
        ("L/P", "sex"),
        ("Kel./Desa", "village"),
        ("Kode Desa", "village_code"),
        ("Kec.", "district"),
        ("Kecamtan", "district"),  # a typo
        ("Kab/Kota", "regency"),
        ("Thn Berdiri", "year_founded"),
        ("Alamat Usaha", "address"),
        ("Jenis Kerajinan", "category"),
    ],
)
def test_a_heading_in_the_shape_regencies_write_goes_to_its_field(heading, field):
    columns = find_columns([["REKAP IKM 2026"], ["Keterangan", heading]])
    assert columns.header_row == 1 and columns.field_of(1) == field


def test_the_best_scoring_column_wins_and_the_other_is_said_unused_with_its_closest_field():
    columns = find_columns(
        [["No.", "Nama Usaha", "Desa", "Omzet (Rp)", "Omzet per Tahun (Rp)", "Foto", "Harga Rp"]]
    )
    assert columns.field_of(4) == "turnover_year" and columns.field_of(3) == ""
    assert columns.unused_notes() == [
        "Kolom “Omzet (Rp)” tidak dipakai: omzet per tahun sudah diambil dari kolom "
        "“Omzet per Tahun (Rp)”.",
        "Kolom “Foto” tidak dipakai: tidak ada data Kriya yang mirip.",
        "Kolom “Harga Rp” tidak dipakai: tidak ada data Kriya yang mirip.",
    ]  # "No." numbers the rows: not a column to mention


@pytest.mark.parametrize("cell", ["-3", "−3", "(3)", "- 3", "–3", -3, -3.0, " -3 "], ids=repr)
def test_minus_three_reads_as_minus_three_in_every_notation(cell):
    assert whole_number(cell, low=-10) == -3


@pytest.mark.parametrize(("cell", "number"), [(7.0, 7), ("1.500", 1500), ("12", 12), ("3,0", 3)])
def test_whole_numbers_are_not_multiplied_by_ten(cell, number):
    assert whole_number(cell) == number  # 7.0 from Excel once read as 70


@pytest.mark.parametrize(
    "cell", ["Rp -25.000", "-Rp 25.000", "(Rp 25.000)", "Rp (25.000)", "- 25.000", "−25.000"]
)
def test_negative_rupiah_in_every_notation(cell):
    assert rupiah_signed(cell) == Decimal(-25_000)


def test_a_closing_dash_is_not_a_minus():
    assert rupiah_signed("Rp 150.000,-") == Decimal(150_000)


def _abbreviated_file() -> bytes:
    return xlsx(
        [
            ["DATA IKM BINAAN DEKRANASDA KABUPATEN BADUNG TAHUN 2026"],
            [],
            [
                "No.",
                "Nama IKM",
                "Nama Pemilik",
                "Kel./Desa",
                "Kec.",
                "No. HP/WA",
                "Jml Tenaga Kerja",
                "Omzet / Tahun (Rp)",
                "Foto",
            ],
            [
                1,
                "Tenun Sari",
                "Ni Luh Sari",
                "Getasan",
                "Petang",
                "0812-3456-7890",
                4,
                "Rp 120.000.000",
                "",
            ],
            [
                2,
                "Ukir Arta",
                "I Made Arta",
                "Pangsan",
                "Petang",
                "0813 1111 2222",
                "12",
                "85 jt",
                "",
            ],
        ]
    )


def test_abbreviated_headings_under_a_title_fill_phone_workers_and_turnover(badung):
    result = preview(_abbreviated_file(), badung)
    assert result.columns.header_row == 2
    assert [(a["heading"], a["field"]) for a in result.columns.assignments()] == [
        ("No.", ""),
        ("Nama IKM", "business_name"),
        ("Nama Pemilik", "owner_name"),
        ("Kel./Desa", "village"),
        ("Kec.", "district"),
        ("No. HP/WA", "phone"),
        ("Jml Tenaga Kerja", "workers"),
        ("Omzet / Tahun (Rp)", "turnover_year"),
        ("Foto", ""),
    ]
    assert result.counts()["ok"] == 2
    commit_preview(result, mode="valid")
    sari = Business.objects.get(name="Tenun Sari")
    assert (sari.phone, sari.workers, sari.yearly_turnover) == ("+6281234567890", 4, 120_000_000)
    assert Business.objects.get(name="Ukir Arta").workers == 12


def test_a_corrected_mapping_is_the_one_used(badung):
    content = xlsx(
        [
            ["Nama Usaha", "Desa", "No. HP/WA", "Telp Usaha"],
            ["Tenun Sari", "Getasan", "0812-3456-7890", "0813-9999-0000"],
        ]
    )
    columns = propose_columns(content=content, filename="x.xlsx")
    assert columns.field_of(2) == "phone" and columns.field_of(3) == ""
    chosen = columns.with_fields({0: "business_name", 1: "village", 2: "", 3: "phone"})
    commit_preview(preview(content, badung, columns=chosen), mode="valid")
    assert Business.objects.get().phone == "+6281399990000"


def test_a_mapping_without_the_business_name_is_refused(badung):
    content = xlsx([["Nama Usaha", "Desa"], ["Tenun Sari", "Getasan"]])
    columns = propose_columns(content=content, filename="x.xlsx").with_fields({1: "village"})
    with pytest.raises(ValidationError, match="Kolom wajib tidak ada: nama usaha"):
        preview(content, badung, columns=columns)


def test_negative_workers_turnover_and_capital_are_flagged_by_row_and_column(badung):
    content = xlsx(
        [
            ["Nama Usaha", "Desa", "Jml Tenaga Kerja", "Omzet/Tahun", "Modal (Rp)"],
            ["Tenun A", "Getasan", "-3", "Rp -25.000", "(Rp 1.500.000)"],
            ["Tenun B", "Getasan", "−3", "−25.000", ""],
            ["Tenun C", "Getasan", "(3)", "", ""],
            ["Tenun D", "Getasan", "- 3", "", ""],
            ["Tenun E", "Getasan", -3, -25000, ""],
            ["Tenun F", "Getasan", "3", "25.000", ""],
        ]
    )
    rows = preview(content, badung).rows
    first = reasons(rows[0])
    assert first["Jml Tenaga Kerja"] == [
        "“-3” terbaca -3: tenaga kerja tidak boleh kurang dari nol, jadi dikosongkan."
    ]
    assert first["Omzet/Tahun"] == [
        "“Rp -25.000” terbaca -Rp 25.000: omzet per tahun tidak boleh kurang dari nol, "
        "jadi dikosongkan."
    ]
    assert "-Rp 1.500.000" in first["Modal (Rp)"][0]
    for row in rows[1:5]:
        assert any("terbaca -3:" in reason for reason in reasons(row)["Jml Tenaga Kerja"])
        assert not any("-30" in reason for _column, reason in row.problems)
        assert row.business["workers"] is None and row.status == "warning"
    assert rows[5].problems == [] and rows[5].business["workers"] == 3


def test_totals_rows_are_skipped_with_a_note(badung):
    book = Workbook()
    sheet = book.active
    for row in [
        ["REKAP IKM"],
        ["No", "Nama Usaha", "Nama Perajin", "Desa", "Tenaga Kerja", "Omzet/Tahun"],
        [1, "Tenun A", "Ni Luh A", "Getasan", 3, 10_000_000],
        [2, "Tenun B", "Ni Luh B", "Getasan", 4, 20_000_000],
        ["JUMLAH", None, None, None, 7, "=SUM(F3:F4)"],
        ["", "Total", "", "", 7, 30_000_000],
        [3, "Tenun C", "Ni Luh C", "Pangsan", 1, 5_000_000],
        ["Jumlah Keseluruhan", None, None, None, 8, 35_000_000],
        ["Total :", "", "", "", 8, 35_000_000],
    ]:
        sheet.append(row)
    sheet.merge_cells("A5:D5")  # "JUMLAH" over the number, name and village cells
    out = io.BytesIO()
    book.save(out)
    result = preview(out.getvalue(), badung)
    assert result.counts() == {"rows": 3, "ok": 3, "warning": 0, "error": 0, "duplicate": 0}
    assert [note for note in result.notes if "jumlah" in note] == [
        "Baris 5: baris jumlah, dilewati.",
        "Baris 6: baris jumlah, dilewati.",
        "Baris 8: baris jumlah, dilewati.",
        "Baris 9: baris jumlah, dilewati.",
    ]
    commit_preview(result, mode="all")
    assert sorted(Business.objects.values_list("name", flat=True)) == [
        "Tenun A",
        "Tenun B",
        "Tenun C",
    ]


def test_a_namesake_with_another_nik_is_another_person_never_merged(badung, badung_village):
    registered = Artisan.objects.create(name="Ni Luh Sari", nik=NIK_SARI, village=badung_village)
    content = xlsx(
        [
            ["Nama Usaha", "Nama Perajin", "NIK", "Desa"],
            ["Tenun Sari Dua", "Ni Luh Sari", NIK_OTHER_SARI, "Getasan"],
        ]
    )
    result = preview(content, badung)
    row = result.rows[0]
    assert row.status == "warning" and row.artisan_id is None
    assert reasons(row)["NIK"] == [
        f"“Ni Luh Sari” (#{registered.pk}) di desa ini bernama sama tetapi NIK-nya lain "
        f"({NIK_SARI}): baris ini orang lain dan didaftarkan tersendiri."
    ]
    commit_preview(result, mode="valid")
    owner = Business.objects.get(name="Tenun Sari Dua").owner
    assert owner.pk != registered.pk and owner.nik == NIK_OTHER_SARI
    assert Artisan.objects.get(pk=registered.pk).nik == NIK_SARI  # untouched


def test_a_namesake_with_a_nik_on_one_side_only_is_a_suspected_duplicate(badung, badung_village):
    registered = Artisan.objects.create(name="Ni Luh Sari", nik=NIK_SARI, village=badung_village)
    content = xlsx(
        [
            ["Nama Perajin", "NIK", "Desa"],
            ["Ni Luh Sari", "", "Getasan"],
        ]
    )
    result = preview(content, badung, kind="artisan")
    row = result.rows[0]
    assert row.status == "duplicate"
    assert reasons(row)["Nama Perajin"] == [
        f"Namanya sama dengan “Ni Luh Sari” (#{registered.pk}) di desa ini, tetapi hanya satu "
        "yang ber-NIK: diduga ganda, dilewati; periksa apakah mereka satu orang, lalu "
        "lengkapi NIK-nya atau gabungkan."
    ]
    commit_preview(result, mode="valid")
    assert Artisan.objects.count() == 1


def test_two_rows_of_one_name_with_two_niks_are_two_artisans(badung):
    content = xlsx(
        [
            ["Nama Perajin", "NIK", "Desa"],
            ["Ni Luh Sari", NIK_SARI, "Getasan"],
            ["Ni Luh Sari", NIK_OTHER_SARI, "Getasan"],
        ]
    )
    result = preview(content, badung, kind="artisan")
    assert [row.status for row in result.rows] == ["ok", "ok"]
    commit_preview(result, mode="all")
    assert sorted(Artisan.objects.values_list("nik", flat=True)) == [NIK_SARI, NIK_OTHER_SARI]


def test_the_same_name_without_any_nik_is_still_the_same_person(badung, badung_village):
    registered = Artisan.objects.create(name="I Made Arta", village=badung_village)
    content = xlsx(
        [["Nama Usaha", "Nama Perajin", "Desa"], ["Ukir Arta", "I Made Arta", "Getasan"]]
    )
    commit_preview(preview(content, badung), mode="valid")
    assert Business.objects.get().owner_id == registered.pk


def test_the_command_prints_the_mapping_and_takes_corrections(tmp_path, badung):
    path = tmp_path / "rekap.csv"
    path.write_text(
        "No;Nama Usaha;Desa;No. HP/WA;Telp Usaha;Jml Tenaga Kerja\n"
        "1;Tenun Sari;Getasan;0812-3456-7890;0813-9999-0000;(3)\n"
        "2;JUMLAH;;;;3\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("import_register", str(path), "--council", "51.03", stdout=out)
    report = json.loads(out.getvalue())
    assert {c["heading"]: c["field"] for c in report["columns"]} == {
        "No": "",
        "Nama Usaha": "business_name",
        "Desa": "village",
        "No. HP/WA": "phone",
        "Telp Usaha": "",
        "Jml Tenaga Kerja": "workers",
    }
    assert "Baris 3: baris jumlah, dilewati." in report["notes"]
    assert "terbaca -3" in report["problems"][0]["problems"][0]["reason"]
    out = StringIO()
    call_command(
        "import_register",
        str(path),
        "--council",
        "51.03",
        "--column",
        "telp usaha=phone",
        "--column",
        "No. HP/WA=",
        "--commit",
        stdout=out,
    )
    columns = {c["heading"]: c["field"] for c in json.loads(out.getvalue())["columns"]}
    assert columns["Telp Usaha"] == "phone" and columns["No. HP/WA"] == ""
    assert Business.objects.get().phone == "+6281399990000"


@pytest.mark.parametrize(
    ("override", "says"),
    [("Nomor WA=phone", "Tidak ada kolom berjudul “Nomor WA”"), ("Desa=kampung", "“kampung”")],
)
def test_the_command_refuses_a_correction_it_cannot_follow(tmp_path, badung, override, says):
    path = tmp_path / "rekap.csv"
    path.write_text("Nama Usaha;Desa\nTenun Sari;Getasan\n", encoding="utf-8")
    with pytest.raises(CommandError, match=says):
        call_command(
            "import_register",
            str(path),
            "--council",
            "51.03",
            "--column",
            override,
            stdout=StringIO(),
        )


@pytest.mark.django_db
def test_the_blitar_sample_maps_phone_workers_and_monthly_turnover():
    blitar = create_council(code="35.05")
    content = (DATA / "register_blitar_2024.xlsx").read_bytes()
    result = preview_file(content=content, filename="b.xlsx", council=blitar, kind="business")
    fields = {a["heading"]: a["field"] for a in result.columns.assignments()}
    assert fields["Telp"] == "phone" and fields["Tenaga Kerja"] == "workers"
    assert fields["Omset per bulan"] == "turnover_month" and fields["Produk"] == "category"
    commit_preview(result, mode="valid")
    kendang = Business.objects.get(name="Kendang Jaya")
    assert kendang.workers == 7 and kendang.phone == "+6281330001001"  # 7.0, not 70


@pytest.mark.django_db
def test_the_bengkulu_sample_maps_its_wa_number_and_the_empty_trailing_column():
    bengkulu = create_council(code="17")
    content = (DATA / "register_bengkulu_2021.csv").read_bytes()
    result = preview_file(content=content, filename="b.csv", council=bengkulu, kind="business")
    fields = {a["heading"]: a["field"] for a in result.columns.assignments()}
    assert fields == {
        "No": "",
        "Nama UMKM": "business_name",
        "Pemilik": "owner_name",
        "Kab/Kota": "regency",
        "Kecamatan": "district",
        "Kel/Desa": "village",
        "Kategori": "category",
        "No. WA": "phone",
        "Omzet/Tahun": "turnover_year",
    }
    assert result.notes == []  # nothing unused to mention
    commit_preview(result, mode="all")
    assert Business.objects.get(name="Anyaman Rotan Seluma").phone == "+6282177002003"


@pytest.mark.parametrize("columns", [BUSINESS_COLUMNS, ARTISAN_COLUMNS], ids=["usaha", "perajin"])
def test_every_heading_of_the_blank_template_goes_to_its_own_field(columns):
    found = find_columns([[column[0] for column in columns]])
    assert [found.field_of(c) != "" for c in range(len(columns))] == [True] * len(columns)


def test_a_heading_merged_over_two_rows_of_parts_is_read_with_its_parts(badung):
    book = Workbook()
    sheet = book.active
    for row in [
        ["REKAPITULASI IKM KABUPATEN BADUNG"],
        ["No", "Nama Usaha", "Desa", "Tenaga Kerja", None, None, "Omzet (Rp)", None],
        [None, None, None, "L", "P", "Jumlah", "Per Bulan", "Per Tahun"],
        [1, "Tenun Sari", "Getasan", 2, 3, 5, "10 jt", "120.000.000"],
    ]:
        sheet.append(row)
    for cells in ["A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:H2"]:
        sheet.merge_cells(cells)
    out = io.BytesIO()
    book.save(out)
    result = preview(out.getvalue(), badung)
    assert result.columns.header_row == 2  # data starts under the second heading row
    assert [(a["heading"], a["field"]) for a in result.columns.assignments()] == [
        ("No", ""),
        ("Nama Usaha", "business_name"),
        ("Desa", "village"),
        ("Tenaga Kerja L", ""),
        ("Tenaga Kerja P", ""),
        ("Tenaga Kerja Jumlah", "workers"),  # the total, not the men only
        ("Omzet (Rp) Per Bulan", "turnover_month"),
        ("Omzet (Rp) Per Tahun", "turnover_year"),
    ]
    assert (
        "Kolom “Tenaga Kerja P” tidak dipakai: tenaga kerja sudah diambil dari kolom "
        "“Tenaga Kerja Jumlah”." in result.notes
    )
    row = result.rows[0]
    assert row.number == 4 and row.business["yearly_turnover"] == 120_000_000
    assert row.business["workers"] == 5


def test_a_business_of_the_same_name_with_another_nib_is_another_business(badung, badung_village):
    registered = Business.objects.create(
        name="Tenun Sari", village=badung_village, nib="1234567890123"
    )
    content = xlsx([["Nama Usaha", "NIB", "Desa"], ["Tenun Sari", "9876543210987", "Getasan"]])
    result = preview(content, badung)
    assert result.rows[0].status == "ok" and result.rows[0].business_id is None
    commit_preview(result, mode="valid")
    assert sorted(Business.objects.values_list("nib", flat=True)) == [
        "1234567890123",
        "9876543210987",
    ]
    assert Business.objects.get(pk=registered.pk).nib == "1234567890123"
