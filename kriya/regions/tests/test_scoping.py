import pytest

from kriya.regions.models import Council, District, Regency, Village
from kriya.regions.scoping import code_covers, in_scope


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "villages"), [("51.03", 62), ("51.04", 70), ("51", 716), ("17", 1513), ("ID", 83762)]
)
def test_a_council_sees_exactly_its_region_subtree(code, villages):
    assert Village.objects.within(Council(code=code)).count() == villages


@pytest.mark.django_db
def test_a_code_prefix_is_only_a_match_at_a_dot():
    # "51.1" is not inside "51.10" nor "51.10" inside "51.1": codes match part by part.
    regency = Regency.objects.get(code="51.71")
    odd = District.objects.create(code="51.710", name="Bukan Kecamatan", regency=regency)
    assert not District.objects.within(Council(code="51.71")).filter(pk=odd.pk).exists()
    assert District.objects.within(Council(code="51")).filter(pk=odd.pk).exists()
    assert not code_covers("51.71", "51.710") and code_covers("51", "51.710")


@pytest.mark.django_db
def test_no_council_sees_nothing():
    assert Village.objects.within(None).count() == 0
    assert not in_scope(Village.objects.get(code="51.03.04.2005"), None)


@pytest.mark.django_db
def test_the_python_check_agrees_with_the_query(badung):
    getasan = Village.objects.get(code="51.03.04.2005")
    celuk = Village.objects.get(code="51.04.01.2005")
    assert in_scope(getasan, badung) and not in_scope(celuk, badung)
