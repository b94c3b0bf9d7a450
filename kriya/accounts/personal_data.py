"""Personal data (NIK, phone, address): shown in full only to roles allowed to see it."""

from django.http import HttpRequest

from kriya.accounts import roles


def may_see_personal_data(request: HttpRequest) -> bool:
    return roles.role_allows(request, roles.PERSONAL_DATA)


def mask(value: str | None) -> str:
    """``3171055512820002`` → ``3171••••••••0002``; short values are hidden whole."""
    value = value or ""
    if len(value) <= 6:
        return "•" * len(value)
    return value[:4] + "•" * (len(value) - 8) + value[-4:]
