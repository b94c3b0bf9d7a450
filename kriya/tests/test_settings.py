"""Production mode: refuses to start without its secrets, then passes check --deploy."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3Ry4-pr0d-" + "x7Qz!9vLm#2Wp&5Rt@8Yn^4Bc*6Hd(1Jf)0Gs_3Ke=" * 2


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DEBUG",
            "DATABASE_REPLICA_URL",
            "CACHE_URL",
            "SESSION_ENGINE",
            "KRIYA_STORAGE",
            "PRIVATE_FILES_SERVER",
            "LOG_FORMAT",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key_and_hosts():
    result = manage("check", KRIYA_ENV="production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "ALLOWED_HOSTS" in result.stderr


def test_production_passes_check_deploy_with_no_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        KRIYA_ENV="production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="kriya.dekranasda.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_development_defaults_to_the_embedded_sqlite_database(tmp_path):
    result = manage(
        "shell",
        "-c",
        "from django.db import connection; "
        "print(connection.vendor, connection.settings_dict['NAME'])",
        KRIYA_VAR_DIR=str(tmp_path),
    )
    vendor, name = result.stdout.strip().splitlines()[-1].split()
    assert (vendor, name) == ("sqlite", str(tmp_path / "kriya.sqlite3"))


PRINT_SETTINGS = (
    "from django.conf import settings as s; import json; print(json.dumps({"
    "'databases': {a: [d['ENGINE'], d['CONN_HEALTH_CHECKS'], d['TEST']['MIRROR']] "
    "for a, d in s.DATABASES.items()}, 'routers': s.DATABASE_ROUTERS, "
    "'cache': s.CACHES['default']['BACKEND'], 'session': s.SESSION_ENGINE, "
    "'media': s.STORAGES['public']['BACKEND'], 'private': s.STORAGES['default']['BACKEND'], "
    "'static': s.STORAGES['staticfiles']['BACKEND']}))"
)
SCALED_OUT = {
    "KRIYA_ENV": "production",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "kriya.example",
    "DATABASE_URL": "postgres://kriya:rahasia@db1.internal:5432/kriya",
    "DATABASE_REPLICA_URL": "postgres://kriya:rahasia@db2.internal:5432/kriya",
    "CACHE_URL": "redis://cache.internal:6379/0",
    "SESSION_ENGINE": "cached_db",
    "KRIYA_STORAGE": "s3",
    "S3_BUCKET": "kriya-media",
    "S3_ENDPOINT_URL": "https://s3.example",
}


def test_scaled_out_production_reads_every_backend_from_the_environment():
    result = manage("shell", "-c", PRINT_SETTINGS, **SCALED_OUT)
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout.strip().splitlines()[-1])
    assert config["databases"] == {
        "default": ["django.db.backends.postgresql", True, None],
        "replica": ["django.db.backends.postgresql", True, "default"],
    }
    assert config["routers"] == ["kriya.operations.routers.ReplicaRouter"]
    assert config["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert config["session"] == "django.contrib.sessions.backends.cached_db"
    assert config["media"] == config["private"] == "storages.backends.s3.S3Storage"
    assert config["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_scaled_out_production_passes_check_deploy_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **SCALED_OUT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_server_defaults_keep_media_on_disk_and_cache_in_process(tmp_path):
    result = manage("shell", "-c", PRINT_SETTINGS, KRIYA_VAR_DIR=str(tmp_path))
    config = json.loads(result.stdout.strip().splitlines()[-1])
    assert config["media"] == "django.core.files.storage.FileSystemStorage"
    assert config["private"] == "kriya.lib.files.PrivateFileSystemStorage"
    assert config["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert config["session"] == "django.contrib.sessions.backends.db"
    assert list(config["databases"]) == ["default"]


def test_s3_storage_without_a_bucket_refuses_to_start():
    result = manage("check", KRIYA_STORAGE="s3")
    assert result.returncode != 0 and "S3_BUCKET" in result.stderr


def test_json_logs_are_one_object_per_line(tmp_path):
    result = manage(
        "shell",
        "-c",
        "import logging; logging.getLogger('kriya.operations')"
        ".error('backup written', extra={'archive': 'kriya-backup.tar.gz'})",
        LOG_FORMAT="json",
        KRIYA_VAR_DIR=str(tmp_path),
    )
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["level"] == "ERROR" and entry["logger"] == "kriya.operations"
    assert entry["message"] == "backup written" and entry["archive"] == "kriya-backup.tar.gz"


def test_an_unknown_way_of_serving_private_files_refuses_to_start():
    result = manage("check", PRIVATE_FILES_SERVER="apache")
    assert result.returncode != 0 and "PRIVATE_FILES_SERVER" in result.stderr
