from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from kriya.lib.money import format_rupiah, to_rupiah


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1250000"), "Rp 1.250.000"),
        (Decimal("1250000.50"), "Rp 1.250.001"),  # rounded once, half up
        (0, "Rp 0"),
        (Decimal("-5000"), "-Rp 5.000"),
        ("180000000", "Rp 180.000.000"),
    ],
)
def test_rupiah_is_written_the_indonesian_way(amount, text):
    assert format_rupiah(amount) == text


def test_a_non_amount_is_refused():
    with pytest.raises(ValueError):
        to_rupiah("Rp 1.250.000,00")


def test_the_rupiah_filter_works_in_every_template():
    assert Template("{{ x|rupiah }}").render(Context({"x": Decimal("25000000")})) == "Rp 25.000.000"


def test_dates_read_as_councils_write_them():
    with translation.override("id"):
        assert formats.date_format(date(2026, 11, 22)) == "22 November 2026"
        assert formats.number_format(83762, force_grouping=True) == "83.762"
    with translation.override("en"):
        assert formats.date_format(date(2026, 11, 22)) == "22 November 2026"
        assert formats.date_format(date(2026, 8, 17)) == "17 August 2026"
    with translation.override("id"):
        assert formats.date_format(date(2026, 8, 17)) == "17 Agustus 2026"
