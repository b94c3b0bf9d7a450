"""The full-text index of the public catalog: FTS5 on SQLite, GIN on PostgreSQL."""

from django.db import migrations

from kriya.catalog.search import index_sql


def create(apps, schema_editor):
    for statement in index_sql(schema_editor.connection.vendor)[0]:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in index_sql(schema_editor.connection.vendor)[1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
