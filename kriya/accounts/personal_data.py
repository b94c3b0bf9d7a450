"""Personal data (NIK, phone, address): shown in full only to roles allowed to see it."""

from django.http import HttpRequest

from kriya.accounts.models import PERSONAL_DATA_ROLES


def may_see_personal_data(request: HttpRequest) -> bool:
    if request.user.is_superuser:
        return True
    membership = getattr(request, "membership", None)
    return membership is not None and membership.role in PERSONAL_DATA_ROLES


def mask(value: str | None) -> str:
    """``3171055512820002`` → ``3171••••••••0002``; short values are hidden whole."""
    value = value or ""
    if len(value) <= 6:
        return "•" * len(value)
    return value[:4] + "•" * (len(value) - 8) + value[-4:]
