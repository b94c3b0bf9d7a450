"""A real PostgreSQL hot standby, fed by streaming replication from the test cluster, serves
the public catalog's reads; a browser that has just written reads the primary.

The standby is made with ``pg_basebackup -R`` from the primary the PostgreSQL leg runs
against (scripts/with-postgres), and started on its own socket. Replay is paused to stand
for replication lag: the standby then shows the old page, and the pinned browser the new one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import InternalError, connection, connections
from django.test.utils import CaptureQueriesContext

from kriya.catalog.models import Product
from kriya.catalog.tests.factories import make_business, make_product
from kriya.operations.middleware import PIN_COOKIE
from kriya.operations.routers import PRIMARY, REPLICA
from kriya.regions.services import load_regions
from kriya.registry.categories import seed
from kriya.registry.models import CraftCategory

PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))


def as_postgres(*command: str) -> list[str]:
    """initdb and the server refuse to run as root: run them as the postgres user there."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


def run(*command: str) -> None:
    subprocess.run(as_postgres(*command), check=True, capture_output=True, timeout=120)


def wait_for(condition, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the standby did not catch up in time")
        time.sleep(0.1)


@pytest.fixture
def standby(transactional_db) -> Iterator[str]:
    """A streaming standby of the test cluster, as the ``replica`` alias; its socket dir."""
    primary = connections[PRIMARY].settings_dict
    socket_dir = primary["HOST"] or primary["OPTIONS"].get("host", "")
    if connection.vendor != "postgresql" or not socket_dir.startswith("/"):
        pytest.skip("needs the throwaway PostgreSQL cluster of scripts/with-postgres")
    if REPLICA in connections.settings:
        pytest.skip("DATABASE_REPLICA_URL already names a replica for this run")
    home = Path(tempfile.mkdtemp(prefix="kriya-standby-"))
    home.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
    try:
        run(
            str(PGBIN / "pg_basebackup"),
            "-h",
            socket_dir,
            "-U",
            "postgres",
            "-D",
            str(home / "data"),
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
        )
        run(
            str(PGBIN / "pg_ctl"),
            "-D",
            str(home / "data"),
            "-l",
            str(home / "log"),
            "-w",
            "-o",
            f"-k {home} -c listen_addresses='' -c hot_standby=on",
            "start",
        )
        connections.settings[REPLICA] = {
            **primary,
            "HOST": "",
            "OPTIONS": {**primary["OPTIONS"], "host": str(home)},
        }
        connections[REPLICA].connect()  # meant: see test_routers.published_product
        yield str(home)
    finally:
        if REPLICA in connections.settings:
            connections[REPLICA].close()
            del connections[REPLICA]
            del connections.settings[REPLICA]
        subprocess.run(
            as_postgres(str(PGBIN / "pg_ctl"), "-D", str(home / "data"), "-m", "immediate", "stop"),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(home, ignore_errors=True)


def caught_up() -> bool:
    """Whether the standby has replayed everything the primary has written so far."""
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        (written,) = cursor.fetchone()
    return on_standby("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", written) == (True,)


def on_standby(sql: str, *params):
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_a_streaming_standby_serves_the_catalog_and_a_writer_reads_the_primary(
    client, standby, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    assert on_standby("SELECT pg_is_in_recovery()") == (True,)
    with pytest.raises(InternalError, match="read-only transaction"):
        on_standby("CREATE TABLE written_on_a_standby (i int)")

    load_regions(only="51")
    seed(CraftCategory)
    product = make_product(make_business(), name="Kain Endek Tenun")
    wait_for(caught_up)

    with CaptureQueriesContext(connections[REPLICA]) as replica_queries:
        response = client.get(product.get_absolute_url())
    assert response.status_code == 200 and "Kain Endek Tenun" in response.text
    assert any("catalog_product" in q["sql"] for q in replica_queries.captured_queries)

    # Replication lag: the standby stops replaying while the primary changes the name.
    on_standby("SELECT pg_wal_replay_pause()")
    Product.objects.filter(pk=product.pk).update(name="Kain Endek Songket")
    assert "Kain Endek Tenun" in client.get(product.get_absolute_url()).text  # the standby

    response = client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert response.cookies[PIN_COOKIE].value  # this browser has just written
    with CaptureQueriesContext(connections[REPLICA]) as replica_queries:
        response = client.get(product.get_absolute_url(), follow=True)
    assert "Kain Endek Songket" in response.text  # its own write, from the primary
    assert replica_queries.captured_queries == []

    on_standby("SELECT pg_wal_replay_resume()")
    wait_for(lambda: Product.objects.using(REPLICA).get(pk=product.pk).name == "Kain Endek Songket")
