"""``purge_imports``: an uploaded register spreadsheet (NIK, phone numbers) is deleted once
its council's retention period has passed; the import's record and results stay."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from kriya.registry.importer import batches as imports
from kriya.registry.models import ImportBatch
from kriya.registry.tests.files import xlsx

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")


def uploaded(council, user, name: str = "rekap.xlsx") -> ImportBatch:
    content = xlsx([["Nama Usaha", "NIK"], ["Tenun Sari", "3171055512820002"]])
    batch = imports.start_import(
        council=council, user=user, upload=SimpleUploadedFile(name, content), kind="business"
    )
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.DONE, result={"created": 1, "updated": 0}
    )
    batch.refresh_from_db()
    return batch


def purge() -> str:
    out = io.StringIO()
    call_command("purge_imports", stdout=out)
    return out.getvalue()


def on_disk(batch: ImportBatch, name: str) -> Path:
    return Path(django_settings.PRIVATE_ROOT) / name


def test_the_file_goes_after_30_days_and_the_results_stay(
    badung, badung_secretary, gianyar, gianyar_secretary, time_machine
):
    time_machine.move_to(dt.datetime(2026, 11, 1, 9, 0, tzinfo=WITA), tick=False)
    gianyar.import_retention_days = 90
    gianyar.save(update_fields=["import_retention_days"])
    badung_batch = uploaded(badung, badung_secretary)
    gianyar_batch = uploaded(gianyar, gianyar_secretary)
    badung_file = on_disk(badung_batch, badung_batch.file.name)
    assert badung_file.exists()

    time_machine.move_to(dt.datetime(2026, 11, 30, 9, 0, tzinfo=WITA), tick=False)
    assert "0" in purge() and badung_file.exists()  # 29 days: still kept

    time_machine.move_to(dt.datetime(2026, 12, 2, 3, 15, tzinfo=WITA), tick=False)
    assert "1" in purge()
    badung_batch.refresh_from_db()
    assert not badung_file.exists() and badung_batch.file.name == ""
    assert badung_batch.file_deleted_at == dt.datetime(2026, 12, 2, 3, 15, tzinfo=WITA)
    assert badung_batch.result == {"created": 1, "updated": 0}
    assert badung_batch.filename == "rekap.xlsx"
    gianyar_batch.refresh_from_db()
    assert on_disk(gianyar_batch, gianyar_batch.file.name).exists()  # Gianyar keeps 90 days

    assert "0" in purge()  # safe to re-run


def test_the_page_says_the_file_was_deleted_after_n_days(
    client, badung, badung_secretary, time_machine
):
    time_machine.move_to(dt.datetime(2026, 11, 1, 9, 0, tzinfo=WITA), tick=False)
    batch = uploaded(badung, badung_secretary)
    client.force_login(badung_secretary)
    page = client.get(reverse("admin:register-import", kwargs={"batch_id": batch.pk})).text
    assert batch.file.url in page
    assert "Berkas dihapus 30 hari setelah diunggah; hasilnya tetap tersimpan." in page

    time_machine.move_to(dt.datetime(2026, 12, 2, 9, 0, tzinfo=WITA), tick=False)
    purge()
    client.force_login(badung_secretary)  # a month later: a new session
    page = client.get(reverse("admin:register-import", kwargs={"batch_id": batch.pk})).text
    assert (
        "Berkas yang diunggah telah dihapus pada 2 Desember 2026, 30 hari setelah diunggah; "
        "hasilnya tetap tersimpan."
    ) in page
    assert "/berkas/" not in page


def test_a_deleted_file_cannot_be_confirmed(badung, badung_secretary, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 1, 9, 0, tzinfo=WITA), tick=False)
    batch = uploaded(badung, badung_secretary)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.PREVIEWED)
    time_machine.move_to(dt.datetime(2026, 12, 2, 9, 0, tzinfo=WITA), tick=False)
    purge()
    with pytest.raises(ValidationError) as refused:
        imports.confirm_import(batch=batch, mode="valid")
    assert "30" in refused.value.messages[0]


def test_a_file_being_read_waits_for_the_next_run(badung, badung_secretary, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 1, 9, 0, tzinfo=WITA), tick=False)
    batch = uploaded(badung, badung_secretary)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.PREVIEWING)
    time_machine.move_to(dt.datetime(2026, 12, 2, 9, 0, tzinfo=WITA), tick=False)
    assert "0" in purge()
    assert on_disk(batch, batch.file.name).exists()


def test_the_retention_is_set_in_the_councils_admin(client, badung, badung_admin):
    client.force_login(badung_admin)
    url = reverse("admin:regions_council_change", args=[badung.pk])
    page = client.get(url).text
    assert 'name="import_retention_days"' in page and 'value="30"' in page
