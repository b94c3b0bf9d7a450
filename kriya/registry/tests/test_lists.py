from decimal import Decimal

from conftest import make_user
from kriya.regions.models import Village
from kriya.registry.models import Artisan, Business, CraftCategory


def _shops(village):
    endek = CraftCategory.objects.get(slug="endek")
    perak = CraftCategory.objects.get(slug="perak")
    a = Business.objects.create(name="Tenun Endek Sari", village=village, nib="1234567890123")
    a.categories.add(endek)
    b = Business.objects.create(
        name="Perak Darmasaba", scale="kecil", village=Village.objects.get(code="51.03.03.2001")
    )
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


def test_filters_by_family_district_village_and_scale(client, badung_secretary, badung_village):
    _shops(badung_village)
    client.force_login(badung_secretary)
    url = "/admin/registry/business/"
    assert names(client.get(url, {"kriya": "tenun"})) == ["Tenun Endek Sari"]  # the family
    assert names(client.get(url, {"kecamatan": "51.03.03"})) == ["Perak Darmasaba"]
    assert names(client.get(url, {"desa": "51.03.04.2005"})) == ["Tenun Endek Sari"]
    assert names(client.get(url, {"scale__exact": "kecil"})) == ["Perak Darmasaba"]


def test_the_list_costs_a_fixed_number_of_queries(
    client, badung_secretary, badung_village, django_assert_num_queries
):
    endek = CraftCategory.objects.get(slug="endek")
    for n in range(60):
        Business.objects.create(name=f"Usaha {n:02d}", village=badung_village).categories.add(endek)
    client.force_login(badung_secretary)
    # session, user, membership; the filters' choices (districts, villages, crafts,
    # clusters); the page's keys with the count; its rows with their joins; permissions ×2
    with django_assert_num_queries(11):
        response = client.get("/admin/registry/business/", {"p": "2", "kriya": "tenun"})
    with django_assert_num_queries(11):
        response = client.get("/admin/registry/business/", {"p": "2"})
    cl = response.context["cl"]
    assert cl.result_count == 60 and [b.name for b in cl.result_list] == [
        f"Usaha {n}" for n in range(50, 60)
    ]


def test_pages_count_and_cut_the_filtered_list(
    client, badung_secretary, gianyar_secretary, badung_village
):
    for n in range(55):
        Business.objects.create(
            name=f"Usaha {n:02d}", scale="kecil" if n % 2 else "mikro", village=badung_village
        )
    client.force_login(badung_secretary)
    url = "/admin/registry/business/"
    response = client.get(url, {"scale__exact": "kecil", "p": "1"})
    assert response.context["cl"].result_count == 27
    assert len(response.context["cl"].result_list) == 27  # one page: no paginator needed
    response = client.get(url, {"p": "2", "o": "-1"})
    assert response.context["cl"].result_count == 55
    assert [b.name for b in response.context["cl"].result_list] == [
        f"Usaha {n:02d}" for n in range(4, -1, -1)
    ]
    assert client.get(url, {"p": "3"})["Location"] == f"{url}?e=1"  # past the end
    client.force_login(gianyar_secretary)
    assert client.get(url).context["cl"].result_count == 0


def test_a_business_in_two_crafts_of_a_family_is_listed_once(
    client, badung_secretary, badung_village
):
    shop = Business.objects.create(name="Tenun Endek Sari", village=badung_village)
    shop.categories.add(*CraftCategory.objects.filter(slug__in=["endek", "songket"]))
    client.force_login(badung_secretary)
    response = client.get("/admin/registry/business/", {"kriya": "tenun"})
    assert names(response) == ["Tenun Endek Sari"]
    assert response.context["cl"].result_count == 1
    html = response.text
    assert html.count(f'name="_selected_action" value="{shop.pk}"') == 1
    assert (
        f'href="/admin/registry/business/{shop.pk}/change/?_changelist_filters=kriya%3Dtenun"'
    ) in html  # back to the same filtered list after saving


