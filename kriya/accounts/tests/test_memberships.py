import pytest
from django.core.exceptions import ValidationError

from conftest import make_user
from kriya.accounts.models import Membership, Role, User
from kriya.accounts.services import grant_membership


def test_a_council_grants_roles_inside_its_region_only(badung, gianyar, bali):
    user = make_user("baru", badung)
    with pytest.raises(ValidationError, match="Gianyar"):
        grant_membership(user=user, council=gianyar, role=Role.BOARD, by_council=badung)
    assert not Membership.objects.filter(user=user, council=gianyar).exists()
    granted = grant_membership(user=user, council=gianyar, role=Role.BOARD, by_council=bali)
    assert granted.council == gianyar


def test_an_unknown_role_is_refused(badung):
    user = make_user("baru", badung)
    with pytest.raises(ValidationError):
        grant_membership(user=user, council=badung, role="raja", by_council=badung)


def test_an_administrator_adds_a_colleague_to_their_own_council(client, badung_admin, badung):
    client.force_login(badung_admin)
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "username": "kasir.galeri",
            "first_name": "Ni Luh",
            "last_name": "Sari",
            "email": "",
            "role": Role.CASHIER,
            "password1": "Galeri-Badung-55",
            "password2": "Galeri-Badung-55",
            "usable_password": "true",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(username="kasir.galeri")
    assert list(user.memberships.values_list("council__code", "role")) == [("51.03", "cashier")]


def test_an_administrator_cannot_give_a_role_in_a_sibling_council(client, badung_admin, gianyar):
    client.force_login(badung_admin)
    colleague = make_user("rekan", badung_admin.memberships.get().council)
    membership = colleague.memberships.get()
    url = f"/admin/accounts/user/{colleague.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        name: form.initial.get(name) or ""
        for name in ["username", "first_name", "last_name", "email", "phone"]
    }
    data.update(
        {
            "is_active": "on",
            "date_joined_0": "01/01/2026",
            "date_joined_1": "10.00",
            "memberships-TOTAL_FORMS": "2",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": membership.pk,
            "memberships-0-user": colleague.pk,
            "memberships-0-council": membership.council_id,
            "memberships-0-role": "secretariat",
            "memberships-0-is_active": "on",
            "memberships-1-user": colleague.pk,
            "memberships-1-council": gianyar.pk,
            "memberships-1-role": "admin",
            "memberships-1-is_active": "on",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200  # the form comes back with the error
    assert not colleague.memberships.filter(council=gianyar).exists()


def test_a_board_member_reads_but_cannot_change(client, badung):
    reader = make_user("pengurus", badung, Role.BOARD)
    client.force_login(reader)
    assert client.get("/admin/regions/boardterm/").status_code == 200
    assert client.get("/admin/regions/boardterm/add/").status_code == 403
    assert client.get("/admin/accounts/user/").status_code == 403
