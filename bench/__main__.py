"""python -m bench [key ...]: run the benchmarks (all, or those with the given keys) and
print one flat JSON object; also written to var/bench.json."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench import BENCHMARKS, MODULES

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def template_db() -> Path:
    """A migrated, empty SQLite database, rebuilt when the migrations change."""
    digest = hashlib.sha1()
    # The search index's SQL lives beside the migration that runs it.
    for path in [*sorted(ROOT.glob("kriya/*/migrations/*.py")), ROOT / "kriya/catalog/search.py"]:
        digest.update(path.read_bytes())
    template = WORK / f"template-{digest.hexdigest()[:12]}.sqlite3"
    if not template.exists():
        log("bench: migrating a template database")
        for old in WORK.glob("template-*.sqlite3"):
            old.unlink()
        env = {**os.environ, "SQLITE_PATH": str(template)}
        env.pop("DATABASE_URL", None)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
        )
    return template


def _fresh(database: Path, source: Path) -> dict[str, str]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    shutil.copy(source, database)
    # Measured as served: DEBUG off (it keeps every query and slows templates).
    env = {
        **os.environ,
        "SQLITE_PATH": str(database),
        "KRIYA_BENCH_DIR": str(WORK),
        "DEBUG": "False",
    }
    env.pop("DATABASE_URL", None)
    return env


def dataset_db(module: str, builder: str) -> Path:
    """The database a dataset builder fills, built once from the template and kept."""
    cached = WORK / f"dataset-{builder}-{template_db().stem.split('-')[1]}.sqlite3"
    if not cached.exists():
        log(f"bench: building data set {builder} (once; kept in {cached.name})")
        building = WORK / f"building-{builder}.sqlite3"
        env = _fresh(building, template_db())
        subprocess.run(
            [sys.executable, "-m", "bench.worker", f"{module}.{builder}"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        building.rename(cached)
    return cached


def run(name: str, dataset: str | None) -> dict[str, float]:
    database = WORK / f"run-{name.rsplit('.', 1)[-1]}.sqlite3"
    source = dataset_db(name.rsplit(".", 1)[0], dataset) if dataset else template_db()
    env = _fresh(database, source)
    result = subprocess.run(
        [sys.executable, "-m", "bench.worker", name],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        check=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(keys: list[str]) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    # The benchmark modules import the national generator (kriya/demo/national.py), whose
    # imports are the models: Django is set up before they are read.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kriya.settings")
    import django

    django.setup()
    for module in MODULES:
        importlib.import_module(module)
    figures: dict[str, float] = {}
    for name, function in BENCHMARKS.items():
        if keys and not set(keys) & set(function.keys):
            continue
        log(f"bench: {name}")
        figures.update(run(name, function.dataset))
    text = json.dumps(figures, indent=2, sort_keys=True)
    (ROOT / "var" / "bench.json").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
