from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kriya.registry.importer.batches import purge_import_files


class Command(BaseCommand):
    help = (
        "Delete uploaded register spreadsheets (NIK, phone numbers) older than their "
        "council's retention period; the imports' results stay. Run daily "
        "(deploy/kriya-purge-imports.timer); safe to re-run."
    )

    def handle(self, *args, **options):
        purged = purge_import_files()
        self.stdout.write(
            _("Deleted %(n)s import files past their retention period.") % {"n": purged}
        )
