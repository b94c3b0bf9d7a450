"""Every way a file enters Kriya, through real HTTP: the back office's add and change forms
(product, artisan, village icon, the visit-photo inline, activity attachment, indicator
evidence), the artisan portal and the mentor's phone form. A bad file is refused with its
reason on the page and nothing is stored; a good one is stored as pixels only."""

from __future__ import annotations

import datetime as dt
import html
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from conftest import make_user
from kriya.accounts.models import Role
from kriya.catalog.tests.factories import category, make_business
from kriya.lib.tests import corpus
from kriya.programs import services as programs
from kriya.programs.mentoring import record_visit
from kriya.programs.models import Activity, Indicator, MentoringVisit
from kriya.public.tests.portal_cast import make_maker
from kriya.registry.models import Artisan, VillageIcon

pytestmark = pytest.mark.django_db
GETASAN, JAGAPATI = "51.03.04.2005", "51.03.03.2004"


@dataclass
class UploadPath:
    """One upload path: log in, send a file, read back what was stored."""

    login: object
    send: Callable  # (client, upload) -> response
    stored: Callable  # () -> list of stored files (FieldFile)


def files_on_disk() -> list[Path]:
    """Every stored file, in public media and in the private files."""
    roots = [Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_ROOT)]
    return sorted(p for root in roots for p in root.rglob("*") if p.is_file())


def post(path: str, fields: dict, file_field: str) -> Callable:
    return lambda client, upload: client.post(path, {**fields, file_field: upload})


@pytest.fixture
def product_admin_add(badung_secretary) -> UploadPath:
    business = make_business()
    fields = {
        "business": business.pk,
        "category": category().pk,
        "name": "Kain Endek Tenun",
        "price": "Rp 1.250.000",
        "availability": "ready",
        **{f"{p}-{n}": 0 for p in ("photos", "changes") for n in ("TOTAL_FORMS", "INITIAL_FORMS")},
    }

    def stored():
        return [
            photo.image for product in business.products.all() for photo in product.photos.all()
        ]

    return UploadPath(
        badung_secretary, post("/admin/catalog/product/add/", fields, "new_photo"), stored
    )


@pytest.fixture
def artisan_admin_add(badung_secretary, badung_village) -> UploadPath:
    fields = {"name": "Ni Luh Sari", "village": badung_village.pk, "sex": "P"}
    return UploadPath(
        badung_secretary,
        post("/admin/registry/artisan/add/", fields, "photo"),
        lambda: [a.photo for a in Artisan.objects.filter(name="Ni Luh Sari") if a.photo],
    )


@pytest.fixture
def artisan_admin_change(badung_secretary, badung_village) -> UploadPath:
    artisan = Artisan.objects.create(name="Ni Luh Sari", village=badung_village, sex="P")
    fields = {"name": "Ni Luh Sari", "village": badung_village.pk, "sex": "P"}
    url = f"/admin/registry/artisan/{artisan.pk}/change/"
    return UploadPath(
        badung_secretary,
        post(url, fields, "photo"),
        lambda: [a.photo for a in Artisan.objects.filter(pk=artisan.pk) if a.photo],
    )


@pytest.fixture
def village_icon_admin_add(badung_secretary) -> UploadPath:
    from kriya.regions.models import Village

    village = Village.objects.get(code=JAGAPATI)
    fields = {"village": village.code, "category": category().pk, "title": "Desa ukir kayu"}
    return UploadPath(
        badung_secretary,
        post("/admin/registry/villageicon/add/", fields, "photo"),
        lambda: [i.photo for i in VillageIcon.objects.filter(village=village) if i.photo],
    )


@pytest.fixture
def portal(badung) -> UploadPath:
    made = make_maker(
        "made",
        badung,
        village=GETASAN,
        business="Tenun Ikat Sari",
        owner="Ni Made Sari",
        product="Kain Endek Getasan",
    )
    made.product.photos.all().delete()
    url = f"/portal/produk/{made.product.pk}/foto/"
    return UploadPath(
        made.user,
        lambda client, upload: client.post(url, {"photos": [upload]}, follow=True),
        lambda: [p.image for p in made.product.photos.all()],
    )


def _visit_fields(target) -> dict:
    return {
        "client_key": str(uuid.uuid4()),
        "business": target.pk,
        "visited_on": "2026-07-08",
        "findings": "Warna belum rata",
    }


@pytest.fixture
def visit_phone_form(badung) -> UploadPath:
    mentor = make_user("badung_mentor", badung, Role.MENTOR)
    target = make_business(GETASAN)
    return UploadPath(
        mentor,
        lambda client, upload: client.post(
            "/pendampingan/kunjungan/baru/", {**_visit_fields(target), "photos": [upload]}
        ),
        lambda: [p.image for v in MentoringVisit.objects.all() for p in v.photos.all()],
    )


