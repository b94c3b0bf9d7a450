"""No circle through the admin site: the site collects each app's pages, and no app reaches
back into it. Read from the source with ``ast``, so a lazy import inside a function counts
as much as one at the top of a module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KRIYA = Path(__file__).resolve().parents[1]
APPS = sorted(p.parent for p in KRIYA.glob("*/apps.py"))
SITE = "kriya.admin_site"


def imported_modules(source: str) -> set[str]:
    """Every module an import statement names (``from a import b`` gives ``a`` and ``a.b``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_the_import_reader_sees_top_level_and_lazy_imports():
    source = "import kriya.admin_site\ndef f():\n    from kriya.sales import views\n"
    assert {"kriya.admin_site", "kriya.sales", "kriya.sales.views"} <= imported_modules(source)
    assert imported_modules("from kriya.admin_site import admin_page") >= {SITE}


@pytest.mark.parametrize(
    "path", sorted(p for app in APPS for p in app.rglob("*.py")), ids=lambda p: str(p)
)
def test_no_app_module_imports_the_admin_site(path):
    assert not {m for m in imported_modules(path.read_text()) if m.startswith(SITE)}


def test_the_admin_site_imports_no_apps_views_urls_or_admin():
    modules = imported_modules((KRIYA / "admin_site.py").read_text())
    reaching = {
        m
        for m in modules
        if m.startswith("kriya.")
        and any(part in {"views", "urls", "admin"} for part in m.split(".")[2:])
    }
    assert reaching == set()


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (KRIYA / "lib").glob("*.py")),
    ids=lambda p: p.name,
)
def test_the_plain_helpers_live_below_the_apps(path):
    """kriya/lib (the page helpers included) imports nothing of Kriya but kriya.lib."""
    modules = imported_modules(path.read_text())
    assert {m for m in modules if m.startswith("kriya.") and not m.startswith("kriya.lib")} == set()


def test_every_app_page_reaches_the_admin_through_its_own_registration(admin_client):
    from kriya.lib import backoffice

    names = {p.name for p in backoffice.urlpatterns()}
    assert {"icon-coverage", "programs-workplans", "sales-stock"} <= names
    assert {page.url_name for page in backoffice.sidebar("sales")} >= {"till:home"}
