"""The production setup under load (issue 7): the public catalog at 1,000,000 products served
by gunicorn (2 sync workers, KRIYA_ENV=production) on 127.0.0.1, against a near-trivial view
measured in the same run.

``prod_catalog_*`` is the production setup proper: PostgreSQL 15. Its cluster is built once
by bench/catalog.py's ``catalog_1m`` (the same builder as the SQLite data set, run against
PostgreSQL) and kept under var/bench/ like the other data sets; each run starts it, serves,
and stops it. ``prod_catalog_sqlite_*`` is the same load against the SQLite data set, the
small council's one-server setup.
The load generator is plain Python (threads, http.client), bounded by a request count and a
time limit, and only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import benchmark

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
THREADS = 4  # two per worker: one request queued while the other is served
REQUESTS = 1_200
SECONDS = 45.0
CATALOG = [
    "/katalog/",
    "/katalog/?q=endek",
    "/katalog/?q=perak+celuk",
    "/katalog/?q=tedng",
    "/katalog/?kategori=ukir-kayu",
    "/katalog/?provinsi=51",
    "/katalog/?halaman=3",
    "/katalog/?q=anyaman&provinsi=35",
]
TRIVIAL = ["/healthz"]


def log(message: str) -> None:
    print(f"bench.production: {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def load(
    port: int, paths: list[str], requests: int = REQUESTS, seconds: float = SECONDS
) -> tuple[float, float]:
    """(requests per second, p95 in ms) of ``requests`` GETs over ``paths`` from THREADS
    keep-alive clients, stopping early at ``seconds``. Any status but 200 fails the run."""
    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))
    deadline = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        for n in counter:
            if time.monotonic() > deadline:
                break
            start = time.perf_counter()
            connection.request("GET", paths[n % len(paths)], headers={"Host": HOST})
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - start) * 1000
            if response.will_close:  # gunicorn's sync workers close after each response
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
            with lock:
                timings.append(elapsed)
                if response.status != 200:
                    errors.append(f"{paths[n % len(paths)]}: {response.status}")
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    assert not errors, errors[:5]
    return len(timings) / wall, statistics.quantiles(timings, n=20)[-1]


def production_env(port: int, var: str) -> dict[str, str]:
    """What scripts/serve-prod exports, pointed at this run's SQLite copy."""
    env = {
        **os.environ,
        "KRIYA_ENV": "production",
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "False",  # plain HTTP on the loopback, as serve-prod does
        "GUNICORN_BIND": f"{HOST}:{port}",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
        "GUNICORN_MAX_REQUESTS": "0",
        "KRIYA_VAR_DIR": var,
        "STATIC_ROOT": str(Path(var) / "static"),
        "DB_CONN_MAX_AGE": "600",
    }  # as DATABASE_URL's default keeps PostgreSQL's
    env.pop("DATABASE_URL", None)  # SQLITE_PATH, set by the bench runner, names the data set
    return env


def wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn exited"
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/healthz", headers={"Host": HOST})
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


def serve_and_load(env: dict[str, str], port: int) -> dict[str, float]:
    """Start gunicorn with ``env``, warm it, load /healthz then the catalog; stop it."""
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(port, server)
        load(port, CATALOG + TRIVIAL, requests=200)  # warm both workers' caches
        trivial_rps, trivial_p95 = load(port, TRIVIAL)
        catalog_rps, catalog_p95 = load(port, CATALOG)
        rss = worker_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "catalog_rps": catalog_rps,
        "catalog_p95": catalog_p95,
        "trivial_rps": trivial_rps,
        "trivial_p95": trivial_p95,
        "rss": rss,
    }


