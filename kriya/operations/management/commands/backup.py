from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kriya.operations import services


class Command(BaseCommand):
    help = (
        "Write one archive (kriya-backup-YYYYmmdd-HHMMSS.tar.gz) holding the database, the "
        "media files and a manifest of every table's row count and checksum. Safe while the "
        "app runs; run it nightly (deploy/kriya-backup.timer) and copy the archive off the server."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.VAR_DIR) / "backups",
            help="folder for the archive (default: var/backups)",
        )

    def handle(self, *args, output: Path, **options):
        try:
            archive = services.backup(path=output)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from e
        manifest = services.read_manifest(path=archive)
        rows = sum(t["rows"] for t in manifest["tables"].values())
        size = archive.stat().st_size / 1_000_000
        self.stdout.write(
            _(
                "Backed up %(tables)s tables (%(rows)s rows) and %(media)s media files to "
                "%(archive)s (%(size).1f MB)."
            )
            % {
                "tables": len(manifest["tables"]),
                "rows": rows,
                "media": manifest["media"]["files"],
                "archive": archive,
                "size": size,
            }
        )
