"""The shape of Kemendagri codes, known in scoping only: a code's level, the code of the
region above it, the URL patterns, the union of regions, and the public's nation scope."""

from __future__ import annotations

import re

import pytest
from django.db.models.functions import Substr

from kriya.regions.models import Council, Regency, Village
from kriya.regions.scoping import (
    CODE_LENGTHS,
    CODE_PATTERNS,
    DISTRICT,
    NATION,
    PROVINCE,
    REGENCY,
    VILLAGE,
    code_of_level,
    level_of,
    outermost,
    regions_q,
)


@pytest.mark.parametrize(
    "code, level",
    [
        ("ID", NATION),
        ("51", PROVINCE),
        ("51.03", REGENCY),
        ("51.03.04", DISTRICT),
        ("51.03.04.2005", VILLAGE),
        ("5", None),
        ("51.3", None),
        ("51.03.04.205", None),
        ("51-03", None),
        ("", None),
        (None, None),
        ("51.03\n", None),
    ],
)
def test_a_codes_level_is_read_from_its_shape(code, level):
    assert level_of(code) == level


def test_the_code_of_the_region_above_is_a_prefix_of_known_length():
    assert code_of_level("51.03.04.2005", PROVINCE) == "51"
    assert code_of_level("51.03.04.2005", REGENCY) == "51.03"
    assert code_of_level("51.03.04.2005", DISTRICT) == "51.03.04"
    assert all(len(code_of_level("51.03.04.2005", lv)) == n for lv, n in CODE_LENGTHS.items())


def test_the_url_patterns_take_codes_of_their_level_only():
    village = re.compile(rf"^{CODE_PATTERNS[VILLAGE]}$")
    assert village.match("51.03.04.2005") and not village.match("51.03.04")
    assert re.fullmatch(CODE_PATTERNS[REGENCY], "51.03")
    assert not re.fullmatch(CODE_PATTERNS[PROVINCE], "cari-desa")


def test_outermost_drops_codes_inside_another():
    assert outermost(["51.03", "51", "52.01", "52.01.02"]) == ["51", "52.01"]


@pytest.mark.django_db
def test_a_union_of_regions_reads_every_region_once():
    rows = Regency.objects.filter(regions_q("code", ["51.03", "51", "52"], "sqlite"))
    assert rows.filter(code="51.03").exists() and rows.filter(code="52.01").exists()
    assert not rows.filter(code="53.01").exists()
    assert regions_q("code", ["51", "ID"]) == regions_q("code", ["ID"])


@pytest.mark.django_db
def test_the_public_scope_is_the_whole_nation_without_a_stand_in_council():
    assert Village.objects.public().count() == Village.objects.count() > 80_000
    assert not Council.objects.filter(code="ID").exists()


@pytest.mark.django_db
def test_a_regency_groups_its_villages_by_the_district_prefix(badung):
    groups = set(
        badung.villages()
        .annotate(d=Substr("code", 1, CODE_LENGTHS[DISTRICT]))
        .values_list("d", flat=True)
    )
    assert groups and all(level_of(code) == DISTRICT for code in groups)


@pytest.mark.django_db
def test_a_council_can_only_serve_the_nation_a_province_or_a_regency():
    assert Council.level_of("ID") == Council.Level.NATION
    assert Council.level_of("51") == Council.Level.PROVINCE
    assert Council.level_of("51.03") == Council.Level.REGENCY
    assert Council.level_of("51.03.04") is None
    assert Council.level_of("99") is None