def worker_rss_mb(master: int) -> float:
    """Resident memory of the largest gunicorn worker (a child of ``master``), in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master) and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return max(sizes, default=0.0)


@benchmark("prod_catalog_sqlite_rps", "prod_catalog_sqlite_p95_ms", dataset="catalog_1m")
def prod_catalog_sqlite() -> dict[str, float]:
    """``/katalog/`` (and searches, filters, a later page) against ``/healthz`` (one
    ``SELECT 1``), both through gunicorn with production settings: as served (visitors get
    public pages from the cache, PUBLIC_CACHE_SECONDS=60) and with that cache off (every
    request renders the page: ``prod_catalog_uncached_*``)."""
    from django.db import connections

    connections.close_all()  # the server processes own the database from here
    port = free_port()
    with tempfile.TemporaryDirectory() as var:
        env = production_env(port, var)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        served = serve_and_load(env, port)
        uncached = serve_and_load({**env, "PUBLIC_CACHE_SECONDS": "0"}, port)
    log(
        f"catalog {served['catalog_rps']:.0f} rps p95 {served['catalog_p95']:.1f} ms "
        f"(uncached {uncached['catalog_rps']:.0f} rps p95 {uncached['catalog_p95']:.1f} ms); "
        f"healthz {served['trivial_rps']:.0f} rps p95 {served['trivial_p95']:.1f} ms"
    )
    return {f"prod_catalog_sqlite_{key}": value for key, value in figures(served, uncached).items()}


def figures(served: dict[str, float], uncached: dict[str, float]) -> dict[str, float]:
    return {
        "rps": served["catalog_rps"],
        "p95_ms": served["catalog_p95"],
        "vs_trivial": served["catalog_rps"] / served["trivial_rps"],
        "uncached_rps": uncached["catalog_rps"],
        "uncached_p95_ms": uncached["catalog_p95"],
        "uncached_vs_trivial": uncached["catalog_rps"] / served["trivial_rps"],
        "trivial_rps": served["trivial_rps"],
        "trivial_p95_ms": served["trivial_p95"],
        "worker_rss_mb": max(served["rss"], uncached["rss"]),
    }


# PostgreSQL: a cluster of its own under var/bench/, run as the postgres user when root
# (initdb and the server refuse root), reachable only by its Unix socket.
PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))
WORK = ROOT / "var" / "bench"
SERVER_OPTIONS = (
    "-c listen_addresses='' -c shared_buffers=1GB -c effective_cache_size=4GB "
    "-c work_mem=16MB -c maintenance_work_mem=512MB -c max_connections=50 "
    "-c random_page_cost=1.1"
)
BUILD_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def pg_ctl(data: Path, action: str, options: str = "") -> None:
    command = [
        str(PGBIN / "pg_ctl"),
        "-D",
        str(data / "data"),
        "-l",
        str(data / "server.log"),
        "-w",
        "-t",
        "600",
    ]
    if options:
        command += ["-o", f"-k {data} {options}"]
    if action == "stop":
        command += ["-m", "fast"]
    subprocess.run(as_postgres([*command, action]), check=True, stdout=subprocess.DEVNULL)


def pg_url(data: Path) -> str:
    return f"postgres://postgres@/kriya?host={data}"


def pg_cluster() -> Path:
    """The PostgreSQL cluster holding ``catalog_1m``, built once per version of the
    migrations and the search code, like the SQLite data sets."""
    digest = hashlib.sha1()
    for path in [
        *sorted(ROOT.glob("kriya/*/migrations/*.py")),
        ROOT / "kriya/catalog/search.py",
        ROOT / "kriya/demo/national.py",
        ROOT / "bench/catalog.py",
    ]:
        digest.update(path.read_bytes())
    cached = WORK / f"pg-catalog_1m-{digest.hexdigest()[:12]}"
    if cached.exists():
        return cached
    building = WORK / "pg-building"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    if os.geteuid() == 0:
        shutil.chown(building, "postgres")
    log(f"building the PostgreSQL data set (once; kept in {cached.name})")
    subprocess.run(
        as_postgres(
            [
                str(PGBIN / "initdb"),
                "-D",
                str(building / "data"),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    pg_ctl(building, "start", f"{SERVER_OPTIONS} {BUILD_OPTIONS}")
    try:
        subprocess.run(
            as_postgres([str(PGBIN / "createdb"), "-h", str(building), "-U", "postgres", "kriya"]),
            check=True,
        )
        env = {**os.environ, "DATABASE_URL": pg_url(building), "DEBUG": "False"}
        env.pop("SQLITE_PATH", None)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
        )
        subprocess.run(
            [sys.executable, "-m", "bench.worker", "bench.catalog.catalog_1m"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            as_postgres(
                [
                    str(PGBIN / "vacuumdb"),
                    "-h",
                    str(building),
                    "-U",
                    "postgres",
                    "--analyze",
                    "kriya",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        log(f"PostgreSQL data set built in {time.perf_counter() - started:.0f} s")
    finally:
        pg_ctl(building, "stop")
    building.rename(cached)
    return cached


@benchmark(
    "prod_catalog_rps",
    "prod_catalog_p95_ms",
    "prod_catalog_vs_trivial",
    "trivial_view_rps",
    "web_worker_rss_mb",
)
def prod_catalog() -> dict[str, float]:
    """The production setup: gunicorn (2 workers, production settings) in front of
    PostgreSQL 15 holding 1,000,000 products; as served (visitors from the cache) and with
    the cache off (``prod_catalog_uncached_*``: every request renders the page)."""
    cluster = pg_cluster()
    pg_ctl(cluster, "start", SERVER_OPTIONS)
    try:
        port = free_port()
        with tempfile.TemporaryDirectory() as var:
            env = {**production_env(port, var), "DATABASE_URL": pg_url(cluster)}
            env.pop("SQLITE_PATH", None)
            subprocess.run(
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                cwd=ROOT,
                env=env,
                check=True,
            )
            served = serve_and_load(env, port)
            uncached = serve_and_load({**env, "PUBLIC_CACHE_SECONDS": "0"}, port)
    finally:
        pg_ctl(cluster, "stop")
    log(
        f"PostgreSQL: catalog {served['catalog_rps']:.0f} rps p95 "
        f"{served['catalog_p95']:.1f} ms (uncached {uncached['catalog_rps']:.0f} rps p95 "
        f"{uncached['catalog_p95']:.1f} ms); healthz {served['trivial_rps']:.0f} rps"
    )
    result = {f"prod_catalog_{key}": value for key, value in figures(served, uncached).items()}
    result["trivial_view_rps"] = result.pop("prod_catalog_trivial_rps")
    result["trivial_view_p95_ms"] = result.pop("prod_catalog_trivial_p95_ms")
    result["web_worker_rss_mb"] = result.pop("prod_catalog_worker_rss_mb")
    return result
