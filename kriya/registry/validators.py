"""Checks and clean-ups for what councils type: NIK, NIB, phone numbers, names.

Pure functions first (the import calls them on 100,000 rows with its own cached lookups),
then the field validators that forms and the admin use.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kriya.lib.phones import normalize_phone, phone_problem  # noqa: F401 (the register's rules)

DIGITS = re.compile(r"\D+")


def nik_problem(
    nik: str, district_codes: set[str] | frozenset[str], *, today: date | None = None
) -> str | None:
    """Why ``nik`` cannot be a real NIK, or None.

    A NIK is 16 digits: province, regency and district codes (6), the birth date as DDMMYY
    with 40 added to the day for women (6), and a serial number (4).
    """
    if not re.fullmatch(r"\d{16}", nik):
        return _("NIK must be exactly 16 digits (this one has %(n)s).") % {
            "n": len(DIGITS.sub("", nik))
        }
    region = f"{nik[0:2]}.{nik[2:4]}.{nik[4:6]}"
    if region not in district_codes:
        return _("NIK starts with %(code)s, which is not a district code.") % {"code": nik[:6]}
    if nik_birth_date(nik, today=today) is None:
        return _("NIK digits 7–12 (%(digits)s) are not a plausible birth date.") % {
            "digits": nik[6:12]
        }
    return None


def nik_birth_date(nik: str, *, today: date | None = None) -> date | None:
    today = today or date.today()
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    for century in (2000, 1900):
        try:
            born = date(century + year2, month, day)
        except ValueError:
            return None
        if born <= today:
            age = (today - born).days // 365
            return born if age <= 110 else None
    return None


def nik_sex(nik: str) -> str:
    return "P" if int(nik[6:8]) > 40 else "L"


def normalize_name(raw: str) -> str:
    """Trim, fold spaces, and title-case names typed in capitals ("I MADE" → "I Made")."""
    name = " ".join((raw or "").split())
    name = raw if name == raw else name  # the same string, not a copy, when already clean
    if name.isupper() and len(name) > 3:
        name = " ".join(
            word.capitalize() if len(word) > 2 or word.isalpha() else word for word in name.split()
        )
    return name


def validate_nik(value: str) -> None:
    from kriya.regions.models import District

    if not value:
        return
    codes = (
        set(
            District.objects.filter(code=f"{value[0:2]}.{value[2:4]}.{value[4:6]}").values_list(
                "code", flat=True
            )
        )
        if len(value) >= 6
        else set()
    )
    problem = nik_problem(value, codes)
    if problem:
        raise ValidationError(problem, code="nik")


def validate_nib(value: str) -> None:
    if value and not re.fullmatch(r"\d{13}", value):
        raise ValidationError(_("NIB must be exactly 13 digits."), code="nib")
