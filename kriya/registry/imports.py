"""Register imports as the back office runs them: upload, check in the background, show
every problem row, then write on confirmation, also in the background."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kriya.accounts.models import User
from kriya.regions.models import Council
from kriya.registry.importer import commit_preview, preview_file
from kriya.registry.models import ImportBatch

logger = logging.getLogger(__name__)
Status = ImportBatch.Status
STORED_PROBLEM_ROWS = 5000


@transaction.atomic
def start_import(*, council: Council, user: User, upload: UploadedFile, kind: str) -> ImportBatch:
    """Store the file and queue its check; nothing is written to the register yet."""
    from kriya.registry import tasks

    batch = ImportBatch.objects.create(
        council=council, created_by=user, kind=kind, file=upload, filename=upload.name[:255]
    )
    transaction.on_commit(lambda: tasks.preview_import.enqueue(batch.pk))
    return batch


@transaction.atomic
def confirm_import(*, batch: ImportBatch, mode: str) -> ImportBatch:
    """Queue the writing of a checked file (``valid`` rows, or ``all`` or nothing)."""
    from kriya.registry import tasks

    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if not batch.file:
        raise ValidationError(
            _(
                "The file was deleted after %(days)s days, as the council keeps them; upload it again."
            )
            % {"days": batch.council.import_retention_days}
        )
    if not batch.can_move_to(Status.COMMITTING):
        raise ValidationError(
            _("This file is not waiting for confirmation (it is %(status)s).")
            % {"status": batch.get_status_display()}
        )
    _move(batch, Status.COMMITTING, mode=mode)
    transaction.on_commit(lambda: tasks.commit_import.enqueue(batch.pk))
    return batch


def purge_import_files(*, now: datetime | None = None) -> int:
    """Delete every uploaded spreadsheet older than its council's retention period; the
    batch, its counts, problem rows and result stay. Returns how many files went. Safe to
    re-run: a file already gone is skipped, a file deleted before its row was updated is
    found again next time."""
    now = now or timezone.now()
    purged = 0
    councils = Council.objects.filter(import_batches__file__gt="").distinct()
    for council in councils:
        cutoff = now - timedelta(days=council.import_retention_days)
        old = council.import_batches.filter(created_at__lt=cutoff, file__gt="")
        # A batch being read or written right now keeps its file until the next run.
        for batch in old.exclude(status__in=[Status.PREVIEWING, Status.COMMITTING]):
            batch.file.delete(save=False)  # the file first: never a row saying it is gone
            ImportBatch.objects.filter(pk=batch.pk).update(file="", file_deleted_at=now)
            purged += 1
    return purged


def _move(batch: ImportBatch, status: str, **fields) -> None:
    for name, value in {"status": status, **fields}.items():
        setattr(batch, name, value)
    batch.save(update_fields=["status", *fields, "updated_at"])


def _progress(batch_id: int):
    def report(done: int, total: int) -> None:
        ImportBatch.objects.filter(pk=batch_id).update(progress_done=done, progress_total=total)

    return report


def _preview(batch: ImportBatch):
    with batch.file.open("rb") as handle:
        content = handle.read()
    return preview_file(
        content=content,
        filename=batch.filename,
        council=batch.council,
        kind=batch.kind,
        progress=_progress(batch.pk),
    )


def run_preview(batch_id: int) -> None:
    """Check every row and store the counts and the problem rows (the background task)."""
    batch = ImportBatch.objects.select_related("council").get(pk=batch_id)
    _move(batch, Status.PREVIEWING)
    try:
        preview = _preview(batch)
    except ValidationError as error:
        _move(batch, Status.FAILED, error=" ".join(error.messages))
        return
    except Exception:
        logger.exception("register import %s: the check failed", batch_id)
        _move(
            batch,
            Status.FAILED,
            error=_(
                "The file could not be checked because of an internal error; it has been logged."
            ),
        )
        return
    problems = [
        {"row": row.number, "status": row.status, "problems": row.problems}
        for row in preview.rows
        if row.problems
    ]
    _move(
        batch,
        Status.PREVIEWED,
        summary={**preview.counts(), "notes": preview.notes},
        problems=problems[:STORED_PROBLEM_ROWS],
    )


def run_commit(batch_id: int) -> None:
    """Check the file again (the register may have changed) and write it."""
    batch = ImportBatch.objects.select_related("council").get(pk=batch_id)
    try:
        preview = _preview(batch)
        result = commit_preview(preview, mode=batch.mode)
    except ValidationError as error:
        _move(batch, Status.PREVIEWED, error=" ".join(error.messages))
        return
    except Exception:
        logger.exception("register import %s: writing failed", batch_id)
        _move(
            batch,
            Status.FAILED,
            error=_("Nothing was imported because of an internal error; it has been logged."),
        )
        return
    _move(batch, Status.DONE, result=result.as_dict(), error="")
