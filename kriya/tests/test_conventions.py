"""Project rules from STYLE.md, checked on the source (Zulip-style), each with examples."""

import re
from pathlib import Path

import pytest
from django.apps import apps

from kriya.regions.scoping import is_regional

KRIYA = Path(__file__).resolve().parents[1]
REGIONAL = {m.__name__ for m in apps.get_models() if is_regional(m)}
UNSCOPED = re.compile(
    r"\b(" + "|".join(sorted(REGIONAL)) + r")\.objects\.(?!within\(|own\(|public\()"
)
SOURCE = [p for p in KRIYA.rglob("*.py") if not {"tests", "migrations"} & set(p.parts)]


def is_view_module(path: Path) -> bool:
    """Every module that serves requests: views.py, api.py and each module of a views/
    package (one module per screen)."""
    return path.name in {"views.py", "api.py"} or "views" in path.parent.parts[-1:]


def is_write_module(path: Path) -> bool:
    """Every module that writes: services.py, a ``*_services.py``, and any module with an
    atomic write (``sales/settlement.py``, ``registry/importer/batches.py`` ...)."""
    return path.name.endswith("services.py") or "@transaction.atomic" in path.read_text()


VIEW_MODULES = sorted(p for p in SOURCE if is_view_module(p))
WRITE_MODULES = sorted(p for p in SOURCE if is_write_module(p))


def unscoped_queries(source: str) -> list[str]:
    """Lines that start a regional query without a scope. A query scoped another way says
    how on the line before: ``# scoped by: <the scope>`` (the portal's artisan, a row
    picked from a scoped list)."""
    lines = source.splitlines()
    return [
        line.strip()
        for n, line in enumerate(lines)
        if UNSCOPED.search(line)
        and "# scoped by:" not in line
        and not (n and lines[n - 1].strip().startswith("# scoped by:"))
    ]


def test_the_unscoped_rule_catches_what_it_should():
    assert unscoped_queries("x = Village.objects.filter(code=1)")
    assert not unscoped_queries("x = Village.objects.within(request.council).filter(code=1)")
    assert not unscoped_queries("x = Outlet.objects.own(request.council)")
    assert not unscoped_queries("x = Product.objects.public().published()")
    assert not unscoped_queries("# scoped by: the artisan\nx = Business.objects.filter(owner=a)")
    assert unscoped_queries("# a comment\nx = Business.objects.filter(owner=a)")


def test_the_module_rules_find_every_screen_and_every_write_module():
    names = {str(p.relative_to(KRIYA)) for p in VIEW_MODULES}
    assert {"sales/views/till.py", "programs/views/visits.py", "public/views/portal.py"} <= names
    assert "registry/views/pages.py" in names and "sales/urls.py" not in names
    writes = {str(p.relative_to(KRIYA)) for p in WRITE_MODULES}
    assert {"sales/services.py", "sales/settlement.py", "programs/mentoring.py"} <= writes
    assert "registry/importer/batches.py" in writes and "sales/reports.py" not in writes


@pytest.mark.parametrize("path", VIEW_MODULES, ids=str)
def test_views_and_api_start_every_regional_query_within_the_council(path):
    assert unscoped_queries(path.read_text()) == []


TEMPLATE_RULES = [
    (re.compile(r"\sstyle="), "a style= attribute"),
    (re.compile(r"""(src|href)=["']https?://"""), "an asset from another host"),
]


def template_problems(text: str) -> list[str]:
    return [why for pattern, why in TEMPLATE_RULES if pattern.search(text)]


def test_the_template_rules_catch_what_they_should():
    assert template_problems('<p style="color:red">') == ["a style= attribute"]
    assert template_problems('<script src="https://cdn.example/x.js">')
    assert template_problems("<a href=\"{% url 'home' %}\">") == []


@pytest.mark.parametrize("path", sorted(KRIYA.rglob("templates/**/*.html")), ids=str)
def test_templates_have_no_inline_style_and_no_other_hosts(path):
    assert template_problems(path.read_text()) == []


BARE_SAVE = re.compile(r"\.save\(\s*\)")


def test_the_bare_save_rule_catches_what_it_should():
    assert BARE_SAVE.search("term.save()")
    assert not BARE_SAVE.search('term.save(update_fields=["is_active"])')


@pytest.mark.parametrize("path", WRITE_MODULES, ids=str)
def test_services_save_with_update_fields(path):
    assert [line for line in path.read_text().splitlines() if BARE_SAVE.search(line)] == []


FLOAT = re.compile(r"\bfloat\(")


def test_the_float_rule_catches_what_it_should():
    assert FLOAT.search("commission = float(line.line_total) * 0.2")
    assert not FLOAT.search("commission = line.line_total * Decimal(20) / 100")
    assert not FLOAT.search("afloat(x)")


@pytest.mark.parametrize("path", sorted((KRIYA / "sales").rglob("*.py")), ids=str)
def test_sales_money_is_never_a_float(path):
    assert [line.strip() for line in path.read_text().splitlines() if FLOAT.search(line)] == []
