"""Register imports as the back office runs them: upload, read the headings in the
background, let the user confirm which column is which, check every row in the background,
show every problem row, then write on confirmation, also in the background."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kriya.accounts.models import User
from kriya.regions.models import Council
from kriya.registry.importer import ColumnMap, commit_preview, preview_file, propose_columns
from kriya.registry.importer.limits import limits
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


@transaction.atomic
def confirm_columns(*, batch: ImportBatch, chosen: dict[int, str]) -> ImportBatch:
    """Keep the user's column → field choice and queue the check of every row with it."""
    from kriya.registry import tasks

    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if not batch.columns or not batch.can_move_to(Status.PREVIEWING):
        raise ValidationError(
            _("The columns of this file cannot be changed now (it is %(status)s).")
            % {"status": batch.get_status_display()}
        )
    columns = ColumnMap.from_dict(batch.columns).with_fields(chosen)
    columns.require(batch.kind)
    _move(
        batch,
        Status.PREVIEWING,
        columns={**columns.as_dict(), "confirmed": True},
        progress_done=0,
        progress_total=0,
        summary={},
        problems=[],
        error="",
    )
    transaction.on_commit(lambda: tasks.preview_import.enqueue(batch.pk))
    return batch


@transaction.atomic
def check_again(*, batch: ImportBatch) -> ImportBatch:
    """Queue a new check of an interrupted file, from its first row."""
    from kriya.registry import tasks

    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if not batch.can_move_to(Status.UPLOADED):
        raise ValidationError(
            _("This file was not interrupted (it is %(status)s).")
            % {"status": batch.get_status_display()}
        )
    _move(batch, Status.UPLOADED, error="", mode="", progress_done=0, progress_total=0)
    transaction.on_commit(lambda: tasks.preview_import.enqueue(batch.pk))
    return batch


def mark_interrupted(*, council: Council | None = None, pk: int | None = None) -> int:
    """Mark as interrupted every check or write (of ``council``'s files, the one file ``pk``,
    or all) that has
    not moved for ``IMPORT_STALE_SECONDS`` and has no task waiting for it: its worker was
    killed or its machine restarted. Safe from any process on any machine: each batch is
    moved by one conditional UPDATE, so a batch still moving is left alone. Returns how
    many were marked."""
    cutoff = timezone.now() - timedelta(seconds=limits().stale_seconds)
    batches = ImportBatch.objects.within(council) if council else ImportBatch.objects.all()
    if pk is not None:
        batches = batches.filter(pk=pk)
    stale = batches.filter(status__in=ImportBatch.WORKING, updated_at__lt=cutoff).values_list(
        "pk", "status"
    )
    marked = 0
    for pk, status in stale:
        if _queued(pk):
            continue  # waiting behind other tasks, not cut off
        marked += ImportBatch.objects.filter(pk=pk, status=status, updated_at__lt=cutoff).update(
            status=Status.INTERRUPTED, error=_interrupted_reason(status), updated_at=timezone.now()
        )
    return marked


def _queued(batch_id: int) -> bool:
    """Whether a task for the batch waits in the queue (a killed worker leaves its own task
    "running" for ever, so only a waiting one counts)."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path__startswith="kriya.registry.tasks.",
        args_kwargs__args__0=batch_id,
    ).exists()


def _interrupted_reason(status: str) -> str:
    if status == Status.COMMITTING:
        return _(
            "The import stopped before it finished (the background worker was stopped or "
            "restarted). Nothing from this file was written: it is written all at once or "
            "not at all. Check the file again, then import it."
        )
    return _(
        "The check stopped before it finished (the background worker was stopped or "
        "restarted). Nothing was written. Check the file again."
    )


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
        # updated_at is the heartbeat by which mark_interrupted tells a live check.
        ImportBatch.objects.filter(pk=batch_id).update(
            progress_done=done, progress_total=total, updated_at=timezone.now()
        )

    return report


def _preview(batch: ImportBatch):
    with batch.file.open("rb") as handle:  # read as a stream, never all of it at once
        return preview_file(
            content=getattr(handle, "file", handle),
            filename=batch.filename,
            council=batch.council,
            kind=batch.kind,
            progress=_progress(batch.pk),
            columns=ColumnMap.from_dict(batch.columns) if batch.columns.get("confirmed") else None,
        )


def _propose(batch: ImportBatch) -> None:
    """Match the headings and wait for the user to confirm them (the mapping step)."""
    with batch.file.open("rb") as handle:
        columns = propose_columns(content=getattr(handle, "file", handle), filename=batch.filename)
    _move(batch, Status.MAPPING, columns={**columns.as_dict(), "confirmed": False})


def run_preview(batch_id: int) -> None:
    """First the headings matched for the user to confirm; once confirmed, every row
    checked and the counts and the problem rows stored (the background task)."""
    batch = ImportBatch.objects.select_related("council").get(pk=batch_id)
    _move(batch, Status.PREVIEWING)
    mark_interrupted()  # a worker that starts again tells what its killed run left
    try:
        if not batch.columns.get("confirmed"):
            _propose(batch)
            return
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
    _move(batch, Status.COMMITTING)  # the heartbeat starts now, not at confirmation
    mark_interrupted()
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
