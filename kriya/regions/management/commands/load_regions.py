from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kriya.regions import services


class Command(BaseCommand):
    help = (
        "Load or update the official Kemendagri regions (provinces, regencies/cities, "
        "districts, villages). Safe to re-run: unchanged rows stay, renamed ones are "
        "updated, codes a newer decree drops are kept as inactive."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            type=Path,
            default=services.DATA_DIR,
            help="Folder with provinces/regencies/districts/villages .csv(.gz)",
        )
        parser.add_argument("--only", help="Load only this province's subtree (e.g. 51)")

    def handle(self, *args, source: Path, only: str | None, **options):
        try:
            report = services.load_regions(source_dir=source, only=only)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        counts = report.counts()
        self.stdout.write(
            _("Regions: %(p)s provinces, %(r)s regencies/cities, %(d)s districts, %(v)s villages.")
            % {
                "p": counts["provinces"],
                "r": counts["regencies"],
                "d": counts["districts"],
                "v": counts["villages"],
            }
        )
        if not report.changed:
            self.stdout.write(_("No changes: the regions were already up to date."))
            return
        for stem, level in report.levels.items():
            for label, codes in [
                (_("added"), level.created),
                (_("renamed"), level.renamed),
                (_("moved"), level.moved),
                (_("deactivated"), level.deactivated),
                (_("reactivated"), level.reactivated),
            ]:
                if codes:
                    sample = ", ".join(codes[:10]) + (" …" if len(codes) > 10 else "")
                    self.stdout.write(f"  {stem}: {len(codes)} {label} ({sample})")
