from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kriya.accounts.models import Membership, Role, User
from kriya.demo.accounts import DEMO_PASSWORD
from kriya.regions.models import BoardTerm, Council, District, Regency, Village


def run() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_the_demo_makes_four_councils_and_one_login_per_role_and_prints_them(demo):
    output = demo.output  # what load_demo printed when it built the demo
    assert set(Council.objects.values_list("code", flat=True)) == {"ID", "51", "51.03", "51.04"}
    badung_roles = set(
        Membership.objects.filter(council__code="51.03").values_list("role", flat=True)
    )
    assert badung_roles == set(Role.values)
    assert DEMO_PASSWORD in output and "badung.sekretariat" in output
    assert User.objects.get(username="badung.sekretariat").check_password(DEMO_PASSWORD)
    active = BoardTerm.objects.get(council__code="51.03", is_active=True)
    assert active.members.count() >= 5


def test_running_the_demo_twice_creates_nothing_new(demo):
    counts = (User.objects.count(), Membership.objects.count(), BoardTerm.objects.count())
    run()
    assert (User.objects.count(), Membership.objects.count(), BoardTerm.objects.count()) == counts


@pytest.mark.django_db
def test_the_demo_asks_for_the_regions_first():
    Village.objects.filter(code__startswith="51.").delete()
    District.objects.filter(code__startswith="51.").delete()
    Regency.objects.filter(code__startswith="51.").delete()
    with pytest.raises(CommandError, match="load_regions"):
        run()
    assert not Council.objects.exists()
