"""Indonesian phone numbers as the register stores them (``+62…``), for every app and for
the plain helpers (WhatsApp links, spreadsheets) that must not depend on an app."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

DIGITS = re.compile(r"\D+")


def normalize_phone(raw: str) -> str:
    """``0812-3456-7890``, ``62 812 3456 7890`` or ``8123456789`` → ``+6281234567890``."""
    digits = DIGITS.sub("", raw or "")
    if not digits:
        return ""
    if digits.startswith("62"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    return f"+62{digits}"


def phone_problem(phone: str) -> str | None:
    if phone and not re.fullmatch(r"\+62[1-9]\d{6,12}", phone):
        return _("%(phone)s is not an Indonesian phone number.") % {"phone": phone}
    return None
