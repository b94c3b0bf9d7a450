"""Public addresses that never break: a slug of the name with the record's id at the end."""

from django.utils.text import slugify


def slug_with_id(name: str, pk: int) -> str:
    """``Kain Endek Tenun`` #42 → ``kain-endek-tenun-42``. The id makes it unique and stable:
    a renamed product keeps its id, so a printed QR link still finds it (and redirects)."""
    return f"{slugify(name)[:60].strip('-') or 'produk'}-{pk}"


def id_from_slug(slug: str) -> int | None:
    """The id at the end of a slug made by :func:`slug_with_id`, or None."""
    tail = slug.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() and len(tail) < 12 else None
