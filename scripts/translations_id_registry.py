"""Indonesian translations for the register's import (see scripts/fill-translations.py,
which merges every translations_id*.py into django.po)."""

ID = {
    "Cell %(cell)s holds a formula without a saved value: open the file in Excel and save it "
    "again.": "Sel %(cell)s berisi rumus tanpa nilai tersimpan: buka file di Excel lalu simpan lagi.",
}
