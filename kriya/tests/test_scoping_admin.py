"""Walks every model in the back office with users of sibling councils.

For each registered admin model it finds a row that belongs to one council (decided by
reading the row's own region code, independently of ``within()``) and proves that the
sibling cannot list it, open it, change it, delete it or see its history: 403 or 404,
never 200, never a silent change. Models added later are covered without edits here; the
demo data (``load_demo``) must give every model rows in both Badung and Gianyar, or in
Bali, and the test says which model lacks them.
"""

from django.contrib import admin
from django.urls import reverse

from conftest import make_user
from kriya.regions.admin_scoping import ScopedAdminMixin
from kriya.regions.scoping import code_covers, is_regional, region_codes_of
from kriya.regions.services import create_council

# Pairs of sibling councils: (code, code). The province pair covers province-level rows.
PAIRS = [("51.03", "51.04"), ("51", "52")]


def _owned_row(model, code: str, other: str):
    """A row inside ``code``'s region and outside ``other``'s, read from the row itself."""
    for obj in model._default_manager.all().order_by("pk").iterator():
        codes = region_codes_of(obj)
        if any(code_covers(code, c) for c in codes) and not any(
            code_covers(other, c) for c in codes
        ):
            return obj
    return None


def admin_url(model, action: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def _urls(model, pk) -> dict[str, str]:
    return {action: admin_url(model, action, pk) for action in ["change", "delete", "history"]}


def _visible_pks(client, model) -> set:
    response = client.get(admin_url(model, "changelist"))
    if response.status_code in (403, 404):
        return set()
    assert response.status_code == 200, f"{model.__name__} changelist: {response.status_code}"
    return set(response.context["cl"].queryset.values_list("pk", flat=True))


def test_no_council_sees_or_changes_a_sibling_rows_in_the_admin(client, demo):
    create_council(code="52")  # Nusa Tenggara Barat: Bali's sibling province
    users = {
        code: make_user(f"walker_{code.replace('.', '_')}", create_council(code=code), "admin")
        for pair in PAIRS
        for code in pair
    }
    covered = set()
    for model, model_admin in admin.site._registry.items():
        if getattr(model, "shared_reference", False):
            # Shared by every council (the craft taxonomy): readable, changed only by Dekranas.
            row = model._default_manager.first()
            assert row is not None, f"no {model.__name__} rows"
            for user in users.values():
                client.force_login(user)
                assert client.get(admin_url(model, "changelist")).status_code == 200
                assert client.post(admin_url(model, "change", row.pk), {}).status_code == 403
                assert (
                    client.post(admin_url(model, "delete", row.pk), {"post": "yes"}).status_code
                    == 403
                )
            covered.add(model)
            continue
        if not is_regional(model):
            # Not council data (login logs, task results, Django's groups): superusers only.
            for user in users.values():
                client.force_login(user)
                url = admin_url(model, "changelist")
                assert client.get(url).status_code == 403, f"{model.__name__} open to {user}"
            covered.add(model)
            continue
        assert isinstance(model_admin, ScopedAdminMixin), f"{model.__name__} admin is unscoped"
        for mine, theirs in PAIRS:
            for owner, intruder in [(mine, theirs), (theirs, mine)]:
                row = _owned_row(model, owner, intruder)
                if row is None:
                    continue
                covered.add(model)
                label = f"{model.__name__} #{row.pk} of {owner} seen by {intruder}"
                client.force_login(users[owner])
                assert row.pk in _visible_pks(client, model), f"owner cannot list {label}"
                assert client.get(_urls(model, row.pk)["change"]).status_code == 200, label
                row.refresh_from_db()
                before = {f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields}

                client.force_login(users[intruder])
                assert row.pk not in _visible_pks(client, model), f"listed: {label}"
                for name, url in _urls(model, row.pk).items():
                    assert client.get(url).status_code in (403, 404), f"GET {name}: {label}"
                    response = client.post(url, {"post": "yes", "name": "x", "is_active": "on"})
                    assert response.status_code in (403, 404), f"POST {name}: {label}"
                row.refresh_from_db()
                after = {f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields}
                assert after == before, f"silently changed: {label}"
    missing = sorted(m.__name__ for m in admin.site._registry if m not in covered)
    assert not missing, f"no demo rows to walk for: {missing}; add them to load_demo"
