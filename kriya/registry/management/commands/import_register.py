import json
from itertools import islice
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from openpyxl.utils.cell import get_column_letter

from kriya.regions.models import Council
from kriya.registry.importer import KINDS, commit_preview, preview_file
from kriya.registry.importer.batches import STORED_PROBLEM_ROWS
from kriya.registry.importer.columns import FIELDS
from kriya.registry.importer.commit import MODES


class Command(BaseCommand):
    help = (
        "Check a register spreadsheet (XLSX or CSV) for a council and print the preview as "
        "JSON: the columns used (file heading → field), counts and every problem row with its "
        "reasons. Correct a column with --column. Writes only with --commit."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--council", required=True, help="Council region code, e.g. 51.03")
        parser.add_argument("--kind", choices=KINDS, default="business")
        parser.add_argument("--commit", action="store_true", help="Write the rows")
        parser.add_argument(
            "--mode",
            choices=MODES,
            default="valid",
            help="valid: import the valid rows; all: all or nothing",
        )
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            metavar="HEADING=FIELD",
            help=(
                'Which field a column holds, over the guess: --column "No. HP/WA=phone"; '
                '"Foto=" leaves a column unused. Fields: ' + ", ".join(FIELDS)
            ),
        )

    def handle(
        self,
        *args,
        file: Path,
        council: str,
        kind: str,
        commit: bool,
        mode: str,
        column: list[str],
        **options,
    ) -> None:
        acting = Council.objects.filter(code=council).first()
        if acting is None:
            raise CommandError(f"No council with code {council}.")
        try:
            with file.open("rb") as handle:  # read as a stream, as the worker does
                preview = preview_file(
                    content=handle,
                    filename=file.name,
                    council=acting,
                    kind=kind,
                    overrides=column,
                )
            output = {
                "columns": [
                    {
                        "column": get_column_letter(item["column"] + 1),
                        "heading": item["heading"],
                        "field": item["field"],
                    }
                    for item in preview.columns.assignments()
                ],
                "counts": preview.counts(),
                "notes": preview.notes,
                # As many problem rows as the import page keeps: a file whose every row is
                # wrong would otherwise cost its size again in printed JSON.
                "problems": [
                    {
                        "row": row.number,
                        "status": row.status,
                        "problems": [{"column": c, "reason": r} for c, r in row.problems],
                    }
                    for row in islice((r for r in preview.rows if r.problems), STORED_PROBLEM_ROWS)
                ],
                "problem_rows": sum(1 for row in preview.rows if row.problems),
            }
            if commit:
                output["result"] = commit_preview(preview, mode=mode).as_dict()
        except (ValidationError, OSError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise CommandError(" ".join(messages)) from error
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2, default=str))
