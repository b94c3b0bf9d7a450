"""Every interface string has its Indonesian translation."""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext

ROOT = Path(__file__).resolve().parents[2]
PO = "kriya/locale/id/LC_MESSAGES/django.po"


def untranslated(po_text: str) -> list[str]:
    """msgids whose msgstr is empty or marked fuzzy (the header excepted)."""
    missing = []
    for block in po_text.split("\n\n"):
        lines = [line for line in block.strip().split("\n") if line]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        current, parts = None, {}
        for line in lines:
            if line.startswith("#"):
                continue
            if not line.startswith('"'):
                current, line = line.split(" ", 1)
                parts[current] = ""
            parts[current] += ast.literal_eval(line)
        msgid = parts.get("msgid", "")
        msgstr = parts.get("msgstr", parts.get("msgstr[0]", ""))
        if msgid and (fuzzy or not msgstr):
            missing.append(msgid)
    return missing


def test_the_parser_finds_what_it_should():
    po = (
        'msgid "Log in"\nmsgstr "Masuk"\n\nmsgid "Save"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Board"\nmsgstr "Dewan"\n'
    )
    assert untranslated(po) == ["Save", "Board"]


def test_every_string_in_the_source_has_an_indonesian_translation(tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT / "kriya",
        copy / "kriya",
        ignore=shutil.ignore_patterns("__pycache__", "*.mo", "tests", "static"),
    )
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    shutil.copytree(ROOT / "kriya" / "static", copy / "kriya" / "static")
    env = {
        **os.environ,
        "KRIYA_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "kriya.settings",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "id", "--no-obsolete", "-v0"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    missing = untranslated((copy / PO).read_text(encoding="utf-8"))
    assert missing == [], "no Indonesian for: " + "; ".join(missing)


def test_the_committed_catalogue_is_complete():
    assert untranslated((ROOT / PO).read_text(encoding="utf-8")) == []


def test_key_words_are_indonesian():
    with translation.override("id"):
        assert gettext("Log in") == "Masuk"
        assert gettext("Dashboard") == "Dasbor"
        assert gettext("artisans") == "perajin"
        assert gettext("Search apps and models...") == "Cari aplikasi dan data…"  # Unfold's
        assert gettext("Save and add another") == "Simpan dan tambahkan lagi"  # Django's
