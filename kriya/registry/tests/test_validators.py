from datetime import date

import pytest

from kriya.registry.validators import (
    nik_birth_date,
    nik_problem,
    nik_sex,
    normalize_name,
    normalize_phone,
    phone_problem,
)

DISTRICTS = {"51.03.04", "35.05.07"}
TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("nik", ["5103041203780004", "3505075512820002"])
def test_a_real_shaped_nik_passes(nik):
    assert nik_problem(nik, DISTRICTS, today=TODAY) is None


@pytest.mark.parametrize(
    ("nik", "says"),
    [
        ("510304120378000", "16"),  # fifteen digits: Excel ate one
        ("51030412037800045", "16"),
        ("9903041203780004", "990304"),  # no such district
        ("5103043213780004", "3213"),  # 32nd of December... no: month 13
        ("5103047203780004", "7203"),  # day 72-40=32
    ],
)
def test_a_bad_nik_says_what_is_wrong(nik, says):
    problem = nik_problem(nik, DISTRICTS, today=TODAY)
    assert problem and says in problem


def test_women_have_forty_added_to_the_day():
    assert nik_sex("3505075512820002") == "P"
    assert nik_birth_date("3505075512820002", today=TODAY) == date(1982, 12, 15)
    assert nik_sex("5103041203780004") == "L"


@pytest.mark.parametrize(
    ("raw", "phone"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("8123456789", "+628123456789"),
        ("", ""),
    ],
)
def test_phones_are_written_with_plus_62(raw, phone):
    assert normalize_phone(raw) == phone


def test_a_phone_too_short_is_named():
    assert "+62812" in phone_problem("+62812")
    assert phone_problem("+6281234567890") is None


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("  I MADE   SUDARSANA ", "I Made Sudarsana"),
        ("NI WAYAN SUKERTI", "Ni Wayan Sukerti"),
        ("Tenun Ikat Sari", "Tenun Ikat Sari"),
        ("UD. SARI", "Ud. Sari"),
    ],
)
def test_names_are_trimmed_and_capitals_softened(raw, name):
    assert normalize_name(raw) == name
