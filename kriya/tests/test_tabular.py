"""The one rule for text in spreadsheets, and the CSV side of the writer, on real files."""

import datetime as dt
from decimal import Decimal

import pytest

from kriya.lib.tabular import Column, Kind, Table, is_formula_like, national_phone, write_csv
from kriya.lib.xlsx import write_xlsx
from kriya.tests.spreadsheets import formula_free_workbook, safe_csv_rows


@pytest.mark.parametrize(
    "text", ["=1", "+SUM(1)", "-2+3", "@cmd", "\t=1", "\r=1", "   =1", " \t+1", "\n@x"]
)
def test_formula_like_text_is_caught(text):
    assert is_formula_like(text)


@pytest.mark.parametrize("text", ["", "Tenun Endek", "1+1", "a=b", "Rp 1.250.000", "'=1"])
def test_plain_text_is_left_alone(text):
    assert not is_formula_like(text)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("+6281234567890", "0812-3456-7890"),
        ("+62 812-3456-7890", "0812-3456-7890"),
        ("0812 3456 789", "0812-3456-789"),
        ("(0361) 234567", "0361-234567"),
        ("+65 9123 4567", ""),  # not Indonesian: written as text, under the rule
        ("besok", ""),
    ],
)
def test_indonesian_phones_take_their_national_form(typed, written):
    assert national_phone(typed) == written


def test_the_csv_keeps_numbers_numeric_and_text_inert(tmp_path):
    columns = [
        Column("Nama"),
        Column("Telp", Kind.PHONE),
        Column("Jumlah", Kind.NUMBER),
        Column("Nilai (Rp)", Kind.MONEY),
        Column("Tanggal", Kind.DATE),
    ]
    rows = [
        ["-2+3", "+65 9123 4567", -3, Decimal("-125000.4"), dt.date(2026, 11, 22)],
        ['Perak; "Celuk"', "+62 812-3456-7890", Decimal("2.5"), Decimal("1250000.5"), None],
        ["@cmd", "", "-7", None, "kemarin"],
    ]
    path = tmp_path / "daftar.csv"
    path.write_bytes(write_csv(Table("Daftar", columns, rows)))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert safe_csv_rows(path.read_bytes()) == [
        ["Nama", "Telp", "Jumlah", "Nilai (Rp)", "Tanggal"],
        ["'-2+3", "'+65 9123 4567", "-3", "-125000", "2026-11-22"],
        ['Perak; "Celuk"', "0812-3456-7890", "2,5", "1250001", ""],
        ["'@cmd", "", "'-7", "", "kemarin"],  # text in a number column stays text
    ]


def test_the_xlsx_takes_control_characters_long_text_and_aware_times(tmp_path):
    columns = [Column("Nama"), Column("Waktu", Kind.DATE), Column("Jumlah", Kind.NUMBER)]
    noon = dt.datetime(2026, 11, 22, 4, 0, tzinfo=dt.UTC)  # 11.00 WIB, the time zone set
    rows = [["Tenun\x0b Sari\x00", noon, -4], ["=" + "x" * 40_000, None, "#N/A"]]
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(write_xlsx(Table("Daftar", columns, rows)))
    sheet = formula_free_workbook(path.read_bytes()).active
    first, second = list(sheet.iter_rows(min_row=2))
    assert [first[0].value, first[1].value, first[2].value] == [
        "Tenun Sari",
        dt.datetime(2026, 11, 22, 11, 0),
        -4,
    ]
    assert len(second[0].value) == 32767 and second[0].quotePrefix
    assert (second[2].value, second[2].data_type) == ("#N/A", "s")  # text, not an error
