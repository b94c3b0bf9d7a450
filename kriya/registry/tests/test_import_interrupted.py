"""A worker killed during a check (issue 12, point 5): the batch does not stay at
"checking rows" for ever. A real ``db_worker`` process is SIGKILLed mid-check; once the
batch's heartbeat is stale the import page says what happened, in Indonesian, and offers
to check the file again, which a new worker then does. Both databases, as
``kriya/operations/tests/test_crash.py`` does for a killed commit."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.files import File
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kriya.operations.tests.test_crash import ROOT, database, manage, query, run  # noqa: F401
from kriya.regions.services import load_regions
from kriya.registry.categories import seed
from kriya.registry.importer import batches as imports
from kriya.registry.models import CraftCategory, ImportBatch
from kriya.registry.tests import hostile

pytestmark = pytest.mark.django_db(transaction=True)
ROWS = 30_000

START = """
from django.core.files import File
from conftest import make_user
from kriya.regions.services import create_council
from kriya.registry.importer import batches as imports
badung = create_council(code="51.03")
secretary = make_user("badung_secretary", badung)
make_user("gianyar_secretary", create_council(code="51.04"))
with open({path!r}, "rb") as handle:
    batch = imports.start_import(
        council=badung, user=secretary, upload=File(handle, name="rekap.xlsx"), kind="business"
    )
# The worker reads the headings; the secretariat confirms them as proposed, which queues the
# check of every row (the one the test kills).
from django.core.management import call_command
from kriya.registry.importer.columns import ColumnMap
call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", verbosity=0)
batch.refresh_from_db()
columns = ColumnMap.from_dict(batch.columns)
imports.confirm_columns(batch=batch, chosen={{c: columns.field_of(c) for c in columns.headings}})
print(batch.pk)
"""
# The import page and its button, as the secretariat and as Charlie use them.
PAGE = """
import json
from django.test import Client
from kriya.accounts.models import User
pages = {{}}
for name in ("badung_secretary", "gianyar_secretary"):
    client = Client()
    client.force_login(User.objects.get(username=name))
    page = client.get("/admin/impor/{pk}/")
    again = client.post("/admin/impor/{pk}/periksa-ulang/")
    pages[name] = [page.status_code, page.text, again.status_code]
print(json.dumps(pages))
"""


def shell(env: dict, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def batch_row(env: dict, pk: int) -> tuple[str, int]:
    return query(env, f"SELECT status, progress_done FROM registry_importbatch WHERE id = {pk}")[0]


def kill_mid_check(env: dict, pk: int) -> bool:
    """Start a worker and SIGKILL it once the batch's check has begun counting rows; False
    when the check finished first."""
    worker = manage(
        env, "db_worker", "--queue-name", "*", "--no-startup-delay", "--interval", "0.1"
    )
    started = time.monotonic()
    while worker.poll() is None:
        status, done = batch_row(env, pk)
        if status == "previewing" and done > 0:
            os.kill(worker.pid, signal.SIGKILL)
            break
        if status != "uploaded" and status != "previewing":
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait()
            return False
        assert time.monotonic() - started < 180, "the worker never started the check"
        time.sleep(0.005)
    worker.wait()
    return worker.returncode == -signal.SIGKILL and batch_row(env, pk)[0] == "previewing"


@pytest.fixture
def env(database, tmp_path) -> dict:  # noqa: F811
    """The worker's and the pages' environment: the shared database, media of this test,
    and a batch that stops moving for a second counting as stale."""
    return {
        **database,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "KRIYA_IMPORT_STALE_SECONDS": "1",
    }


def test_a_check_killed_mid_way_is_shown_as_interrupted_and_can_be_run_again(env, tmp_path):
    register = hostile.tall_xlsx(tmp_path, ROWS)
    for _attempt in range(3):
        pk = int(shell(env, START.format(path=str(register))))
        if kill_mid_check(env, pk):
            break
    else:
        pytest.fail("the check finished before the kill three times")
    time.sleep(1.5)  # the killed check's heartbeat goes stale
    pages = json.loads(shell(env, PAGE.format(pk=pk)))
    status, page, again = pages["badung_secretary"]
    assert status == 200 and again == 302
    assert "Pemeriksaan berhenti sebelum selesai" in page and "Belum ada yang ditulis" in page
    assert 'id="import-check-again"' in page and "Periksa berkas lagi" in page
    assert pages["gianyar_secretary"][0] == 404 and pages["gianyar_secretary"][2] == 404
    assert batch_row(env, pk) == ("uploaded", 0)  # queued again, from the first row
    run(env, "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay")
    summary = query(env, f"SELECT status, summary FROM registry_importbatch WHERE id = {pk}")[0]
    assert summary[0] == "previewed"
    counts = summary[1] if isinstance(summary[1], dict) else json.loads(summary[1])
    assert counts["rows"] == ROWS
    assert query(env, "SELECT count(*) FROM registry_business")[0][0] == 0


@pytest.fixture
def bali_regions(transactional_db) -> None:
    load_regions(only="51")
    seed(CraftCategory)


def stuck(batch: ImportBatch, status: str) -> ImportBatch:
    """The batch as a killed worker leaves it: at ``status``, its task claimed ("running")
    by a worker that is gone."""
    ImportBatch.objects.filter(pk=batch.pk).update(status=status)
    DBTaskResult.objects.filter(args_kwargs__args__0=batch.pk).update(
        status=TaskResultStatus.RUNNING
    )
    return batch


def start(user, folder) -> ImportBatch:
    with hostile.register_xlsx(folder).open("rb") as handle:
        return imports.start_import(
            council=user.memberships.get().council,
            user=user,
            upload=File(handle, name="rekap.xlsx"),
            kind="business",
        )


def test_a_worker_starting_the_next_check_marks_what_a_killed_one_left(
    bali_regions, badung_secretary, gianyar_secretary, tmp_path
):
    killed = stuck(start(badung_secretary, tmp_path), "previewing")
    writing = stuck(start(gianyar_secretary, tmp_path), "committing")
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        fresh = start(badung_secretary, tmp_path)
        call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay")
    states = dict(ImportBatch.objects.values_list("pk", "status"))
    # The fresh file's headings were read; it waits for the user to confirm them.
    assert states == {killed.pk: "interrupted", writing.pk: "interrupted", fresh.pk: "mapping"}
    writing.refresh_from_db()
    assert "Tidak ada isi berkas ini yang ditulis" in writing.error


def test_only_a_stale_batch_with_no_task_waiting_is_marked_interrupted(
    bali_regions, badung_secretary, gianyar_secretary, tmp_path
):
    killed = stuck(start(badung_secretary, tmp_path), "previewing")
    writing = stuck(start(gianyar_secretary, tmp_path), "committing")
    queued = start(badung_secretary, tmp_path)  # waiting behind other tasks: not cut off
    ImportBatch.objects.filter(pk=queued.pk).update(status="committing")
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        moving = stuck(start(badung_secretary, tmp_path), "previewing")
        assert imports.mark_interrupted(council=badung_secretary.memberships.get().council) == 1
        assert imports.mark_interrupted() == 1  # the sibling's, from a worker of any council
    states = dict(ImportBatch.objects.values_list("pk", "status"))
    assert states[killed.pk] == "interrupted" and states[writing.pk] == "interrupted"
    assert states[queued.pk] == "committing" and states[moving.pk] == "previewing"
