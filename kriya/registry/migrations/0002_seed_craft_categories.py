from django.db import migrations


def seed(apps, schema_editor):
    from kriya.registry.categories import seed

    seed(apps.get_model("registry", "CraftCategory"))


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
