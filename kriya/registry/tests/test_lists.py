from decimal import Decimal

from kriya.regions.models import Village
from kriya.registry.models import Artisan, Business, CraftCategory


def _shops(village):
    endek = CraftCategory.objects.get(slug="endek")
    perak = CraftCategory.objects.get(slug="perak")
    a = Business.objects.create(name="Tenun Endek Sari", village=village, nib="1234567890123")
    a.categories.add(endek)
    b = Business.objects.create(name="Perak Darmasaba", scale="kecil",
                                village=Village.objects.get(code="51.03.03.2001"))
    b.categories.add(perak)
    Business.objects.create(name="Perak Celuk", village=Village.objects.get(code="51.04.01.2005"))
    return a, b


def names(response) -> list[str]:
    return sorted(response.context["cl"].queryset.values_list("name", flat=True))


def test_search_by_name_nib_and_village(client, badung_secretary, badung_village):
    _shops(badung_village)
    client.force_login(badung_secretary)
    url = "/admin/registry/business/"
    assert names(client.get(url, {"q": "endek"})) == ["Tenun Endek Sari"]
    assert names(client.get(url, {"q": "1234567890123"})) == ["Tenun Endek Sari"]
    assert names(client.get(url, {"q": "darmasaba"})) == ["Perak Darmasaba"]
    assert names(client.get(url)) == ["Perak Darmasaba", "Tenun Endek Sari"]


def test_filters_by_family_district_village_and_scale(client, badung_secretary,
                                                      badung_village):
    _shops(badung_village)
    client.force_login(badung_secretary)
    url = "/admin/registry/business/"
    assert names(client.get(url, {"kriya": "tenun"})) == ["Tenun Endek Sari"]  # the family
    assert names(client.get(url, {"kecamatan": "51.03.03"})) == ["Perak Darmasaba"]
    assert names(client.get(url, {"desa": "51.03.04.2005"})) == ["Tenun Endek Sari"]
    assert names(client.get(url, {"scale__exact": "kecil"})) == ["Perak Darmasaba"]


def test_the_list_costs_a_fixed_number_of_queries(client, badung_secretary, badung_village,
                                                  django_assert_max_num_queries):
    for n in range(30):
        Business.objects.create(name=f"Usaha {n}", village=badung_village)
    client.force_login(badung_secretary)
    with django_assert_max_num_queries(25):
        client.get("/admin/registry/business/")


def test_the_form_cleans_what_people_type(client, badung_secretary, badung_village):
    client.force_login(badung_secretary)
    owner = Artisan.objects.create(name="Ni Luh Sari", village=badung_village)
    response = client.post("/admin/registry/business/add/", {
        "name": "  TENUN ENDEK   SARI ", "owner": owner.pk, "village": badung_village.pk,
        "phone": "0812-3456-7890", "legal_form": "perorangan", "scale": "mikro",
        "membership": "member", "yearly_turnover": "3000000000", "nib": "1234 5678 90123"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    shop = Business.objects.get()
    assert (shop.name, shop.phone, shop.nib) == ("Tenun Endek Sari", "+6281234567890",
                                                 "1234567890123")
    assert shop.scale == "kecil" and shop.yearly_turnover == Decimal("3000000000")


def test_a_bad_nik_is_refused_with_its_reason(client, badung_secretary, badung_village):
    client.force_login(badung_secretary)
    response = client.post("/admin/registry/artisan/add/", {
        "name": "Ni Luh Sari", "nik": "9903041203780004", "village": badung_village.pk})
    assert response.status_code == 200
    assert "990304" in str(response.context["adminform"].form.errors["nik"])
    assert not Artisan.objects.exists()


def test_a_village_outside_the_region_cannot_be_chosen(client, badung_secretary):
    client.force_login(badung_secretary)
    response = client.post("/admin/registry/artisan/add/", {
        "name": "Ni Luh Sari", "village": "51.04.01.2005"})
    assert response.status_code == 200 and not Artisan.objects.exists()
    assert "village" in response.context["adminform"].form.errors
