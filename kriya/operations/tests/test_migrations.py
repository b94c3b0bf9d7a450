"""Upgrades (issue 7, item 5): every migration applies from zero on PostgreSQL with data
already present, and no data migration walks a large table in one unbatched pass.

The data of the intermediate state is written with the *historical* models of that state
(the models as the migrations then described them), so the test keeps telling the truth as
the current models move on.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kriya.regions.services import load_regions

# Every Kriya app with migrations, including ones added after this test was written.
KRIYA_APPS = sorted(
    {
        path.parent.parent.name
        for path in Path(settings.BASE_DIR).glob("kriya/*/migrations/0001_initial.py")
    }
)
MIGRATIONS = sorted(Path(settings.BASE_DIR).glob("kriya/*/migrations/0*.py"))

# Data migrations reviewed as safe on a national database, with the reason. A new RunPython
# either batches (``atomic = False`` on its migration and ``chunk_size``/``batch`` in its
# function, so each batch commits on its own) or is added here after review.
ALLOWED = {
    "registry/0002_seed_craft_categories.seed": "inserts the ~60-row craft taxonomy; reads "
    "no register table",
    "catalog/0002_search_index.create": "one CREATE INDEX (PostgreSQL) or FTS5 rebuild "
    "(SQLite) statement: set-based in the database, no "
    "Python loop over rows",
    "catalog/0002_search_index.drop": "DROP INDEX / DROP TABLE: no rows read",
}


def unbatched_run_python(name: str, source: str, allowed: dict[str, str]) -> list[str]:
    """The RunPython functions of one migration source that are neither allowed nor batched."""
    tree = ast.parse(source)
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    atomic_off = any(
        isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "atomic" for t in node.targets)
        and getattr(node.value, "value", True) is False
        for node in ast.walk(tree)
    )
    problems = []
    for call in ast.walk(tree):
        if not (isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "RunPython"):
            continue
        for argument in call.args[:2]:
            if not isinstance(argument, ast.Name):
                continue  # RunPython.noop and friends
            key = f"{name}.{argument.id}"
            body = ast.unparse(functions[argument.id]) if argument.id in functions else ""
            batched = atomic_off and ("chunk_size" in body or "batch" in body)
            if key not in allowed and not batched:
                problems.append(key)
    return problems


def test_the_lint_catches_an_unbatched_data_migration_and_passes_a_batched_one():
    bad = (
        "from django.db import migrations\n"
        "def fill(apps, schema_editor):\n"
        "    for b in apps.get_model('registry', 'Business').objects.all():\n"
        "        b.save()\n"
        "class Migration(migrations.Migration):\n"
        "    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]\n"
    )
    good = (
        "from django.db import migrations\n"
        "def fill(apps, schema_editor):\n"
        "    qs = apps.get_model('registry', 'Business').objects.all()\n"
        "    for b in qs.iterator(chunk_size=5000):\n"
        "        pass\n"
        "class Migration(migrations.Migration):\n"
        "    atomic = False\n"
        "    operations = [migrations.RunPython(fill)]\n"
    )
    assert unbatched_run_python("registry/0009_fill", bad, {}) == ["registry/0009_fill.fill"]
    assert unbatched_run_python("registry/0009_fill", good, {}) == []
    assert (
        unbatched_run_python("registry/0009_fill", bad, {"registry/0009_fill.fill": "small"}) == []
    )


def test_no_migration_runs_python_over_a_large_table_without_batching():
    problems = []
    for path in MIGRATIONS:
        name = f"{path.parent.parent.name}/{path.stem}"
        problems += unbatched_run_python(name, path.read_text(), ALLOWED)
    assert not problems, (
        f"Unbatched RunPython in {problems}: batch it (atomic = False, chunk_size) or, if "
        "the table stays small, add it to ALLOWED in this test with the reason."
    )


def initial(executor: MigrationExecutor) -> list[tuple[str, str]]:
    """Each Kriya app at its first migration, or at the later one another app's first
    migration needs (a forward-only plan from zero)."""
    nodes = set()
    for app in KRIYA_APPS:
        nodes |= set(executor.loader.graph.forwards_plan((app, "0001_initial")))
    return [max(n for n in nodes if n[0] == app) for app in KRIYA_APPS]


def latest(executor: MigrationExecutor) -> list[tuple[str, str]]:
    return [node for node in executor.loader.graph.leaf_nodes() if node[0] in KRIYA_APPS]


def table_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table.split("_")[0] in KRIYA_APPS:  # app label prefixes its tables
                cursor.execute(f'SELECT count(*) FROM "{table}"')
                counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="production upgrades run on PostgreSQL; SQLite rebuilds a table for "
    "most ALTERs, which the template-database migrate of every SQLite "
    "run already exercises",
)
@pytest.mark.django_db(transaction=True)
def test_all_migrations_apply_from_zero_with_data_present():
    executor = MigrationExecutor(connection)
    executor.migrate([(app, None) for app in KRIYA_APPS])  # zero: no Kriya table left
    assert not [t for t in table_counts()]

    executor.loader.build_graph()
    executor.migrate(initial(executor))
    executor.loader.build_graph()
    load_regions(only="51")  # regions' tables are still those of its first migration
    old = executor.loader.project_state(initial(executor)).apps
    # Buleleng, which the demo leaves alone (it skips a council that has a register).
    village = old.get_model("regions", "Village").objects.filter(code__startswith="51.08.")[0]
    category, _made = old.get_model("registry", "CraftCategory").objects.get_or_create(
        slug="endek", defaults={"name": "Endek"}
    )
    artisan = old.get_model("registry", "Artisan").objects.create(
        name="Perajin Lama", village_id=village.pk
    )
    business = old.get_model("registry", "Business").objects.create(
        name="Tenun Lama", village_id=village.pk, owner_id=artisan.pk
    )
    old.get_model("catalog", "Product").objects.create(
        business_id=business.pk,
        category_id=category.pk,
        name="Kain Endek Lama",
        price=350_000,
        status="published",
        search_text="kain endek lama tenun",
    )
    before = table_counts()

    executor.loader.build_graph()
    executor.migrate(latest(executor))
    after = table_counts()
    assert {t: after[t] for t in before} == before  # every row of the old state is kept
    assert after["regions_village"] > 700 and after["catalog_product"] == 1

    from kriya.catalog.models import Product
    from kriya.catalog.search import search_products

    found = search_products(Product.objects.published(), "endek").queryset
    assert list(found.values_list("name", flat=True)) == ["Kain Endek Lama"]  # old rows found
    call_command("load_demo", verbosity=0)  # the current code works on the upgraded data
    assert Product.objects.count() > 1
