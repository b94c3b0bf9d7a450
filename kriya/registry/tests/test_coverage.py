import re

import pytest
from django.core.exceptions import ValidationError

from kriya.regions.models import Village
from kriya.registry.coverage import coverage
from kriya.registry.models import CraftCategory
from kriya.registry.services import set_village_icon


def test_badung_counts_41_of_62_after_the_demo(demo):
    from kriya.regions.models import Council

    result = coverage(Council.objects.get(code="51.03"))
    assert (result.with_icon, result.total) == (41, 62)
    assert sum(row.total for row in result.rows) == 62 and len(result.rows) == 6
    assert len(result.missing) == 21


def test_an_icon_is_set_only_inside_the_council_region(badung):
    endek = CraftCategory.objects.get(slug="endek")
    celuk = Village.objects.get(code="51.04.01.2005")  # Gianyar
    with pytest.raises(ValidationError, match="Celuk"):
        set_village_icon(council=badung, village=celuk, category=endek, title="Endek")
    getasan = Village.objects.get(code="51.03.04.2005")
    set_village_icon(council=badung, village=getasan, category=endek, title="Endek Getasan")
    result = coverage(badung)
    assert result.with_icon == 1
    assert getasan not in result.missing


def test_the_coverage_page_shows_the_figure_and_the_villages_without_icon(client, badung_secretary):
    set_village_icon(
        council=badung_secretary.memberships.get().council,
        village=Village.objects.get(code="51.03.02.2009"),
        category=CraftCategory.objects.get(slug="payung-upacara"),
        title="Payung",
    )
    client.force_login(badung_secretary)
    html = client.get("/admin/ikon-desa/").text
    assert re.search(r'id="coverage-summary">1 / 62<', html)
    assert "Desa Getasan · Kec. Petang" in html and "Desa Mengwi · " not in html
    printable = client.get("/admin/ikon-desa/", {"cetak": "1"}).text
    assert "1 / 62" in printable and "Desa Getasan" in printable


def test_the_province_sees_coverage_per_regency(client, bali_officer):
    client.force_login(bali_officer)
    html = client.get("/admin/ikon-desa/").text
    assert "Kabupaten Badung" in html and "Kabupaten Gianyar" in html
    assert re.search(r'id="coverage-summary">0 / 716<', html)


def test_a_sibling_does_not_see_badung_villages(client, gianyar_secretary):
    client.force_login(gianyar_secretary)
    html = client.get("/admin/ikon-desa/").text
    assert "0 / 70" in html and "Getasan" not in html
