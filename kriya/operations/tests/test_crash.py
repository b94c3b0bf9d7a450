"""Crash consistency (issue 7, item 6): ``kill -9`` in the middle of an import's commit
leaves none of the file's rows, the database intact, and the same import then succeeds.

A real ``manage.py import_register --commit`` runs in a subprocess against a database both
processes reach: a migrated SQLite file of its own, or this run's PostgreSQL test database.
The test kills it once the import holds its write transaction (SQLite: another connection
cannot take the write lock; PostgreSQL: the import's backend holds a row lock on the
business table), never by a guessed delay alone.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

from kriya.regions.services import create_council, load_regions
from kriya.registry.tests.files import xlsx

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(settings.BASE_DIR)
ROWS = 4_000
HEADER = ["Nama Usaha", "Nama Perajin", "NIK", "Desa", "Kecamatan", "Jenis Kriya", "Telp"]
SETUP = (
    "from kriya.regions.services import create_council, load_regions; "
    "load_regions(only='51'); create_council(code='51.03')"
)


def manage(env: dict, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def run(env: dict, *args: str) -> None:
    process = manage(env, *args)
    _out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()


@pytest.fixture
def database(tmp_path) -> dict:
    """The environment that points a subprocess at a database holding Bali and Badung's
    council, and a way to count the file's businesses from outside that subprocess."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kriya.settings", "DEBUG": "False"}
    if connection.vendor == "postgresql":
        load_regions(only="51")
        create_council(code="51.03")
        url = urlsplit(os.environ["DATABASE_URL"])
        env["DATABASE_URL"] = urlunsplit(url._replace(path="/" + connection.settings_dict["NAME"]))
        return env
    path = tmp_path / "crash.sqlite3"
    env.pop("DATABASE_URL", None)
    env["SQLITE_PATH"] = str(path)
    run(env, "migrate", "-v0")
    run(env, "shell", "-c", SETUP)
    env["_path"] = str(path)
    return env


def query(env: dict, sql: str) -> list[tuple]:
    """``sql`` from a connection of its own, as another process would see the database."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("%", "%%"))
            return cursor.fetchall()
    with sqlite3.connect(env["_path"]) as db:
        return db.execute(sql).fetchall()


def count_imported(env: dict, prefix: str) -> int:
    return query(env, f"SELECT count(*) FROM registry_business WHERE name LIKE '{prefix} %'")[0][0]


def writing(env: dict, table: str = "registry_business") -> bool:
    """Whether another process is inside a write transaction on ``table`` right now (on
    SQLite: holds the database's write lock)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                "WHERE c.relname = %s AND l.mode = 'RowExclusiveLock' "
                "AND l.pid <> pg_backend_pid()",
                [table],
            )
            return cursor.fetchone()[0] > 0
    db = sqlite3.connect(env["_path"], timeout=0, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")  # fails at once while another writer holds the lock
        db.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        return "locked" in str(error)
    finally:
        db.close()


def register_file(env: dict, folder: Path, prefix: str) -> Path:
    """A few thousand Badung businesses with their owners, villages named with district."""
    places = query(
        env,
        "SELECT v.name, d.name FROM regions_village v JOIN "
        "regions_district d ON d.code = v.district_id "
        "WHERE v.code LIKE '51.03.%' ORDER BY v.code",
    )
    rows = [HEADER] + [
        [
            f"{prefix} {n:05d}",
            f"Perajin {prefix} {n:05d}",
            "",
            places[n % len(places)][0],
            places[n % len(places)][1],
            "Endek",
            "",
        ]
        for n in range(ROWS)
    ]
    path = folder / f"{prefix.replace(' ', '-')}.xlsx"
    path.write_bytes(xlsx(rows))
    return path


def kill_while_writing(env: dict, path: Path) -> bool:
    """Start the import of ``path`` and SIGKILL it inside its write transaction; False when
    it finished first (a slow, loaded machine can miss the write's fraction of a second)."""
    process = manage(env, "import_register", str(path), "--council", "51.03", "--commit")
    started = time.monotonic()
    while process.poll() is None and not writing(env):
        assert time.monotonic() - started < 120, "the import never started writing"
        time.sleep(0.002)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return process.returncode == -signal.SIGKILL


def integrity(env: dict) -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM registry_business")  # the database answers
        return "ok"
    with sqlite3.connect(env["_path"]) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def test_kill_9_during_an_import_leaves_all_of_its_rows_or_none(database, tmp_path):
    killed = []
    for attempt in range(3):
        prefix = f"Usaha Uji{attempt}"
        path = register_file(database, tmp_path, prefix)
        killed.append(kill_while_writing(database, path))
        # One transaction: all of the file or none of it (killed mid-write, it is none).
        survived = count_imported(database, prefix)
        assert survived == (0 if killed[-1] else ROWS)
        assert integrity(database) == "ok"
        if killed[-1]:
            break
    assert killed[-1], "the import finished before the kill three times"
    # The database recovers by itself (SQLite rolls the hot journal back on the next open;
    # PostgreSQL aborted the backend's transaction) and the same import goes through.
    run(database, "import_register", str(path), "--council", "51.03", "--commit")
    assert count_imported(database, prefix) == ROWS
    assert integrity(database) == "ok"
