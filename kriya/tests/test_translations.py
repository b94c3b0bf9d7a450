"""Every interface string has its Indonesian translation."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
from django.utils import translation
from django.utils.translation import gettext

ROOT = Path(__file__).resolve().parents[2]
PO = "kriya/locale/id/LC_MESSAGES/django.po"


def untranslated(po: polib.POFile) -> list[str]:
    """msgids whose Indonesian is missing or marked fuzzy (the header excepted)."""
    return [entry.msgid for entry in po if not entry.obsolete and not entry.translated()]


def test_a_missing_or_fuzzy_entry_counts_as_untranslated():
    po = polib.pofile(
        'msgid "Log in"\nmsgstr "Masuk"\n\nmsgid "Save"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Board"\nmsgstr "Dewan"\n\n'
        'msgid "%(n)s row"\nmsgid_plural "%(n)s rows"\nmsgstr[0] ""\n'
    )
    assert untranslated(po) == ["Save", "Board", "%(n)s row"]


def test_no_msgid_is_written_twice():
    ids = [(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(ROOT / PO))]
    assert len(ids) == len(set(ids))


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
    missing = untranslated(polib.pofile(str(copy / PO)))
    assert missing == [], "no Indonesian for: " + "; ".join(missing)


def test_the_committed_catalogue_is_complete():
    assert untranslated(polib.pofile(str(ROOT / PO))) == []


def test_key_words_are_indonesian():
    with translation.override("id"):
        assert gettext("Log in") == "Masuk"
        assert gettext("Dashboard") == "Dasbor"
        assert gettext("artisans") == "perajin"
        assert gettext("Search apps and models...") == "Cari aplikasi dan data…"  # Unfold's
        assert gettext("Save and add another") == "Simpan dan tambahkan lagi"  # Django's
