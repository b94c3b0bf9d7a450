"""The production setup under load (issue 7): the public catalog at 1,000,000 products served
by gunicorn (2 sync workers, KRIYA_ENV=production) on 127.0.0.1, against a near-trivial view
measured in the same run.

Production runs PostgreSQL; here the server reads the cached SQLite data set of
bench/catalog.py (``catalog_1m``), because loading 1,000,000 products with their search
index into a throwaway PostgreSQL cluster would take longer than the whole benchmark run.
The load generator is plain Python (threads, http.client), bounded by a request count and a
time limit, and only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import http.client
import os
import secrets
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
CATALOG = ["/katalog/", "/katalog/?q=endek", "/katalog/?q=perak+celuk", "/katalog/?q=tedng",
           "/katalog/?kategori=ukir-kayu", "/katalog/?provinsi=51", "/katalog/?halaman=3",
           "/katalog/?q=anyaman&provinsi=35"]
TRIVIAL = ["/healthz"]


def log(message: str) -> None:
    print(f"bench.production: {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def load(port: int, paths: list[str], requests: int = REQUESTS, seconds: float = SECONDS
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
    env = {**os.environ, "KRIYA_ENV": "production", "DEBUG": "False",
           "SECRET_KEY": secrets.token_urlsafe(64), "ALLOWED_HOSTS": HOST,
           "SECURE_SSL_REDIRECT": "False",  # plain HTTP on the loopback, as serve-prod does
           "GUNICORN_BIND": f"{HOST}:{port}", "WEB_CONCURRENCY": "2",
           "GUNICORN_ACCESS_LOG": "/dev/null", "GUNICORN_LOG_LEVEL": "warning",
           "GUNICORN_MAX_REQUESTS": "0", "KRIYA_VAR_DIR": var,
           "STATIC_ROOT": str(Path(var) / "static"),
           "DB_CONN_MAX_AGE": "600"}  # as DATABASE_URL's default keeps PostgreSQL's
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
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c",
                               "deploy/gunicorn.conf.py"], cwd=ROOT, env=env)
    try:
        wait_until_up(port, server)
        load(port, CATALOG + TRIVIAL, requests=200)  # warm both workers' caches
        trivial_rps, trivial_p95 = load(port, TRIVIAL)
        catalog_rps, catalog_p95 = load(port, CATALOG)
        rss = worker_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"catalog_rps": catalog_rps, "catalog_p95": catalog_p95,
            "trivial_rps": trivial_rps, "trivial_p95": trivial_p95, "rss": rss}


def worker_rss_mb(master: int) -> float:
    """Resident memory of the largest gunicorn worker (a child of ``master``), in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines()
                          if ":" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master) and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return max(sizes, default=0.0)


@benchmark("prod_catalog_rps", "prod_catalog_p95_ms", "prod_catalog_vs_trivial",
           "trivial_view_rps", "web_worker_rss_mb", dataset="catalog_1m")
def prod_catalog() -> dict[str, float]:
    """``/katalog/`` (and searches, filters, a later page) against ``/healthz`` (one
    ``SELECT 1``), both through gunicorn with production settings: as served (visitors get
    public pages from the cache, PUBLIC_CACHE_SECONDS=60) and with that cache off (every
    request renders the page: ``prod_catalog_uncached_*``)."""
    from django.db import connections

    connections.close_all()  # the server processes own the database from here
    port = free_port()
    with tempfile.TemporaryDirectory() as var:
        env = production_env(port, var)
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                       cwd=ROOT, env=env, check=True)
        served = serve_and_load(env, port)
        uncached = serve_and_load({**env, "PUBLIC_CACHE_SECONDS": "0"}, port)
    log(f"catalog {served['catalog_rps']:.0f} rps p95 {served['catalog_p95']:.1f} ms "
        f"(uncached {uncached['catalog_rps']:.0f} rps p95 {uncached['catalog_p95']:.1f} ms); "
        f"healthz {served['trivial_rps']:.0f} rps p95 {served['trivial_p95']:.1f} ms")
    return {"prod_catalog_rps": served["catalog_rps"],
            "prod_catalog_p95_ms": served["catalog_p95"],
            "prod_catalog_vs_trivial": served["catalog_rps"] / served["trivial_rps"],
            "prod_catalog_uncached_rps": uncached["catalog_rps"],
            "prod_catalog_uncached_p95_ms": uncached["catalog_p95"],
            "prod_catalog_uncached_vs_trivial": uncached["catalog_rps"] / served["trivial_rps"],
            "trivial_view_rps": served["trivial_rps"],
            "web_worker_rss_mb": max(served["rss"], uncached["rss"]),
            "trivial_view_p95_ms": served["trivial_p95"]}
