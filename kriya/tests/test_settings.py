"""Production mode: refuses to start without its secrets, then passes check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3Ry4-pr0d-" + "x7Qz!9vLm#2Wp&5Rt@8Yn^4Bc*6Hd(1Jf)0Gs_3Ke=" * 2


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DEBUG"}}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


def test_production_refuses_to_start_without_secret_key_and_hosts():
    result = manage("check", KRIYA_ENV="production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "ALLOWED_HOSTS" in result.stderr


def test_production_passes_check_deploy_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", KRIYA_ENV="production",
                    SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="kriya.dekranasda.example")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_development_defaults_to_the_embedded_sqlite_database(tmp_path):
    result = manage("shell", "-c", "from django.db import connection; "
                    "print(connection.vendor, connection.settings_dict['NAME'])",
                    KRIYA_VAR_DIR=str(tmp_path))
    vendor, name = result.stdout.strip().splitlines()[-1].split()
    assert (vendor, name) == ("sqlite", str(tmp_path / "kriya.sqlite3"))
