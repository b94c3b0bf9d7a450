"""House rules (docs/architecture.md, CONTRIBUTING.md), checked on the source (Zulip-style), each with examples."""

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


# Every CSV and XLSX Kriya hands out goes through the one writer, which keeps text from
# running as a formula; tests may build hostile input files with openpyxl directly.
SPREADSHEET_WRITERS = {KRIYA / "lib" / "tabular.py", KRIYA / "lib" / "xlsx.py"}
OWN_WRITER = re.compile(
    r"\bcsv\.(Dict)?[Ww]riter\b|^\s*from csv import .*\b(Dict)?[Ww]riter\b"
    r"|\bopenpyxl(\.workbook)*\.Workbook\b|^\s*from openpyxl(\.\w+)* import .*\bWorkbook\b",
    re.MULTILINE,
)


def test_the_own_writer_rule_catches_what_it_should():
    assert OWN_WRITER.search("writer = csv.writer(out, delimiter=';')")
    assert OWN_WRITER.search("rows = csv.DictWriter(out, fields)")
    assert OWN_WRITER.search("from openpyxl import Workbook")
    assert OWN_WRITER.search("from openpyxl.workbook import Workbook")
    assert OWN_WRITER.search("book = openpyxl.Workbook(write_only=True)")
    assert not OWN_WRITER.search("content = write_xlsx(Table(title, columns, rows))")
    assert not OWN_WRITER.search("rows = list(csv.reader(io.StringIO(text)))")
    assert not OWN_WRITER.search("from python_calamine import CalamineWorkbook")
    assert not OWN_WRITER.search("from openpyxl import load_workbook")


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in KRIYA.rglob("*.py")
        if p not in SPREADSHEET_WRITERS and "tests" not in p.relative_to(KRIYA).parts
    ),
    ids=str,
)
def test_spreadsheets_are_written_only_by_the_one_writer(path):
    assert [m.group(0) for m in OWN_WRITER.finditer(path.read_text())] == []


def unchecked_file_fields(form_class: type) -> list[str]:
    """The form's fields for a model's ImageField or FileField that skip the one cleaning
    path (``PhotoField`` for images, ``AttachmentField`` for documents)."""
    from django.db import models

    from kriya.lib.forms import AttachmentField, PhotoField

    model = getattr(getattr(form_class, "_meta", None), "model", None)
    if model is None:
        return []
    wrong = []
    for field in model._meta.get_fields():
        formfield = form_class.base_fields.get(field.name)
        if formfield is None or not isinstance(field, models.FileField):
            continue
        wanted = PhotoField if isinstance(field, models.ImageField) else AttachmentField
        if not isinstance(formfield, wanted):
            wrong.append(f"{form_class.__name__}.{field.name}")
    return wrong


def test_the_file_field_rule_catches_what_it_should():
    from django import forms

    from kriya.lib.forms import PhotoField
    from kriya.registry.models import Artisan

    class Bad(forms.ModelForm):
        class Meta:
            model = Artisan
            fields = ["name", "photo"]

    class Good(Bad):
        photo = PhotoField(required=False)

    assert unchecked_file_fields(Bad) == ["Bad.photo"]
    assert unchecked_file_fields(Good) == []


@pytest.mark.django_db
def test_every_image_and_file_field_is_edited_only_through_the_cleaning_fields(
    rf, badung_secretary, badung
):
    """Every registered ModelAdmin and inline as the back office builds its form, and every
    ModelForm of Kriya's own (the portal's), takes a model file only through the fields of
    kriya.lib.forms."""
    from django import forms
    from django.contrib import admin

    request = rf.get("/admin/")
    request.user, request.council = badung_secretary, badung
    request.membership = badung_secretary.memberships.get()
    checked = []
    for model_admin in admin.site._registry.values():
        # As the admin builds it: a read-only admin's change page (no add page) leaves its
        # non-editable fields out of the form.
        adds = model_admin.has_add_permission(request)
        checked.append(model_admin.get_form(request, change=not adds))
        for inline in model_admin.get_inline_instances(request):
            checked.append(inline.get_formset(request).form)

    def own(cls: type) -> list[type]:
        below = [s for sub in cls.__subclasses__() for s in [sub, *own(sub)]]
        return [
            c for c in below if c.__module__.startswith("kriya.") and ".tests" not in c.__module__
        ]

    checked += own(forms.ModelForm)
    assert [name for form in checked for name in unchecked_file_fields(form)] == []
    file_forms = [
        f for f in checked if any(isinstance(x, forms.FileField) for x in f.base_fields.values())
    ]
    assert len(file_forms) >= 5  # artisan, village icon, activity, indicator, visit photo
