import pytest

from kriya.regions.models import Village
from kriya.regions.selectors import search_villages

URL = "/wilayah/cari-desa/"


def test_a_few_letters_find_the_village_with_its_full_path(client, badung_secretary):
    client.force_login(badung_secretary)
    results = client.get(URL, {"q": "getasan"}).json()["results"]
    assert results == [
        {"code": "51.03.04.2005", "label": "Desa Getasan · Kec. Petang · Kab. Badung · Bali"}
    ]


def test_the_district_tells_namesakes_apart(bali):
    # Sedang exists in Bengkulu too; inside Bali, "sedang abiansemal" names one village.
    found = list(search_villages("sedang abiansemal", council=bali))
    assert [v.code for v in found] == ["51.03.03.2006"]


def test_a_sibling_council_finds_nothing_of_badung(client, gianyar_secretary):
    client.force_login(gianyar_secretary)
    assert client.get(URL, {"q": "getasan"}).json()["results"] == []


def test_the_list_stays_short_and_needs_two_letters(nation):
    assert len(search_villages("a", council=nation)) == 0
    assert len(search_villages("sari", council=nation)) == 15
    assert Village.objects.filter(name__icontains="sari").count() > 100


def test_the_public_gets_a_login_page(client):
    response = client.get(URL, {"q": "getasan"})
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


@pytest.mark.parametrize("query", ["'; DROP TABLE regions_village; --", "<script>x</script>" * 30])
def test_odd_input_is_just_a_search(client, badung_secretary, query):
    client.force_login(badung_secretary)
    assert client.get(URL, {"q": query}).json() == {"results": []}
