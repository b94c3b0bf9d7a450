"""Backups that restore: a council's data and photos go out in one archive and come back
identical, table by table, on SQLite (online backup API) and PostgreSQL (pg_dump).

The round trip commits for real (transactional tests), so each test brings back Bali's
regions and the craft taxonomy.
"""

import json
import stat
import tarfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from conftest import make_user
from kriya.catalog.models import Product
from kriya.catalog.tests.factories import make_business, make_product
from kriya.operations import services
from kriya.regions.services import create_council, load_regions
from kriya.registry.categories import seed
from kriya.registry.models import Business, CraftCategory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def council_data(transactional_db, settings, tmp_path):
    """A council, its secretary, three businesses and a product with a real photo (private,
    and in public media too since the product is published)."""
    settings.MEDIA_ROOT = tmp_path / "files" / "media"
    settings.PRIVATE_ROOT = tmp_path / "files" / "private"
    load_regions(only="51")
    seed(CraftCategory)
    badung = create_council(code="51.03")
    make_user("badung_secretary", badung)
    sari = make_business(name="Tenun Ikat Sari")
    make_business(name="Ukiran Jagapati", owner="I Made Arta", village="51.03.01.1001")
    make_business(name="Payung Mengwi", owner="I Ketut Payung", village="51.03.02.2001")
    make_product(sari, name="Kain Endek Tenun")
    return tmp_path / "files"


def media_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def wipe(media_root: Path) -> None:
    call_command("flush", "--no-input", verbosity=0)
    for file in media_root.rglob("*"):
        if file.is_file():
            file.unlink()


def test_a_backup_restores_into_an_empty_database_identical_table_by_table(council_data, tmp_path):
    before = services.fingerprints()
    photos = media_files(council_data)
    assert before["registry_business"]["rows"] == 3 and photos  # the photo and its thumbnails

    archive = services.backup(path=tmp_path / "backups")
    assert archive.name.startswith("kriya-backup-") and archive.name.endswith(".tar.gz")

    wipe(council_data)
    assert not Business.objects.exists() and media_files(council_data) == {}
    assert services.data_in_database() == {}

    result = services.restore(path=archive)

    after = services.fingerprints()
    assert after == before  # every table: same row count, same checksum of the data
    assert result.rows == sum(t["rows"] for t in before.values())
    assert media_files(council_data) == photos
    product = Product.objects.get(name="Kain Endek Tenun")
    assert product.business.name == "Tenun Ikat Sari"
    assert product.photos.get().image.read()[:2] == b"\xff\xd8"  # the JPEG is back


def test_the_archive_holds_the_database_media_and_a_manifest_of_every_table(council_data, tmp_path):
    archive = services.backup(path=tmp_path)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    dump = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}[connection.vendor]
    assert dump in names and any(n.startswith("media/") for n in names)
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["migrations"]["catalog"].startswith("00")
    assert manifest["tables"]["regions_village"]["rows"] > 700  # Bali's villages
    assert manifest["tables"] == services.fingerprints()
    assert manifest["media"] == {
        "included": True,
        "files": len(media_files(council_data / "media")),
        "private_files": len(media_files(council_data / "private")),
    }
    assert any(n.startswith("private/products/") for n in names)


def test_the_archive_is_written_0600_into_a_folder_made_0700(council_data, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    archive = services.backup(path=folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    fresh = services.backup(path=tmp_path / "new" / "backups")
    assert stat.S_IMODE(fresh.parent.stat().st_mode) == 0o700


def test_a_checksum_changes_when_one_value_changes(council_data):
    before = services.fingerprints()
    Business.objects.filter(name="Payung Mengwi").update(phone="+6281111111111")
    after = services.fingerprints()
    assert after["registry_business"]["rows"] == before["registry_business"]["rows"]
    assert after["registry_business"]["checksum"] != before["registry_business"]["checksum"]
    assert after["registry_artisan"] == before["registry_artisan"]


def test_restore_refuses_a_database_with_data_and_says_what_it_would_overwrite(
    council_data, tmp_path
):
    archive = services.backup(path=tmp_path)
    make_business(name="Gerabah Baru", owner="Ni Wayan Tanah")
    with pytest.raises(ValidationError) as refused:
        services.restore(path=archive)
    assert "registry_business (4)" in refused.value.messages[0]
    assert Business.objects.filter(name="Gerabah Baru").exists()  # nothing was touched

    services.restore(path=archive, replace=True)
    assert not Business.objects.filter(name="Gerabah Baru").exists()
    assert Business.objects.count() == 3


def test_the_commands_back_up_and_restore_with_one_summary_line_each(
    council_data, tmp_path, capsys
):
    before = services.fingerprints()
    call_command("backup", "--output", str(tmp_path / "out"))
    line = capsys.readouterr().out.strip()
    (archive,) = (tmp_path / "out").glob("kriya-backup-*.tar.gz")
    assert len(line.splitlines()) == 1 and str(archive) in line

    wipe(council_data)
    call_command("restore", str(archive))
    line = capsys.readouterr().out.strip()
    assert len(line.splitlines()) == 1 and archive.name in line
    assert services.fingerprints() == before
