import re

from django.core import mail

from conftest import PASSWORD, make_user
from kriya.accounts.models import Role

LOGIN = "/akun/masuk/"


def test_a_secretary_logs_in_and_lands_on_the_council_dashboard(client, badung_secretary):
    response = client.post(
        LOGIN, {"username": "badung_secretary", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "Dekranasda Kabupaten Badung" in response.text


def test_a_wrong_password_says_so_and_keeps_the_form(client, badung_secretary):
    response = client.post(LOGIN, {"username": "badung_secretary", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau sandi salah" in response.text
    assert 'name="username"' in response.text


def test_five_wrong_passwords_lock_the_account_for_a_while(client, badung_secretary):
    for _attempt in range(5):
        client.post(LOGIN, {"username": "badung_secretary", "password": "salah"})
    response = client.post(LOGIN, {"username": "badung_secretary", "password": PASSWORD})
    assert response.status_code == 429
    assert "15 menit" in response.text
    assert "_auth_user_id" not in client.session


def test_an_artisan_lands_on_the_account_page_not_the_back_office(client, badung):
    make_user("perajin", badung, Role.ARTISAN)
    response = client.post(LOGIN, {"username": "perajin", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/akun/"
    assert client.get("/admin/").status_code == 302


def test_logging_out_ends_the_session(client, badung_secretary):
    client.force_login(badung_secretary)
    response = client.post("/akun/keluar/")
    assert response.status_code == 302 and response["Location"].startswith("/akun/masuk/")
    assert client.get("/admin/").status_code == 302


def test_a_user_with_two_councils_switches_between_them(client, badung, bali):
    user = make_user("dua_peran", badung)
    bali_membership = user.memberships.create(council=bali, role=Role.BOARD)
    client.force_login(user)
    assert "Dekranasda Kabupaten Badung" in client.get("/admin/").text
    client.post("/akun/peran/", {"membership": bali_membership.pk})
    assert "Dekranasda Provinsi Bali" in client.get("/admin/").text


def test_nobody_switches_into_a_membership_of_someone_else(
    client, badung_secretary, gianyar_secretary
):
    client.force_login(badung_secretary)
    other = gianyar_secretary.memberships.get()
    assert client.post("/akun/peran/", {"membership": other.pk}).status_code == 404
    assert "Dekranasda Kabupaten Badung" in client.get("/admin/").text


def test_a_forgotten_password_is_reset_through_an_emailed_link(client, badung_secretary):
    badung_secretary.email = "sekretariat@example.org"
    badung_secretary.save(update_fields=["email"])
    client.post("/akun/lupa-sandi/", {"email": "sekretariat@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/akun/atur-sandi/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "Endek-Getasan-77"
    client.post(form_url, {"new_password1": new, "new_password2": new})
    badung_secretary.refresh_from_db()
    assert badung_secretary.check_password("Endek-Getasan-77")


def test_a_password_is_changed_with_the_old_one(client, badung_secretary):
    client.force_login(badung_secretary)
    response = client.post(
        "/akun/sandi/",
        {
            "old_password": PASSWORD,
            "new_password1": "Ukir-Jagapati-31",
            "new_password2": "Ukir-Jagapati-31",
        },
    )
    assert response.status_code == 302
    badung_secretary.refresh_from_db()
    assert badung_secretary.check_password("Ukir-Jagapati-31")


def test_a_field_mentor_lands_on_the_visit_list_made_for_a_phone(client, badung):
    make_user("mentor", badung, Role.MENTOR)
    response = client.post(
        "/akun/masuk/", {"username": "mentor", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/pendampingan/"


def test_an_artisan_with_a_register_record_lands_in_the_portal(client, badung, badung_village):
    from kriya.registry.models import Artisan

    user = make_user("sari", badung, Role.ARTISAN)
    Artisan.objects.create(name="Ni Made Sari", village=badung_village, user=user)
    response = client.post("/akun/masuk/", {"username": "sari", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/portal/"