def test_the_board_sees_the_filtered_list_with_nik_and_phone_masked(
    client, badung, badung_secretary, badung_village
):
    Artisan.objects.create(
        name="Ni Luh Sari", nik="5103044112780004", phone="+6281234567890", village=badung_village
    )
    Artisan.objects.create(
        name="Made Perak", nik="5103030101800001", village=Village.objects.get(code="51.03.03.2001")
    )
    client.force_login(make_user("pengurus", badung, "board"))
    url = "/admin/registry/artisan/"
    html = client.get(url, {"kecamatan": "51.03.04"}).text
    assert "Ni Luh Sari" in html and "Made Perak" not in html
    assert "5103••••••••0004" in html and "+628••••••7890" in html
    assert "5103044112780004" not in html and "+6281234567890" not in html
    assert client.get(url, {"q": "0004"}).context["cl"].result_count == 0  # no search by NIK
    client.force_login(badung_secretary)
    assert "5103044112780004" in client.get(url, {"kecamatan": "51.03.04"}).text


def test_the_form_cleans_what_people_type(client, badung_secretary, badung_village):
    client.force_login(badung_secretary)
    owner = Artisan.objects.create(name="Ni Luh Sari", village=badung_village)
    response = client.post(
        "/admin/registry/business/add/",
        {
            "name": "  TENUN ENDEK   SARI ",
            "owner": owner.pk,
            "village": badung_village.pk,
            "phone": "0812-3456-7890",
            "legal_form": "perorangan",
            "scale": "mikro",
            "membership": "member",
            "yearly_turnover": "3000000000",
            "nib": "1234 5678 90123",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    shop = Business.objects.get()
    assert (shop.name, shop.phone, shop.nib) == (
        "Tenun Endek Sari",
        "+6281234567890",
        "1234567890123",
    )
    assert shop.scale == "kecil" and shop.yearly_turnover == Decimal("3000000000")


def test_a_bad_nik_is_refused_with_its_reason(client, badung_secretary, badung_village):
    client.force_login(badung_secretary)
    response = client.post(
        "/admin/registry/artisan/add/",
        {"name": "Ni Luh Sari", "nik": "9903041203780004", "village": badung_village.pk},
    )
    assert response.status_code == 200
    assert "990304" in str(response.context["adminform"].form.errors["nik"])
    assert not Artisan.objects.exists()


def test_a_village_outside_the_region_cannot_be_chosen(client, badung_secretary):
    client.force_login(badung_secretary)
    response = client.post(
        "/admin/registry/artisan/add/", {"name": "Ni Luh Sari", "village": "51.04.01.2005"}
    )
    assert response.status_code == 200 and not Artisan.objects.exists()
    assert "village" in response.context["adminform"].form.errors


def test_on_a_phone_the_list_sends_25_compact_rows_for_the_same_queries(
    client, badung_secretary, gianyar_secretary, badung_village, django_assert_num_queries
):
    for n in range(30):
        Business.objects.create(name=f"Usaha {n:02d}", village=badung_village)
    client.force_login(badung_secretary)
    client.cookies["kriya_screen"] = "narrow"  # set by static/kriya/screen.js on a phone
    with django_assert_num_queries(11):
        response = client.get("/admin/registry/business/", {"p": "2"})
    cl = response.context["cl"]
    assert cl.result_count == 30 and [b.name for b in cl.result_list] == [
        f"Usaha {n}" for n in range(25, 30)
    ]
    html = response.text
    assert 'class="kriya-list"' in html
    assert list(cl.list_display) == ["action_checkbox", "name", "village", "membership"]
    assert "field-nib" not in html and "field-owner" not in html  # one card: name, village, status
    assert '<th class="field-name"><a href="/admin/registry/business/' in html
    client.cookies["kriya_screen"] = "wide"
    wide = client.get("/admin/registry/business/").context["cl"]
    assert len(wide.result_list) == 30 and "nib" in wide.list_display
    client.force_login(gianyar_secretary)
    assert client.get("/admin/registry/business/").context["cl"].result_count == 0
