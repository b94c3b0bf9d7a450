"""Runs one benchmark function in this process (its database chosen by the parent)."""

import importlib
import json
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kriya.settings")
    import django

    django.setup()
    module, function = sys.argv[1].rsplit(".", 1)
    figures = getattr(importlib.import_module(module), function)() or {}
    from django.db import connection

    if connection.vendor == "sqlite":  # fold the write-ahead log in: the file may be copied
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    print(json.dumps({key: round(value, 3) for key, value in figures.items()}))
