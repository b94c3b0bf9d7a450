from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kriya.operations import services


class Command(BaseCommand):
    help = (
        "Bring back an archive written by `backup` into this database (empty, or replaced "
        "with --yes) and the media folder, then check every table's row count and checksum "
        "against the archive's manifest. Stop the web and worker services first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="overwrite a database that already holds data"
        )

    def handle(self, *args, archive: Path, yes: bool, **options):
        if not archive.is_file():
            raise CommandError(_("%(file)s does not exist.") % {"file": archive})
        try:
            result = services.restore(path=archive, replace=yes)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from e
        self.stdout.write(
            _(
                "Restored %(archive)s: %(tables)s tables (%(rows)s rows) and %(media)s media "
                "files; every table matches the manifest."
            )
            % {
                "archive": result.archive.name,
                "tables": result.tables,
                "rows": result.rows,
                "media": result.media_files,
            }
        )