@pytest.fixture
def visit_photo_inline(badung, badung_secretary) -> UploadPath:
    mentor = make_user("badung_mentor", badung, Role.MENTOR)
    target = make_business(GETASAN)
    visit, _ = record_visit(
        client_key=uuid.uuid4(),
        mentor=mentor,
        council=badung,
        business=target,
        visited_on=dt.date(2026, 7, 8),
    )
    fields = {
        "mentor": mentor.pk,
        "business": target.pk,
        "visited_on": "2026-07-08",
        "photos-TOTAL_FORMS": 1,
        "photos-INITIAL_FORMS": 0,
        "photos-0-order": 0,
        "photos-0-visit": visit.pk,
    }
    url = f"/admin/programs/mentoringvisit/{visit.pk}/change/"
    return UploadPath(
        badung_secretary,
        post(url, fields, "photos-0-image"),
        lambda: [p.image for p in visit.photos.all()],
    )


PHOTO_PATHS = [
    "product_admin_add",
    "artisan_admin_add",
    "artisan_admin_change",
    "village_icon_admin_add",
    "portal",
    "visit_phone_form",
    "visit_photo_inline",
]

BAD_PHOTOS = {
    "cut-off-jpeg": (
        corpus.cut_off_jpeg,
        "foto.jpg",
        "Berkas foto tidak lengkap (unggahan terputus)",
    ),
    "pixel-bomb": (corpus.pixel_bomb, "kecil.png", "terlalu besar dalam piksel (20000 × 20000)"),
    "gif": (corpus.gif, "animasi.gif", "(berkas ini GIF)"),
    "svg": (lambda: corpus.SVG, "logo.svg", "(berkas ini SVG)"),
    "html-named-jpg": (lambda: corpus.HTML, "foto.jpg", "(berkas ini HTML)"),
    "pdf-named-jpg": (corpus.pdf, "foto.jpg", "(berkas ini dokumen PDF)"),
}

GOOD_PHOTOS = {
    "phone-photo-gps-orientation-xmp-comment": (corpus.phone_photo, (900, 1200)),
    "jpeg-with-script-comment": (corpus.commented_jpeg, (800, 600)),
    "png-with-text-chunks": (corpus.png_with_text, (640, 480)),
    "cmyk-jpeg": (corpus.cmyk_jpeg, (700, 500)),
    "icc-profile": (corpus.icc_jpeg, (600, 400)),
}


@pytest.mark.parametrize("path_name", PHOTO_PATHS)
@pytest.mark.parametrize("bad", sorted(BAD_PHOTOS))
def test_a_bad_photo_is_refused_with_its_reason_and_nothing_is_stored(
    client, request, path_name, bad
):
    path = request.getfixturevalue(path_name)
    make, name, reason = BAD_PHOTOS[bad]
    before = files_on_disk()
    client.force_login(path.login)
    response = path.send(client, corpus.upload(name, make()))
    assert response.status_code == 200
    assert reason in html.unescape(response.text)
    assert path.stored() == [] and files_on_disk() == before


@pytest.mark.parametrize("path_name", PHOTO_PATHS)
@pytest.mark.parametrize("good", sorted(GOOD_PHOTOS))
def test_a_good_photo_is_stored_as_pixels_only_at_its_upright_size(
    client, request, path_name, good
):
    path = request.getfixturevalue(path_name)
    make, size = GOOD_PHOTOS[good]
    client.force_login(path.login)
    response = path.send(client, corpus.upload("foto.jpg", make()))
    assert response.status_code in (200, 302)
    [stored] = path.stored()
    with stored.open("rb") as file:
        content = file.read()
    corpus.assert_only_pixels(content)
    assert Image.open(io.BytesIO(content)).size == size
    assert stored.name.endswith(".jpg")


def test_charlie_cannot_put_a_photo_on_another_councils_artisan(
    client, gianyar_secretary, artisan_admin_change
):
    before = files_on_disk()
    client.force_login(gianyar_secretary)
    response = artisan_admin_change.send(client, corpus.upload("foto.jpg", corpus.phone_photo()))
    assert response.status_code == 404
    assert artisan_admin_change.stored() == [] and files_on_disk() == before


# Attachments -----------------------------------------------------------------------------
@pytest.fixture
def activity_admin_change(badung, badung_secretary) -> UploadPath:
    activity = programs.create_activity(
        council=badung,
        kind="training",
        title="Pelatihan tenun",
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 3, 1),
    )
    fields = {
        "council": badung.pk,
        "kind": "training",
        "title": "Pelatihan tenun",
        "starts_on": "2026-03-01",
        "ends_on": "2026-03-01",
        "participations-TOTAL_FORMS": 0,
        "participations-INITIAL_FORMS": 0,
    }
    url = f"/admin/programs/activity/{activity.pk}/change/"
    return UploadPath(
        badung_secretary,
        post(url, fields, "attachment"),
        lambda: [a.attachment for a in Activity.objects.filter(pk=activity.pk) if a.attachment],
    )


