import re

from conftest import make_user
from kriya.accounts.models import Role


def cards(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-card="([^"]+)">([^<]+)<', html))


def test_badung_sees_its_62_villages_and_6_districts(client, badung_secretary):
    client.force_login(badung_secretary)
    html = client.get("/admin/").text
    assert "Dekranasda Kabupaten Badung" in html
    figures = cards(html)
    assert (figures["villages"], figures["districts"]) == ("62", "6")


def test_the_province_sees_its_regencies_and_every_village(client, bali_officer, badung):
    client.force_login(bali_officer)
    html = client.get("/admin/").text
    assert "Dekranasda Provinsi Bali" in html
    figures = cards(html)
    assert figures["villages"] == "716"  # Bali's desa/kelurahan
    assert figures["regencies"] == "9"  # kabupaten/kota in Bali
    assert figures["councils"] == "1"  # Badung's council below Bali


def test_a_sibling_sees_its_own_figures_only(client, gianyar_secretary, badung_secretary):
    client.force_login(gianyar_secretary)
    html = client.get("/admin/").text
    assert "Dekranasda Kabupaten Gianyar" in html and "Badung" not in html
    assert cards(html)["villages"] == "70"


def test_the_nation_writes_thousands_with_a_dot(client, nation):
    client.force_login(make_user("pusat", nation, Role.ADMIN))
    assert cards(client.get("/admin/").text)["villages"] == "83.762"


def test_the_dashboard_costs_a_fixed_number_of_queries(
    client, badung_secretary, django_assert_max_num_queries
):
    client.force_login(badung_secretary)
    with django_assert_max_num_queries(15):
        client.get("/admin/")
