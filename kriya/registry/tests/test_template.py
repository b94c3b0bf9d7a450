"""The blank register workbook, written by the one spreadsheet writer."""

import io

from openpyxl import load_workbook

from kriya.lib.xlsx import RUPIAH_FORMAT
from kriya.tests.spreadsheets import formula_free_workbook


def test_the_template_holds_no_formula_and_opens_on_the_data_sheet(client, badung_secretary):
    client.force_login(badung_secretary)
    content = client.get("/admin/impor/template-business.xlsx").content
    book = formula_free_workbook(content)
    assert book.sheetnames == ["Petunjuk", "Data", "Daftar"]
    assert book.active.title == "Data"
    guide = [row[0] for row in book["Petunjuk"].iter_rows(values_only=True)]
    assert guide[0] == "Cara mengisi daftar ini"  # the heading, bold, in Indonesian
    assert len(guide) == 7 and book["Petunjuk"]["A1"].font.bold


def test_text_columns_open_as_text_and_amounts_as_rupiah(client, badung_secretary):
    client.force_login(badung_secretary)
    data = load_workbook(io.BytesIO(client.get("/admin/impor/template-business.xlsx").content))[
        "Data"
    ]
    letters = {cell.value: cell.column_letter for cell in data[1]}
    formats = {h: data.column_dimensions[letters[h]].number_format for h in letters}
    assert {formats[h] for h in ("NIK", "NIB", "Kode Desa", "Telp", "Nama Usaha")} == {"@"}
    assert formats["Omzet per Tahun"] == formats["Modal"] == RUPIAH_FORMAT
    assert formats["Tenaga Kerja"] == "General"
    sources = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    assert sources[f"{letters['Jenis Kelamin']}2:{letters['Jenis Kelamin']}5000"] == (
        "=Daftar!$A$1:$A$2"
    )


def test_a_sibling_council_gets_the_same_blank_template(client, gianyar_secretary):
    client.force_login(gianyar_secretary)
    book = formula_free_workbook(client.get("/admin/impor/template-artisan.xlsx").content)
    assert [c.value for c in book["Data"][1]][:3] == ["Nama Perajin", "NIK", "Jenis Kelamin"]
    assert book["Data"].max_row == 1  # headings only: no council's data in it
