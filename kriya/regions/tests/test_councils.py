from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from kriya.regions.models import BoardTerm, Council
from kriya.regions.services import activate_term, create_council


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "name", "level"),
    [
        ("ID", "Dekranas", Council.Level.NATION),
        ("51", "Dekranasda Provinsi Bali", Council.Level.PROVINCE),
        ("51.03", "Dekranasda Kabupaten Badung", Council.Level.REGENCY),
        ("51.71", "Dekranasda Kota Denpasar", Council.Level.REGENCY),
    ],
)
def test_a_council_is_named_by_its_region_code(code, name, level):
    council = create_council(code=code)
    assert (council.name, council.level) == (name, level)
    assert create_council(code=code) == council  # idempotent


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["51.03.04", "99", "", "51.99", "bali"])
def test_a_code_that_is_not_a_nation_province_or_regency_is_refused(code):
    with pytest.raises(ValidationError) as error:
        create_council(code=code)
    assert "code" in error.value.message_dict
    assert not Council.objects.exists()


def test_a_council_cannot_create_one_outside_its_region(badung):
    with pytest.raises(ValidationError, match="51.04"):
        create_council(code="51.04", by_council=badung)
    assert not Council.objects.filter(code="51.04").exists()


def test_a_province_creates_councils_for_its_regencies(bali):
    assert create_council(code="51.04", by_council=bali).name == "Dekranasda Kabupaten Gianyar"


def test_one_active_board_term_at_a_time(badung):
    old = BoardTerm.objects.create(
        council=badung,
        name="2021–2024",
        is_active=True,
        starts_on=date(2021, 3, 1),
        ends_on=date(2025, 2, 28),
    )
    new = BoardTerm.objects.create(
        council=badung, name="2025–2030", starts_on=date(2025, 3, 1), ends_on=date(2030, 2, 28)
    )
    activate_term(term=new)
    old.refresh_from_db()
    assert (old.is_active, new.is_active) == (False, True)
    with pytest.raises(IntegrityError):
        BoardTerm.objects.filter(pk=old.pk).update(is_active=True)


def test_a_term_that_ends_before_it_starts_is_refused_with_a_message(badung):
    term = BoardTerm(council=badung, name="x", starts_on=date(2025, 1, 1), ends_on=date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert error.value.messages  # a sentence, in the active language
    assert "board_term_ends_after_start" not in " ".join(error.value.messages)
