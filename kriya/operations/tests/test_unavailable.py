"""While the database is down every page answers a clear 503 in Indonesian, and the app serves
again by itself as soon as the database is back."""

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test import Client

PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))


@contextmanager
def default_database(settings_dict: dict) -> Iterator[None]:
    """Serve requests from a connection with these settings in place of "default"."""
    working = connections["default"]
    replacement = working.__class__(settings_dict, "default")
    connections["default"] = replacement
    try:
        yield
    finally:
        replacement.close()
        connections["default"] = working


def unreachable(tmp_path: Path) -> dict:
    """Settings of a database nobody answers: a file in a missing folder, a socket never opened."""
    broken = {**connection.settings_dict, "OPTIONS": {**connection.settings_dict["OPTIONS"]}}
    if connection.vendor == "sqlite":
        broken.update(NAME=str(tmp_path / "missing" / "kriya.sqlite3"), TEST={})
        broken["OPTIONS"].pop("init_command", None)
    else:
        broken.update(HOST=str(tmp_path), PORT="5432")
        broken["OPTIONS"].pop("host", None)
    return broken


def assert_unavailable_page(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Layanan sedang tidak tersedia" in response.text
    assert "coba lagi" in response.text


@pytest.mark.django_db
def test_every_page_answers_503_in_indonesian_while_the_database_is_unreachable(tmp_path):
    client = Client(raise_request_exception=False)
    with default_database(unreachable(tmp_path)):
        assert_unavailable_page(client.get("/katalog/"))
        assert_unavailable_page(client.get("/wilayah/51/"))
        assert_unavailable_page(client.post("/akun/masuk/", {"username": "a", "password": "b"}))
        health = client.get("/healthz")
        assert health.status_code == 503 and health.json()["database"] == "unreachable"
    # The same process, the next request: served as usual.
    assert client.get("/katalog/").status_code == 200
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_a_bug_that_is_not_the_database_still_answers_500(tmp_path, settings):
    settings.ROOT_URLCONF = "kriya.operations.tests.broken_urls"
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500 and "Retry-After" not in response


class Cluster:
    """A throwaway PostgreSQL 15 cluster of its own, which the test stops and starts."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="kriya-pg-fault."))
        self.dir.chmod(0o755)
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_pg:
            shutil.chown(self.dir, "postgres")
        self.pg(
            "initdb",
            "-D",
            f"{self.dir}/data",
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )

    def pg(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.as_pg, str(PGBIN / tool), *args], check=True, capture_output=True, timeout=60
        )

    def start(self) -> None:
        self.pg(
            "pg_ctl",
            "-D",
            f"{self.dir}/data",
            "-l",
            f"{self.dir}/log",
            "-w",
            "-o",
            f"-k {self.dir} -c listen_addresses='' -c fsync=off",
            "start",
        )

    def stop(self) -> None:
        self.pg("pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        subprocess.run(
            [
                *self.as_pg,
                str(PGBIN / "pg_ctl"),
                "-D",
                f"{self.dir}/data",
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster(db) -> Iterator[Cluster]:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite is a file in the app's own process: there is no server to stop")
    if not (PGBIN / "initdb").is_file():
        pytest.skip(f"PostgreSQL server binaries are not in {PGBIN}")
    cluster = Cluster()
    try:
        cluster.start()
        # The schema of the test database, so that real pages render against the cluster.
        schema = cluster.dir / "schema.sql"
        env = {
            **os.environ,
            "PGHOST": connection.settings_dict["OPTIONS"].get(
                "host", connection.settings_dict["HOST"]
            ),
            "PGUSER": connection.settings_dict["USER"],
        }
        subprocess.run(
            [
                str(PGBIN / "pg_dump"),
                "--schema-only",
                "--no-owner",
                f"--file={schema}",
                connection.settings_dict["NAME"],
            ],
            env=env,
            check=True,
            timeout=60,
        )
        schema.chmod(0o644)
        cluster.pg("createdb", "-h", str(cluster.dir), "-U", "postgres", "kriya")
        cluster.pg(
            "psql",
            "-q",
            "-h",
            str(cluster.dir),
            "-U",
            "postgres",
            "-d",
            "kriya",
            "-v",
            "ON_ERROR_STOP=1",
            "-f",
            str(schema),
        )
        yield cluster
    finally:
        cluster.remove()


def test_the_app_recovers_by_itself_when_postgresql_comes_back(cluster):
    own = {
        **connection.settings_dict,
        "NAME": "kriya",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(cluster.dir),
        "PORT": "",
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {},
    }
    client = Client(raise_request_exception=False)
    with default_database(own):
        assert client.get("/katalog/").status_code == 200
        assert client.get("/healthz").status_code == 200

        cluster.stop()  # the server dies under a persistent connection
        assert_unavailable_page(client.get("/katalog/"))
        assert_unavailable_page(client.get("/katalog/"))
        assert client.get("/healthz").status_code == 503

        cluster.start()  # no restart of the app, no intervention
        response = client.get("/katalog/")
        assert response.status_code == 200 and "Layanan sedang tidak tersedia" not in response.text
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}
