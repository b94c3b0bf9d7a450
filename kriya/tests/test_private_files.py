"""Private uploads stay private: every kind of private file is made through the real upload
path or service, then asked for by a visitor, by Charlie (Gianyar), by a role without
personal data, and by its owner; only the owner gets the bytes."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from conftest import make_user
from kriya.accounts.models import Role
from kriya.catalog import services as catalog_services
from kriya.catalog.models import Product, ProductPhoto
from kriya.catalog.tests.factories import image_file, make_business, make_product
from kriya.programs import services as program_services
from kriya.programs.models import Activity, ActivityKind, Indicator, MentoringVisit
from kriya.public.tests.portal_cast import make_maker
from kriya.registry.models import ImportBatch
from kriya.registry.tests.files import xlsx

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SPREADSHEET_NAME = "Rekap IKM Badung - NIK 3171055512820002.xlsx"


@dataclass
class Private:
    """One private file: where to ask for it, the bytes it holds, how it must come back."""

    what: str
    url: str
    data: bytes
    content_type: str
    disposition: str
    personal: bool


def stored(file) -> bytes:
    with file.storage.open(file.name, "rb") as handle:
        return handle.read()


@pytest.fixture
def made(badung):
    """Ni Made Sari, an artisan of Badung with her portal login and a product in draft."""
    return make_maker(
        "made",
        badung,
        village="51.03.04.2005",
        business="Tenun Ikat Sari",
        owner="Ni Made Sari",
        product="Kain Endek Getasan",
    )


@pytest.fixture
def private_files(client, badung, badung_secretary, made) -> list[Private]:
    """One file of each private kind, made the way the council makes them."""
    files = []
    client.force_login(badung_secretary)
    sheet = xlsx([["Nama Usaha", "Nama Perajin", "NIK"], ["Tenun", "Ni Luh", "3171055512820002"]])
    client.post(
        "/admin/impor/", {"kind": "business", "file": SimpleUploadedFile(SPREADSHEET_NAME, sheet)}
    )
    batch = ImportBatch.objects.get()
    files.append(
        Private(
            "import spreadsheet",
            batch.file.url,
            sheet,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "attachment; filename*=UTF-8''Rekap%20IKM%20Badung%20-%20NIK%203171055512820002.xlsx",
            personal=True,
        )
    )

    mentor = make_user("badung_mentor", badung, Role.MENTOR)
    client.force_login(mentor)
    key = uuid.uuid4()
    client.post(
        "/pendampingan/kunjungan/baru/",
        {
            "client_key": str(key),
            "business": made.business.pk,
            "visited_on": "2026-07-08",
            "findings": "Warna belum rata",
            "photos": [image_file()],
        },
    )
    visit_photo = MentoringVisit.objects.get(client_key=key).photos.get()
    files.append(
        Private(
            "visit photo",
            visit_photo.image.url,
            stored(visit_photo.image),
            "image/jpeg",
            "inline",
            personal=False,
        )
    )

    artisan = made.business.owner
    jpeg = image_file().read()
    artisan.photo.save("Ni Made Sari KTP.jpg", ContentFile(jpeg))
    files.append(
        Private("artisan photo", artisan.photo.url, jpeg, "image/jpeg", "inline", personal=True)
    )

    activity = program_services.create_activity(
        council=badung,
        kind=ActivityKind.TRAINING,
        title="Pelatihan tenun endek",
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 3, 1),
        attachment=SimpleUploadedFile("Daftar hadir pelatihan.pdf", PDF),
    )
    files.append(
        Private(
            "activity attachment",
            activity.attachment.url,
            PDF,
            "application/pdf",
            # The uploader's name, made safe by the attachment check (kriya.lib.attachments).
            "attachment; filename*=UTF-8''daftar-hadir-pelatihan.pdf",
            personal=False,
        )
    )

    plan = program_services.create_work_plan(council=badung, title="Program Kerja", start_year=2026)
    program = program_services.add_program(work_plan=plan, name="Pembinaan IKM")
    evidence = b"<html><script>alert(1)</script></html>"
    indicator = program_services.add_indicator(
        program=program,
        name="Temu usaha",
        unit="IKM",
        target=60,
        evidence=SimpleUploadedFile("Bukti temu usaha.html", evidence),
    )
    files.append(
        Private(
            "indicator evidence",
            indicator.evidence.url,
            evidence,
            "text/html",
            "attachment; filename*=UTF-8''Bukti%20temu%20usaha.html",
            personal=False,
        )
    )

    photo = catalog_services.add_photo(product=made.product, upload=image_file())
    catalog_services.submit_product(product=made.product, by=made.user)
    for field in ("image", "thumb", "small"):
        file = getattr(photo, field)
        files.append(
            Private(
                f"waiting product's {field}",
                file.url,
                stored(file),
                "image/jpeg",
                "inline",
                personal=False,
            )
        )
    client.logout()
    return files


def test_every_private_file_has_a_berkas_address_with_a_random_name(private_files):
    for file in private_files:
        assert file.url.startswith("/berkas/"), file.what
    batch = ImportBatch.objects.get()
    assert batch.filename == SPREADSHEET_NAME
    assert "3171055512820002" not in batch.file.name and "Rekap" not in batch.file.name
    assert (Path(django_settings.PRIVATE_ROOT) / batch.file.name).read_bytes() == private_files[
        0
    ].data


def test_a_visitor_is_sent_to_log_in_and_never_gets_the_bytes(client, private_files):
    for file in private_files:
        response = client.get(file.url)
        assert response.status_code == 302, file.what
        assert response["Location"].startswith("/akun/masuk/?next=/berkas/"), file.what
        assert file.data not in response.content


def test_charlie_of_gianyar_gets_404_for_every_file(client, gianyar_secretary, private_files):
    client.force_login(gianyar_secretary)
    for file in private_files:
        response = client.get(file.url)
        assert response.status_code == 404, file.what
        assert file.data not in response.content


def test_the_board_gets_no_personal_data_but_the_councils_other_files(
    client, badung, private_files
):
    client.force_login(make_user("badung_board", badung, Role.BOARD))
    for file in private_files:
        response = client.get(file.url)
        if file.personal:
            assert response.status_code == 404, file.what
        else:
            assert response.status_code == 200, file.what
            assert b"".join(response.streaming_content) == file.data


def test_the_secretariat_gets_each_file_with_its_bytes_type_and_disposition(
    client, badung_secretary, private_files
):
    client.force_login(badung_secretary)
    for file in private_files:
        response = client.get(file.url)
        assert response.status_code == 200, file.what
        assert b"".join(response.streaming_content) == file.data, file.what
        assert response["Content-Type"] == file.content_type, file.what
        assert response["Content-Disposition"].startswith(file.disposition), file.what
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "private, no-store"


def test_the_artisan_sees_her_product_photos_and_her_photo_but_not_the_spreadsheet(
    client, made, private_files
):
    client.force_login(made.user)
    by_what = {file.what: file for file in private_files}
    for what in ("waiting product's thumb", "artisan photo"):
        response = client.get(by_what[what].url)
        assert (
            response.status_code == 200
            and b"".join(response.streaming_content) == by_what[what].data
        )
    for what in ("import spreadsheet", "visit photo", "indicator evidence"):
        assert client.get(by_what[what].url).status_code == 404, what


def test_the_public_media_folder_holds_no_private_file(private_files):
    media = Path(django_settings.MEDIA_ROOT)
    public = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
    assert public == []
    private = {p.read_bytes() for p in Path(django_settings.PRIVATE_ROOT).rglob("*") if p.is_file()}
    assert {file.data for file in private_files} <= private


def test_a_published_photo_is_public_and_a_waiting_one_is_not(
    client, badung_secretary, made, django_capture_on_commit_callbacks
):
    photo = catalog_services.add_photo(product=made.product, upload=image_file())
    catalog_services.submit_product(product=made.product, by=made.user)
    media = Path(django_settings.MEDIA_ROOT)
    waiting_url = photo.thumb.url
    assert waiting_url.startswith("/berkas/") and not (media / photo.thumb.name).exists()
    assert client.get(waiting_url).status_code == 302

    catalog_services.publish_product(product=made.product, by=badung_secretary)
    photo.refresh_from_db()
    assert photo.public and photo.thumb.url == f"/media/{photo.thumb.name}"
    assert (media / photo.thumb.name).read_bytes() == stored(photo.thumb)
    # An old link to the view sends anyone to the public copy.
    old_link = client.get(waiting_url)
    assert old_link.status_code == 302 and old_link["Location"] == photo.thumb.url
    page = client.get(made.product.get_absolute_url()).text
    assert photo.image.url in page

    with django_capture_on_commit_callbacks(execute=True):
        catalog_services.move_product(product=made.product, status="archived", by=badung_secretary)
    photo.refresh_from_db()
    assert not photo.public and photo.thumb.url.startswith("/berkas/")
    assert not [p for p in media.rglob("*") if p.is_file()]
    assert client.get(photo.thumb.url).status_code == 302


def test_a_photo_added_to_a_published_product_is_public_at_once_and_removed_with_it(
    badung, django_capture_on_commit_callbacks
):
    product = make_product(make_business(), publish=True)
    photo = catalog_services.add_photo(product=product, upload=image_file(color="navy"))
    assert photo.image.url == f"/media/{photo.image.name}"
    public = Path(django_settings.MEDIA_ROOT) / photo.small.name
    private = Path(django_settings.PRIVATE_ROOT) / photo.small.name
    assert public.read_bytes() == private.read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        catalog_services.remove_photo(photo=photo)
    assert not public.exists() and not private.exists()


def test_nginx_gets_an_internal_redirect_and_no_bytes(
    client, settings, badung_secretary, private_files
):
    settings.PRIVATE_FILES_SERVER = "nginx"
    client.force_login(badung_secretary)
    batch = ImportBatch.objects.get()
    response = client.get(batch.file.url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/_private/{batch.file.name}"
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''Rekap")
    settings.PRIVATE_FILES_SERVER = "sendfile"
    response = client.get(batch.file.url)
    assert response["X-Sendfile"] == str(Path(django_settings.PRIVATE_ROOT) / batch.file.name)


def test_a_file_gone_from_disk_is_a_404(client, badung_secretary, private_files):
    batch = ImportBatch.objects.get()
    (Path(django_settings.PRIVATE_ROOT) / batch.file.name).unlink()
    client.force_login(badung_secretary)
    assert client.get(batch.file.url).status_code == 404
    assert client.get("/berkas/registry.importbatch/99999/file/").status_code == 404
    assert client.get("/berkas/accounts.user/1/password/").status_code == 404


def s3_storages() -> dict:
    """STORAGES exactly as kriya/settings.py builds them for KRIYA_STORAGE=s3."""
    env = {
        **os.environ,
        "KRIYA_STORAGE": "s3",
        "S3_BUCKET": "kriya-badung",
        "S3_REGION": "ap-southeast-3",
        "S3_ACCESS_KEY_ID": "AKIAFAKEFAKEFAKEFAKE",
        "S3_SECRET_ACCESS_KEY": "fake-secret-key-for-the-test",
        "DJANGO_SETTINGS_MODULE": "kriya.settings",
    }
    code = "import json, django.conf as c; print(json.dumps(c.settings.STORAGES))"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_with_s3_a_private_file_is_a_short_lived_signed_link(
    client, settings, badung, badung_secretary, gianyar_secretary
):
    storages = s3_storages()
    assert storages["default"]["OPTIONS"]["default_acl"] == "private"
    assert storages["public"]["OPTIONS"]["default_acl"] == "public-read"
    settings.STORAGES = storages
    batch = ImportBatch.objects.create(
        council=badung, file="imports/Zq3xY1.xlsx", filename="Rekap NIK.xlsx"
    )
    client.force_login(badung_secretary)
    response = client.get(batch.file.url)
    assert response.status_code == 302
    link = urlsplit(response["Location"])
    query = parse_qs(link.query)
    assert link.scheme == "https" and link.path.endswith("/private/imports/Zq3xY1.xlsx")
    assert "kriya-badung" in link.netloc + link.path
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert query["X-Amz-Expires"] == ["300"]
    assert query["X-Amz-Credential"][0].startswith("AKIAFAKEFAKEFAKEFAKE/")
    assert len(query["X-Amz-Signature"][0]) == 64
    assert query["response-content-disposition"] == [
        "attachment; filename*=UTF-8''Rekap%20NIK.xlsx"
    ]
    assert client.get(batch.file.url.replace(str(batch.pk), "0")).status_code == 404
    client.force_login(gianyar_secretary)
    assert client.get(batch.file.url).status_code == 404


def test_the_pages_link_to_the_checking_view_not_to_media(
    client, badung_secretary, made, private_files
):
    """Visit detail, work plan, the artisan's and the product's admin pages, the portal."""
    by_what = {file.what: file for file in private_files}
    visit = MentoringVisit.objects.get()
    indicator = Indicator.objects.get()
    client.force_login(badung_secretary)
    pages = {
        f"/pendampingan/kunjungan/{visit.pk}/": "visit photo",
        reverse("admin:programs-workplan", args=[indicator.program.work_plan_id]): (
            "indicator evidence"
        ),
        reverse("admin:programs_indicator_change", args=[indicator.pk]): "indicator evidence",
        reverse("admin:programs_activity_change", args=[Activity.objects.get().pk]): (
            "activity attachment"
        ),
        reverse("admin:registry_artisan_change", args=[made.business.owner_id]): "artisan photo",
        reverse("admin:catalog_product_change", args=[made.product.pk]): "waiting product's small",
    }
    for page, what in pages.items():
        text = client.get(page).text
        assert "/media/" not in text, page
        if what:
            assert f'"{by_what[what].url}"' in text, page
    client.force_login(made.user)
    text = client.get(f"/portal/produk/{made.product.pk}/").text
    assert by_what["waiting product's thumb"].url in text and "/media/" not in text


def test_split_media_moves_old_uploads_out_of_public_media_once(badung, made):
    """An upgrade: the files of before sit in public media under their old names."""
    public, private = storages["public"], storages["default"]
    sheet = public.save("imports/2026/11/rekap NIK.xlsx", ContentFile(b"NIK,3171055512820002"))
    batch = ImportBatch.objects.create(council=badung, file=sheet, filename="rekap NIK.xlsx")
    shown = make_product(
        make_business(name="Ukir Jaya", owner="I Made Arta"), photo=False, publish=False
    )
    Product.objects.filter(pk=shown.pk).update(status=Product.Status.PUBLISHED)
    old = {}
    for product in (made.product, shown):
        name = public.save(f"products/{product.pk}/foto-image.jpg", ContentFile(b"\xff\xd8jpeg"))
        old[product.pk] = ProductPhoto.objects.create(
            product=product, image=name, width=10, height=10
        )

    out = io.StringIO()
    call_command("split_media", stdout=out)
    assert "2" in out.getvalue() and "1" in out.getvalue()
    assert not public.exists(batch.file.name) and private.exists(batch.file.name)
    waiting, published = old[made.product.pk], old[shown.pk]
    assert not public.exists(waiting.image.name) and private.exists(waiting.image.name)
    assert public.exists(published.image.name) and private.exists(published.image.name)
    published.refresh_from_db()
    assert published.public and published.image.url == f"/media/{published.image.name}"

    call_command("split_media", stdout=io.StringIO())  # safe to re-run
    assert private.open(batch.file.name).read() == b"NIK,3171055512820002"


def test_another_artisan_gets_404_for_her_photos(client, gianyar, made, private_files):
    wayan = make_maker(
        "wayan",
        gianyar,
        village="51.04.01.2005",
        business="Perak Celuk Wayan",
        owner="I Wayan Celuk",
        product="Cincin Perak Celuk",
    )
    client.force_login(wayan.user)
    for file in private_files:
        response = client.get(file.url)
        assert response.status_code == 404, file.what
        assert file.data not in response.content


def test_a_changed_attachment_or_evidence_downloads_under_its_new_name(
    client, badung, badung_secretary, private_files
):
    activity, indicator = Activity.objects.get(), Indicator.objects.get()
    activity.attachment = SimpleUploadedFile("Laporan akhir.pdf", PDF)
    program_services.save_activity(activity=activity, fields=["attachment"])
    program_services.enter_realization(
        indicator=indicator, value=12, evidence=SimpleUploadedFile("Foto temu usaha.pdf", PDF)
    )
    activity.refresh_from_db()
    indicator.refresh_from_db()
    assert (activity.attachment_name, indicator.evidence_name) == (
        "Laporan akhir.pdf",
        "foto-temu-usaha.pdf",  # made safe by the attachment check, as a service takes it
    )
    client.force_login(badung_secretary)
    response = client.get(activity.attachment.url)
    assert response["Content-Disposition"] == "attachment; filename*=UTF-8''Laporan%20akhir.pdf"
    assert b"".join(response.streaming_content) == PDF
