from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kriya.operations.services import split_media


class Command(BaseCommand):
    help = (
        "Once, when upgrading to private files: move every private upload (import "
        "spreadsheets, visit and artisan photos, attachments, evidence, photos of products "
        "not published) out of public media into the private storage. Safe to re-run."
    )

    def handle(self, *args, **options):
        moved, kept = split_media()
        self.stdout.write(
            _("Moved %(moved)s files to private storage; %(kept)s published photos stay public.")
            % {"moved": moved, "kept": kept}
        )
