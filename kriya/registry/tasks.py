"""Background tasks (django-tasks, run by `manage.py db_worker`)."""

from django_tasks import task

from kriya.registry.importer import batches


@task()
def preview_import(batch_id: int) -> None:
    batches.run_preview(batch_id)


@task()
def commit_import(batch_id: int) -> None:
    batches.run_commit(batch_id)
