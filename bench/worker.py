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
    figures = getattr(importlib.import_module(module), function)()
    print(json.dumps({key: round(value, 3) for key, value in figures.items()}))
