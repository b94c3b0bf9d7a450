import pytest

from kriya.registry.duplicates import similar, suspected_pairs


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("I Made Sudarsana", "I Md Sudarsana"),
        ("I Made Sudarsana", "MADE SUDARSANA"),
        ("Ni Wayan Sukerti", "NI WAYAN SUKERTI"),
        ("Tenun Endek Sari", "Tenun Endek  Sari"),
        ("I Kadek Purnama", "I Made Purnama"),  # Kadek and Made are both second-born
        ("Siti Aminah", "St. Aminah"),
    ],
)
def test_one_person_typed_several_ways_is_a_suspect(a, b):
    assert similar(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("I Made Sudarsana", "I Made Suarta"),
        ("I Ketut Suardana", "Ni Ketut Suardana"),  # a man and a woman
        ("I Kadek Purnami", "I Wayan Purnami"),  # second-born and first-born
        ("Ni Wayan Sukerti", "Ni Wayan Sumerti"),
        ("Ni Wayan Sukerti", "Ni Ketut Rahayu"),
        ("Ukiran Kayu Jaya", "Payung Tedung Jaya"),
    ],
)
def test_different_people_are_not(a, b):
    assert not similar(a, b)


def test_only_names_in_the_same_village_are_compared():
    rows = [
        (1, "51.03.03.2004", "I Made Sudarsana"),
        (2, "51.03.03.2004", "I Md Sudarsana"),
        (3, "51.03.03.2005", "MADE SUDARSANA"),
    ]
    assert suspected_pairs(rows) == [(1, 2)]
