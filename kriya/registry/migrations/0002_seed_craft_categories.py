from django.db import migrations


def seed(apps, schema_editor):
    from kriya.registry.categories import TAXONOMY

    CraftCategory = apps.get_model("registry", "CraftCategory")
    for order, (slug, name, name_en, children) in enumerate(TAXONOMY):
        family, _created = CraftCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "order": order})
        for child_order, (child_slug, child_name, child_en) in enumerate(children):
            CraftCategory.objects.get_or_create(
                slug=child_slug, defaults={"name": child_name, "name_en": child_en,
                                           "parent": family, "order": child_order})


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
