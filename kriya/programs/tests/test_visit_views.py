"""The mentor's pages: who may open them, the business picker's scope, the plain POST
(without JS) and the JSON answer the phone's queue reads."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.utils import translation

from conftest import make_user
from kriya.accounts.models import Role
from kriya.catalog.tests.factories import image_file
from kriya.programs.mentoring import record_visit
from kriya.programs.models import MentoringVisit
from kriya.programs.tests.conftest import CELUK, GETASAN, JAGAPATI, business

FORM = "/pendampingan/kunjungan/baru/"
SEARCH = "/pendampingan/usaha/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def badung_mentor(badung):
    return make_user("badung_mentor", badung, Role.MENTOR)


@pytest.fixture
def gianyar_mentor(gianyar):
    return make_user("gianyar_mentor", gianyar, Role.MENTOR)


@pytest.fixture
def tenun(db):
    return business("Tenun Sari", GETASAN)


@pytest.fixture
def perak(db):
    return business("Perak Celuk Asri", CELUK)


def fields(target, key=None, **values):
    return {
        "client_key": str(key or uuid.uuid4()),
        "business": target.pk,
        "visited_on": "2026-07-08",
        "findings": "Warna belum rata",
        "advice": "Celup dua kali",
        "next_step": "Contoh kain",
        "next_step_due": "2026-07-20",
        **values,
    }


def test_anonymous_is_sent_to_log_in(client):
    response = client.get("/pendampingan/")
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


def test_a_cashier_is_refused_with_a_clear_message(client, badung):
    client.force_login(make_user("badung_cashier", badung, Role.CASHIER))
    with translation.override("en"):
        response = client.get("/en/pendampingan/kunjungan/baru/")
    assert response.status_code == 403
    assert "recorded by the council's field mentors, secretariat and administrators" in (
        response.text
    )


def test_the_secretariat_may_record_visits_too(client, badung_secretary):
    client.force_login(badung_secretary)
    assert client.get(FORM).status_code == 200


def test_the_form_offers_a_fresh_key_and_works_offline(client, badung_mentor):
    client.force_login(badung_mentor)
    page = client.get(FORM).text
    assert 'name="client_key"' in page and 'capture="environment"' in page
    assert 'accept="image/*"' in page and "multiple" in page
    assert "/pendampingan/sw.js" in page and "kriya/visits.js" in page


def test_the_business_search_answers_the_councils_businesses(client, badung_mentor, tenun, perak):
    business("Tenun Ikat Gianyar", CELUK)
    client.force_login(badung_mentor)
    found = client.get(SEARCH, {"q": "tenun"}).json()["results"]
    assert found == [{"id": tenun.pk, "name": "Tenun Sari", "village": "Desa Getasan"}]
    assert client.get(SEARCH, {"q": "perak"}).json()["results"] == []


def test_without_a_query_the_search_answers_the_recently_visited(
    client, badung_mentor, badung, tenun
):
    ukir = business("Ukir Jaya", JAGAPATI)
    record_visit(
        client_key=uuid.uuid4(),
        mentor=badung_mentor,
        council=badung,
        business=ukir,
        visited_on=dt.date(2026, 7, 1),
    )
    client.force_login(badung_mentor)
    assert [b["name"] for b in client.get(SEARCH).json()["results"]] == ["Ukir Jaya"]


def test_gianyars_mentor_can_neither_pick_nor_see_badung(
    client, gianyar_mentor, badung, badung_mentor, tenun
):
    visit, _ = record_visit(
        client_key=uuid.uuid4(),
        mentor=badung_mentor,
        council=badung,
        business=tenun,
        visited_on=dt.date(2026, 7, 1),
    )
    client.force_login(gianyar_mentor)
    assert client.get(SEARCH, {"q": "Tenun"}).json()["results"] == []
    assert client.get(f"/pendampingan/kunjungan/{visit.pk}/").status_code == 404
    assert "Tenun Sari" not in client.get(FORM, {"q": "Tenun"}).text
    with translation.override("en"):
        response = client.post("/en/pendampingan/kunjungan/baru/", fields(tenun))
    assert response.status_code == 200
    assert "Choose a business of your own council." in response.text
    assert MentoringVisit.objects.count() == 1


def test_the_plain_form_searches_businesses_without_js(client, badung_mentor, tenun):
    client.force_login(badung_mentor)
    page = client.get(FORM, {"q": "tenun"}).text
    assert f'value="{tenun.pk}"' in page and "Tenun Sari" in page


def test_a_plain_post_stores_the_visit_and_a_repost_shows_the_same(client, badung_mentor, tenun):
    client.force_login(badung_mentor)
    key = uuid.uuid4()
    first = client.post(FORM, {**fields(tenun, key), "photos": [image_file()]})
    visit = MentoringVisit.objects.get(client_key=key)
    assert first.status_code == 302 and first["Location"] == f"/pendampingan/kunjungan/{visit.pk}/"
    again = client.post(FORM, {**fields(tenun, key), "photos": [image_file()]}, follow=True)
    assert again.redirect_chain[-1][0] == f"/pendampingan/kunjungan/{visit.pk}/"
    assert "Tenun Sari" in again.text and "Contoh kain" in again.text
    assert MentoringVisit.objects.filter(client_key=key).count() == 1
    assert visit.photos.count() == 1
    assert visit.mentor == badung_mentor


def test_an_invalid_plain_post_shows_the_form_again(client, badung_mentor, tenun):
    client.force_login(badung_mentor)
    with translation.override("en"):
        response = client.post(
            "/en/pendampingan/kunjungan/baru/", fields(tenun, next_step_due="2026-07-01")
        )
    assert response.status_code == 200
    assert "The next step cannot be due before the visit." in response.text
    assert not MentoringVisit.objects.exists()


def test_the_phone_gets_json_once_created_then_already_there(client, badung_mentor, tenun):
    client.force_login(badung_mentor)
    key = uuid.uuid4()
    json = {"headers": {"Accept": "application/json"}}
    first = client.post(FORM, {**fields(tenun, key), "photos": [image_file()]}, **json)
    again = client.post(FORM, {**fields(tenun, key), "photos": [image_file()]}, **json)
    visit = MentoringVisit.objects.get(client_key=key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == {
        "ok": True,
        "created": True,
        "id": visit.pk,
        "url": f"/pendampingan/kunjungan/{visit.pk}/",
        "client_key": str(key),
    }
    assert again.json()["created"] is False and again.json()["id"] == visit.pk
    assert visit.photos.count() == 1


def test_the_phone_is_told_why_a_visit_is_refused(client, badung_mentor, tenun):
    client.force_login(badung_mentor)
    bad = image_file()
    bad.file.truncate(200)
    with translation.override("en"):
        response = client.post(
            "/en/pendampingan/kunjungan/baru/",
            {**fields(tenun), "photos": [bad]},
            headers={"Accept": "application/json"},
        )
    assert response.status_code == 422
    assert response.json()["ok"] is False
    assert "Photo 1 (foto.jpg)" in response.json()["errors"][0]["message"]
    assert not MentoringVisit.objects.exists()


def test_home_lists_own_visits_and_due_follow_ups(
    client, badung_mentor, badung, tenun, time_machine
):
    time_machine.move_to(dt.datetime(2026, 7, 10, 9, 0))
    record_visit(
        client_key=uuid.uuid4(),
        mentor=badung_mentor,
        council=badung,
        business=tenun,
        visited_on=dt.date(2026, 7, 1),
        next_step="Kirim contoh kain",
        next_step_due=dt.date(2026, 7, 15),
    )
    client.force_login(badung_mentor)
    page = client.get("/pendampingan/").text
    assert page.count("Tenun Sari") == 2  # once in follow-ups, once in own visits
    assert "Kirim contoh kain" in page and "15 Juli 2026" in page


def test_the_service_worker_is_served_inside_the_visit_scope(client):
    response = client.get("/pendampingan/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/pendampingan/"
    body = response.text
    assert 'const SCOPE = "/pendampingan/"' in body
    assert '"/pendampingan/kunjungan/baru/"' in body and "htmx-2.min.js" in body
