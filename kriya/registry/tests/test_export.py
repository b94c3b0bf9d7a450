import csv
import io

from openpyxl import load_workbook

from conftest import make_user
from kriya.accounts.models import PersonalDataExport, Role
from kriya.regions.models import Village
from kriya.registry.models import Artisan, Business


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