@pytest.fixture
def indicator_admin_change(badung, badung_secretary) -> UploadPath:
    plan = programs.create_work_plan(council=badung, title="Program Kerja 2026", start_year=2026)
    program = programs.add_program(work_plan=plan, name="Pembinaan IKM")
    indicator = programs.add_indicator(program=program, name="HAKI", unit="merek", target=10)
    fields = {
        "program": program.pk,
        "name": "HAKI",
        "unit": "merek",
        "target": 10,
        "order": 0,
        "rule": Indicator.Rule.MANUAL,
        "ip_stage": indicator.ip_stage,
        "manual_value": 3,
    }
    url = f"/admin/programs/indicator/{indicator.pk}/change/"
    return UploadPath(
        badung_secretary,
        post(url, fields, "evidence"),
        lambda: [i.evidence for i in Indicator.objects.filter(pk=indicator.pk) if i.evidence],
    )


ATTACHMENT_PATHS = ["activity_admin_change", "indicator_admin_change"]
GOOD_ATTACHMENTS = {
    "pdf": (corpus.pdf, "laporan.pdf", ".pdf"),
    "docx": (corpus.docx, "notulen.docx", ".docx"),
    "xlsx-named-pdf": (corpus.xlsx, "daftar hadir.pdf", ".xlsx"),
}
BAD_ATTACHMENTS = {
    "exe-named-pdf": (lambda: corpus.EXE, "laporan.pdf", "Berkas ini program komputer."),
    "html": (lambda: corpus.HTML, "laporan.html", "Berkas ini HTML."),
    "docm-macros": (corpus.docm, "laporan.docx", "Berkas berisi makro"),
    "oversized": (
        lambda: b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024) + b"%%EOF",
        "besar.pdf",
        "paling besar 1 MB",
    ),
}


@pytest.mark.parametrize("path_name", ATTACHMENT_PATHS)
@pytest.mark.parametrize("good", sorted(GOOD_ATTACHMENTS))
def test_an_allowed_attachment_is_stored_as_sent_under_the_extension_of_its_content(
    client, request, path_name, good
):
    path = request.getfixturevalue(path_name)
    make, name, extension = GOOD_ATTACHMENTS[good]
    sent = make()
    client.force_login(path.login)
    response = path.send(client, corpus.upload(name, sent, "application/pdf"))
    assert response.status_code == 302
    [stored] = path.stored()
    assert stored.name.endswith(extension)
    with stored.open("rb") as file:
        assert file.read() == sent


@pytest.mark.parametrize("path_name", ATTACHMENT_PATHS)
def test_a_photo_attached_is_stored_cleaned(client, request, path_name):
    path = request.getfixturevalue(path_name)
    client.force_login(path.login)
    response = path.send(client, corpus.upload("bukti.jpg", corpus.phone_photo()))
    assert response.status_code == 302
    [stored] = path.stored()
    with stored.open("rb") as file:
        content = file.read()
    corpus.assert_only_pixels(content)
    assert Image.open(io.BytesIO(content)).size == (900, 1200)


@pytest.mark.parametrize("path_name", ATTACHMENT_PATHS)
@pytest.mark.parametrize("bad", sorted(BAD_ATTACHMENTS))
def test_a_refused_attachment_says_why_and_stores_nothing(
    client, request, settings, path_name, bad
):
    settings.KRIYA_ATTACHMENT_MAX_BYTES = 1024 * 1024
    path = request.getfixturevalue(path_name)
    make, name, reason = BAD_ATTACHMENTS[bad]
    before = files_on_disk()
    client.force_login(path.login)
    response = path.send(client, corpus.upload(name, make(), "application/pdf"))
    assert response.status_code == 200
    assert reason in html.unescape(response.text)
    assert path.stored() == [] and files_on_disk() == before


def test_charlie_cannot_attach_to_another_councils_activity(
    client, gianyar_secretary, activity_admin_change
):
    before = files_on_disk()
    client.force_login(gianyar_secretary)
    response = activity_admin_change.send(client, corpus.upload("laporan.pdf", corpus.pdf()))
    assert response.status_code == 404
    assert activity_admin_change.stored() == [] and files_on_disk() == before


# Services called without a form check the same way ----------------------------------------
def test_evidence_entered_through_the_service_is_checked_too(indicator_admin_change):
    from django.core.exceptions import ValidationError

    [indicator] = Indicator.objects.all()
    with pytest.raises(ValidationError) as error:
        programs.enter_realization(
            indicator=indicator, value=3, evidence=corpus.upload("bukti.pdf", corpus.EXE)
        )
    assert "Berkas ini program komputer." in error.value.messages[0]
    programs.enter_realization(
        indicator=indicator, value=3, evidence=corpus.upload("bukti.doc", corpus.pdf())
    )
    indicator.refresh_from_db()
    assert indicator.evidence.name.endswith(".pdf")


def test_an_activity_created_through_the_service_gets_a_checked_attachment(badung):
    activity = programs.create_activity(
        council=badung,
        kind="training",
        title="Pelatihan anyaman",
        starts_on=dt.date(2026, 4, 1),
        ends_on=dt.date(2026, 4, 1),
        attachment=corpus.upload("Laporan.PDF.exe", corpus.docx()),
    )
    # A docx, whatever its name: stored under a random name with the extension of what it is.
    assert activity.attachment.name.endswith(".docx")
    assert activity.attachment_name == "laporanpdf.docx"
